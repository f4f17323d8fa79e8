"""The one place holdspace asks what time it is, so tests can freeze it."""

from datetime import datetime, timezone


def now() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)
