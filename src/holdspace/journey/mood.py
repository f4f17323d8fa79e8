"""Mood check-ins: a 0–10 mood, feelings picked from a list, and an optional note."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety import alerts
from holdspace.safety.risk import NO_RISK, Assessment, assess
from holdspace.store.base import Base, UTCDateTime

NOTE_LIMIT = 2000
MOOD_WORDS = {0: "very low", 2: "low", 4: "a bit low", 5: "in the middle", 6: "okay",
              8: "good", 10: "very good"}


class CheckIn(Base):
    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    mood: Mapped[int] = mapped_column(Integer)
    feelings: Mapped[str] = mapped_column(String(400))  # comma-separated keys from feelings.toml
    note_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    note = ""  # the opened note, filled in by the functions below that load check-ins
    assessment: Assessment = NO_RISK  # set when the note is written: risk is checked before sealing

    @property
    def feeling_list(self) -> list[str]:
        return [f for f in self.feelings.split(",") if f]

    @property
    def mood_word(self) -> str:
        return mood_word(self.mood)


@cache
def feeling_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = tomllib.loads(resources.files("holdspace.journey").joinpath("feelings.toml").read_text())
    return tuple((g["name"], tuple(g["feelings"])) for g in data["group"])


def all_feelings() -> tuple[str, ...]:
    return tuple(f for _, group in feeling_groups() for f in group)


def mood_word(mood: int) -> str:
    return MOOD_WORDS[max(k for k in MOOD_WORDS if k <= mood)]


def parse_mood(raw: object) -> int:
    """Accept 0–10 as an int or a string of digits; anything else is a kind error."""
    text = str(raw).strip() if raw is not None else ""
    if isinstance(raw, bool) or not text.lstrip("-").isdigit():
        raise InvalidInput(fields={"mood": "Please choose your mood on the scale from 0 to 10."})
    mood = int(text)
    if not 0 <= mood <= 10:
        raise InvalidInput(fields={"mood": "Mood goes from 0 (very low) to 10 (very good)."})
    return mood


def check_checkin(mood: object, feelings: list[str] | tuple[str, ...], note: str | None):
    """Validate a check-in; return (mood, feelings, note) or raise with every problem at once."""
    problems: dict[str, str] = {}
    try:
        mood = parse_mood(mood)
    except InvalidInput as exc:
        problems.update(exc.fields)
    known = all_feelings()
    cleaned = [f.strip().lower() for f in feelings if f and f.strip()]
    unknown = [f for f in cleaned if f not in known]
    if unknown:
        problems["feelings"] = ("Please pick feelings from the list; we didn't recognise: "
                                + ", ".join(unknown[:5]) + ".")
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        problems["note"] = (f"Notes can hold up to {NOTE_LIMIT} characters; this one has "
                            f"{len(note)}. Your text is still here to shorten.")
    if problems:
        raise InvalidInput(fields=problems)
    ordered = [f for f in known if f in cleaned]
    return mood, ordered, note


def record_checkin(db: Session, client: User, mood: object, feelings=(), note: str | None = "",
                   at: datetime | None = None) -> CheckIn:
    """Save a check-in for this client."""
    if not client.is_client:
        raise NotAllowed("Mood check-ins are for client accounts.")
    mood, feelings, note = check_checkin(mood, list(feelings), note)
    assessment = assess(note) if note else None  # every word a client writes is checked, at turn 1 or 300
    checkin = CheckIn(owner_id=client.id, mood=mood, feelings=",".join(feelings),
                      created_at=at or clock.now())
    db.add(checkin)
    db.flush()  # the id is part of what the note is sealed to
    if note:
        checkin.assessment = assessment
        checkin.note_sealed = keys.seal_text(db, client.id, CheckIn.__tablename__, "note", checkin.id, note)
        alerts.notice(db, client, checkin.assessment, where="checkin", item_id=checkin.id, text=note)
    checkin.note = note
    return checkin


def open_note(db: Session, checkin: CheckIn) -> CheckIn:
    """Fill in checkin.note from its sealed form."""
    checkin.note = "" if checkin.note_sealed is None else keys.open_text(
        db, checkin.owner_id, CheckIn.__tablename__, "note", checkin.id, checkin.note_sealed)
    return checkin


def list_checkins(db: Session, owner_id: int, *, days: int | None = None,
                  limit: int | None = None) -> list[CheckIn]:
    """Newest first; owner_id must already have passed the access policy."""
    query = select(CheckIn).where(CheckIn.owner_id == owner_id)
    if days is not None:
        query = query.where(CheckIn.created_at >= clock.now() - timedelta(days=days))
    query = query.order_by(CheckIn.created_at.desc(), CheckIn.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [open_note(db, c) for c in db.scalars(query)]


@dataclass(frozen=True)
class MoodSummary:
    count: int
    average: float | None
    lowest: int | None
    highest: int | None
    common_feelings: tuple[str, ...]


def summarise(checkins: list[CheckIn]) -> MoodSummary:
    if not checkins:
        return MoodSummary(0, None, None, None, ())
    moods = [c.mood for c in checkins]
    counts: dict[str, int] = {}
    for c in checkins:
        for f in c.feeling_list:
            counts[f] = counts.get(f, 0) + 1
    common = tuple(sorted(counts, key=lambda f: (-counts[f], f))[:3])
    return MoodSummary(len(moods), round(sum(moods) / len(moods), 1), min(moods), max(moods), common)
