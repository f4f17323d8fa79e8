"""Load what the journey is drawn from: times and numbers only, never anyone's words."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from holdspace import clock
from holdspace.creativity.journal import JournalEntry
from holdspace.journey import timeline
from holdspace.journey.mood import CheckIn
from holdspace.journey.questionnaires import DONE, Administration


def checkin_points(db: Session, owner_id: int, since: datetime | None = None) -> list[tuple[datetime, int]]:
    query = select(CheckIn.created_at, CheckIn.mood).where(CheckIn.owner_id == owner_id)
    if since is not None:
        query = query.where(CheckIn.created_at >= since)
    return [(at, m) for at, m in db.execute(query.order_by(CheckIn.created_at))]


def journal_times(db: Session, owner_id: int, *, include_private: bool = True) -> list[datetime]:
    query = select(JournalEntry.created_at).where(JournalEntry.owner_id == owner_id)
    if not include_private:
        query = query.where(JournalEntry.private.is_(False))
    return list(db.scalars(query.order_by(JournalEntry.created_at)))


def measure_points(db: Session, owner_id: int, since: datetime | None = None) -> list[timeline.MeasurePoint]:
    query = select(Administration.completed_at, Administration.instrument, Administration.total,
                   Administration.band).where(Administration.owner_id == owner_id, Administration.status == DONE)
    if since is not None:
        query = query.where(Administration.completed_at >= since)
    return [timeline.MeasurePoint(at, key, total, band)
            for at, key, total, band in db.execute(query.order_by(Administration.completed_at))]


#: Everything a client's own journey draws on.
EVERYTHING = ("mood", "journal", "measures", "exercises", "goals")


def practice_points(db: Session, owner_id: int) -> list[tuple[datetime, int]]:
    """When each practice-log entry was made and its whole minutes (at least one)."""
    from holdspace.mindfulness.log import PracticeSession

    query = select(PracticeSession.created_at, PracticeSession.seconds).where(PracticeSession.owner_id == owner_id)
    return [(at, max(1, round(seconds / 60))) for at, seconds in db.execute(query.order_by(PracticeSession.created_at))]


def goal_checkin_times(db: Session, owner_id: int) -> list[datetime]:
    from holdspace.goals.checkins import GoalCheckIn

    query = select(GoalCheckIn.created_at).where(GoalCheckIn.owner_id == owner_id)
    return list(db.scalars(query.order_by(GoalCheckIn.created_at)))


def journey_of(db: Session, owner, *, now: datetime, categories) -> tuple:
    """The journey of this owner (already allowed), with only the categories given; and its raw points.

    Months are the practice's (`clock.zone`), so a check-in late on the 31st stays in its month.
    """
    checkins = checkin_points(db, owner.id) if "mood" in categories else []
    journal = journal_times(db, owner.id) if "journal" in categories else []
    taken = measure_points(db, owner.id) if "measures" in categories else []
    practices = practice_points(db, owner.id) if "exercises" in categories else []
    goal_checkins = goal_checkin_times(db, owner.id) if "goals" in categories else []
    built = timeline.build(checkins, journal, taken, now=now, zone=clock.zone(db), joined=owner.created_at,
                           practices=practices, goal_checkins=goal_checkins)
    return built, checkins, taken
