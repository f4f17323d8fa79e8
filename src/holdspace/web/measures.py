"""Questionnaires: fill one in, see the result and the change; the therapist's assignments and view."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.journey import fhir, measures, questionnaires
from holdspace.privacy import consent
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.web import crisis
from holdspace.web.charts import measure_chart
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, Therapist, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["measures"])

Key = Annotated[str, Path(pattern=r"^[a-z0-9]{2,16}$", description="A questionnaire key, e.g. phq9")]


def _rows(db, owner_id: int) -> list[dict]:
    """Each questionnaire with its finished administrations (newest first) and the change between them."""
    rows = []
    for inst in measures.all_instruments():
        done = questionnaires.history(db, owner_id, inst.key)
        results = []
        for i, adm in enumerate(done):
            results.append({"adm": adm, "change": questionnaires.change_between(done[i - 1] if i else None, adm)})
        overall = questionnaires.change_between(done[0], done[-1]) if len(done) > 2 else None
        rows.append({"instrument": inst, "results": list(reversed(results)), "first": done[0] if done else None,
                     "overall": overall, "chart": measure_chart(inst, done, zone=clock.zone(db)) if done else None})
    return rows


@pages.get("/measures")
def measures_page(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "measures/index.html", done=done, rows=_rows(db, user.id),
                  due=questionnaires.due_for(db, user.id),
                  drafts={i.key for i in measures.all_instruments()
                          if questionnaires.draft_for(db, user.id, i.key) is not None})


def _form(request: Request, inst, status_code: int = 200, **context):
    return render(request, "measures/form.html", status_code=status_code, inst=inst, **context)


@pages.get("/measures/{key}")
def questionnaire_page(request: Request, db: Db, user: Client, key: Key):
    inst = measures.instrument(key)
    draft = questionnaires.draft_for(db, user.id, key)
    values = {f"item-{n}": v for n, v in (draft.answers.items() if draft else ())}
    return _form(request, inst, values=values, has_draft=draft is not None)


@pages.post("/measures/{key}", dependencies=[CheckCsrf])
async def answer(request: Request, db: Db, user: Client, key: Key):
    inst = measures.instrument(key)
    form = await request.form()
    raw = {f"item-{item.number}": str(form.get(f"item-{item.number}", "")) for item in inst.items}
    values = {k: v for k, v in raw.items() if v}
    finish = form.get("action") != "draft"
    try:
        saved = questionnaires.save(db, user, key, raw, finish=finish,
                                    accept_missing=bool(form.get("accept_missing")))
    except InvalidInput as exc:
        db.rollback()
        return _form(request, inst, status_code=400, errors=exc.fields, values=values)
    db.commit()
    if not saved.finished:
        if not saved.problems:
            return redirect(done_url("/measures", "measure-draft"))
        return _form(request, inst, status_code=400, errors=saved.problems, values=values,
                     has_draft=True, missing=() if "form" in saved.problems else saved.score.missing,
                     can_score_without=saved.score.scored and bool(saved.score.missing))
    adm = saved.administration
    result_url = f"/measures/results/{adm.id}"
    return (crisis.response_page(request, adm.assessment, db=db, client=user, saved="Your answers are saved.",
                                 continue_url=result_url)
            or redirect(result_url))


@pages.get("/measures/results/{adm_id}")
def result_page(request: Request, db: Db, user: Client, adm_id: Id):
    adm = questionnaires.own_administration(db, user, adm_id)
    before = questionnaires.previous(db, adm)
    return render(request, "measures/result.html", adm=adm, inst=adm.definition, before=before,
                  change=questionnaires.change_between(before, adm))


# --- the therapist's side ---------------------------------------------------------------------------

def _client_page(request: Request, db, user, client_id: int, status_code: int = 200, **context):
    link, client = linked_client(db, user, client_id)
    shared = "measures" in consent.shared_categories(db, link.id)
    rows = []
    if shared:
        visible_owner(db, user, client.id, "measures")  # audits the read
        rows = _rows(db, client.id)
    db.commit()
    return render(request, "measures/client.html", status_code=status_code, client=client, shared=shared,
                  rows=rows, instruments=measures.all_instruments(),
                  assignments=questionnaires.assignments_for(db, client.id, user.id),
                  today=clock.today(db).isoformat(), **context)


@pages.get("/clients/{client_id}/measures")
def client_measures_page(request: Request, db: Db, user: Therapist, client_id: Id, done: str = ""):
    return _client_page(request, db, user, client_id, done=done)


@pages.post("/clients/{client_id}/assignments", dependencies=[CheckCsrf])
def create_assignment(request: Request, db: Db, user: Therapist, client_id: Id,
                      instrument: str = Form(""), every_days: str = Form(""), starts_on: str = Form("")):
    try:
        questionnaires.assign(db, user, client_id, instrument, every_days, starts_on)
    except InvalidInput as exc:
        db.rollback()
        return _client_page(request, db, user, client_id, status_code=400, errors=exc.fields,
                            values={"instrument": instrument, "every_days": every_days, "starts_on": starts_on})
    db.commit()
    return redirect(done_url(f"/clients/{client_id}/measures", "assigned"))


@pages.post("/clients/{client_id}/assignments/{assignment_id}/stop", dependencies=[CheckCsrf])
def stop_assignment(db: Db, user: Therapist, client_id: Id, assignment_id: Id):
    assignment = questionnaires.stop_assignment(db, user, assignment_id)
    db.commit()
    return redirect(done_url(f"/clients/{assignment.client_id}/measures", "assignment-stopped"))


# --- API --------------------------------------------------------------------------------------

class OptionOut(BaseModel):
    value: int
    label: str


class ItemOut(BaseModel):
    number: int
    text: str
    reverse_scored: bool


class BandOut(BaseModel):
    low: float
    high: float
    key: str
    label: str


class InstrumentOut(BaseModel):
    key: str
    name: str
    full_name: str
    prompt: str
    wording: str = Field(description="'published' or 'own words'")
    attribution: str
    citation: str
    higher_is_better: bool
    options: list[OptionOut]
    items: list[ItemOut]
    bands: list[BandOut]


class AnswersIn(BaseModel):
    answers: dict[str, int | None] = Field(description='Item number to answer value, e.g. {"1": 0, "2": 3}')
    finish: bool = Field(True, description="false keeps the answers as a draft")
    accept_missing: bool = Field(False, description="Score with unanswered items where the published rule allows")


class ChangeOut(BaseModel):
    since: datetime
    difference: float
    direction: str
    rci: float | None
    reliable: bool | None
    clinically_significant: bool | None
    category: str
    words: str


class ResultOut(BaseModel):
    id: int
    instrument: str
    status: str = Field(description="'done' or 'draft'")
    total: float | None
    band: str | None
    band_label: str | None
    prorated: bool
    answers: dict[str, int | None]
    completed_at: datetime | None
    change: ChangeOut | None = None


class SavedResult(ResultOut):
    problems: dict[str, str] = Field(default_factory=dict, description="Why it was kept as a draft")
    level: str = Field("none", description="Risk from PHQ-9 question 9: none or concern")
    crisis_response: list[str] | None = None


class AssignmentIn(BaseModel):
    instrument: str
    every_days: int = Field(ge=1, le=365)
    starts_on: date | None = None


class AssignmentOut(BaseModel):
    id: int
    client_id: int
    instrument: str
    every_days: int
    starts_on: date


class DueOut(BaseModel):
    instrument: str
    name: str
    due_on: date
    is_due: bool
    every_days: int


def _result(db, adm, *, with_change: bool = True) -> dict:
    change = None
    if with_change and adm.status == questionnaires.DONE:
        before = questionnaires.previous(db, adm)
        found = questionnaires.change_between(before, adm)
        if found is not None:
            change = ChangeOut(since=before.completed_at, **{k: v for k, v in vars(found).items() if k != "short"})
    return dict(id=adm.id, instrument=adm.instrument, status=adm.status, total=adm.total, band=adm.band,
                band_label=adm.band_label or None, prorated=adm.prorated,
                answers={str(k): v for k, v in sorted(adm.answers.items())},
                completed_at=adm.completed_at, change=change)


@api.get("/instruments", response_model=list[InstrumentOut])
def api_instruments():
    """The questionnaires on offer, with their wording, answers, bands and sources."""
    return [InstrumentOut(key=i.key, name=i.name, full_name=i.full_name, prompt=i.prompt, wording=i.wording,
                          attribution=i.attribution, citation=i.citation, higher_is_better=i.higher_is_better,
                          options=[OptionOut(value=o.value, label=o.label) for o in i.options],
                          items=[ItemOut(number=t.number, text=t.text, reverse_scored=t.reverse) for t in i.items],
                          bands=[BandOut(low=b.low, high=b.high, key=b.key, label=b.label) for b in i.bands])
            for i in measures.all_instruments()]


@api.get("/measures", response_model=list[ResultOut])
def api_measures(db: Db, user: Client):
    """Your finished questionnaires, oldest first, each with the change since the one before."""
    return [ResultOut(**_result(db, questionnaires.open_answers(db, a))) for a in questionnaires.history(db, user.id)]


@api.get("/measures/due", response_model=list[DueOut])
def api_due(db: Db, user: Client):
    """What your therapist asked you to fill in, and when it is due."""
    return [DueOut(instrument=d.assignment.instrument, name=d.assignment.definition.name, due_on=d.due_on,
                   is_due=d.is_due, every_days=d.assignment.every_days)
            for d in questionnaires.due_for(db, user.id)]


@api.get("/measures/fhir")
def api_fhir(db: Db, user: Client):
    """Your questionnaires as a FHIR R4 Bundle of QuestionnaireResponse and Observation resources."""
    done = [questionnaires.open_answers(db, a) for a in questionnaires.history(db, user.id)]
    return JSONResponse(fhir.bundle(user, done), media_type="application/fhir+json")


@api.post("/measures/{key}", response_model=SavedResult, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "An answer out of range, or a question that doesn't exist"},
                     404: {"description": "No questionnaire by that key"}})
def api_answer(request: Request, key: Key, body: AnswersIn, db: Db, user: Client):
    """Answer a questionnaire. Unanswered questions keep it as a draft unless accept_missing allows a score."""
    saved = questionnaires.save(db, user, key, body.answers, finish=body.finish,
                                accept_missing=body.accept_missing)
    db.commit()
    adm = saved.administration
    response = crisis.response_for(request, adm.assessment, db=db, client=user)
    return SavedResult(**_result(db, adm), problems=saved.problems, level=adm.assessment.level,
                       crisis_response=list(response.sentences) if response else None)


@api.get("/clients/{client_id}/measures", response_model=list[ResultOut],
         responses={404: {"description": "Not your client, or questionnaires not shared"}})
def api_client_measures(client_id: Id, db: Db, user: SignedIn):
    """A client's finished questionnaires, for a therapist the client shares questionnaires with."""
    owner = visible_owner(db, user, client_id, "measures")
    rows = [ResultOut(**_result(db, questionnaires.open_answers(db, a))) for a in questionnaires.history(db, owner.id)]
    db.commit()  # the read is audited
    return rows


@api.get("/clients/{client_id}/measures/fhir",
         responses={404: {"description": "Not your client, or questionnaires not shared"}})
def api_client_fhir(client_id: Id, db: Db, user: SignedIn):
    """A client's questionnaires as a FHIR R4 Bundle, for a therapist the client shares them with."""
    owner = visible_owner(db, user, client_id, "measures")
    done = [questionnaires.open_answers(db, a) for a in questionnaires.history(db, owner.id)]
    db.commit()
    return JSONResponse(fhir.bundle(owner, done), media_type="application/fhir+json")


@api.post("/clients/{client_id}/assignments", response_model=AssignmentOut, status_code=201,
          dependencies=[CheckCsrf], responses={404: {"description": "Not your client"}})
def api_assign(client_id: Id, body: AssignmentIn, db: Db, user: Therapist):
    """Ask your client to fill in a questionnaire every so many days."""
    a = questionnaires.assign(db, user, client_id, body.instrument, body.every_days, body.starts_on)
    db.commit()
    return AssignmentOut(id=a.id, client_id=a.client_id, instrument=a.instrument, every_days=a.every_days,
                         starts_on=a.starts_on)
