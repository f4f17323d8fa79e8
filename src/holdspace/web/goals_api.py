"""The goals API: goals, check-ins, SMART readings and a therapist's suggestions, as JSON."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.goals import schedule
from holdspace.goals.checkins import checkins_of, goal_milestones, record_checkin
from holdspace.goals.goal import DEFAULT_REMINDER, Goal, check_goal, create_goal, goals_of, own_goal, visible_goal
from holdspace.goals.proposals import GoalProposal, accept, decline, propose, proposals_for
from holdspace.goals.smart import analyse
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, Therapist

api = APIRouter(tags=["goals"])


class GoalIn(BaseModel):
    text: str = Field(max_length=5000, description="The goal in the client's own words")
    days: list[str] = Field(description="Check-in days: mon..sun, or [\"daily\"]", max_length=7)
    ends_on: date | None = Field(None, description="By when (today or later)")
    confidence: int | None = Field(None, description="How sure, 0 to 10")
    why: str = Field("", max_length=5000, description="What would be different")
    remind_at: str = Field(DEFAULT_REMINDER, max_length=5, description="Reminder time, HH:MM local")


class MilestoneOut(BaseModel):
    key: str
    title: str
    message: str
    reached_on: date


class GoalOut(BaseModel):
    id: int
    text: str
    why: str
    days: list[str]
    schedule: str
    starts_on: date
    ends_on: date | None
    remind_at: str
    confidence: int | None
    status: str
    created_at: datetime
    milestones: list[MilestoneOut]


class SavedGoal(GoalOut):
    level: str = Field(description="Risk found in what was written: none, concern or urgent")
    crisis_response: list[str] | None = None


class GoalCheckInIn(BaseModel):
    outcome: str = Field(description="done, partly or not_this_time")
    note: str = Field("", max_length=20000)


class GoalCheckInOut(BaseModel):
    id: int
    day: date
    outcome: str
    note: str
    created_at: datetime


class SavedGoalCheckIn(GoalCheckInOut):
    message: str
    welcome_back: bool
    new_milestones: list[MilestoneOut]
    level: str
    crisis_response: list[str] | None = None


class ProposalIn(BaseModel):
    text: str = Field(max_length=5000)
    days: list[str] = Field(max_length=7)
    ends_on: date | None = None
    goal_id: int | None = Field(None, description="Set to suggest a change to this goal")


class ProposalOut(BaseModel):
    id: int
    goal_id: int | None
    text: str
    days: list[str]
    ends_on: date | None
    status: str
    therapist: str
    created_at: datetime


class SmartIn(BaseModel):
    text: str = Field(max_length=5000)
    confidence: int | None = Field(None, ge=0, le=10)
    why: str = Field("", max_length=5000)


def _milestones(items) -> list[MilestoneOut]:
    return [MilestoneOut(key=m.key, title=m.title, message=m.message, reached_on=m.reached_on) for m in items]


def _goal_out(db, goal: Goal) -> GoalOut:
    checkins = checkins_of(db, goal, with_notes=False)
    return GoalOut(id=goal.id, text=goal.text, why=goal.why, days=goal.day_keys, schedule=goal.schedule_words,
                   starts_on=goal.starts_on, ends_on=goal.ends_on, remind_at=goal.remind_at,
                   confidence=goal.confidence, status=goal.status, created_at=goal.created_at,
                   milestones=_milestones(goal_milestones(goal, checkins)))


def _proposal_out(p: GoalProposal) -> ProposalOut:
    return ProposalOut(id=p.id, goal_id=p.goal_id, text=p.text, days=schedule.day_keys(p.days), ends_on=p.ends_on,
                       status=p.status, therapist=p.therapist_name, created_at=p.created_at)


def _crisis(request: Request, assessment, db, user):
    response = crisis.response_for(request, assessment, db=db, client=user)
    return list(response.sentences) if response else None


@api.get("/goals", response_model=list[GoalOut])
def api_goals(db: Db, user: Client):
    """Your goals: active first, then finished ones."""
    return [_goal_out(db, g) for g in goals_of(db, user.id)]


@api.post("/goals", response_model=SavedGoal, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Empty or one-word goal, no days, or a date in the past"}})
def api_create_goal(request: Request, body: GoalIn, db: Db, user: Client):
    """Save a goal written in your own words (checked for risk, then sealed)."""
    fields = check_goal(body.text, schedule.days_from_keys(body.days), body.ends_on,
                        confidence=body.confidence, why=body.why, remind_at=body.remind_at, on=clock.today(db))
    goal = create_goal(db, user, fields)
    db.commit()
    return SavedGoal(**_goal_out(db, goal).model_dump(), level=goal.assessment.level,
                     crisis_response=_crisis(request, goal.assessment, db, user))


@api.get("/goals/{goal_id}", response_model=GoalOut, responses={404: {"description": "Not your goal"}})
def api_goal(db: Db, user: Client, goal_id: Id):
    """One of your goals, with the milestones reached."""
    return _goal_out(db, own_goal(db, user, goal_id))


@api.get("/goals/{goal_id}/checkins", response_model=list[GoalCheckInOut], responses={404: {"description": "Not your goal"}})
def api_goal_checkins(db: Db, user: Client, goal_id: Id):
    """Check-ins on one of your goals, newest first."""
    goal = own_goal(db, user, goal_id)
    return [GoalCheckInOut(id=c.id, day=c.day, outcome=c.outcome, note=c.note, created_at=c.created_at)
            for c in checkins_of(db, goal)]


@api.post("/goals/{goal_id}/checkins", response_model=SavedGoalCheckIn, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Unknown outcome or note too long"}, 404: {"description": "Not your goal"}})
def api_check_in(request: Request, body: GoalCheckInIn, db: Db, user: Client, goal_id: Id):
    """Say how it went today: done, partly or not this time, with an optional note."""
    goal = own_goal(db, user, goal_id)
    result = record_checkin(db, user, goal, body.outcome, body.note)
    db.commit()
    c = result.checkin
    return SavedGoalCheckIn(id=c.id, day=c.day, outcome=c.outcome, note=c.note, created_at=c.created_at,
                            message=result.message, welcome_back=result.welcome_back,
                            new_milestones=_milestones(result.new_milestones), level=c.assessment.level,
                            crisis_response=_crisis(request, c.assessment, db, user))


@api.post("/smart", dependencies=[CheckCsrf])
def api_smart(body: SmartIn, user: SignedIn) -> dict:
    """Read a goal's wording for SMART: each criterion true, false or null, with reasons and questions."""
    return analyse(body.text, confidence=body.confidence, why=body.why).as_dict()


@api.get("/goal-proposals", response_model=list[ProposalOut])
def api_proposals(db: Db, user: Client):
    """Suggestions from your therapists, open and answered."""
    return [_proposal_out(p) for p in proposals_for(db, user.id)]


@api.post("/goal-proposals/{proposal_id}/accept", response_model=GoalOut, dependencies=[CheckCsrf],
          responses={404: {"description": "Not a suggestion to you"}})
def api_accept(db: Db, user: Client, proposal_id: Id):
    """Take a suggestion: it becomes your goal (or changes it)."""
    goal = accept(db, user, proposal_id)
    db.commit()
    return _goal_out(db, goal)


@api.post("/goal-proposals/{proposal_id}/decline", response_model=ProposalOut, dependencies=[CheckCsrf],
          responses={404: {"description": "Not a suggestion to you"}})
def api_decline(db: Db, user: Client, proposal_id: Id):
    """Turn a suggestion down; your therapist sees that you did."""
    proposal = decline(db, user, proposal_id)
    db.commit()
    return _proposal_out(proposal)


@api.get("/clients/{client_id}/goals", response_model=list[GoalOut],
         responses={404: {"description": "Not your client, or goals aren't shared"}})
def api_client_goals(db: Db, user: SignedIn, client_id: Id):
    """A client's goals, for a therapist the client shares goals with."""
    owner = visible_owner(db, user, client_id, "goals")
    rows = [_goal_out(db, g) for g in goals_of(db, owner.id)]
    db.commit()  # the read is audited
    return rows


@api.post("/clients/{client_id}/goal-proposals", response_model=ProposalOut, status_code=201,
          dependencies=[CheckCsrf], responses={404: {"description": "Not your client, or goals aren't shared"}})
def api_propose(body: ProposalIn, db: Db, user: Therapist, client_id: Id):
    """Suggest a goal, or a change to one; the client decides."""
    owner = visible_owner(db, user, client_id, "goals")
    linked_client(db, user, client_id)
    fields = check_goal(body.text, schedule.days_from_keys(body.days), body.ends_on, on=clock.today(db))
    goal = visible_goal(db, owner.id, body.goal_id) if body.goal_id else None
    proposal = propose(db, user, owner, fields, goal)
    db.commit()
    proposal.therapist_name = user.display_name
    return _proposal_out(proposal)
