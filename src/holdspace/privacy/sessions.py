"""Server-side sign-in sessions: random ids, idle and absolute expiry, ended on logout."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.privacy import audit
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

# Writing last_seen on every request would make reads into writes; a minute's slack is plenty.
TOUCH_EVERY = timedelta(seconds=60)


class SignIn(Base):
    """One signed-in browser or API client; only a hash of its token is stored."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Session, user: User) -> str:
    """Open a session for this user and return its token (256 random bits)."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    db.add(SignIn(id=_digest(token), user_id=user.id, created_at=now, last_seen_at=now))
    audit.record(db, "login", actor_id=user.id, subject_id=user.id)
    db.flush()
    return token


def resume_session(db: Session, token: str, *, idle: timedelta, absolute: timedelta) -> User | None:
    """Return the user behind a live token; end and forget the session if it has expired."""
    if not token or len(token) > 128:
        return None
    signin = db.get(SignIn, _digest(token))
    if signin is None:
        return None
    now = clock.now()
    user = db.get(User, signin.user_id)
    expired = now - signin.last_seen_at > idle or now - signin.created_at > absolute
    if expired or now - signin.last_seen_at > TOUCH_EVERY:
        # The write starts a transaction of its own: a reading one can't safely become a writing
        # one on SQLite once someone else has written in between.
        db.commit()
        if expired:
            db.delete(signin)
        else:
            signin.last_seen_at = now
        db.commit()
    return None if expired else user


def end_all_sessions(db: Session, user_id: int) -> None:
    db.execute(delete(SignIn).where(SignIn.user_id == user_id))


def count_sessions(db: Session, user_id: int) -> int:
    return len(db.scalars(select(SignIn.id).where(SignIn.user_id == user_id)).all())
