"""The client's privacy pages: who looked at what, a copy of everything, and deleting it all."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel

from holdspace import clock
from holdspace.errors import HoldspaceError, InvalidInput
from holdspace.privacy import accounts, audit, deletion, export
from holdspace.privacy.accounts import User
from holdspace.web.deps import SESSION_COOKIE, CheckCsrf, Client, Db, SignedIn, render

pages = APIRouter()
api = APIRouter(tags=["privacy"])


def _names(db: Db, events) -> dict[int, str]:
    ids = {e.actor_id for e in events if e.actor_id is not None}
    ids |= {e.therapist_id for e in events if e.therapist_id is not None}
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


def _archive_response(db: Db, user: User) -> Response:
    blob = export.export_archive(db, user)
    db.commit()  # the export is audited
    name = f"holdspace-export-{clock.today(db):%Y-%m-%d}.zip"
    return Response(blob, media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


@pages.get("/account/export")
def export_download(db: Db, user: Client):
    return _archive_response(db, user)


@api.get("/export", responses={200: {"content": {"application/zip": {}},
                                     "description": "A zip with export.json and README.txt"}})
def api_export(db: Db, user: Client):
    """Everything you have in holdspace, as one archive (format in README.txt inside)."""
    return _archive_response(db, user)


@pages.get("/account/delete")
def delete_page(request: Request, user: Client):
    return render(request, "privacy/delete.html")


@pages.post("/account/delete", dependencies=[CheckCsrf])
def delete_account(request: Request, db: Db, user: Client, password: str = Form(""),
                   confirm: str = Form("")):
    try:
        if confirm.strip().lower() != "delete":
            raise InvalidInput(fields={"confirm": "Type the word delete to confirm."})
        accounts.authenticate(db, user.email, password)
    except HoldspaceError as exc:
        db.rollback()
        errors = getattr(exc, "fields", {}) or {"password": exc.message}
        return render(request, "privacy/delete.html", status_code=exc.status, errors=errors)
    deletion.delete_account(db, user)
    db.commit()
    deletion.scrub(request.app.state.engine)
    response = render(request, "privacy/deleted.html", user=None)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
