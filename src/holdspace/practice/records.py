"""What a therapist keeps in the practice area: uploaded session transcripts with their reports, and practice attempts.

Both are sealed with the therapist's own data key, like a client's notes: a transcript holds a
client's words, so it is treated as the most private thing in the building. No one else, admins
included, can list or open them; account deletion shreds the key and the rows go with the account.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

TRANSCRIPTS = "session_transcripts"
ATTEMPTS = "practice_attempts"
TITLE_LIMIT = 120


class SessionTranscript(Base):
    __tablename__ = TRANSCRIPTS

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    utterances: Mapped[int] = mapped_column(Integer)
    title_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    body_sealed: Mapped[bytes] = mapped_column(LargeBinary)      # the file as uploaded (text)
    report_sealed: Mapped[bytes] = mapped_column(LargeBinary)    # the report as JSON

    title = ""
    body = ""
    report: dict = {}


class PracticeAttempt(Base):
    __tablename__ = ATTEMPTS

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    statement: Mapped[str] = mapped_column(String(40))          # the bank's id, e.g. "s042"
    score: Mapped[int] = mapped_column(Integer)                  # 0–100, for the progress chart
    response_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    feedback_sealed: Mapped[bytes] = mapped_column(LargeBinary)  # the feedback as JSON

    response = ""
    feedback: dict = {}


def _therapist(user: User) -> None:
    if not user.is_therapist:
        raise NotAllowed("Listening-skills feedback is for therapist accounts.")


def save_transcript(db: Session, user: User, title: str, body: str, report: dict,
                    at: datetime | None = None) -> SessionTranscript:
    """Keep a transcript and its report, sealed with the therapist's key."""
    _therapist(user)
    title = (title or "").strip()[:TITLE_LIMIT] or "Session"
    row = SessionTranscript(owner_id=user.id, created_at=at or clock.now(),
                            utterances=len(report.get("utterances", [])),
                            title_sealed=b"", body_sealed=b"", report_sealed=b"")
    db.add(row)
    db.flush()
    row.title_sealed = keys.seal_text(db, user.id, TRANSCRIPTS, "title", row.id, title)
    row.body_sealed = keys.seal_text(db, user.id, TRANSCRIPTS, "body", row.id, body)
    row.report_sealed = keys.seal_text(db, user.id, TRANSCRIPTS, "report", row.id, json.dumps(report))
    row.title, row.body, row.report = title, body, report
    return row


def _open_transcript(db: Session, row: SessionTranscript, *, full: bool) -> SessionTranscript:
    row.title = keys.open_text(db, row.owner_id, TRANSCRIPTS, "title", row.id, row.title_sealed)
    if full:
        row.body = keys.open_text(db, row.owner_id, TRANSCRIPTS, "body", row.id, row.body_sealed)
        row.report = json.loads(keys.open_text(db, row.owner_id, TRANSCRIPTS, "report", row.id, row.report_sealed))
    return row


def transcripts(db: Session, user: User, *, full: bool = False) -> list[SessionTranscript]:
    """The therapist's transcripts, newest first (titles only unless `full`)."""
    rows = db.scalars(select(SessionTranscript).where(SessionTranscript.owner_id == user.id)
                      .order_by(SessionTranscript.created_at.desc(), SessionTranscript.id.desc()))
    return [_open_transcript(db, r, full=full) for r in rows]


def own_transcript(db: Session, user: User, transcript_id: int) -> SessionTranscript:
    row = db.get(SessionTranscript, transcript_id)
    if row is None or row.owner_id != user.id:
        raise NotFound()
    return _open_transcript(db, row, full=True)


def delete_transcript(db: Session, user: User, transcript_id: int) -> None:
    row = db.get(SessionTranscript, transcript_id)
    if row is None or row.owner_id != user.id:
        raise NotFound()
    db.delete(row)
    db.flush()


def save_attempt(db: Session, user: User, statement: str, response: str, feedback: dict, score: int,
                 at: datetime | None = None) -> PracticeAttempt:
    _therapist(user)
    if not 0 <= score <= 100:
        raise InvalidInput("A practice score runs from 0 to 100.")
    row = PracticeAttempt(owner_id=user.id, created_at=at or clock.now(), statement=statement[:40], score=score,
                          response_sealed=b"", feedback_sealed=b"")
    db.add(row)
    db.flush()
    row.response_sealed = keys.seal_text(db, user.id, ATTEMPTS, "response", row.id, response)
    row.feedback_sealed = keys.seal_text(db, user.id, ATTEMPTS, "feedback", row.id, json.dumps(feedback))
    row.response, row.feedback = response, feedback
    return row


def attempts(db: Session, user: User, limit: int = 10_000) -> list[PracticeAttempt]:
    """The therapist's practice attempts, oldest first, opened."""
    rows = db.scalars(select(PracticeAttempt).where(PracticeAttempt.owner_id == user.id)
                      .order_by(PracticeAttempt.created_at, PracticeAttempt.id).limit(limit))
    out = []
    for r in rows:
        r.response = keys.open_text(db, r.owner_id, ATTEMPTS, "response", r.id, r.response_sealed)
        r.feedback = json.loads(keys.open_text(db, r.owner_id, ATTEMPTS, "feedback", r.id, r.feedback_sealed))
        out.append(r)
    return out
