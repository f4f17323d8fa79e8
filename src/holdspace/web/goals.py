"""Goals: the step-by-step builder, check-ins and milestones, a therapist's suggestions, the calendar feed."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from markupsafe import Markup, escape
from pydantic import BaseModel, Field

from holdspace.errors import InvalidInput
from holdspace.goals import goals, schedule
from holdspace.goals.smart import analyse
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, Therapist, redirect, render

pages = APIRouter()
api = APIRouter(tags=["goals"])

# The builder's questions, in order; each answer rides along in the form until the goal is saved.
STEPS = ("wish", "why", "action", "days", "ends_on", "confidence", "write")
CARRIED = ("wish", "why", "action", "ends_on", "confidence")


# --- the progress chart -----------------------------------------------------------------------------

def progress_chart(points: list[schedule.WeekPoint], *, title: str = "Practice week by week") -> Markup:
    """Bars of practice per week against what was planned (the outline), last twelve weeks."""
    points = points[-12:]
    width, height, left, bottom, top = 640, 180, 36, 28, 12
    plot_h = height - top - bottom
    slot = (width - left - 12) / max(len(points), 1)
    top_value = max([p.planned for p in points] + [p.practice for p in points] + [1])
    total = sum(p.practice for p in points)
    desc = (f"{len(points)} week{'s' if len(points) != 1 else ''}; practice {total:g} check-ins' worth "
            f"against {sum(p.planned for p in points)} planned." if points else "No weeks to show yet.")
    parts = [f'<svg class="chart goal-chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="goal-chart-title goal-chart-desc" preserveAspectRatio="xMidYMid meet">',
             f'<title id="goal-chart-title">{escape(title)}</title><desc id="goal-chart-desc">{escape(desc)}</desc>',
             f'<line class="grid" x1="{left}" x2="{width - 12}" y1="{top + plot_h}" y2="{top + plot_h}"/>',
             f'<text class="axis" x="{left - 8}" y="{top + 4}" text-anchor="end">{top_value:g}</text>',
             f'<text class="axis" x="{left - 8}" y="{top + plot_h + 4}" text-anchor="end">0</text>']
    for i, p in enumerate(points):
        x = left + i * slot + slot * 0.2
        w = slot * 0.6
        planned_h = plot_h * p.planned / top_value
        done_h = plot_h * p.practice / top_value
        parts.append(f'<rect class="planned" x="{x:.1f}" y="{top + plot_h - planned_h:.1f}" width="{w:.1f}" '
                     f'height="{planned_h:.1f}" rx="3"/>')
        parts.append(f'<rect class="practice" x="{x:.1f}" y="{top + plot_h - done_h:.1f}" width="{w:.1f}" '
                     f'height="{done_h:.1f}" rx="3"><title>Week of {p.starts:%-d %b}: {p.practice:g} of '
                     f'{p.planned} planned</title></rect>')
        parts.append(f'<text class="axis" x="{x + w / 2:.1f}" y="{height - 8}" text-anchor="middle">'
                     f'{p.starts:%-d %b}</text>')
    if not points:
        parts.append(f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle">'
                     'Your practice will appear here.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


# --- the client's pages ---------------------------------------------------------------------------------

def _goal_summary(db, goal: goals.Goal) -> dict:
    checkins = goals.checkins_of(db, goal, with_notes=False)
    reached = goals.goal_milestones(goal, checkins)
    return {"goal": goal, "latest": reached[-1] if reached else None, "count": len(checkins)}


@pages.get("/goals")
def goals_page(request: Request, db: Db, user: Client):
    mine = goals.goals_of(db, user.id)
    return render(request, "goals/list.html", summaries=[_goal_summary(db, g) for g in mine],
                  due=goals.due_today(db, user.id),
                  proposals=goals.proposals_for(db, user.id, status="open"))


def _today(request: Request) -> date:
    return goals.today_in(request.app.state.settings.time_zone)


def _builder(request: Request, step: str, values: dict, status_code: int = 200, **context):
    analysis = context.pop("analysis", None)
    return render(request, "goals/builder.html", status_code=status_code, step=step, steps=STEPS,
                  number=STEPS.index(step) + 1, values=values, analysis=analysis,
                  days_phrase=schedule.days_phrase(values.get("days_mask") or "0000000"),
                  day_choices=list(zip(schedule.DAY_KEYS, schedule.DAY_NAMES)), today=_today(request),
                  **context)


def _values(wish="", why="", action="", days=(), ends_on="", confidence="", text="", remind_at="") -> dict:
    mask = schedule.days_from_keys(list(days))
    return {"wish": wish, "why": why, "action": action, "days": schedule.day_keys(mask), "days_mask": mask,
            "ends_on": ends_on, "confidence": confidence, "text": text,
            "remind_at": remind_at or goals.DEFAULT_REMINDER}


@pages.get("/goals/new")
def builder_start(request: Request, user: Client, step: str = "wish"):
    return _builder(request, step if step in ("wish", "write") else "wish", _values())


def _check_step(step: str, values: dict, on: date) -> dict[str, str]:
    """The answer this step needs before the next one; the wish and why may stay empty."""
    if step == "action" and not values["action"].strip():
        return {"action": "Even a very small step is fine. What's one thing you could try?"}
    if step == "days" and "1" not in values["days_mask"]:
        return {"days": "Please choose at least one day to check in on."}
    if step == "ends_on":
        try:
            goals.check_goal("placeholder goal", schedule.EVERY_DAY, values["ends_on"], require_end=True, on=on)
        except InvalidInput as exc:
            return {"ends_on": exc.fields["ends_on"]} if "ends_on" in exc.fields else {}
    if step == "confidence":
        try:
            if goals.parse_confidence(values["confidence"]) is None:
                return {"confidence": "Please choose a number from 0 to 10; there's no wrong answer."}
        except InvalidInput as exc:
            return exc.fields
    return {}


@pages.post("/goals/new", dependencies=[CheckCsrf])
def builder_step(request: Request, user: Client, step: str = Form("wish"), go: str = Form("next"),
                 wish: str = Form(""), why: str = Form(""), action: str = Form(""),
                 days: list[str] = Form([]), ends_on: str = Form(""), confidence: str = Form(""),
                 text: str = Form("")):
    values = _values(wish, why, action, days, ends_on, confidence, text)
    step = step if step in STEPS else "wish"
    index = STEPS.index(step)
    if go == "back":
        return _builder(request, STEPS[max(index - 1, 0)], values)
    if step == "write":  # "check my wording": the analysis as gentle suggestions, never a rewrite
        return _builder(request, "write", values, analysis=_analysis(values) if text.strip() else None,
                        errors={} if text.strip() else {"text": "Write your goal first, then I'll read it with you."})
    errors = _check_step(step, values, _today(request))
    if errors:
        return _builder(request, step, values, status_code=400, errors=errors)
    return _builder(request, STEPS[index + 1], values)


def _analysis(values: dict):
    confidence = goals.parse_confidence(values.get("confidence")) if str(values.get("confidence", "")).isdigit() else None
    return analyse(values["text"], confidence=confidence, why=values.get("why", ""))


@pages.post("/goals", dependencies=[CheckCsrf])
def save_goal(request: Request, db: Db, user: Client, text: str = Form(""), days: list[str] = Form([]),
              ends_on: str = Form(""), confidence: str = Form(""), why: str = Form(""), wish: str = Form(""),
              action: str = Form(""), remind_at: str = Form(goals.DEFAULT_REMINDER)):
    values = _values(wish, why, action, days, ends_on, confidence, text, remind_at)
    try:
        fields = goals.check_goal(text, values["days_mask"], ends_on, confidence=confidence, why=why,
                                  wish=wish, remind_at=remind_at, on=goals.today(db))
        goal = goals.create_goal(db, user, fields)
    except InvalidInput as exc:
        db.rollback()
        return _builder(request, "write", values, status_code=400, errors=exc.fields,
                        analysis=_analysis(values) if text.strip() else None)
    db.commit()
    return (crisis.response_page(request, goal.assessment, db=db, client=user, saved="Your goal is saved.",
                                 continue_url=f"/goals/{goal.id}")
            or redirect(f"/goals/{goal.id}?said=saved"))


@pages.get("/goals/calendar")
def calendar_page(request: Request, db: Db, user: Client, said: str = ""):
    token = goals.feed_token(db, user)
    db.commit()
    return render(request, "goals/calendar.html", url=f"{request.base_url}calendar/{token}.ics",
                  reset=said == "reset")


@pages.post("/goals/calendar/reset", dependencies=[CheckCsrf])
def reset_calendar(request: Request, db: Db, user: Client):
    goals.feed_token(db, user, reset=True)
    db.commit()
    return redirect("/goals/calendar?said=reset")


@pages.get("/calendar/{token}.ics")
def calendar_feed(db: Db, token: str):
    """The calendar of check-in reminders for whoever holds this secret address; no goal words in it."""
    return Response(goals.feed_for_token(db, token), media_type="text/calendar; charset=utf-8")


def _goal_page(request: Request, db, goal: goals.Goal, *, owner: User, viewer: User, status_code: int = 200,
               **context):
    checkins = goals.checkins_of(db, goal)
    return render(request, "goals/goal.html", status_code=status_code, goal=goal, owner=owner,
                  own=viewer.id == owner.id, checkins=checkins[:30],
                  milestones=goals.goal_milestones(goal, checkins),
                  chart=progress_chart(goals.weekly(goal, checkins, goals.today(db))),
                  due=goals.is_due(goal, any(c.day == goals.today(db) for c in checkins), goals.today(db)),
                  outcomes=goals.OUTCOME_WORDS, analysis=analyse(goal.text), **context)


@pages.get("/goals/{goal_id}")
def goal_page(request: Request, db: Db, user: Client, goal_id: Id, said: str = "", reached: str = ""):
    goal = goals.own_goal(db, user, goal_id)
    message = goals.messages().get(said, "") if said != "saved" else "Your goal is saved. Here it is, in your words."
    keys = [k for k in reached.split(",") if k]
    return _goal_page(request, db, goal, owner=user, viewer=user, message=message, reached=keys)


@pages.post("/goals/{goal_id}/checkins", dependencies=[CheckCsrf])
def check_in(request: Request, db: Db, user: Client, goal_id: Id, outcome: str = Form(""), note: str = Form("")):
    goal = goals.own_goal(db, user, goal_id)
    try:
        result = goals.record_checkin(db, user, goal, outcome, note)
    except InvalidInput as exc:
        db.rollback()
        return _goal_page(request, db, goals.own_goal(db, user, goal_id), owner=user, viewer=user,
                          status_code=400, errors=exc.fields, values={"outcome": outcome, "note": note})
    db.commit()
    said = "welcome_back" if result.welcome_back else result.checkin.outcome
    reached = ",".join(m.key for m in result.new_milestones)
    target = f"/goals/{goal.id}?said={said}" + (f"&reached={reached}" if reached else "")
    return (crisis.response_page(request, result.checkin.assessment, db=db, client=user, saved="Your check-in is saved.",
                                 continue_url=target) or redirect(target))


@pages.get("/goals/{goal_id}/edit")
def edit_page(request: Request, db: Db, user: Client, goal_id: Id):
    goal = goals.own_goal(db, user, goal_id)
    return render(request, "goals/edit.html", goal=goal, values=_goal_values(goal),
                  day_choices=list(zip(schedule.DAY_KEYS, schedule.DAY_NAMES)))


def _goal_values(goal: goals.Goal) -> dict:
    return {"text": goal.text, "days": goal.day_keys, "ends_on": goal.ends_on.isoformat() if goal.ends_on else "",
            "remind_at": goal.remind_at, "why": goal.why}


@pages.post("/goals/{goal_id}", dependencies=[CheckCsrf])
def save_edit(request: Request, db: Db, user: Client, goal_id: Id, text: str = Form(""),
              days: list[str] = Form([]), ends_on: str = Form(""), why: str = Form(""),
              remind_at: str = Form(goals.DEFAULT_REMINDER)):
    goal = goals.own_goal(db, user, goal_id)
    try:
        fields = goals.check_goal(text, schedule.days_from_keys(days), ends_on, why=why, remind_at=remind_at,
                                  starts_on=goal.starts_on, on=goals.today(db))
        goals.update_goal(db, goal, fields)
    except InvalidInput as exc:
        db.rollback()
        return render(request, "goals/edit.html", status_code=400, errors=exc.fields,
                      goal=goals.own_goal(db, user, goal_id),
                      values={"text": text, "days": days, "ends_on": ends_on, "remind_at": remind_at, "why": why},
                      day_choices=list(zip(schedule.DAY_KEYS, schedule.DAY_NAMES)))
    db.commit()
    return (crisis.response_page(request, goal.assessment, db=db, client=user, saved="Your goal is saved.",
                                 continue_url=f"/goals/{goal.id}")
            or redirect(f"/goals/{goal.id}?said=saved"))


@pages.post("/goals/{goal_id}/status", dependencies=[CheckCsrf])
def change_status(request: Request, db: Db, user: Client, goal_id: Id, status: str = Form("")):
    goal = goals.own_goal(db, user, goal_id)
    goals.set_status(db, goal, status)
    db.commit()
    if status == "done":
        return redirect(f"/goals/{goal.id}?reached=done")
    return redirect("/goals" if status == "archived" else f"/goals/{goal.id}")


@pages.post("/goals/proposals/{proposal_id}/accept", dependencies=[CheckCsrf])
def accept_proposal(request: Request, db: Db, user: Client, proposal_id: Id):
    goal = goals.accept(db, user, proposal_id)
    db.commit()
    return redirect(f"/goals/{goal.id}?said=saved")


@pages.post("/goals/proposals/{proposal_id}/decline", dependencies=[CheckCsrf])
def decline_proposal(request: Request, db: Db, user: Client, proposal_id: Id):
    goals.decline(db, user, proposal_id)
    db.commit()
    return redirect("/goals")


# --- the therapist's view -----------------------------------------------------------------------------

def _therapist_goals(request: Request, db, therapist: User, client_id: int, status_code: int = 200, **context):
    owner = visible_owner(db, therapist, client_id, "goals")  # audited
    linked_client(db, therapist, client_id)
    summaries = [_goal_summary(db, g) for g in goals.goals_of(db, owner.id)]
    for s in summaries:
        s["chart"] = progress_chart(goals.weekly(s["goal"], goals.checkins_of(db, s["goal"], with_notes=False), goals.today(db)),
                                    title="Practice week by week")
    return render(request, "goals/client.html", status_code=status_code, client=owner, summaries=summaries,
                  proposals=goals.proposals_for(db, owner.id, therapist_id=therapist.id),
                  day_choices=list(zip(schedule.DAY_KEYS, schedule.DAY_NAMES)), **context)


@pages.get("/clients/{client_id}/goals")
def client_goals(request: Request, db: Db, user: Therapist, client_id: Id):
    response = _therapist_goals(request, db, user, client_id, values={})
    db.commit()  # the read is audited
    return response


@pages.post("/clients/{client_id}/goals/proposals", dependencies=[CheckCsrf])
def propose_goal(request: Request, db: Db, user: Therapist, client_id: Id, text: str = Form(""),
                 days: list[str] = Form([]), ends_on: str = Form(""), goal_id: str = Form("")):
    owner = visible_owner(db, user, client_id, "goals")
    linked_client(db, user, client_id)
    try:
        fields = goals.check_goal(text, schedule.days_from_keys(days), ends_on, on=goals.today(db))
        goal = goals.visible_goal(db, owner.id, int(goal_id)) if goal_id.isdigit() else None
        goals.propose(db, user, owner, fields, goal)
    except InvalidInput as exc:
        db.rollback()
        response = _therapist_goals(request, db, user, client_id, status_code=400, errors=exc.fields,
                                    values={"text": text, "days": days, "ends_on": ends_on, "goal_id": goal_id})
        db.commit()
        return response
    db.commit()
    return redirect(f"/clients/{client_id}/goals?said=proposed")


# --- API ------------------------------------------------------------------------------------------

class GoalIn(BaseModel):
    text: str = Field(max_length=5000, description="The goal in the client's own words")
    days: list[str] = Field(description="Check-in days: mon..sun, or [\"daily\"]", max_length=7)
    ends_on: date | None = Field(None, description="By when (today or later)")
    confidence: int | None = Field(None, description="How sure, 0 to 10")
    why: str = Field("", max_length=5000, description="What would be different")
    remind_at: str = Field(goals.DEFAULT_REMINDER, max_length=5, description="Reminder time, HH:MM local")


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


def _goal_out(db, goal: goals.Goal) -> GoalOut:
    checkins = goals.checkins_of(db, goal, with_notes=False)
    return GoalOut(id=goal.id, text=goal.text, why=goal.why, days=goal.day_keys, schedule=goal.schedule_words,
                   starts_on=goal.starts_on, ends_on=goal.ends_on, remind_at=goal.remind_at,
                   confidence=goal.confidence, status=goal.status, created_at=goal.created_at,
                   milestones=_milestones(goals.goal_milestones(goal, checkins)))


def _proposal_out(p: goals.GoalProposal) -> ProposalOut:
    return ProposalOut(id=p.id, goal_id=p.goal_id, text=p.text, days=schedule.day_keys(p.days), ends_on=p.ends_on,
                       status=p.status, therapist=p.therapist_name, created_at=p.created_at)


def _crisis(request: Request, assessment, db, user):
    response = crisis.response_for(request, assessment, db=db, client=user)
    return list(response.sentences) if response else None


@api.get("/goals", response_model=list[GoalOut])
def api_goals(db: Db, user: Client):
    """Your goals: active first, then finished ones."""
    return [_goal_out(db, g) for g in goals.goals_of(db, user.id)]


@api.post("/goals", response_model=SavedGoal, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Empty or one-word goal, no days, or a date in the past"}})
def api_create_goal(request: Request, body: GoalIn, db: Db, user: Client):
    """Save a goal written in your own words (checked for risk, then sealed)."""
    fields = goals.check_goal(body.text, schedule.days_from_keys(body.days), body.ends_on,
                              confidence=body.confidence, why=body.why, remind_at=body.remind_at,
                              on=goals.today(db))
    goal = goals.create_goal(db, user, fields)
    db.commit()
    return SavedGoal(**_goal_out(db, goal).model_dump(), level=goal.assessment.level,
                     crisis_response=_crisis(request, goal.assessment, db, user))


@api.get("/goals/{goal_id}", response_model=GoalOut, responses={404: {"description": "Not your goal"}})
def api_goal(db: Db, user: Client, goal_id: Id):
    """One of your goals, with the milestones reached."""
    return _goal_out(db, goals.own_goal(db, user, goal_id))


@api.get("/goals/{goal_id}/checkins", response_model=list[GoalCheckInOut], responses={404: {"description": "Not your goal"}})
def api_goal_checkins(db: Db, user: Client, goal_id: Id):
    """Check-ins on one of your goals, newest first."""
    goal = goals.own_goal(db, user, goal_id)
    return [GoalCheckInOut(id=c.id, day=c.day, outcome=c.outcome, note=c.note, created_at=c.created_at)
            for c in goals.checkins_of(db, goal)]


@api.post("/goals/{goal_id}/checkins", response_model=SavedGoalCheckIn, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Unknown outcome or note too long"}, 404: {"description": "Not your goal"}})
def api_check_in(request: Request, body: GoalCheckInIn, db: Db, user: Client, goal_id: Id):
    """Say how it went today: done, partly or not this time, with an optional note."""
    goal = goals.own_goal(db, user, goal_id)
    result = goals.record_checkin(db, user, goal, body.outcome, body.note)
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
    return [_proposal_out(p) for p in goals.proposals_for(db, user.id)]


@api.post("/goal-proposals/{proposal_id}/accept", response_model=GoalOut, dependencies=[CheckCsrf],
          responses={404: {"description": "Not a suggestion to you"}})
def api_accept(db: Db, user: Client, proposal_id: Id):
    """Take a suggestion: it becomes your goal (or changes it)."""
    goal = goals.accept(db, user, proposal_id)
    db.commit()
    return _goal_out(db, goal)


@api.post("/goal-proposals/{proposal_id}/decline", response_model=ProposalOut, dependencies=[CheckCsrf],
          responses={404: {"description": "Not a suggestion to you"}})
def api_decline(db: Db, user: Client, proposal_id: Id):
    """Turn a suggestion down; your therapist sees that you did."""
    proposal = goals.decline(db, user, proposal_id)
    db.commit()
    return _proposal_out(proposal)


@api.get("/clients/{client_id}/goals", response_model=list[GoalOut],
         responses={404: {"description": "Not your client, or goals aren't shared"}})
def api_client_goals(db: Db, user: SignedIn, client_id: Id):
    """A client's goals, for a therapist the client shares goals with."""
    owner = visible_owner(db, user, client_id, "goals")
    rows = [_goal_out(db, g) for g in goals.goals_of(db, owner.id)]
    db.commit()  # the read is audited
    return rows


@api.post("/clients/{client_id}/goal-proposals", response_model=ProposalOut, status_code=201,
          dependencies=[CheckCsrf], responses={404: {"description": "Not your client, or goals aren't shared"}})
def api_propose(body: ProposalIn, db: Db, user: Therapist, client_id: Id):
    """Suggest a goal, or a change to one; the client decides."""
    owner = visible_owner(db, user, client_id, "goals")
    linked_client(db, user, client_id)
    fields = goals.check_goal(body.text, schedule.days_from_keys(body.days), body.ends_on, on=goals.today(db))
    goal = goals.visible_goal(db, owner.id, body.goal_id) if body.goal_id else None
    proposal = goals.propose(db, user, owner, fields, goal)
    db.commit()
    proposal.therapist_name = user.display_name
    return _proposal_out(proposal)
