"""The letter to yourself as to a friend: one step per page, a draft kept at every step (pages and API)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from holdspace.errors import InvalidInput
from holdspace.privacy.accounts import User
from holdspace.selfcompassion import letter, records
from holdspace.selfcompassion.records import SelfCompassionRecord
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["self-compassion"])

LIST = "/practices/letters"
DRAFT = letter.DRAFT_LIMIT


def step_url(letter_id: int, number: int) -> str:
    return f"{LIST}/{letter_id}/steps/{number}"


def resume_step(record: SelfCompassionRecord) -> int:
    """Where a draft carries on: the first step still empty, or the letter itself."""
    for s in letter.steps():
        if not record.body.get(s.key):
            return s.number
    return len(letter.steps())


def _step_page(request: Request, number: int, record: SelfCompassionRecord | None, text: str, *,
               status_code: int = 200, errors: dict | None = None, shared: bool | None = None):
    s = letter.step(number)
    body = record.body if record is not None else {}
    notes = [(earlier, body.get(earlier.key, "")) for earlier in letter.steps()[:number - 1]
             if body.get(earlier.key)] if s.key == "letter" else []
    return render(request, "selfcompassion/letter_step.html", status_code=status_code, step=s,
                  steps=letter.steps(), record=record, notes=notes, errors=errors or {},
                  values={"text": text, "shared": body.get("shared", False) if shared is None else shared},
                  intro=letter.intro() if number == 1 else "",
                  action=step_url(record.id, number) if record is not None else LIST)


def _leave_to(action: str, record: SelfCompassionRecord, number: int) -> str:
    if action == "back" and number > 1:
        return step_url(record.id, number - 1)
    if action == "next" and number < len(letter.steps()):
        return step_url(record.id, number + 1)
    if record.body.get("finished"):
        return done_url(f"{LIST}/{record.id}", "letter")
    return done_url(LIST, "letter-draft")


def _after_save(request: Request, db: Db, user: User, saved: records.LetterSaved, number: int, text: str,
                action: str):
    """The page after a step was kept: the crisis response, the step again with a kind word, or onwards."""
    record, s = saved.record, letter.step(number)
    problems = dict(saved.problems)
    if action == "next" and (message := letter.too_long(s, text)) is not None:
        problems[s.key] = message
    destination = step_url(record.id, number) if problems else _leave_to(action, record, number)
    response = crisis.response_page(request, record.assessment, db=db, client=user,
                                    saved="What you wrote is kept in your draft.", continue_url=destination)
    if response is not None:
        return response
    if problems:
        return _step_page(request, number, record, text, status_code=400, errors=problems)
    return redirect(destination)


def _action(raw: str) -> str:
    return raw if raw in ("next", "back", "later", "finish") else "next"


@pages.get(LIST)
def letters_page(request: Request, db: Db, user: Client, done: str = ""):
    rows = records.records(db, user.id, "letter", limit=200)
    return render(request, "selfcompassion/letters.html", done=done, intro=letter.intro(),
                  drafts=[(r, resume_step(r)) for r in rows if not r.body.get("finished")],
                  finished=[r for r in rows if r.body.get("finished")])


@pages.get(f"{LIST}/new")
def new_letter_page(request: Request, user: Client):
    return _step_page(request, 1, None, "")


@pages.post(LIST, dependencies=[CheckCsrf])
def start_letter(request: Request, db: Db, user: Client, text: str = Form(""), action: str = Form("next")):
    """The first step, written: the draft begins here."""
    first = letter.step(1)
    try:
        saved = records.start_letter(db, user, {first.key: text})
    except InvalidInput as exc:
        db.rollback()
        return _step_page(request, 1, None, text, status_code=400,
                          errors={first.key: " ".join(exc.fields.values()) or exc.message})
    db.commit()
    return _after_save(request, db, user, saved, 1, saved.record.body[first.key], _action(action))


@pages.get(f"{LIST}/{{letter_id}}/steps/{{number}}")
def letter_step_page(request: Request, db: Db, user: Client, letter_id: Id, number: Id):
    record = records.own_record(db, user, letter_id, "letter")
    s = letter.step(number) if number <= len(letter.steps()) else letter.step(len(letter.steps()))
    return _step_page(request, s.number, record, record.body.get(s.key, ""))


@pages.post(f"{LIST}/{{letter_id}}/steps/{{number}}", dependencies=[CheckCsrf])
def save_letter_step(request: Request, db: Db, user: Client, letter_id: Id, number: Id, text: str = Form(""),
                     action: str = Form("next"), shared: str = Form("")):
    s = letter.step(min(number, len(letter.steps())))
    chosen = _action(action)
    share = (shared == "yes") if s.key == "letter" else None
    try:
        saved = records.save_letter(db, user, letter_id, {s.key: text}, finish=chosen == "finish", shared=share)
    except InvalidInput as exc:
        db.rollback()
        record = records.own_record(db, user, letter_id, "letter")
        return _step_page(request, s.number, record, text, status_code=400, shared=share,
                          errors={s.key: " ".join(exc.fields.values()) or exc.message})
    db.commit()
    return _after_save(request, db, user, saved, s.number, saved.record.body[s.key], chosen)


@pages.get(f"{LIST}/{{letter_id}}")
def letter_page(request: Request, db: Db, user: Client, letter_id: Id, done: str = ""):
    """Reading a finished letter back; a draft opens where it was left."""
    record = records.own_record(db, user, letter_id, "letter")
    if not record.body.get("finished"):
        return redirect(step_url(record.id, resume_step(record)))
    return render(request, "selfcompassion/letter.html", record=record, done=done, read_back=letter.read_back(),
                  last_step=len(letter.steps()),
                  notes=[(s, record.body.get(s.key, "")) for s in letter.steps()[:-1] if record.body.get(s.key)])


@pages.post(f"{LIST}/{{letter_id}}/sharing", dependencies=[CheckCsrf])
def share_letter(db: Db, user: Client, letter_id: Id, shared: str = Form("")):
    record = records.share_letter(db, user, letter_id, shared == "yes")
    db.commit()
    return redirect(done_url(f"{LIST}/{record.id}", "letter-shared" if record.body["shared"] else "letter-private"))


@pages.post(f"{LIST}/{{letter_id}}/delete", dependencies=[CheckCsrf])
def delete_letter(db: Db, user: Client, letter_id: Id):
    records.delete_letter(db, user, letter_id)
    db.commit()
    return redirect(done_url(LIST, "removed"))


# --- API --------------------------------------------------------------------------------------

class LetterIn(BaseModel):
    happened: str | None = Field(None, max_length=DRAFT, description="What happened, and what you've been telling yourself")
    friend: str | None = Field(None, max_length=DRAFT, description="The friend who cares about you without conditions")
    notice: str | None = Field(None, max_length=DRAFT, description="What they would notice and understand")
    human: str | None = Field(None, max_length=DRAFT, description="What they'd say about this being part of being human")
    hope: str | None = Field(None, max_length=DRAFT, description="What they would hope for you")
    letter: str | None = Field(None, max_length=DRAFT, description="The letter, in your own words")
    shared: bool | None = Field(None, description="Let therapists you share exercises with read it once finished (default: private)")
    finish: bool = Field(False, description="Finish it (needs the letter itself); otherwise it stays a draft")


class LetterOut(BaseModel):
    id: int
    created_at: datetime
    finished: bool
    shared: bool
    body: dict = Field(description="Each step's text, by step key")
    problems: dict[str, str] = Field(default_factory=dict, description="Why it is still a draft, if finishing was asked for")
    level: str = Field("none", description="Risk found in what was just written: none, concern or urgent")
    crisis_response: list[str] | None = None


def _out(record: SelfCompassionRecord, problems: dict | None = None, response=None) -> LetterOut:
    return LetterOut(id=record.id, created_at=record.created_at, finished=bool(record.body.get("finished")),
                     shared=bool(record.body.get("shared")),
                     body={k: record.body.get(k, "") for k in letter.FIELDS}, problems=problems or {},
                     level=record.assessment.level,
                     crisis_response=list(response.sentences) if response else None)


def _written(body: LetterIn) -> dict[str, str]:
    return {k: v for k, v in body.model_dump(include=set(letter.FIELDS)).items() if v is not None}


@api.get("/letters", response_model=list[LetterOut])
def api_letters(db: Db, user: Client):
    """Your letters to yourself, drafts included, newest first."""
    return [_out(r) for r in records.records(db, user.id, "letter")]


@api.post("/letters", response_model=LetterOut, status_code=201, dependencies=[CheckCsrf])
def api_start_letter(request: Request, body: LetterIn, db: Db, user: Client):
    """Begin a letter with any of its steps; finish it now if the letter itself is there and finish is true."""
    saved = records.start_letter(db, user, _written(body))
    if body.finish or body.shared is not None:
        saved = records.save_letter(db, user, saved.record.id, _written(body), finish=body.finish, shared=body.shared)
    db.commit()
    return _out(saved.record, saved.problems, crisis.response_for(request, saved.record.assessment, db=db, client=user))


@api.get("/letters/{letter_id}", response_model=LetterOut)
def api_letter(db: Db, user: Client, letter_id: Id):
    """One of your letters."""
    return _out(records.own_record(db, user, letter_id, "letter"))


@api.patch("/letters/{letter_id}", response_model=LetterOut, dependencies=[CheckCsrf])
def api_save_letter(request: Request, body: LetterIn, db: Db, user: Client, letter_id: Id):
    """Keep more of a letter (only the steps given change), share it or not, or finish it."""
    saved = records.save_letter(db, user, letter_id, _written(body), finish=body.finish, shared=body.shared)
    db.commit()
    return _out(saved.record, saved.problems, crisis.response_for(request, saved.record.assessment, db=db, client=user))


@api.delete("/letters/{letter_id}", status_code=204, dependencies=[CheckCsrf])
def api_delete_letter(db: Db, user: Client, letter_id: Id):
    """Delete a letter or a draft, for good."""
    records.delete_letter(db, user, letter_id)
    db.commit()
