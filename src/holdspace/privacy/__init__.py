"""Accounts, passwords, sessions, consent and the one access policy."""
