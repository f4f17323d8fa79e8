"""Music and movement prompts: all of them by feeling, each with a way to log how it went."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from holdspace.creativity import prompts
from holdspace.web.deps import Client, render

pages = APIRouter()
api = APIRouter(tags=["practices"])


@pages.get("/practices/music-and-movement")
def music_and_movement(request: Request, user: Client, feeling: str = Query("", max_length=32)):
    feeling = feeling if feeling in prompts.feelings() else ""
    return render(request, "practices/music_movement.html", feeling=feeling, feelings=prompts.feelings(),
                  groups=[(label, prompts.moving_prompts(kind, feeling=feeling))
                          for kind, label in prompts.moving_kinds().items()])


class MovingPromptOut(BaseModel):
    key: str
    kind: str
    text: str
    feelings: list[str]


@api.get("/practices/music-and-movement", response_model=list[MovingPromptOut])
def api_music_and_movement(kind: str = Query("", max_length=16, description="music or movement; empty for both"),
                           feeling: str = Query("", max_length=32)):
    """holdspace's music and movement prompts; log one with POST /practice-log (kind music or movement, detail its key)."""
    return [MovingPromptOut(key=p.key, kind=p.kind, text=p.text, feelings=list(p.feelings))
            for p in prompts.moving_prompts(kind, feeling=feeling)]
