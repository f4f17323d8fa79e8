"""The audit trail: append-only and hash-chained, so an edited or deleted row shows.

Each event's hash covers its own fields and the previous event's hash. The newest position is
also written to `audit.head` in the data folder, outside the database, so cutting rows off the
end shows too. Events name who, what and whose, never anything a person wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Integer, String, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.store.base import Base, UTCDateTime

GENESIS = "0" * 64

# Plain words for the client's activity page.
ACTIONS = {
    "login": "signed in",
    "login_failed": "a sign-in with a wrong password",
    "logout": "signed out everywhere",
    "password_changed": "changed the password",
    "read": "looked at",
    "shares_changed": "changed what is shared",
    "link_created": "connected",
    "link_ended": "ended the connection",
    "export": "downloaded a copy of",
    "import": "restored data from an export",
    "second_factor_on": "turned on two-step sign-in",
    "second_factor_off": "turned off two-step sign-in",
    "account_deleted": "deleted the account",
    "alerts_changed": "changed safety alerts",
    "alert_sent": "was sent a safety alert about",
    "alert_seen": "marked as seen a safety alert about",
    "safety_plan_changed": "changed the safety plan of",
}


class AuditEvent(Base):
    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    detail: Mapped[str] = mapped_column(String(200))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    @property
    def words(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def therapist_id(self) -> int | None:
        """The therapist a connection or sharing event was about, if any."""
        for part in self.detail.split():
            if part.startswith("therapist="):
                return int(part.split("=", 1)[1])
        return None

    @property
    def shares(self) -> list[str] | None:
        for part in self.detail.split():
            if part.startswith("shares="):
                value = part.split("=", 1)[1]
                return [] if value == "none" else value.split(",")
        return None


def _digest(prev_hash: str, seq: int, at: datetime, actor_id, action: str, subject_id, detail: str) -> str:
    body = json.dumps([prev_hash, seq, at.isoformat(), actor_id, action, subject_id, detail],
                      separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def _head_file(db: Session) -> Path | None:
    folder = db.info.get("data_dir")
    return Path(folder) / "audit.head" if folder else None


def record(db: Session, action: str, *, actor_id: int | None, subject_id: int | None = None,
           detail: str = "") -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    assert action in ACTIONS, action
    if db.get_bind().dialect.name == "postgresql":
        # One appender at a time, so the chain never forks (SQLite's write lock does this there).
        db.execute(text("SELECT pg_advisory_xact_lock(727274)"))
    last = db.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    at = clock.now()
    event = AuditEvent(seq=seq, at=at, actor_id=actor_id, action=action, subject_id=subject_id,
                       detail=detail[:200], prev_hash=prev,
                       hash=_digest(prev, seq, at, actor_id, action, subject_id, detail[:200]))
    db.add(event)
    db.flush()
    db.info.setdefault("audit_head", []).append((seq, event.hash))
    return event


def write_head(db: Session) -> None:
    """After a commit: note the newest event outside the database (best effort, atomic)."""
    pending = db.info.pop("audit_head", [])
    path = _head_file(db)
    if not pending or path is None:
        return
    seq, digest = max(pending)
    try:
        current = path.read_text().split()
        if current and int(current[0]) >= seq:
            return
    except (OSError, ValueError, IndexError):
        pass
    draft = path.with_name(f".audit.head.{os.getpid()}")
    try:
        draft.write_text(f"{seq} {digest}\n")
        os.replace(draft, path)
    except OSError:
        pass


@dataclass(frozen=True)
class Verdict:
    ok: bool
    events: int
    problem: str = ""


def verify(db: Session) -> Verdict:
    """Walk the chain from the start; name the first event that isn't as it was written."""
    prev, expected_seq, count = GENESIS, 1, 0
    for event in db.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        if event.seq != expected_seq:
            return Verdict(False, count, f"events {expected_seq} to {event.seq - 1} are missing")
        if event.prev_hash != prev:
            return Verdict(False, count, f"event {event.seq} doesn't follow event {event.seq - 1}")
        if _digest(prev, event.seq, event.at, event.actor_id, event.action, event.subject_id,
                   event.detail) != event.hash:
            return Verdict(False, count, f"event {event.seq} was changed after it was written")
        prev, expected_seq, count = event.hash, expected_seq + 1, count + 1
    path = _head_file(db)
    if path is not None and path.exists():
        try:
            head_seq, head_hash = path.read_text().split()
            head_seq = int(head_seq)
        except ValueError:
            return Verdict(False, count, "the audit.head file is damaged")
        if head_seq > count:
            return Verdict(False, count, f"events after {count} are missing (the log once reached {head_seq})")
        found = db.scalar(select(AuditEvent.hash).where(AuditEvent.seq == head_seq))
        if found != head_hash:
            return Verdict(False, count, f"event {head_seq} differs from the copy kept outside the database")
    return Verdict(True, count)


def events_about(db: Session, user_id: int, limit: int = 200) -> list[AuditEvent]:
    """What happened to this person's data and account, newest first."""
    return list(db.scalars(select(AuditEvent).where(
        (AuditEvent.subject_id == user_id) | (AuditEvent.actor_id == user_id))
        .order_by(AuditEvent.seq.desc()).limit(limit)))
