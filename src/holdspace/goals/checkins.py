"""Check-ins on a goal — done, partly, or not this time — and the milestones they reach.

A check-in's note is checked for risk, then sealed with the client's data key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Date, ForeignKey, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotFound
from holdspace.goals import schedule
from holdspace.goals.goal import Goal, alert_therapist, goals_of
from holdspace.goals.schedule import OUTCOMES, Milestone
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety.risk import NO_RISK, Assessment, assess
from holdspace.store.base import Base, UTCDateTime

NOTE_LIMIT = 2000
CHECKINS = "goal_checkins"
OUTCOME_WORDS = {"done": "Done", "partly": "Partly", "not_this_time": "Not this time"}


class GoalCheckIn(Base):
    __tablename__ = CHECKINS

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    note_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    note = ""
    assessment: Assessment = NO_RISK

    @property
    def outcome_words(self) -> str:
        return OUTCOME_WORDS[self.outcome]


@cache
def messages() -> dict[str, str]:
    return tomllib.loads((Path(__file__).parent / "messages.toml").read_text(encoding="utf-8"))["checkin"]


@dataclass
class CheckInResult:
    checkin: GoalCheckIn
    message: str
    welcome_back: bool
    new_milestones: list[Milestone] = field(default_factory=list)


def check_outcome(outcome: str, note: str) -> tuple[str, str]:
    problems = {}
    if outcome not in OUTCOMES:
        problems["outcome"] = "Please choose how it went: done, partly, or not this time."
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        problems["note"] = (f"Notes can hold up to {NOTE_LIMIT} characters; this one has {len(note)}. "
                            "Your text is still here to shorten.")
    if problems:
        raise InvalidInput(fields=problems)
    return outcome, note


def checkins_of(db: Session, goal: Goal, *, limit: int | None = None, with_notes: bool = True) -> list[GoalCheckIn]:
    """Newest first; notes opened unless not needed."""
    query = (select(GoalCheckIn).where(GoalCheckIn.goal_id == goal.id)
             .order_by(GoalCheckIn.day.desc(), GoalCheckIn.id.desc()))
    if limit is not None:
        query = query.limit(limit)
    rows = list(db.scalars(query))
    if with_notes:
        for c in rows:
            c.note = "" if c.note_sealed is None else keys.open_text(db, c.owner_id, CHECKINS, "note", c.id,
                                                                    c.note_sealed)
    return rows


def day_outcomes(checkins: list[GoalCheckIn]) -> list[tuple[date, str]]:
    """The (day, outcome) pairs the pure schedule rules read."""
    return [(c.day, c.outcome) for c in checkins]


def goal_milestones(goal: Goal, checkins: list[GoalCheckIn]) -> list[Milestone]:
    return schedule.milestones(goal.days, goal.starts_on, goal.ends_on, day_outcomes(checkins), goal.completed_on)


def record_checkin(db: Session, client: User, goal: Goal, outcome: str, note: str = "",
                   day: date | None = None, at: datetime | None = None) -> CheckInResult:
    """Record how it went today; the note is checked for risk, then sealed."""
    if goal.owner_id != client.id:
        raise NotFound()
    outcome, note = check_outcome(outcome, note)
    day = day or clock.today(db)
    earlier = checkins_of(db, goal, with_notes=False)
    before = {m.key for m in goal_milestones(goal, earlier)}
    last = max((c.day for c in earlier if c.day < day), default=None)
    welcome_back = last is not None and schedule.missed_since(goal.days, last, day)
    checkin = GoalCheckIn(goal_id=goal.id, owner_id=client.id, day=day, outcome=outcome,
                          created_at=at or clock.now())
    db.add(checkin)
    db.flush()
    if note:
        checkin.assessment = assess(note)
        checkin.note_sealed = keys.seal_text(db, client.id, CHECKINS, "note", checkin.id, note)
        alert_therapist(db, client, checkin.assessment, goal.id, note)
    checkin.note = note
    reached = [m for m in goal_milestones(goal, earlier + [checkin]) if m.key not in before]
    text = messages()["welcome_back"] if welcome_back else messages()[outcome]
    return CheckInResult(checkin, text, welcome_back, reached)


def is_due(goal: Goal, checked_today: bool, on: date) -> bool:
    return (goal.status == "active" and schedule.is_scheduled(goal.days, on) and goal.starts_on <= on
            and (goal.ends_on is None or on <= goal.ends_on) and not checked_today)


def due_today(db: Session, owner_id: int) -> list[Goal]:
    """Active goals with a check-in planned today that hasn't happened yet: the in-app reminder."""
    on = clock.today(db)
    checked = set(db.scalars(select(GoalCheckIn.goal_id).where(GoalCheckIn.owner_id == owner_id,
                                                               GoalCheckIn.day == on)))
    return [g for g in goals_of(db, owner_id, statuses=("active",)) if is_due(g, g.id in checked, on)]
