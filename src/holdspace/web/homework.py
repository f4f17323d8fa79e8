"""Homework: a therapist suggests practices for a client and follows them; the client's lists live on
the home and practices pages (see `homework_context`)."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.goals import schedule as weekdays
from holdspace.homework import assignments, plan
from holdspace.homework.due import due_now
from holdspace.privacy import consent
from holdspace.privacy.policy import linked_client
from holdspace.web.deps import CheckCsrf, Client, Db, Id, Therapist, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["homework"])

DAY_CHOICES = list(zip(weekdays.DAY_KEYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")))


def _page(request: Request, db: Db, user, client_id: int, status_code: int = 200, **context):
    link, client = linked_client(db, user, client_id)
    followed = assignments.for_therapist(db, user, client.id)
    shared = consent.shared_categories(db, link.id)
    db.commit()  # reads of done-ness are audited
    return render(request, "homework/client.html", status_code=status_code, client=client, followed=followed,
                  shared=shared, practices=plan.practices(), day_choices=DAY_CHOICES,
                  today=clock.today(db).isoformat(), words=plan.words(), **context)


@pages.get("/clients/{client_id}/homework")
def client_homework_page(request: Request, db: Db, user: Therapist, client_id: Id, done: str = ""):
    return _page(request, db, user, client_id, done=done)


@pages.post("/clients/{client_id}/homework", dependencies=[CheckCsrf])
def assign_homework(request: Request, db: Db, user: Therapist, client_id: Id, practice: str = Form(""),
                    repeat: str = Form(""), by: str = Form(""), days: list[str] = Form([]),
                    every_days: str = Form(""), starts_on: str = Form(""), ends_on: str = Form(""),
                    note: str = Form("")):
    try:
        assignments.assign(db, user, client_id, practice, repeat, by=by, days=weekdays.days_from_keys(days),
                           every_days=every_days, starts_on=starts_on, ends_on=ends_on, note=note)
    except InvalidInput as exc:
        db.rollback()
        return _page(request, db, user, client_id, status_code=400, errors=exc.fields,
                     values={"practice": practice, "repeat": repeat, "by": by, "days": days,
                             "every_days": every_days, "starts_on": starts_on, "ends_on": ends_on, "note": note})
    db.commit()
    return redirect(done_url(f"/clients/{client_id}/homework", "homework"))


@pages.post("/clients/{client_id}/homework/{homework_id}/stop", dependencies=[CheckCsrf])
def stop_homework(db: Db, user: Therapist, client_id: Id, homework_id: Id):
    hw = assignments.stop(db, user, homework_id, client_id)
    db.commit()
    return redirect(done_url(f"/clients/{hw.client_id}/homework", "homework-stopped"))


@pages.post("/homework/{homework_id}/aside", dependencies=[CheckCsrf])
def set_aside(db: Db, user: Client, homework_id: Id):
    assignments.set_aside(db, user, homework_id)
    db.commit()
    return redirect(done_url("/practices", "homework-aside"))


def homework_context(db: Db, user) -> dict:
    """What the client's home and practices pages show: what's due, and this week's suggestions."""
    today = clock.today(db)
    return {"due_items": due_now(db, user), "homework": assignments.for_client(db, user, today),
            "homework_words": plan.words(), "today_date": today}


# --- API --------------------------------------------------------------------------------------

class PracticeOut(BaseModel):
    key: str
    name: str
    invite: str
    href: str
    shows_done_with: str = Field(description="The sharing category a therapist needs to see it done")


class ScheduleOut(BaseModel):
    repeat: str = Field(description="once, days (chosen weekdays) or every (every so many days)")
    words: str
    starts_on: date
    ends_on: date | None = Field(description="once: the day it is hoped for by; otherwise the last day")
    days: list[str]
    every_days: int


class DoneOut(BaseModel):
    what: str = Field(description="The record that shows it: practice_log, selfcompassion, journal, "
                                  "resilience or skill_rating")
    record_id: int
    at: datetime


class HomeworkOut(BaseModel):
    id: int
    practice: PracticeOut
    from_name: str
    note: str
    schedule: ScheduleOut
    is_due: bool = Field(description="Open now and not yet done in this round. Nothing is ever overdue.")
    round_began: date | None
    next_on: date | None
    done: list[DoneOut] | None = Field(description="Records in the open round; null when not shared with you")
    times_done: int | None = Field(None, description="Therapist view: times done since it began (shared only)")
    ended_at: datetime | None


class HomeworkIn(BaseModel):
    practice: str = Field(max_length=64, description="A key from GET /api/v1/homework/practices")
    repeat: str = Field(max_length=8, description="once, days or every")
    by: date | None = Field(None, description="once: the day it is hoped for by")
    days: list[str] = Field([], max_length=7, description="days: weekdays such as mon, thu")
    every_days: int | None = Field(None, description="every: how many days apart")
    starts_on: date | None = None
    ends_on: date | None = None
    note: str = Field("", max_length=plan.NOTE_LIMIT * 2)


class DueOut(BaseModel):
    what: str = Field(description="homework, goal or questionnaire")
    title: str
    href: str
    why: str
    note: str


def practice_out(p: plan.Practice) -> PracticeOut:
    return PracticeOut(key=p.key, name=p.name, invite=p.invite, href=p.href, shows_done_with=p.category)


def homework_out(s: assignments.Status, times_done: int | None = None) -> HomeworkOut:
    hw = s.homework
    return HomeworkOut(
        id=hw.id, practice=practice_out(hw.practice), from_name=hw.from_name, note=hw.note,
        schedule=ScheduleOut(repeat=hw.repeat, words=hw.schedule.words(), starts_on=hw.starts_on, ends_on=hw.ends_on,
                             days=weekdays.day_keys(hw.days), every_days=hw.every_days),
        is_due=s.is_due, round_began=s.round.begins, next_on=s.round.next_on,
        done=[DoneOut(what=d.what, record_id=d.record_id, at=d.at) for d in s.done] if s.visible else None,
        times_done=times_done, ended_at=hw.ended_at)


@api.get("/homework/practices", response_model=list[PracticeOut])
def api_practices():
    """Every practice a therapist can suggest as homework."""
    return [practice_out(p) for p in plan.practices()]


@api.get("/homework", response_model=list[HomeworkOut])
def api_homework(db: Db, user: Client):
    """Your homework still in play: what's open now first. Done by doing the practice itself."""
    return [homework_out(s) for s in assignments.for_client(db, user)]


@api.post("/homework/{homework_id}/aside", response_model=HomeworkOut, dependencies=[CheckCsrf],
          responses={404: {"description": "Not yours, or already off your list"}})
def api_set_aside(homework_id: Id, db: Db, user: Client):
    """Take a suggestion off your list; no reason is asked."""
    hw = assignments.set_aside(db, user, homework_id)
    out = homework_out(assignments.status(db, hw))
    db.commit()
    return out


@api.get("/due", response_model=list[DueOut])
def api_due(db: Db, user: Client):
    """What you could do today: homework, goal check-ins and questionnaires. Never a missed count."""
    return [DueOut(**vars(d)) for d in due_now(db, user)]


@api.get("/clients/{client_id}/homework", response_model=list[HomeworkOut],
         responses={404: {"description": "Not your client"}})
def api_client_homework(client_id: Id, db: Db, user: Therapist):
    """What you suggested to this client; whether it was done only where they share its category."""
    out = [homework_out(f.status, f.times_done if f.status.visible else None)
           for f in assignments.for_therapist(db, user, client_id)]
    db.commit()  # the reads are audited
    return out


@api.post("/clients/{client_id}/homework", response_model=HomeworkOut, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "A plan that can't be used; each field says why"},
                     404: {"description": "Not your client"}})
def api_assign(client_id: Id, body: HomeworkIn, db: Db, user: Therapist):
    """Suggest a practice to your client, once by a day, on chosen weekdays, or every few days."""
    hw = assignments.assign(db, user, client_id, body.practice, body.repeat, by=body.by,
                            days=weekdays.days_from_keys(body.days), every_days=body.every_days,
                            starts_on=body.starts_on, ends_on=body.ends_on, note=body.note)
    out = homework_out(assignments.status(db, hw, viewer=user))
    db.commit()
    return out


@api.post("/clients/{client_id}/homework/{homework_id}/stop", response_model=HomeworkOut,
          dependencies=[CheckCsrf], responses={404: {"description": "Not your suggestion"}})
def api_stop(client_id: Id, homework_id: Id, db: Db, user: Therapist):
    """Stop a suggestion; the client no longer sees it."""
    hw = assignments.stop(db, user, homework_id, client_id)
    out = homework_out(assignments.status(db, hw, viewer=user))
    db.commit()
    return out
