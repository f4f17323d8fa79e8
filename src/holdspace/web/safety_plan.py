"""The safety plan: the client writes and prints it; a therapist they share it with may help."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from holdspace.errors import InvalidInput
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.safety import alerts, plan
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, Therapist, done_url, redirect, render, settings_of

pages = APIRouter()
api = APIRouter(tags=["safety plan"])


def _values(request: Request, current: plan.Plan | None) -> dict[str, str]:
    """What the form starts with: the plan as it is, or step five filled with the country's lines."""
    if current is not None:
        return {key: "\n".join(items) for key, items in current.items.items()}
    return {"professionals": "\n".join(plan.starting_lines(settings_of(request).country))}


def _form(request: Request, *, owner: User, action: str, back: str, values: dict, status_code: int = 200,
          errors: dict | None = None, for_therapist: bool = False):
    return render(request, "safety/edit.html", status_code=status_code, steps=plan.steps(),
                  intro=plan.intro(), owner=owner, action=action, back=back, values=values,
                  errors=errors or {}, for_therapist=for_therapist, limit=plan.ITEMS_PER_STEP)


async def _posted_steps(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: str(form.get(key, "")) for key in plan.step_keys()}


# --- the client's own plan --------------------------------------------------------------------

@pages.get("/safety-plan")
def plan_page(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "safety/plan.html", plan=plan.load(db, user.id), intro=plan.intro(),
                  steps=plan.steps(), done=done, owner=user, for_therapist=False)


@pages.get("/safety-plan/edit")
def edit_page(request: Request, db: Db, user: Client):
    return _form(request, owner=user, action="/safety-plan", back="/safety-plan",
                 values=_values(request, plan.load(db, user.id)))


@pages.post("/safety-plan", dependencies=[CheckCsrf])
async def save(request: Request, db: Db, user: Client):
    posted = await _posted_steps(request)
    try:
        saved = plan.save(db, user, posted)
        _notice(db, user, saved)
    except InvalidInput as exc:
        db.rollback()
        return _form(request, owner=user, action="/safety-plan", back="/safety-plan", values=posted,
                     status_code=400, errors=exc.fields)
    db.commit()
    return (_response_page(request, db, user, saved)
            or redirect(done_url("/safety-plan", "safety-plan")))


def _notice(db: Db, user: User, saved: plan.Plan) -> None:
    # A plan names warning signs on purpose ("when I start thinking I'd be better off dead"), so
    # its concerns are expected; only an urgent line alerts a therapist or brings the response.
    if saved.assessment.level == "urgent":
        alerts.notice(db, user, saved.assessment, where="safety_plan")


def _response_page(request: Request, db: Db, user: User, saved: plan.Plan):
    if saved.assessment.level != "urgent":
        return None
    return crisis.response_page(request, saved.assessment, db=db, client=user,
                                saved="Your safety plan is saved.", continue_url="/safety-plan")


@pages.get("/safety-plan/print")
def print_page(request: Request, db: Db, user: Client):
    return render(request, "safety/print.html", plan=plan.load(db, user.id), owner=user,
                  steps=plan.steps())


# --- a therapist helping with a shared plan --------------------------------------------------

def _shared_plan_owner(db: Db, therapist: User, client_id: int) -> User:
    linked_client(db, therapist, client_id)  # only their own clients, and only if shared:
    return visible_owner(db, therapist, client_id, "safety_plan")  # audits the read


@pages.get("/clients/{client_id}/safety-plan")
def client_plan_page(request: Request, db: Db, user: Therapist, client_id: Id, done: str = ""):
    owner = _shared_plan_owner(db, user, client_id)
    current = plan.load(db, owner.id)
    db.commit()
    return render(request, "safety/plan.html", plan=current, intro=plan.intro(), steps=plan.steps(),
                  done=done, owner=owner, for_therapist=True)


@pages.get("/clients/{client_id}/safety-plan/edit")
def client_plan_edit_page(request: Request, db: Db, user: Therapist, client_id: Id):
    owner = _shared_plan_owner(db, user, client_id)
    values = _values(request, plan.load(db, owner.id))
    db.commit()
    return _form(request, owner=owner, action=f"/clients/{owner.id}/safety-plan",
                 back=f"/clients/{owner.id}/safety-plan", values=values, for_therapist=True)


@pages.post("/clients/{client_id}/safety-plan", dependencies=[CheckCsrf])
async def client_plan_save(request: Request, db: Db, user: Therapist, client_id: Id):
    owner = _shared_plan_owner(db, user, client_id)
    posted = await _posted_steps(request)
    try:
        plan.save(db, owner, posted, by=user)
    except InvalidInput as exc:
        db.rollback()
        return _form(request, owner=owner, action=f"/clients/{owner.id}/safety-plan",
                     back=f"/clients/{owner.id}/safety-plan", values=posted, status_code=400,
                     errors=exc.fields, for_therapist=True)
    db.commit()
    return redirect(done_url(f"/clients/{owner.id}/safety-plan", "safety-plan-client"))


# --- API --------------------------------------------------------------------------------------

class StepOut(BaseModel):
    key: str
    title: str
    question: str
    items: list[str]


class PlanOut(BaseModel):
    exists: bool
    steps: list[StepOut]
    updated_at: datetime | None
    updated_by: str = Field(description="Who saved it last: the client, or their therapist's name")


class PlanIn(BaseModel):
    steps: dict[str, list[str]] = Field(description="Step key -> its lines; keys from GET /api/v1/safety-plan")


class SavedPlan(PlanOut):
    level: str = Field(description="Risk found in the plan (only urgent brings the crisis response)")
    crisis_response: list[str] | None = None


def _plan_out(current: plan.Plan | None, owner: User) -> PlanOut:
    items = current.items if current else {}
    return PlanOut(exists=current is not None and not current.is_empty,
                   steps=[StepOut(key=s.key, title=s.title, question=s.question, items=items.get(s.key, []))
                          for s in plan.steps()],
                   updated_at=current.updated_at if current else None,
                   updated_by="" if current is None else ("client" if current.by_client else current.updated_by))


@api.get("/safety-plan", response_model=PlanOut)
def api_plan(db: Db, user: Client):
    """Your safety plan (empty steps until you write one)."""
    return _plan_out(plan.load(db, user.id), user)


@api.put("/safety-plan", response_model=SavedPlan, dependencies=[CheckCsrf],
         responses={400: {"description": "A step has too many lines, or a line is too long"}})
def api_save(request: Request, body: PlanIn, db: Db, user: Client):
    """Replace your safety plan; the crisis response comes back if a line suggests danger now."""
    saved = plan.save(db, user, body.steps)
    _notice(db, user, saved)
    db.commit()
    response = (crisis.response_for(request, saved.assessment, db=db, client=user)
                if saved.assessment.level == "urgent" else None)
    return SavedPlan(**_plan_out(saved, user).model_dump(), level=saved.assessment.level,
                     crisis_response=list(response.sentences) if response else None)


@api.get("/clients/{client_id}/safety-plan", response_model=PlanOut,
         responses={404: {"description": "Not your client, or the safety plan isn't shared"}})
def api_client_plan(client_id: Id, db: Db, user: SignedIn):
    """A client's safety plan, for a therapist the client shares it with."""
    owner = visible_owner(db, user, client_id, "safety_plan")
    out = _plan_out(plan.load(db, owner.id), owner)
    db.commit()  # the read is audited
    return out
