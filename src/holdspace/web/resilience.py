"""Resilience: strengths, the coping toolbox and the support network (pages and API)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Query, Request
from pydantic import BaseModel, Field

from holdspace.errors import InvalidInput
from holdspace.privacy.policy import visible_owner
from holdspace.resilience import toolbox
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["resilience"])
FORMS = {"strength": "strength", "skill": "skill", "person": "person"}


def _page(request: Request, db, user, status_code: int = 200, **context):
    everything = toolbox.items(db, user.id)
    skills = [i for i in everything if i.kind == "skill"]
    situation = context.pop("situation", "")
    return render(request, "resilience/index.html", status_code=status_code,
                  strengths=[i for i in everything if i.kind == "strength"], skills=skills,
                  people=[i for i in everything if i.kind == "person"],
                  best=toolbox.best_skills(skills, situation or None), situation=situation,
                  situations=toolbox.situations(), suggestions=toolbox.strength_suggestions(),
                  labels={s.key: s.label for s in toolbox.situations()}, **context)


@pages.get("/resilience")
def resilience_page(request: Request, db: Db, user: Client, done: str = "",
                    situation: str = Query("", max_length=32)):
    return _page(request, db, user, done=done, situation=situation)


def _add(request: Request, db, user, kind: str, fields: dict):
    try:
        item = toolbox.add_item(db, user, kind, fields)
    except InvalidInput as exc:
        db.rollback()
        return _page(request, db, user, status_code=400, errors={f"{kind}-{k}": v for k, v in exc.fields.items()},
                     values={f"{kind}-{k}": v for k, v in fields.items()})
    db.commit()
    return (crisis.response_page(request, item.assessment, db=db, client=user, saved="It's saved.", continue_url="/resilience")
            or redirect(done_url("/resilience", "resilience")))


@pages.post("/resilience/strengths", dependencies=[CheckCsrf])
def add_strength(request: Request, db: Db, user: Client, name: str = Form(""), example: str = Form("")):
    return _add(request, db, user, "strength", {"name": name, "example": example})


@pages.post("/resilience/skills", dependencies=[CheckCsrf])
def add_skill(request: Request, db: Db, user: Client, name: str = Form(""), how: str = Form(""),
              situations: list[str] = Form([])):
    return _add(request, db, user, "skill", {"name": name, "how": how, "situations": situations})


@pages.post("/resilience/people", dependencies=[CheckCsrf])
def add_person(request: Request, db: Db, user: Client, name: str = Form(""), helps: str = Form(""),
               last_talked: str = Form("")):
    return _add(request, db, user, "person", {"name": name, "helps": helps, "last_talked": last_talked})


@pages.post("/resilience/skills/{skill_id}/ratings", dependencies=[CheckCsrf])
def rate_skill(request: Request, db: Db, user: Client, skill_id: Id, rating: str = Form("")):
    try:
        toolbox.rate_skill(db, user, skill_id, rating)
    except InvalidInput as exc:
        db.rollback()
        return _page(request, db, user, status_code=400, errors={f"rating-{skill_id}": exc.fields["rating"]})
    db.commit()
    return redirect(done_url("/resilience", "rated"))


@pages.post("/resilience/{item_id}/delete", dependencies=[CheckCsrf])
def remove(request: Request, db: Db, user: Client, item_id: Id):
    toolbox.remove_item(db, user, item_id)
    db.commit()
    return redirect(done_url("/resilience", "removed"))


@pages.get("/clients/{client_id}/resilience")
def client_resilience_page(request: Request, db: Db, user: SignedIn, client_id: Id):
    """A client's strengths, toolbox and support network, for a therapist they share exercises with."""
    owner = visible_owner(db, user, client_id, "exercises")
    everything = toolbox.items(db, owner.id)
    page = render(request, "resilience/client.html", client=owner, items=everything,
                  labels={s.key: s.label for s in toolbox.situations()})
    db.commit()  # the read is audited
    return page


# --- API --------------------------------------------------------------------------------------

class ItemIn(BaseModel):
    kind: str = Field(description="strength, skill or person")
    name: str = Field(max_length=1000)
    example: str = Field("", max_length=20000, description="strength: an example from your life")
    how: str = Field("", max_length=20000, description="skill: how you do it")
    situations: list[str] = Field(default_factory=list, max_length=20, description="skill: situation keys")
    helps: str = Field("", max_length=20000, description="person: how they help")
    last_talked: str = Field("", max_length=20, description="person: YYYY-MM-DD")


class ItemOut(BaseModel):
    id: int
    kind: str
    created_at: datetime
    body: dict
    ratings: list[int]
    average: float | None


class RatingIn(BaseModel):
    rating: int = Field(ge=1, le=5)


def _out(item: toolbox.ResilienceItem) -> ItemOut:
    return ItemOut(id=item.id, kind=item.kind, created_at=item.created_at, body=item.body, ratings=item.ratings,
                   average=item.average)


@api.get("/resilience", response_model=list[ItemOut])
def api_items(db: Db, user: Client):
    """Your strengths, coping skills (with their ratings) and supportive people."""
    return [_out(i) for i in toolbox.items(db, user.id)]


@api.post("/resilience", response_model=ItemOut, status_code=201, dependencies=[CheckCsrf])
def api_add(body: ItemIn, db: Db, user: Client):
    """Add a strength, a coping skill or a supportive person (checked for risk, then sealed)."""
    if body.kind not in toolbox.KINDS:
        raise InvalidInput(fields={"kind": "kind is strength, skill or person."})
    item = toolbox.add_item(db, user, body.kind, body.model_dump())
    db.commit()
    return _out(item)


@api.post("/resilience/{item_id}/ratings", status_code=201, response_model=ItemOut, dependencies=[CheckCsrf],
          responses={404: {"description": "Not one of your skills"}})
def api_rate(item_id: Id, body: RatingIn, db: Db, user: Client):
    """Note how much a coping skill helped this time, 1 to 5."""
    toolbox.rate_skill(db, user, item_id, body.rating)
    db.commit()
    return next(_out(i) for i in toolbox.items(db, user.id, "skill") if i.id == item_id)


@api.get("/clients/{client_id}/resilience", response_model=list[ItemOut],
         responses={404: {"description": "Not your client, or exercises not shared"}})
def api_client_items(client_id: Id, db: Db, user: SignedIn):
    """A client's strengths, toolbox and support network, for a therapist they share exercises with."""
    owner = visible_owner(db, user, client_id, "exercises")
    out = [_out(i) for i in toolbox.items(db, owner.id)]
    db.commit()
    return out
