"""The client's privacy pages: who looked at what and when."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel

from holdspace.privacy import audit
from holdspace.privacy.accounts import User
from holdspace.web.deps import Db, SignedIn, render

pages = APIRouter()
api = APIRouter(tags=["privacy"])


def _names(db: Db, events) -> dict[int, str]:
    ids = {e.actor_id for e in events if e.actor_id is not None}
    return {u.id: u.display_name for u in db.query(User).filter(User.id.in_(ids))} if ids else {}


@pages.get("/privacy/activity")
def activity_page(request: Request, db: Db, user: SignedIn):
    events = audit.events_about(db, user.id)
    return render(request, "privacy/activity.html", events=events, names=_names(db, events))


class EventOut(BaseModel):
    at: datetime
    who: str
    action: str
    words: str
    detail: str


@api.get("/activity", response_model=list[EventOut])
def api_activity(db: Db, user: SignedIn):
    """Who did what with your account and data, newest first."""
    events = audit.events_about(db, user.id)
    names = _names(db, events)
    return [EventOut(at=e.at, who="you" if e.actor_id == user.id else names.get(e.actor_id, "someone"),
                     action=e.action, words=e.words, detail=e.detail) for e in events]
