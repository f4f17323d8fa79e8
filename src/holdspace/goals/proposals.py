"""A therapist's suggestion of a goal, or of a change to one; it becomes real only if the client accepts.

The suggestion is sealed with the client's key, so deleting the client's account leaves nothing
readable of it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.goals import schedule
from holdspace.goals.goal import Goal, GoalFields, create_goal, own_goal, update_goal
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

PROPOSALS = "goal_proposals"


class GoalProposal(Base):
    """A goal, or a change to one, that a therapist suggests; it becomes real only if the client accepts."""

    __tablename__ = PROPOSALS

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), nullable=True)
    text_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    days: Mapped[str] = mapped_column(String(7))
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16))  # open, accepted, declined
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    text = ""
    therapist_name = ""

    @property
    def schedule_words(self) -> str:
        return schedule.days_phrase(self.days)


def propose(db: Session, therapist: User, client: User, fields: GoalFields, goal: Goal | None = None) -> GoalProposal:
    """A therapist suggests a goal (or a change to `goal`); the caller has checked the share."""
    if not therapist.is_therapist:
        raise NotAllowed("Only therapists can suggest goals.")
    proposal = GoalProposal(client_id=client.id, therapist_id=therapist.id, goal_id=goal.id if goal else None,
                            text_sealed=b"", days=fields.days, ends_on=fields.ends_on, status="open",
                            created_at=clock.now())
    db.add(proposal)
    db.flush()
    proposal.text_sealed = keys.seal_text(db, client.id, PROPOSALS, "text", proposal.id, fields.text)
    proposal.text = fields.text
    return proposal


def _open_proposal(db: Session, proposal: GoalProposal) -> GoalProposal:
    proposal.text = keys.open_text(db, proposal.client_id, PROPOSALS, "text", proposal.id, proposal.text_sealed)
    therapist = db.get(User, proposal.therapist_id)
    proposal.therapist_name = therapist.display_name if therapist else "Your therapist"
    return proposal


def proposals_for(db: Session, client_id: int, *, therapist_id: int | None = None,
                  status: str | None = None) -> list[GoalProposal]:
    query = select(GoalProposal).where(GoalProposal.client_id == client_id)
    if therapist_id is not None:
        query = query.where(GoalProposal.therapist_id == therapist_id)
    if status is not None:
        query = query.where(GoalProposal.status == status)
    return [_open_proposal(db, p) for p in db.scalars(query.order_by(GoalProposal.created_at.desc(),
                                                                     GoalProposal.id.desc()))]


def _client_proposal(db: Session, client: User, proposal_id: int) -> GoalProposal:
    proposal = db.get(GoalProposal, proposal_id)
    if proposal is None or proposal.client_id != client.id:
        raise NotFound()
    if proposal.status != "open":
        raise InvalidInput("You've already answered this suggestion.")
    return _open_proposal(db, proposal)


def accept(db: Session, client: User, proposal_id: int) -> Goal:
    """The client takes the suggestion: a new goal, or the change made to their goal."""
    proposal = _client_proposal(db, client, proposal_id)
    fields = GoalFields(proposal.text, proposal.days,
                        proposal.ends_on if proposal.ends_on is None or proposal.ends_on >= clock.today(db) else None)
    if proposal.goal_id is not None:
        goal = update_goal(db, own_goal(db, client, proposal.goal_id), fields)
    else:
        goal = create_goal(db, client, fields, proposed_by=proposal.therapist_id)
    proposal.status, proposal.decided_at = "accepted", clock.now()
    db.flush()
    return goal


def decline(db: Session, client: User, proposal_id: int) -> GoalProposal:
    proposal = _client_proposal(db, client, proposal_id)
    proposal.status, proposal.decided_at = "declined", clock.now()
    db.flush()
    return proposal
