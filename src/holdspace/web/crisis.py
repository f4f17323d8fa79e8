"""The crisis page (static: no sign-in, database or model) and the fixed crisis response."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from holdspace.safety import crisis_lines
from holdspace.safety.response import crisis_response, variant_for
from holdspace.safety.risk import Assessment
from holdspace.web.deps import render, settings_of

pages = APIRouter()
api = APIRouter(tags=["safety"])


@pages.get("/crisis")
def crisis_page(request: Request):
    # No Db or user dependency on purpose: this page must work when everything else is down.
    country = settings_of(request).country
    return render(request, "crisis.html", user=None, here=crisis_lines.lines_for(country),
                  elsewhere=crisis_lines.international(), is_fallback=country == "INT")


class LineOut(BaseModel):
    name: str
    call: str
    text: str
    text_word: str
    web: str
    hours: str
    source: str


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


def response_for(request: Request, assessment: Assessment):
    """The fixed crisis response this assessment calls for, for the configured country, or None."""
    variant = variant_for(assessment)
    if variant is None:
        return None
    return crisis_response(settings_of(request).country, has_safety_plan=False, variant=variant)


def response_page(request: Request, assessment: Assessment, *, saved: str, continue_url: str):
    """After saving something a client wrote: the crisis response when it is needed, else None."""
    response = response_for(request, assessment)
    if response is None:
        return None
    return render(request, "safety/response.html", response=response, saved=saved,
                  continue_url=continue_url, reasons=assessment.reasons)
