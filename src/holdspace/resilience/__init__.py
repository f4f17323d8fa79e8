"""Resilience: strengths with examples, a coping toolbox rated by use, and a support network."""
