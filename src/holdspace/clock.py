"""The one place holdspace asks what time it is, so tests can freeze it.

Stored times are UTC. What a person reads (a date, a clock time, where a day begins) is in the
practice's time zone: HOLDSPACE_TIME_ZONE, carried on a database session's `info`; when it is
empty, this computer's own zone. Never call `.astimezone()` without a zone outside this module.
"""

from datetime import date, datetime, time, timezone, tzinfo
from zoneinfo import ZoneInfo


def now() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def zone_named(name: str = "") -> tzinfo | None:
    """The IANA zone of this name; None (this computer's own zone) when the name is empty."""
    return ZoneInfo(name) if name else None


def zone(db=None) -> tzinfo | None:
    """The practice's time zone (HOLDSPACE_TIME_ZONE on a database session's `info`); None: this computer's."""
    return zone_named(db.info.get("time_zone", "") if db is not None else "")


def local(at: datetime, where: tzinfo | None) -> datetime:
    """A stored moment as the clock on the wall showed it in `where` (None: this computer's zone)."""
    return at.astimezone(where)


def midnight(day: date, where: tzinfo | None) -> datetime:
    """The moment `day` began in `where` (None: this computer's zone), timezone-aware."""
    if where is None:
        return datetime.combine(day, time.min).astimezone()
    return datetime.combine(day, time.min, tzinfo=where)


def today_in(name: str = "") -> date:
    """Today in this IANA time zone (empty: this computer's): the day a person means by "today"."""
    return local(now(), zone_named(name)).date()


def today(db=None) -> date:
    """Today where the practice is (HOLDSPACE_TIME_ZONE, carried on a database session's `info`)."""
    return local(now(), zone(db)).date()


def day_of(at: datetime, db=None) -> date:
    """The date a moment fell on where the practice is (HOLDSPACE_TIME_ZONE, as for `today`)."""
    return local(at, zone(db)).date()
