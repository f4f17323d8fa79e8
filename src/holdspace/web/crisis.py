"""The crisis page: static, needing no sign-in, no database and no model."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from holdspace.safety import crisis_lines
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
