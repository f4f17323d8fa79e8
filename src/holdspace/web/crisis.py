"""The crisis page (static: works without the database or a model) and the fixed crisis response."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from pydantic import BaseModel

from sqlalchemy.orm import Session

from holdspace.privacy.accounts import User
from holdspace.safety import alerts, crisis_lines, plan
from holdspace.safety.response import GENTLE, crisis_response, variant_for
from holdspace.safety.risk import Assessment
from holdspace.web.deps import SESSION_COOKIE, optional_user, render, settings_of

pages = APIRouter()
api = APIRouter(tags=["safety"])


@pages.get("/crisis")
def crisis_page(request: Request):
    # No Db or user dependency on purpose: this page must work when everything else is down.
    # Who is asking is looked up only when there is a session cookie, and any failure to look
    # them up leaves the page as it is for someone signed out (with the safety plan offered).
    country = settings_of(request).country
    here = crisis_lines.lines_for(country)
    cookie = bool(request.cookies.get(SESSION_COOKIE))
    db, user = None, None
    if cookie:
        try:
            db = request.app.state.sessionmaker()
            user = optional_user(request, db)
            is_client = user is None or user.is_client
        except Exception:  # noqa: BLE001 - the crisis page must render whatever went wrong
            user, is_client = None, True
    try:
        return render(request, "crisis.html", user=user, here=here,
                      reviewed=_in_words(here.reviewed),
                      elsewhere=crisis_lines.international(), is_fallback=country == "INT",
                      # A therapist's or admin's account has no safety plan: its page would refuse them.
                      maybe_signed_in=cookie and is_client)
    finally:
        if db is not None:
            db.close()


def _in_words(day: str) -> str:
    """'2026-11-29' as '29 November 2026' (as it is, if it isn't a date)."""
    try:
        return date.fromisoformat(day).strftime("%-d %B %Y")
    except ValueError:
        return day


class LineOut(BaseModel):
    name: str
    call: str
    text: str
    text_word: str
    web: str
    hours: str
    source: str
    for_abuse: bool = False
    for_child: bool = False
    reviewed: str = ""  # when this line was checked, if later than the country's `reviewed`


class CrisisLinesOut(BaseModel):
    country: str
    name: str
    emergency: str
    reviewed: str
    lines: list[LineOut]
    international: list[LineOut]


@api.get("/crisis-lines", response_model=CrisisLinesOut)
def api_crisis_lines(request: Request):
    """Crisis lines for the configured country, with the international fallback. No sign-in."""
    here = crisis_lines.lines_for(settings_of(request).country)
    lines = [LineOut(**vars(line)) for line in here.lines]
    return CrisisLinesOut(country=here.code, name=here.name, emergency=here.emergency,
                          reviewed=here.reviewed, lines=lines,
                          international=[LineOut(**vars(line)) for line in crisis_lines.international().lines])


def response_for(request: Request, assessment: Assessment, *, db: Session, client: User):
    """The fixed crisis response this assessment calls for, for the configured country, or None.

    It tells the truth for this client: whether they have a safety plan to offer, and which
    therapists (if any) they asked to be alerted.
    """
    variant = variant_for(assessment)
    if variant is None:
        return None
    return crisis_response(settings_of(request).country, has_safety_plan=plan.exists(db, client.id),
                           variant=variant, told=tuple(alerts.alerted_therapists(db, client)))


def response_page(request: Request, assessment: Assessment, *, db: Session, client: User, saved: str,
                  continue_url: str):
    """After saving something a client wrote: the crisis response when it is needed, else None.

    A concern only the classifier heard gets the gentle check-in instead: the same call and text
    routes and safety plan link, asked lightly, with what was written kept as before.
    """
    response = response_for(request, assessment, db=db, client=client)
    if response is None:
        return None
    if response.variant == GENTLE:
        return render(request, "safety/check_in.html", response=response, saved=saved, continue_url=continue_url)
    own_plan = plan.load(db, client.id) if response.safety_plan_offered else None
    return render(request, "safety/response.html", response=response, saved=saved,
                  continue_url=continue_url, reasons=assessment.reasons, plan=own_plan)
