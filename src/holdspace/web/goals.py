"""Goals: the client's list, one goal with its check-ins, milestones and chart, changing a goal."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from markupsafe import Markup, escape

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.goals import schedule
from holdspace.goals.checkins import (OUTCOME_WORDS, GoalCheckIn, checkins_of, due_today, goal_milestones, is_due,
                                      messages, record_checkin)
from holdspace.goals.goal import DEFAULT_REMINDER, Goal, check_goal, goals_of, own_goal, set_status, update_goal
from holdspace.goals.progress import weekly
from holdspace.goals.proposals import proposals_for
from holdspace.goals.smart import analyse
from holdspace.privacy.accounts import User
from holdspace.web import crisis
from holdspace.web.charts import x_label
from holdspace.web.deps import CheckCsrf, Client, Db, Id, redirect, render

pages = APIRouter()

DAY_CHOICES = tuple(zip(schedule.DAY_KEYS, schedule.DAY_NAMES))


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
        parts.append(x_label(x + w / 2, height - 8, f"{p.starts:%-d %b}", index=i, count=len(points), apart=slot,
                             width=width))
    if not points:
        parts.append(f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle">'
                     'Your practice will appear here.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def goal_summary(goal: Goal, checkins: list[GoalCheckIn]) -> dict:
    """What a list of goals shows of one: the goal, its latest milestone, how many check-ins."""
    reached = goal_milestones(goal, checkins)
    return {"goal": goal, "latest": reached[-1] if reached else None, "count": len(checkins)}


def saved_goal_response(request: Request, db, client: User, goal: Goal):
    """After a goal is saved: the crisis response if its words need one, else the goal's page."""
    return (crisis.response_page(request, goal.assessment, db=db, client=client, saved="Your goal is saved.",
                                 continue_url=f"/goals/{goal.id}")
            or redirect(f"/goals/{goal.id}?said=saved"))


@pages.get("/goals")
def goals_page(request: Request, db: Db, user: Client):
    summaries = [goal_summary(g, checkins_of(db, g, with_notes=False)) for g in goals_of(db, user.id)]
    return render(request, "goals/list.html", summaries=summaries, due=due_today(db, user.id),
                  proposals=proposals_for(db, user.id, status="open"))


def _goal_page(request: Request, db, goal: Goal, *, owner: User, viewer: User, status_code: int = 200,
               **context):
    checkins = checkins_of(db, goal)
    on = clock.today(db)
    return render(request, "goals/goal.html", status_code=status_code, goal=goal, owner=owner,
                  own=viewer.id == owner.id, checkins=checkins[:30],
                  milestones=goal_milestones(goal, checkins),
                  chart=progress_chart(weekly(goal, checkins, on)),
                  due=is_due(goal, any(c.day == on for c in checkins), on),
                  outcomes=OUTCOME_WORDS, analysis=analyse(goal.text), **context)


@pages.get("/goals/{goal_id}")
def goal_page(request: Request, db: Db, user: Client, goal_id: Id, said: str = "", reached: str = ""):
    goal = own_goal(db, user, goal_id)
    message = messages().get(said, "") if said != "saved" else "Your goal is saved. Here it is, in your words."
    keys = [k for k in reached.split(",") if k]
    return _goal_page(request, db, goal, owner=user, viewer=user, message=message, reached=keys)


@pages.post("/goals/{goal_id}/checkins", dependencies=[CheckCsrf])
def check_in(request: Request, db: Db, user: Client, goal_id: Id, outcome: str = Form(""), note: str = Form("")):
    goal = own_goal(db, user, goal_id)
    try:
        result = record_checkin(db, user, goal, outcome, note)
    except InvalidInput as exc:
        db.rollback()
        return _goal_page(request, db, own_goal(db, user, goal_id), owner=user, viewer=user,
                          status_code=400, errors=exc.fields, values={"outcome": outcome, "note": note})
    db.commit()
    said = "welcome_back" if result.welcome_back else result.checkin.outcome
    reached = ",".join(m.key for m in result.new_milestones)
    target = f"/goals/{goal.id}?said={said}" + (f"&reached={reached}" if reached else "")
    return (crisis.response_page(request, result.checkin.assessment, db=db, client=user, saved="Your check-in is saved.",
                                 continue_url=target) or redirect(target))


def _edit_page(request: Request, goal: Goal, values: dict, status_code: int = 200, **context):
    return render(request, "goals/edit.html", status_code=status_code, goal=goal, values=values,
                  day_choices=DAY_CHOICES, **context)


@pages.get("/goals/{goal_id}/edit")
def edit_page(request: Request, db: Db, user: Client, goal_id: Id):
    goal = own_goal(db, user, goal_id)
    return _edit_page(request, goal, {"text": goal.text, "days": goal.day_keys,
                                      "ends_on": goal.ends_on.isoformat() if goal.ends_on else "",
                                      "remind_at": goal.remind_at, "why": goal.why})


@pages.post("/goals/{goal_id}", dependencies=[CheckCsrf])
def save_edit(request: Request, db: Db, user: Client, goal_id: Id, text: str = Form(""),
              days: list[str] = Form([]), ends_on: str = Form(""), why: str = Form(""),
              remind_at: str = Form(DEFAULT_REMINDER)):
    goal = own_goal(db, user, goal_id)
    try:
        fields = check_goal(text, schedule.days_from_keys(days), ends_on, why=why, remind_at=remind_at,
                            starts_on=goal.starts_on, on=clock.today(db))
        update_goal(db, goal, fields)
    except InvalidInput as exc:
        db.rollback()
        return _edit_page(request, own_goal(db, user, goal_id),
                          {"text": text, "days": days, "ends_on": ends_on, "remind_at": remind_at, "why": why},
                          status_code=400, errors=exc.fields)
    db.commit()
    return saved_goal_response(request, db, user, goal)


@pages.post("/goals/{goal_id}/status", dependencies=[CheckCsrf])
def change_status(request: Request, db: Db, user: Client, goal_id: Id, status: str = Form("")):
    goal = own_goal(db, user, goal_id)
    set_status(db, goal, status)
    db.commit()
    if status == "done":
        return redirect(f"/goals/{goal.id}?reached=done")
    return redirect("/goals" if status == "archived" else f"/goals/{goal.id}")
