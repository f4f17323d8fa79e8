"""Listening skills, the therapist's own area: session transcripts with feedback, and practice mode.

Everything here belongs to the signed-in therapist alone: no client, colleague or admin can list or
open it. Transcripts hold a client's words, so they are sealed with the therapist's data key.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response
from markupsafe import Markup
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.practice import exercise, records
from holdspace.practice.report import analyse, thresholds
from holdspace.practice.timeline import LEGEND, timeline_svg
from holdspace.practice.transcripts import MAX_BYTES, parse
from holdspace.web.deps import CheckCsrf, Db, Id, Therapist, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["listening skills"])


def _names(therapist_name: str, client_name: str) -> dict[str, str]:
    names = {n.strip(): "therapist" for n in therapist_name.split(",") if n.strip()}
    names |= {n.strip(): "client" for n in client_name.split(",") if n.strip()}
    return names


def _analyse(db, user, title: str, text: str | bytes, filename: str, names: dict[str, str]):
    transcript = parse(text, filename, names)
    report = analyse(transcript).as_dict()
    body = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return records.save_transcript(db, user, title or filename, body[:MAX_BYTES], report)


def _progress(db, user) -> dict:
    tries = records.attempts(db, user)
    history = [(a.statement, a.score) for a in tries]
    recent = [a.score for a in tries[-10:]]
    earlier = [a.score for a in tries[-20:-10]]
    by_day: dict[str, list[int]] = {}
    for a in tries:
        by_day.setdefault(a.created_at.strftime("%Y-%m-%d"), []).append(a.score)
    return {"count": len(tries), "level": exercise.level_for(history),
            "recent": round(sum(recent) / len(recent)) if recent else None,
            "earlier": round(sum(earlier) / len(earlier)) if earlier else None,
            "days": [(day, round(sum(s) / len(s)), len(s)) for day, s in sorted(by_day.items())][-14:],
            "attempts": tries[::-1][:10], "history": history}


def _home(request: Request, db: Db, user, status_code: int = 200, **context):
    return render(request, "practice/index.html", status_code=status_code,
                  transcripts=records.transcripts(db, user), progress=_progress(db, user),
                  limit_mb=MAX_BYTES // 1_000_000, **context)


@pages.get("/practice")
def practice_home(request: Request, db: Db, user: Therapist, done: str = ""):
    return _home(request, db, user, done=done)


@pages.post("/practice/transcripts", dependencies=[CheckCsrf])
async def upload(request: Request, db: Db, user: Therapist, title: str = Form(""), text: str = Form(""),
                 therapist_name: str = Form(""), client_name: str = Form(""),
                 file: UploadFile | None = File(None)):
    values = {"title": title, "text": text, "therapist_name": therapist_name, "client_name": client_name}
    data: str | bytes = text
    filename = ""
    if file is not None and file.filename:
        data = await file.read(MAX_BYTES * 6)
        filename = file.filename
    try:
        if not (data.strip() if isinstance(data, str) else data.strip()):
            raise InvalidInput(fields={"text": "Choose a transcript file or paste the session here."})
        row = _analyse(db, user, title, data, filename, _names(therapist_name, client_name))
    except InvalidInput as exc:
        db.rollback()
        errors = exc.fields or {"text": exc.message}
        return _home(request, db, user, status_code=400, errors=errors, values=values)
    db.commit()
    return redirect(f"/practice/transcripts/{row.id}")


def _moments_html(report: dict) -> dict:
    return {"fair": thresholds()["fair_means"], "good": thresholds()["good_means"]}


@pages.get("/practice/transcripts/{transcript_id}")
def report_page(request: Request, db: Db, user: Therapist, transcript_id: Id):
    row = records.own_transcript(db, user, transcript_id)
    return render(request, "practice/report.html", row=row, report=row.report,
                  chart=Markup("".join(timeline_svg(row.report, f"Timeline of {row.title}", layout)
                                       for layout in ("wide", "narrow"))), legend=LEGEND,
                  meanings=_moments_html(row.report))


@pages.get("/practice/transcripts/{transcript_id}/report.pdf")
def report_pdf(db: Db, user: Therapist, transcript_id: Id):
    from holdspace.practice.pdf import report_pdf as make_pdf

    row = records.own_transcript(db, user, transcript_id)
    blob = make_pdf(row.report, row.title, clock.local(clock.now(), clock.zone(db)))
    return Response(blob, media_type="application/pdf",
                    headers={"content-disposition": f'attachment; filename="listening-skills-{row.id}.pdf"'})


@pages.post("/practice/transcripts/{transcript_id}/delete", dependencies=[CheckCsrf])
def delete(db: Db, user: Therapist, transcript_id: Id):
    records.delete_transcript(db, user, transcript_id)
    db.commit()
    return redirect(done_url("/practice", "transcript_deleted"))


@pages.get("/practice/exercise")
def exercise_page(request: Request, db: Db, user: Therapist, statement: str = ""):
    progress = _progress(db, user)
    s = exercise.statement(statement) if statement else exercise.next_statement(progress["history"])
    return render(request, "practice/exercise.html", statement=s, progress=progress)


@pages.post("/practice/exercise", dependencies=[CheckCsrf])
def respond(request: Request, db: Db, user: Therapist, statement: str = Form(""), response: str = Form("")):
    s = exercise.statement(statement)
    try:
        fb = exercise.give_feedback(s.id, response)
    except InvalidInput as exc:
        return render(request, "practice/exercise.html", status_code=400, statement=s,
                      progress=_progress(db, user), errors=exc.fields, values={"response": response})
    records.save_attempt(db, user, s.id, fb.response, fb.as_dict(), fb.score)
    db.commit()
    progress = _progress(db, user)
    return render(request, "practice/exercise.html", statement=s, feedback=fb, progress=progress,
                  next_statement=exercise.next_statement(progress["history"]))


# --- API --------------------------------------------------------------------------------------

class TranscriptIn(BaseModel):
    text: str = Field(max_length=MAX_BYTES * 5, description="The transcript: text with T:/C: prefixes, WebVTT, SRT or JSON")
    title: str = Field("", max_length=200)
    filename: str = Field("", max_length=200, description="Helps tell the format (.vtt, .srt, .json)")
    therapist_name: str = Field("", max_length=200, description="The therapist's name as written, if names are used")
    client_name: str = Field("", max_length=200)


class TranscriptSummary(BaseModel):
    id: int
    title: str
    created_at: datetime
    utterances: int


class TranscriptReport(TranscriptSummary):
    report: dict = Field(description="Measures against MITI thresholds, moments, and every utterance coded")


class PracticeIn(BaseModel):
    statement: str = Field(max_length=40, description="A statement id from GET /practice/statement")
    response: str = Field(max_length=20_000)


@api.post("/practice/transcripts", response_model=TranscriptReport, status_code=201, dependencies=[CheckCsrf])
def api_upload(body: TranscriptIn, db: Db, user: Therapist):
    """Analyse a session transcript and keep it (sealed) with its report."""
    row = _analyse(db, user, body.title, body.text, body.filename, _names(body.therapist_name, body.client_name))
    db.commit()
    return TranscriptReport(id=row.id, title=row.title, created_at=row.created_at, utterances=row.utterances,
                            report=row.report)


@api.get("/practice/transcripts", response_model=list[TranscriptSummary])
def api_transcripts(db: Db, user: Therapist):
    """Your transcripts, newest first."""
    return [TranscriptSummary(id=r.id, title=r.title, created_at=r.created_at, utterances=r.utterances)
            for r in records.transcripts(db, user)]


@api.get("/practice/transcripts/{transcript_id}", response_model=TranscriptReport)
def api_transcript(transcript_id: Id, db: Db, user: Therapist):
    """One transcript's report."""
    r = records.own_transcript(db, user, transcript_id)
    return TranscriptReport(id=r.id, title=r.title, created_at=r.created_at, utterances=r.utterances, report=r.report)


@api.get("/practice/statement")
def api_statement(db: Db, user: Therapist):
    """The next practice statement at your level."""
    s = exercise.next_statement(_progress(db, user)["history"])
    return {"id": s.id, "level": s.level, "topic": s.topic, "text": s.text}


@api.post("/practice/responses", status_code=201, dependencies=[CheckCsrf])
def api_respond(body: PracticeIn, db: Db, user: Therapist):
    """Feedback on your response to a practice statement (kept for your progress)."""
    fb = exercise.give_feedback(exercise.statement(body.statement).id, body.response)
    records.save_attempt(db, user, body.statement, fb.response, fb.as_dict(), fb.score)
    db.commit()
    return fb.as_dict()
