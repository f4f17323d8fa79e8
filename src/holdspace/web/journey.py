"""The journey page: a client's timeline, charts, milestones and a warm monthly summary."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.journey import gather, measures
from holdspace.journey import report as session_report
from holdspace.journey.timeline import mood_points
from holdspace.privacy.policy import linked_client
from holdspace.web.deps import Client, Db, Id, Therapist, file_slug, render
from holdspace.web import report_pdf as pdf
from holdspace.web.charts import measure_chart, minutes_chart, mood_span_chart

pages = APIRouter()
api = APIRouter(tags=["journey"])


@pages.get("/journey")
def journey_page(request: Request, db: Db, user: Client):
    zone = clock.zone(db)
    built, checkins, taken = gather.journey_of(db, user, now=clock.now(), categories=gather.EVERYTHING)
    points, unit = mood_points(checkins, zone=zone)
    mood_chart = mood_span_chart(points, zone=zone, chart_id="journey-mood",
                                 title=f"Mood since you started ({unit}s)" if checkins else "Mood")
    charts = []
    for inst in measures.all_instruments():
        mine = [p for p in taken if p.key == inst.key]
        if mine:
            charts.append((inst, measure_chart(inst, mine, zone=zone, chart_id=f"journey-{inst.key}")))
    practice_chart = minutes_chart(built.months) if built.practices else None
    return render(request, "journey/index.html", journey=built, mood_chart=mood_chart, charts=charts,
                  unit=unit, practice_chart=practice_chart)


class MonthOut(BaseModel):
    month: str
    checkins: int
    average_mood: float | None
    journal_entries: int
    practices: int
    practice_minutes: int
    goal_checkins: int
    questionnaires: list[str]
    milestones: list[str]


class MilestoneOut(BaseModel):
    key: str
    title: str
    prompt: str
    reached_at: datetime


class JourneyOut(BaseModel):
    summary: list[str]
    checkins: int
    journal_entries: int
    questionnaires: int
    milestones: list[MilestoneOut]
    months: list[MonthOut]


@api.get("/journey", response_model=JourneyOut)
def api_journey(request: Request, db: Db, user: Client):
    """Your journey: the monthly summary, milestones with their prompts, and month-by-month counts."""
    built, _, _ = gather.journey_of(db, user, now=clock.now(),
                                    categories=gather.EVERYTHING)
    return JourneyOut(summary=built.summary, checkins=built.checkins, journal_entries=built.journal,
                      questionnaires=built.measures,
                      milestones=[MilestoneOut(key=m.key, title=m.title, prompt=m.prompt, reached_at=m.at)
                                  for m in built.milestones],
                      months=[MonthOut(month=f"{m.year}-{m.month:02d}", checkins=m.checkins,
                                       average_mood=m.average_mood, journal_entries=m.journal,
                                       practices=m.practices, practice_minutes=m.practice_minutes,
                                       goal_checkins=m.goal_checkins,
                                       questionnaires=[f"{p.name} {p.total_text}" for p in m.measures],
                                       milestones=[x.title for x in m.milestones]) for m in built.months])


# --- the therapist's session report ---------------------------------------------------------

def _report(request: Request, db, user, client_id: int, since: str):
    try:
        chosen = session_report.parse_since(since, clock.today(db))
    except InvalidInput as exc:
        linked_client(db, user, client_id)  # someone else's client is a 404, not a date problem
        return None, exc
    built = session_report.build(db, user, client_id, chosen, now=clock.now())
    db.commit()  # the reads are audited
    return built, None


@pages.get("/clients/{client_id}/report")
def report_page(request: Request, db: Db, user: Therapist, client_id: Id, since: str = ""):
    built, problem = _report(request, db, user, client_id, since)
    if problem is not None:
        _, client = linked_client(db, user, client_id)
        return render(request, "journey/report.html", status_code=400, report=None, client=client,
                      errors=problem.fields, values={"since": since})
    chart = None
    if built.mood is not None:
        chart = mood_span_chart([(at, float(m)) for at, m in built.mood.points], zone=clock.zone(db),
                                chart_id="report-mood",
                                title=f"{built.client.display_name}'s mood since {built.since:%-d %B}",
                                least_days=max(1, built.days))
    return render(request, "journey/report.html", report=built, client=built.client, chart=chart,
                  values={"since": built.since.isoformat()})


@pages.get("/clients/{client_id}/report.pdf")
def report_pdf(request: Request, db: Db, user: Therapist, client_id: Id, since: str = ""):
    built, problem = _report(request, db, user, client_id, since)
    if problem is not None:
        raise problem
    local = request.app.state.templates.env.filters["local"]
    name = f"session-report-{file_slug(built.client.display_name)}-{clock.day_of(built.until, db):%Y-%m-%d}.pdf"
    return Response(pdf.render(built, local=local), media_type="application/pdf",
                    headers={"content-disposition": f'inline; filename="{name}"'})


class MeasureLineOut(BaseModel):
    instrument: str
    before: float | None
    latest: float | None
    latest_band: str | None
    in_period: int
    change: float | None
    rci: float | None
    reliable: bool | None
    clinically_significant: bool | None
    words: str | None


class RiskFlagOut(BaseModel):
    at: datetime
    source: str
    level: str
    reasons: list[str]


class GoalLineOut(BaseModel):
    text: str
    status: str
    schedule: str
    checkins: dict[str, int] = Field(description="Check-ins made in the period, by outcome (missed days are not counted)")
    milestones: list[str]
    words: str


class HomeworkLineOut(BaseModel):
    practice: str
    plan: str
    visible: bool = Field(description="Whether the client shares what shows it done")
    done: int = Field(description="Times done in the period (only when visible; missed days are not counted)")
    ended: bool


class ReportOut(BaseModel):
    client: str
    since: date
    shared: list[str]
    measures: list[MeasureLineOut]
    risks: list[RiskFlagOut]
    mood_average: float | None
    mood_before_average: float | None
    mood_checkins: int | None
    themes: list[str] | None
    goals: list[GoalLineOut] | None
    homework: list[HomeworkLineOut]


@api.get("/clients/{client_id}/report", response_model=ReportOut,
         responses={400: {"description": "A date that can't be used"}, 404: {"description": "Not your client"}})
def api_report(request: Request, db: Db, user: Therapist, client_id: Id,
               since: str = Query("", description="The last session's date, YYYY-MM-DD (default: 14 days ago)")):
    """The session report's figures: questionnaires and their change, risk flags, mood, themes, goals."""
    built, problem = _report(request, db, user, client_id, since)
    if problem is not None:
        raise problem
    lines = [MeasureLineOut(instrument=l.instrument.key, before=l.baseline.total if l.baseline else None,
                            latest=l.latest.total if l.latest else None,
                            latest_band=l.latest.band if l.latest else None, in_period=l.in_period,
                            change=l.change.difference if l.change else None, rci=l.change.rci if l.change else None,
                            reliable=l.change.reliable if l.change else None,
                            clinically_significant=l.change.clinically_significant if l.change else None,
                            words=l.change.words if l.change else None) for l in built.measures]
    return ReportOut(client=built.client.display_name, since=built.since, shared=built.shared, measures=lines,
                     risks=[RiskFlagOut(at=r.at, source=r.source, level=r.level, reasons=list(r.reasons))
                            for r in built.risks],
                     mood_average=built.mood.average if built.mood else None,
                     mood_before_average=built.mood.before_average if built.mood else None,
                     mood_checkins=built.mood.count if built.mood else None,
                     themes=[f"{t.name} ({t.entries} of {t.of})" for t in built.themes] if built.themes is not None else None,
                     goals=[GoalLineOut(text=g.text, status=g.status, schedule=g.schedule, checkins=g.outcomes,
                                        milestones=list(g.milestones), words=g.words) for g in built.goals]
                     if built.goals is not None else None,
                     homework=[HomeworkLineOut(practice=h.practice, plan=h.plan, visible=h.visible, done=h.done,
                                               ended=h.ended) for h in built.homework])
