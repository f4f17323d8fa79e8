"""The one place holdspace asks what time it is, so tests can freeze it."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo


def now() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def today_in(zone: str = "") -> date:
    """Today in this IANA time zone (empty: this computer's): the day a person means by "today"."""
    return now().astimezone(ZoneInfo(zone) if zone else None).date()


def today(db=None) -> date:
    """Today where the practice is (HOLDSPACE_TIME_ZONE, carried on a database session's `info`)."""
    return today_in(db.info.get("time_zone", "") if db is not None else "")


def day_of(at: datetime, db=None) -> date:
    """The date a moment fell on where the practice is (HOLDSPACE_TIME_ZONE, as for `today`)."""
    zone = db.info.get("time_zone", "") if db is not None else ""
    return at.astimezone(ZoneInfo(zone) if zone else None).date()
