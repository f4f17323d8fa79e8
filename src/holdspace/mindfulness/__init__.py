"""Mindfulness: breathing patterns and their exact timelines, guided scripts, the practice log."""
