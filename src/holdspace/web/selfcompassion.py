"""Self-compassion: the self-talk challenger and the thought record (pages and API)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from holdspace.errors import InvalidInput
from holdspace.privacy.accounts import User
from holdspace.language.text import normalize
from holdspace.safety.risk import assess
from holdspace.selfcompassion import records
from holdspace.selfcompassion.traps import detector, trap, traps
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["self-compassion"])

FEELING_ROWS = 3


def _analysis(thought: str):
    """The traps a thought shows, each with its words and gentle questions, for the page."""
    finding = detector().detect(thought)
    return finding, [(hit, trap(hit.key)) for hit in finding.hits]


# --- the self-talk challenger ----------------------------------------------------------------

@pages.get("/practices/challenger")
def challenger_page(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "selfcompassion/challenger.html", done=done, traps=traps(),
                  past=records.records(db, user.id, "challenge", limit=50))


@pages.post("/practices/challenger/look", dependencies=[CheckCsrf])
def look_at_thought(request: Request, db: Db, user: Client, thought: str = Form("")):
    """Name the traps in a harsh thought and ask about them; nothing is saved yet."""
    try:
        body = records.check_challenge(thought, "-")
    except InvalidInput as exc:
        return render(request, "selfcompassion/challenger.html", status_code=400, errors=exc.fields,
                      values={"thought": thought}, traps=traps(),
                      past=records.records(db, user.id, "challenge", limit=50))
    # What a client writes is read for risk the moment it reaches us, saved or not.
    response = crisis.response_page(request, assess(body["thought"]), db=db, client=user, saved="Nothing has been saved.",
                                    continue_url="/practices/challenger")
    if response is not None:
        return response
    finding, named = _analysis(body["thought"])
    return render(request, "selfcompassion/challenge.html", thought=body["thought"], finding=finding,
                  named=named, values={"kinder": ""})


@pages.post("/practices/challenger", dependencies=[CheckCsrf])
def save_challenge(request: Request, db: Db, user: Client, thought: str = Form(""), kinder: str = Form(""),
                   traps_found: list[str] = Form([], alias="traps")):
    try:
        record = records.save_challenge(db, user, thought, kinder, traps_found)
    except InvalidInput as exc:
        db.rollback()
        finding, named = _analysis(normalize(thought) or "-")
        return render(request, "selfcompassion/challenge.html", status_code=400, errors=exc.fields,
                      thought=thought, finding=finding, named=named, values={"kinder": kinder})
    db.commit()
    return (crisis.response_page(request, record.assessment, db=db, client=user, saved="Your kinder words are saved.",
                                 continue_url="/practices/challenger")
            or redirect(done_url("/practices/challenger", "challenge")))


@pages.get("/practices/challenger/{challenge_id}")
def challenge_page(request: Request, db: Db, user: Client, challenge_id: Id):
    record = records.own_record(db, user, challenge_id, "challenge")
    return render(request, "selfcompassion/challenge_saved.html", record=record,
                  named=[trap(k) for k in record.body.get("traps", [])])


# --- the thought record ----------------------------------------------------------------------

def _feelings_from_form(names: list[str], before: list[str], after: list[str]) -> list[dict]:
    rows = max(len(names), len(before), len(after))
    pad = lambda xs: list(xs) + [""] * (rows - len(xs))  # noqa: E731
    return [{"name": n, "before": b, "after": a} for n, b, a in zip(pad(names), pad(before), pad(after))]


@pages.get("/practices/thought-records")
def thought_records_page(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "selfcompassion/thought_records.html", done=done,
                  rows=records.records(db, user.id, "thought_record", limit=200))


@pages.get("/practices/thought-records/new")
def new_thought_record_page(request: Request, user: Client):
    return render(request, "selfcompassion/thought_record_new.html",
                  values={"feelings": [{"name": "", "before": "", "after": ""}] * FEELING_ROWS})


@pages.post("/practices/thought-records", dependencies=[CheckCsrf])
def save_thought_record(request: Request, db: Db, user: Client, situation: str = Form(""),
                        thought: str = Form(""), feeling: list[str] = Form([]),
                        before: list[str] = Form([]), after: list[str] = Form([]),
                        evidence_for: str = Form(""), evidence_against: str = Form(""),
                        balanced: str = Form("")):
    feelings = _feelings_from_form(feeling, before, after)
    try:
        record = records.save_thought_record(db, user, situation=situation, thought=thought, feelings=feelings,
                                             evidence_for=evidence_for, evidence_against=evidence_against,
                                             balanced=balanced)
    except InvalidInput as exc:
        db.rollback()
        shown = feelings + [{"name": "", "before": "", "after": ""}] * max(0, FEELING_ROWS - len(feelings))
        return render(request, "selfcompassion/thought_record_new.html", status_code=400, errors=exc.fields,
                      values={"situation": situation, "thought": thought, "feelings": shown,
                              "evidence_for": evidence_for, "evidence_against": evidence_against,
                              "balanced": balanced})
    db.commit()
    return (crisis.response_page(request, record.assessment, db=db, client=user, saved="Your thought record is saved.",
                                 continue_url="/practices/thought-records")
            or redirect(done_url("/practices/thought-records", "thought-record")))


@pages.get("/practices/thought-records/{thought_record_id}")
def thought_record_page(request: Request, db: Db, user: Client, thought_record_id: Id):
    return render(request, "selfcompassion/thought_record.html",
                  record=records.own_record(db, user, thought_record_id, "thought_record"))


# --- API --------------------------------------------------------------------------------------

class ThoughtIn(BaseModel):
    text: str = Field(max_length=records.TEXT_LIMIT)


class HitOut(BaseModel):
    trap: str
    name: str
    evidence: list[str] = Field(description="The words that showed it, as written")
    source: str = Field(description="cue (a phrase matched) or model (the trained head)")
    questions: list[str]


class AnalysisOut(BaseModel):
    distorted: bool
    traps: list[str]
    score: float
    evidence: list[HitOut]


class ChallengeIn(BaseModel):
    thought: str = Field(max_length=20000)
    kinder: str = Field(max_length=20000, description="The client's own kinder version")
    traps: list[str] = Field(default_factory=list, max_length=13)


class FeelingIn(BaseModel):
    name: str = Field(max_length=200)
    before: int | None = Field(None, ge=0, le=100)
    after: int | None = Field(None, ge=0, le=100)


class ThoughtRecordIn(BaseModel):
    situation: str = Field(max_length=20000)
    thought: str = Field(max_length=20000)
    feelings: list[FeelingIn] = Field(default_factory=list, max_length=records.MAX_FEELINGS)
    evidence_for: str = Field("", max_length=20000)
    evidence_against: str = Field("", max_length=20000)
    balanced: str = Field("", max_length=20000)


class SavedRecord(BaseModel):
    id: int
    kind: str
    created_at: datetime
    body: dict
    level: str = Field(description="Risk found in what was written: none, concern or urgent")
    crisis_response: list[str] | None = None


def _saved(request: Request, db: Db, user: User, record) -> SavedRecord:
    response = crisis.response_for(request, record.assessment, db=db, client=user)
    return SavedRecord(id=record.id, kind=record.kind, created_at=record.created_at, body=record.body,
                       level=record.assessment.level,
                       crisis_response=list(response.sentences) if response else None)


@api.post("/distortion", response_model=AnalysisOut)
def api_distortion(body: ThoughtIn, user: Client):
    """The thinking traps a thought shows, with the words that showed each and gentle questions. Not saved."""
    text = normalize(body.text)
    if not text:
        raise InvalidInput(fields={"text": "There's no thought here to look at yet."})
    finding, named = _analysis(text)
    return AnalysisOut(distorted=finding.distorted, traps=finding.traps, score=round(finding.score, 3),
                       evidence=[HitOut(**hit.as_dict(), questions=list(t.questions)) for hit, t in named])


@api.get("/challenges", response_model=list[SavedRecord])
def api_challenges(request: Request, db: Db, user: Client):
    """Your challenged thoughts and kinder versions, newest first."""
    return [SavedRecord(id=r.id, kind=r.kind, created_at=r.created_at, body=r.body, level="none")
            for r in records.records(db, user.id, "challenge")]


@api.post("/challenges", response_model=SavedRecord, status_code=201, dependencies=[CheckCsrf])
def api_save_challenge(request: Request, body: ChallengeIn, db: Db, user: Client):
    """Save a harsh thought with your own kinder version (both checked for risk, then sealed)."""
    record = records.save_challenge(db, user, body.thought, body.kinder, body.traps)
    db.commit()
    return _saved(request, db, user, record)


@api.get("/thought-records", response_model=list[SavedRecord])
def api_thought_records(db: Db, user: Client):
    """Your thought records, newest first."""
    return [SavedRecord(id=r.id, kind=r.kind, created_at=r.created_at, body=r.body, level="none")
            for r in records.records(db, user.id, "thought_record")]


@api.post("/thought-records", response_model=SavedRecord, status_code=201, dependencies=[CheckCsrf])
def api_save_thought_record(request: Request, body: ThoughtRecordIn, db: Db, user: Client):
    """Save a thought record (every field checked for risk, then sealed)."""
    record = records.save_thought_record(db, user, situation=body.situation, thought=body.thought,
                                         feelings=[f.model_dump() for f in body.feelings],
                                         evidence_for=body.evidence_for, evidence_against=body.evidence_against,
                                         balanced=body.balanced)
    db.commit()
    return _saved(request, db, user, record)
