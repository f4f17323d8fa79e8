"""Everything waiting for a client today, in one gentle list: the in-app reminder on the home page.

Homework from a therapist, goal check-ins planned for today, and questionnaires whose round is
open. Each is an invitation with a link; none carries a date it was "missed" on.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from holdspace.goals import checkins as goal_checkins
from holdspace.homework import assignments
from holdspace.journey import questionnaires
from holdspace.privacy.accounts import User


@dataclass(frozen=True)
class DueItem:
    what: str  # homework, goal or questionnaire
    title: str
    href: str
    why: str  # who asked, or what it is for
    note: str = ""


def due_now(db: Session, client: User) -> list[DueItem]:
    """What the client could do today, homework first; nothing here is ever overdue."""
    found = [DueItem("homework", s.homework.practice.name, s.homework.practice.href,
                     f"Suggested by {s.homework.from_name}", s.homework.note)
             for s in assignments.for_client(db, client) if s.is_due]
    found += [DueItem("goal", g.text, f"/goals/{g.id}", "A check-in on your goal, planned for today")
              for g in goal_checkins.due_today(db, client.id)]
    found += [DueItem("questionnaire", d.assignment.definition.name, f"/measures/{d.assignment.instrument}",
                      f"Asked for {d.assignment.every_words}")
              for d in questionnaires.due_for(db, client.id) if d.is_due]
    return found
