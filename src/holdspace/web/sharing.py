"""The client's side of working with a therapist: accept a code, choose and revoke what is shared."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from holdspace.errors import HoldspaceError
from holdspace.privacy import consent
from holdspace.privacy.accounts import User
from holdspace.safety import alerts as safety_alerts
from holdspace.web.deps import CheckCsrf, Client, Db, Id, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["sharing"])


def _page(request: Request, db: Db, user, status_code: int = 200, **context):
    return render(request, "sharing/index.html", status_code=status_code,
                  links=consent.links_of_client(db, user), categories=consent.CATEGORIES, **context)


@pages.get("/sharing")
def sharing_page(request: Request, db: Db, user: Client, done: str = "", code: str = ""):
    return _page(request, db, user, done=done, values={"code": code, "categories": []})


def _yes(value: str) -> bool:
    return value == "yes"


@pages.post("/sharing/accept", dependencies=[CheckCsrf])
def accept(request: Request, db: Db, user: Client, code: str = Form(""),
           categories: list[str] = Form([]), alerts: str = Form("no"), alert_words: str = Form("no")):
    try:
        consent.accept_invitation(db, user, code, categories, alerts=_yes(alerts),
                                  alert_words=_yes(alert_words))
    except HoldspaceError as exc:
        db.rollback()
        errors = getattr(exc, "fields", {}) or {"code": exc.message}
        return _page(request, db, user, status_code=exc.status, errors=errors,
                     values={"code": code, "categories": categories, "alerts": alerts,
                             "alert_words": alert_words})
    db.commit()
    return redirect(done_url("/sharing", "linked"))


@pages.post("/sharing/{link_id}", dependencies=[CheckCsrf])
def update(link_id: Id, db: Db, user: Client, categories: list[str] = Form([])):
    consent.set_shares(db, user, link_id, categories)
    db.commit()
    return redirect(done_url("/sharing", "sharing"))


@pages.post("/sharing/{link_id}/alerts", dependencies=[CheckCsrf])
def update_alerts(link_id: Id, db: Db, user: Client, alerts: str = Form("no"), alert_words: str = Form("no")):
    safety_alerts.set_alerts(db, user, link_id, _yes(alerts), _yes(alert_words))
    db.commit()
    return redirect(done_url("/sharing", "alerts"))


@pages.post("/sharing/{link_id}/end", dependencies=[CheckCsrf])
def end(link_id: Id, db: Db, user: Client):
    consent.end_link(db, user, link_id)
    db.commit()
    return redirect(done_url("/sharing", "ended"))


# --- API --------------------------------------------------------------------------------------

class LinkOut(BaseModel):
    id: int
    therapist_name: str
    since: datetime
    shared: list[str]
    alerts: bool = Field(description="The therapist is told when something you write suggests you may not be safe")
    alert_words: bool = Field(description="Those notes include your words")


class AlertsIn(BaseModel):
    alerts: bool
    alert_words: bool = False


class AcceptIn(BaseModel):
    code: str = Field(max_length=40)
    categories: list[str] = Field(default_factory=list, max_length=12)
    alerts: bool = Field(False, description="Tell this therapist when something you write suggests you may not be safe")
    alert_words: bool = Field(False, description="Include your words in those notes")


class SharesIn(BaseModel):
    categories: list[str] = Field(max_length=12)


def _link_out(db: Db, link: consent.CareLink, therapist) -> LinkOut:
    return LinkOut(id=link.id, therapist_name=therapist.display_name, since=link.created_at,
                   shared=consent.shared_categories(db, link.id), alerts=link.alerts,
                   alert_words=link.alert_words)


@api.get("/links", response_model=list[LinkOut])
def api_links(db: Db, user: Client):
    """Therapists you work with and what each can see."""
    return [_link_out(db, link, t) for link, t, _ in consent.links_of_client(db, user)]


@api.post("/links", response_model=LinkOut, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Code unknown, used or expired"},
                     409: {"description": "Already linked"}})
def api_accept(body: AcceptIn, db: Db, user: Client):
    """Accept a therapist's invitation code, sharing the categories you choose."""
    link = consent.accept_invitation(db, user, body.code, body.categories, alerts=body.alerts,
                                     alert_words=body.alert_words)
    db.commit()
    return _link_out(db, link, db.get(User, link.therapist_id))


@api.put("/links/{link_id}/shares", response_model=LinkOut, dependencies=[CheckCsrf],
         responses={404: {"description": "No such link of yours"}})
def api_set_shares(link_id: Id, body: SharesIn, db: Db, user: Client):
    """Replace what you share with this therapist; effective on their next request."""
    consent.set_shares(db, user, link_id, body.categories)
    db.commit()
    link = consent.client_link(db, user, link_id)
    return _link_out(db, link, db.get(User, link.therapist_id))


@api.put("/links/{link_id}/alerts", response_model=LinkOut, dependencies=[CheckCsrf],
         responses={404: {"description": "No such link of yours"}})
def api_set_alerts(link_id: Id, body: AlertsIn, db: Db, user: Client):
    """Choose whether this therapist hears when something you write suggests you may not be safe."""
    link = safety_alerts.set_alerts(db, user, link_id, body.alerts, body.alert_words)
    db.commit()
    return _link_out(db, link, db.get(User, link.therapist_id))


@api.delete("/links/{link_id}", status_code=204, dependencies=[CheckCsrf],
            responses={404: {"description": "No such link of yours"}})
def api_end(link_id: Id, db: Db, user: Client):
    """Stop working with this therapist in holdspace; they see nothing from now on."""
    consent.end_link(db, user, link_id)
    db.commit()
