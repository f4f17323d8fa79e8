"""Mood check-ins: the client's form and history, the therapist's shared view, and the API."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Query, Request
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.journey import mood
from holdspace.privacy.policy import visible_owner
from holdspace.web import crisis
from holdspace.web.charts import mood_chart
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["mood"])


def _form(request: Request, status_code: int = 200, **context):
    return render(request, "mood/new.html", status_code=status_code,
                  groups=mood.feeling_groups(), **context)


@pages.get("/checkins")
def checkins_page(request: Request, db: Db, user: Client, done: str = ""):
    recent = mood.list_checkins(db, user.id, limit=200)
    return render(request, "mood/list.html", checkins=recent, done=done,
                  chart=mood_chart(recent, zone=clock.zone(db), days=28))


@pages.get("/checkins/new")
def new_checkin_page(request: Request, user: Client):
    return _form(request, values={"feelings": []})


@pages.post("/checkins", dependencies=[CheckCsrf])
def create_checkin(request: Request, db: Db, user: Client, mood_value: str = Form("", alias="mood"),
                   feelings: list[str] = Form([]), note: str = Form("")):
    try:
        checkin = mood.record_checkin(db, user, mood_value, feelings, note)
    except InvalidInput as exc:
        db.rollback()
        return _form(request, status_code=400, errors=exc.fields,
                     values={"mood": mood_value, "feelings": feelings, "note": note})
    db.commit()
    return (crisis.response_page(request, checkin.assessment, db=db, client=user, saved="Your check-in is saved.",
                                 continue_url="/checkins")
            or redirect(done_url("/checkins", "checkin")))


# --- API --------------------------------------------------------------------------------------

class CheckInIn(BaseModel):
    mood: int = Field(description="0 (very low) to 10 (very good)")
    feelings: list[str] = Field(default_factory=list, max_length=24,
                                description="Keys from GET /api/v1/feelings")
    note: str = Field("", max_length=20000)


class CheckInOut(BaseModel):
    id: int
    mood: int
    mood_word: str
    feelings: list[str]
    note: str
    created_at: datetime


class SavedCheckIn(CheckInOut):
    level: str = Field(description="Risk found in the note: none, concern or urgent")
    crisis_response: list[str] | None = Field(
        None, description="The fixed crisis response to show, sentence by sentence, when level isn't none")


class FeelingGroup(BaseModel):
    name: str
    feelings: list[str]


def _out(c: mood.CheckIn) -> CheckInOut:
    return CheckInOut(id=c.id, mood=c.mood, mood_word=c.mood_word, feelings=c.feeling_list,
                      note=c.note, created_at=c.created_at)


@api.get("/feelings", response_model=list[FeelingGroup])
def api_feelings():
    """The feelings a check-in may name, in groups."""
    return [FeelingGroup(name=name, feelings=list(fs)) for name, fs in mood.feeling_groups()]


@api.get("/checkins", response_model=list[CheckInOut])
def api_checkins(db: Db, user: Client, days: int | None = Query(None, ge=1, le=3660)):
    """Your own check-ins, newest first."""
    return [_out(c) for c in mood.list_checkins(db, user.id, days=days)]


@api.post("/checkins", response_model=SavedCheckIn, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Mood out of range, unknown feeling or note too long"}})
def api_create_checkin(request: Request, body: CheckInIn, db: Db, user: Client):
    """Record a check-in; the note is checked for risk, and the crisis response comes back if needed."""
    checkin = mood.record_checkin(db, user, body.mood, body.feelings, body.note)
    db.commit()
    response = crisis.response_for(request, checkin.assessment, db=db, client=user)
    return SavedCheckIn(**_out(checkin).model_dump(), level=checkin.assessment.level,
                        crisis_response=list(response.sentences) if response else None)


@api.get("/clients/{client_id}/checkins", response_model=list[CheckInOut],
         responses={404: {"description": "Not your client, or mood not shared"}})
def api_client_checkins(client_id: Id, db: Db, user: SignedIn,
                        days: int | None = Query(None, ge=1, le=3660)):
    """A client's check-ins, for a therapist the client shares mood with."""
    owner = visible_owner(db, user, client_id, "mood")
    rows = [_out(c) for c in mood.list_checkins(db, owner.id, days=days)]
    db.commit()  # the read is audited
    return rows
