"""The step-by-step goal builder: one question a page, the wording read with the client, then saved."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Form, Request

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.goals import schedule
from holdspace.goals.goal import DEFAULT_REMINDER, check_goal, create_goal, parse_confidence
from holdspace.goals.smart import analyse
from holdspace.web.deps import CheckCsrf, Client, Db, render
from holdspace.web.goals import DAY_CHOICES, saved_goal_response

pages = APIRouter()

# The builder's questions, in order; each answer rides along in the form until the goal is saved.
STEPS = ("wish", "why", "action", "days", "ends_on", "confidence", "write")
CARRIED = ("wish", "why", "action", "ends_on", "confidence")


def _today(request: Request) -> date:
    return clock.today_in(request.app.state.settings.time_zone)


def _builder(request: Request, step: str, values: dict, status_code: int = 200, analysis=None, **context):
    return render(request, "goals/builder.html", status_code=status_code, step=step, steps=STEPS,
                  number=STEPS.index(step) + 1, values=values, analysis=analysis, carried=CARRIED,
                  days_phrase=schedule.days_phrase(values.get("days_mask") or "0000000"),
                  day_choices=DAY_CHOICES, today=_today(request), **context)


def _values(wish="", why="", action="", days=(), ends_on="", confidence="", text="", remind_at="") -> dict:
    mask = schedule.days_from_keys(list(days))
    return {"wish": wish, "why": why, "action": action, "days": schedule.day_keys(mask), "days_mask": mask,
            "ends_on": ends_on, "confidence": confidence, "text": text,
            "remind_at": remind_at or DEFAULT_REMINDER}


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
            check_goal("placeholder goal", schedule.EVERY_DAY, values["ends_on"], require_end=True, on=on)
        except InvalidInput as exc:
            return {"ends_on": exc.fields["ends_on"]} if "ends_on" in exc.fields else {}
    if step == "confidence":
        try:
            if parse_confidence(values["confidence"]) is None:
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
    confidence = parse_confidence(values.get("confidence")) if str(values.get("confidence", "")).isdigit() else None
    return analyse(values["text"], confidence=confidence, why=values.get("why", ""))


@pages.post("/goals", dependencies=[CheckCsrf])
def save_goal(request: Request, db: Db, user: Client, text: str = Form(""), days: list[str] = Form([]),
              ends_on: str = Form(""), confidence: str = Form(""), why: str = Form(""), wish: str = Form(""),
              action: str = Form(""), remind_at: str = Form(DEFAULT_REMINDER)):
    values = _values(wish, why, action, days, ends_on, confidence, text, remind_at)
    try:
        fields = check_goal(text, values["days_mask"], ends_on, confidence=confidence, why=why,
                            wish=wish, remind_at=remind_at, on=clock.today(db))
        goal = create_goal(db, user, fields)
    except InvalidInput as exc:
        db.rollback()
        return _builder(request, "write", values, status_code=400, errors=exc.fields,
                        analysis=_analysis(values) if text.strip() else None)
    db.commit()
    return saved_goal_response(request, db, user, goal)
