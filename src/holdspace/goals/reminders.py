"""A client's secret calendar address, and the feed of check-in reminders behind it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import NotAllowed, NotFound
from holdspace.goals import calendar
from holdspace.goals.goal import Goal
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

FEEDS = "goal_calendar_feeds"


class CalendarFeed(Base):
    """A client's secret calendar address: its hash finds them, its sealed copy shows it to them again."""

    __tablename__ = FEEDS

    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_token(db: Session, client: User, *, reset: bool = False) -> str:
    """The client's secret calendar token, made on first use; `reset` replaces it (the old one stops)."""
    if not client.is_client:
        raise NotAllowed("Calendar reminders are for client accounts.")
    row = db.get(CalendarFeed, client.id)
    if row is not None and not reset:
        return keys.open_text(db, client.id, FEEDS, "token", client.id, row.token_sealed)
    token = secrets.token_urlsafe(24)
    sealed = keys.seal_text(db, client.id, FEEDS, "token", client.id, token)
    if row is None:
        db.add(CalendarFeed(client_id=client.id, token_hash=_token_hash(token), token_sealed=sealed,
                            created_at=clock.now()))
    else:
        row.token_hash, row.token_sealed, row.created_at = _token_hash(token), sealed, clock.now()
    db.flush()
    return token


def feed_for_token(db: Session, token: str) -> str:
    """The iCalendar text for whoever holds this token, or NotFound."""
    if not token or len(token) > 100:
        raise NotFound()
    row = db.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _token_hash(token)))
    if row is None:
        raise NotFound()
    goals = db.scalars(select(Goal).where(Goal.owner_id == row.client_id, Goal.status == "active")
                       .order_by(Goal.id))
    reminders = [calendar.Reminder(uid=f"goal-{_token_hash(f'{row.token_hash}:{g.id}')[:24]}@holdspace",
                                   days=g.days, starts=g.starts_on, ends=g.ends_on,
                                   at=g.remind_at, changed=g.updated_at) for g in goals]
    return calendar.feed(reminders, now=clock.now())
