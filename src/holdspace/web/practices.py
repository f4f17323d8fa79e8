"""Practices: the hub, the breathing pacer, guided body scan and grounding, and the practice log."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Query, Request
from pydantic import BaseModel, Field

from holdspace.creativity import prompts
from holdspace.errors import InvalidInput
from holdspace.mindfulness import breathing, guided, log
from holdspace.privacy.policy import visible_owner
from holdspace.selfcompassion import records
from holdspace.web.homework import homework_context
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["practices"])


@pages.get("/practices")
def practices_page(request: Request, db: Db, user: Client, done: str = ""):
    week = log.sessions(db, user.id, days=7)
    return render(request, "practices/index.html", done=done, summary=log.summarise(week),
                  scripts=guided.scripts(), presets=breathing.presets(),
                  challenges=len(records.records(db, user.id, "challenge", limit=1000)),
                  thought_records=len(records.records(db, user.id, "thought_record", limit=1000)),
                  letters=len(records.records(db, user.id, "letter", limit=1000)),
                  music=prompts.suggest(prompts.moving_prompts("music")),
                  movement=prompts.suggest(prompts.moving_prompts("movement")),
                  **homework_context(db, user))


def _breathing_page(request: Request, pattern: str, minutes: str, status_code: int = 200, **context):
    errors: dict[str, str] = {}
    plan = None
    try:
        chosen = breathing.parse_pattern(pattern)
        plan = breathing.timeline(chosen, minutes=_minutes(minutes))
    except InvalidInput as exc:
        errors = exc.fields
        status_code = 400
    return render(request, "practices/breathing.html", status_code=status_code, plan=plan, errors=errors,
                  presets=breathing.presets(), values={"pattern": pattern, "minutes": minutes},
                  **context)


def _minutes(raw: str) -> float:
    try:
        value = float(raw.strip().replace(",", "."))
    except (AttributeError, ValueError):
        raise InvalidInput(fields={"minutes": f"Choose between 1 and {breathing.MAX_MINUTES} minutes."}) from None
    if not 1 <= value <= breathing.MAX_MINUTES:
        raise InvalidInput(fields={"minutes": f"Choose between 1 and {breathing.MAX_MINUTES} minutes."})
    return value


@pages.get("/practices/breathing")
def breathing_page(request: Request, user: Client, pattern: str = Query("4-6", max_length=100),
                   minutes: str = Query("5", max_length=20)):
    return _breathing_page(request, pattern, minutes)


@pages.get("/practices/body-scan")
def body_scan_page(request: Request, user: Client):
    return render(request, "practices/guided.html", script=guided.script("body-scan"))


@pages.get("/practices/grounding")
def grounding_page(request: Request, user: Client):
    return render(request, "practices/guided.html", script=guided.script("grounding"))


@pages.get("/practices/log")
def log_page(request: Request, db: Db, user: Client, done: str = "", kind: str = Query("breathing", max_length=32),
             detail: str = Query("", max_length=64), minutes: str = Query("", max_length=20)):
    rows = log.sessions(db, user.id, limit=200)
    return render(request, "practices/log.html", rows=rows, summary=log.summarise(rows), done=done,
                  kinds=log.KINDS, values={"kind": kind, "detail": detail, "minutes": minutes},
                  tried=_tried(kind, detail))


def _tried(kind: str, detail: str) -> prompts.Prompt | None:
    """The music or movement prompt being logged, if the log was opened from one."""
    found = prompts.find(detail) if kind in log.PROMPTED else None
    return found if found is not None and found.kind == kind else None


@pages.post("/practices/log", dependencies=[CheckCsrf])
def log_practice(request: Request, db: Db, user: Client, kind: str = Form(""), detail: str = Form(""),
                 minutes: str = Form(""), before: str = Form(""), after: str = Form("")):
    try:
        log.record_session(db, user, kind, minutes, before, after, detail)
    except InvalidInput as exc:
        db.rollback()
        rows = log.sessions(db, user.id, limit=200)
        return render(request, "practices/log.html", status_code=400, errors=exc.fields, rows=rows,
                      summary=log.summarise(rows), kinds=log.KINDS, tried=_tried(kind, detail),
                      values={"kind": kind, "detail": detail, "minutes": minutes, "before": before,
                              "after": after})
    db.commit()
    return redirect(done_url("/practices/log", "practice"))


@pages.get("/clients/{client_id}/practices")
def client_practices_page(request: Request, db: Db, user: SignedIn, client_id: Id):
    """A client's practices, for a therapist the client shares exercises with."""
    owner = visible_owner(db, user, client_id, "exercises")
    rows = log.sessions(db, owner.id, limit=200)
    page = render(request, "practices/client.html", client=owner, rows=rows, summary=log.summarise(rows),
                  challenges=records.shared_records(db, owner.id, "challenge"),
                  thought_records=records.shared_records(db, owner.id, "thought_record"),
                  letters=records.shared_records(db, owner.id, "letter"))
    db.commit()  # the read is audited
    return page


# --- API --------------------------------------------------------------------------------------

class PresetOut(BaseModel):
    key: str
    name: str
    durations: list[float] = Field(description="Seconds: in, hold, out, hold")
    about: str


class PhaseOut(BaseModel):
    cycle: int
    name: str = Field(description="in, hold, out or rest (the hold after breathing out)")
    words: str
    start: float = Field(description="Seconds from the start")
    duration: float


class TimelineOut(BaseModel):
    pattern: str
    durations: list[float]
    cycle_seconds: float
    cycles: int
    total_seconds: float
    phases: list[PhaseOut]


class SessionIn(BaseModel):
    kind: str = Field(description="breathing, body-scan, grounding, music or movement")
    minutes: float = Field(gt=0, le=log.MAX_MINUTES)
    before: int | None = Field(None, ge=0, le=10, description="How calm before, 0–10")
    after: int | None = Field(None, ge=0, le=10, description="How calm after, 0–10")
    detail: str = Field("", max_length=64, description="e.g. the breathing pattern, 4-6, or the key of the "
                                                      "music or movement prompt tried")


class SessionOut(BaseModel):
    id: int
    kind: str
    detail: str
    minutes: float
    before: int | None
    after: int | None
    created_at: datetime


class RecordOut(BaseModel):
    id: int
    kind: str
    created_at: datetime
    body: dict


class PracticesOut(BaseModel):
    sessions: list[SessionOut]
    records: list[RecordOut]


def session_out(s: log.PracticeSession) -> SessionOut:
    return SessionOut(id=s.id, kind=s.kind, detail=s.detail, minutes=s.minutes, before=s.before,
                      after=s.after, created_at=s.created_at)


@api.get("/breathing/presets", response_model=list[PresetOut])
def api_presets():
    """The breathing patterns holdspace offers by name."""
    return [PresetOut(key=p.key, name=p.name, durations=list(p.pattern.durations), about=p.about)
            for p in breathing.presets()]


@api.get("/breathing/timeline", response_model=TimelineOut,
         responses={400: {"description": "A pattern or length that can't be paced; the message gives the range"}})
def api_timeline(pattern: str = Query("4-6", max_length=100), minutes: float | None = Query(None),
                 cycles: int | None = Query(None)):
    """Every phase of a breathing session with its exact start, in seconds from the beginning."""
    plan = breathing.timeline(breathing.parse_pattern(pattern), cycles=cycles, minutes=minutes)
    return TimelineOut(**plan.as_dict(), phases=[PhaseOut(cycle=p.cycle, name=p.name, words=p.words,
                                                          start=p.start, duration=p.duration)
                                                 for p in plan.phases()])


@api.get("/practice-log", response_model=list[SessionOut])
def api_log(db: Db, user: Client):
    """Your practice log, newest first."""
    return [session_out(s) for s in log.sessions(db, user.id)]


@api.post("/practice-log", response_model=SessionOut, status_code=201, dependencies=[CheckCsrf])
def api_log_practice(body: SessionIn, db: Db, user: Client):
    """Log a practice: how long, and how calm you felt before and after (0–10, optional)."""
    row = log.record_session(db, user, body.kind, body.minutes, body.before, body.after, body.detail)
    db.commit()
    return session_out(row)


@api.get("/clients/{client_id}/practices", response_model=PracticesOut,
         responses={404: {"description": "Not your client, or exercises not shared"}})
def api_client_practices(client_id: Id, db: Db, user: SignedIn):
    """A client's practice log and self-compassion records, for a therapist they share exercises with."""
    owner = visible_owner(db, user, client_id, "exercises")
    out = PracticesOut(sessions=[session_out(s) for s in log.sessions(db, owner.id)],
                       records=[RecordOut(id=r.id, kind=r.kind, created_at=r.created_at, body=r.body)
                                for r in records.shared_records(db, owner.id)])
    db.commit()  # the read is audited
    return out
