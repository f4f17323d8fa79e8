"""Progress on goals, for the goal's page, the journey and the session report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from holdspace.goals import schedule
from holdspace.goals.checkins import GoalCheckIn, checkins_of, day_outcomes, goal_milestones
from holdspace.goals.goal import STATUSES, Goal, goals_of
from holdspace.goals.schedule import OUTCOMES, Milestone


@dataclass(frozen=True)
class GoalProgress:
    goal_id: int
    text: str
    status: str
    schedule: str
    planned: int  # check-in days the schedule held in the period
    done: int
    partly: int
    not_this_time: int
    practice: float  # done + half of partly
    milestones: tuple[Milestone, ...]  # reached within the period

    @property
    def share(self) -> float | None:
        """Practice as a share of what was planned (0–1), or None when nothing was planned."""
        return min(self.practice / self.planned, 1.0) if self.planned else None


def progress_between(db: Session, owner_id: int, start: date, end: date) -> list[GoalProgress]:
    """Goal progress between two dates (both included), one row per goal that was live in them.

    For the journey page and the session report: `owner_id` must already have passed the access
    policy for "goals". Counts are check-ins by outcome; `planned` is the schedule's check-in days
    within the goal's own dates; milestones are those reached in the period. Texts are opened.
    """
    rows = []
    for goal in goals_of(db, owner_id, statuses=STATUSES):
        live_to = min(end, goal.ends_on or end, goal.completed_on or end)
        live_from = max(start, goal.starts_on)
        checkins = checkins_of(db, goal, with_notes=False)
        inside = [c for c in checkins if start <= c.day <= end]
        if not inside and (live_from > live_to or goal.status == "archived"):
            continue
        counts = {o: sum(c.outcome == o for c in inside) for o in OUTCOMES}
        reached = tuple(m for m in goal_milestones(goal, checkins) if start <= m.reached_on <= end)
        rows.append(GoalProgress(goal.id, goal.text, goal.status, goal.schedule_words,
                                 schedule.planned_between(goal.days, live_from, live_to), counts["done"],
                                 counts["partly"], counts["not_this_time"],
                                 sum(schedule.practice_weight(c.outcome) for c in inside), reached))
    return rows


def weekly(goal: Goal, checkins: list[GoalCheckIn], on: date) -> list[schedule.WeekPoint]:
    """Practice week by week, from the goal's start until `on` (or its end, if that came first)."""
    until = min(on, goal.ends_on or on, goal.completed_on or on)
    return schedule.weekly_progress(goal.days, goal.starts_on, until, day_outcomes(checkins))
