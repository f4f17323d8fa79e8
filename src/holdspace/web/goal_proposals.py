"""A therapist's goal suggestions: the client's goals as their therapist sees them, suggesting, answering."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.goals import schedule
from holdspace.goals.checkins import checkins_of
from holdspace.goals.goal import check_goal, goals_of, visible_goal
from holdspace.goals.progress import weekly
from holdspace.goals.proposals import accept, decline, propose, proposals_for
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.web.deps import CheckCsrf, Client, Db, Id, Therapist, redirect, render
from holdspace.web.goals import DAY_CHOICES, goal_summary, progress_chart

pages = APIRouter()


@pages.post("/goals/proposals/{proposal_id}/accept", dependencies=[CheckCsrf])
def accept_proposal(request: Request, db: Db, user: Client, proposal_id: Id):
    goal = accept(db, user, proposal_id)
    db.commit()
    return redirect(f"/goals/{goal.id}?said=saved")


@pages.post("/goals/proposals/{proposal_id}/decline", dependencies=[CheckCsrf])
def decline_proposal(request: Request, db: Db, user: Client, proposal_id: Id):
    decline(db, user, proposal_id)
    db.commit()
    return redirect("/goals")


def _therapist_goals(request: Request, db, therapist: User, client_id: int, status_code: int = 200, **context):
    owner = visible_owner(db, therapist, client_id, "goals")  # audited
    linked_client(db, therapist, client_id)
    on = clock.today(db)
    summaries = []
    for goal in goals_of(db, owner.id):
        checkins = checkins_of(db, goal, with_notes=False)
        summaries.append(goal_summary(goal, checkins) | {"chart": progress_chart(weekly(goal, checkins, on))})
    return render(request, "goals/client.html", status_code=status_code, client=owner, summaries=summaries,
                  proposals=proposals_for(db, owner.id, therapist_id=therapist.id),
                  day_choices=DAY_CHOICES, **context)


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
        fields = check_goal(text, schedule.days_from_keys(days), ends_on, on=clock.today(db))
        goal = visible_goal(db, owner.id, int(goal_id)) if goal_id.isdigit() else None
        propose(db, user, owner, fields, goal)
    except InvalidInput as exc:
        db.rollback()
        response = _therapist_goals(request, db, user, client_id, status_code=400, errors=exc.fields,
                                    values={"text": text, "days": days, "ends_on": ends_on, "goal_id": goal_id})
        db.commit()
        return response
    db.commit()
    return redirect(f"/clients/{client_id}/goals?said=proposed")
