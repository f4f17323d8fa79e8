"""Signing in as alice from a test of the terminal, and what she types after her password."""

SIGN_IN = ("--email", "alice@example.org", "--password-stdin")
PASSWORD = "correct horse battery"


def typed(*lines: str) -> str:
    """Alice's password, then each line she types, as standard input."""
    return "".join(line + "\n" for line in (PASSWORD, *lines))
