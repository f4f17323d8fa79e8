"""The therapist's side: the caseload, invitations, and each client's shared record."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from holdspace.errors import InvalidInput
from holdspace.creativity import journal
from holdspace.journey import mood
from holdspace.listening import chat
from holdspace import clock
from holdspace.privacy import consent, export
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.safety import alerts
from holdspace.web.charts import mood_chart
from holdspace.web.deps import CheckCsrf, Db, Id, Therapist, done_url, file_slug, redirect, render

pages = APIRouter()
api = APIRouter(tags=["caseload"])


def _page(request: Request, db: Db, user, status_code: int = 200, **context):
    found = alerts.for_therapist(db, user)
    rows = []
    for link, client, shared in consent.caseload(db, user):
        latest = []
        if "mood" in shared:
            visible_owner(db, user, client.id, "mood")  # audits the read
            latest = mood.list_checkins(db, client.id, limit=1)
        rows.append({"link": link, "client": client, "shared": shared,
                     "latest": latest[0] if latest else None})
    db.commit()
    return render(request, "caseload/index.html", status_code=status_code, rows=rows, alerts=found,
                  unseen=sum(1 for a in found if a.seen_at is None),
                  invitations=consent.open_invitations(db, user),
                  categories={c.key: c.label for c in consent.CATEGORIES}, **context)


@pages.get("/caseload")
def caseload_page(request: Request, db: Db, user: Therapist, done: str = ""):
    return _page(request, db, user, done=done)


@pages.post("/invitations", dependencies=[CheckCsrf])
def invite(request: Request, db: Db, user: Therapist, label: str = Form("")):
    try:
        invitation, code = consent.create_invitation(db, user, label)
    except InvalidInput as exc:
        db.rollback()
        return _page(request, db, user, status_code=400, errors=exc.fields, values={"label": label})
    db.commit()
    # The code is shown once, in this response only; just its hash is kept.
    return _page(request, db, user, new_code=code, new_invitation=invitation)


@pages.post("/invitations/{invitation_id}/cancel", dependencies=[CheckCsrf])
def cancel(invitation_id: Id, db: Db, user: Therapist):
    consent.cancel_invitation(db, user, invitation_id)
    db.commit()
    return redirect(done_url("/caseload", "cancelled"))


@pages.get("/clients/{client_id}")
def client_page(request: Request, db: Db, user: Therapist, client_id: Id):
    link, client = linked_client(db, user, client_id)
    shared = consent.shared_categories(db, link.id)
    checkins, entries, conversations = [], [], []
    if "mood" in shared:
        visible_owner(db, user, client.id, "mood")  # audits the read
        checkins = mood.list_checkins(db, client.id, limit=100)
    if "journal" in shared:
        visible_owner(db, user, client.id, "journal")
        entries = journal.entries(db, client.id, include_private=False, limit=50)
    if "conversations" in shared:
        visible_owner(db, user, client.id, "conversations")
        conversations = chat.list_chats(db, client.id, limit=50)
    found = alerts.for_therapist(db, user, client_id=client.id)
    db.commit()
    return render(request, "caseload/client.html", client=client, link=link, shared=shared,
                  alerts=found, show_client=False,
                  categories=consent.CATEGORIES, checkins=checkins, entries=entries,
                  conversations=conversations,
                  chart=mood_chart(checkins, zone=clock.zone(db), days=28,
                                   title=f"{client.display_name}'s mood, last four weeks"))


@pages.post("/alerts/{alert_id}/seen", dependencies=[CheckCsrf])
def alert_seen(db: Db, user: Therapist, alert_id: Id, next: str = Form("/caseload")):
    alert = alerts.mark_seen(db, user, alert_id)
    db.commit()
    back = f"/clients/{alert.client_id}" if next == f"/clients/{alert.client_id}" else "/caseload"
    return redirect(done_url(back, "alert-seen"))


@pages.get("/clients/{client_id}/export")
def client_export(db: Db, user: Therapist, client_id: Id):
    """The client's shared record, as JSON, for the therapist's own files."""
    link, client = linked_client(db, user, client_id)
    shared = consent.shared_categories(db, link.id)
    for category in shared:  # every category the record reads is an audited read
        visible_owner(db, user, client.id, category)
    record = export.shared_record(db, user, client, shared)
    db.commit()
    name = f"holdspace-{file_slug(client.display_name)}-{clock.today(db):%Y-%m-%d}.json"
    return JSONResponse(record, headers={"content-disposition": f'attachment; filename="{name}"'})


# --- API --------------------------------------------------------------------------------------

class ClientOut(BaseModel):
    id: int
    display_name: str
    since: datetime
    shared: list[str]


class InvitationIn(BaseModel):
    label: str = Field("", max_length=200, description="A reminder for you, e.g. the client's first name")


class InvitationOut(BaseModel):
    id: int
    label: str
    expires_at: datetime
    code: str | None = Field(None, description="Only in the response that creates it")


@api.get("/caseload", response_model=list[ClientOut])
def api_caseload(db: Db, user: Therapist):
    """Your clients and what each shares with you."""
    return [ClientOut(id=c.id, display_name=c.display_name, since=link.created_at, shared=shared)
            for link, c, shared in consent.caseload(db, user)]


class AlertOut(BaseModel):
    id: int
    client_id: int
    client_name: str
    level: str = Field(description="concern or urgent")
    where: str = Field(description="Where it was written, e.g. 'a check-in note'")
    href: str | None = Field(description="The page to open it, when the client shares that category")
    words: str | None = Field(description="The client's words, only if they chose to include them")
    created_at: datetime
    seen_at: datetime | None


def _alert_out(a: alerts.AlertView) -> AlertOut:
    return AlertOut(id=a.id, client_id=a.client_id, client_name=a.client_name, level=a.level,
                    where=a.where, href=a.href, words=a.words, created_at=a.created_at, seen_at=a.seen_at)


@api.get("/alerts", response_model=list[AlertOut])
def api_alerts(db: Db, user: Therapist):
    """Safety alerts from clients who chose them: unseen first, then those seen in the last 30 days."""
    found = [_alert_out(a) for a in alerts.for_therapist(db, user)]
    db.commit()  # reading quoted words is audited
    return found


@api.post("/alerts/{alert_id}/seen", response_model=AlertOut, dependencies=[CheckCsrf],
          responses={404: {"description": "No such alert of yours"}})
def api_alert_seen(db: Db, user: Therapist, alert_id: Id):
    """Mark one of your alerts as seen (audited)."""
    alert = alerts.mark_seen(db, user, alert_id)
    found = next(a for a in alerts.for_therapist(db, user, client_id=alert.client_id) if a.id == alert.id)
    db.commit()
    return _alert_out(found)


@api.get("/invitations", response_model=list[InvitationOut])
def api_invitations(db: Db, user: Therapist):
    """Invitations not yet used or expired (codes are never shown again)."""
    return [InvitationOut(id=i.id, label=i.label, expires_at=i.expires_at)
            for i in consent.open_invitations(db, user)]


@api.post("/invitations", response_model=InvitationOut, status_code=201, dependencies=[CheckCsrf])
def api_invite(body: InvitationIn, db: Db, user: Therapist):
    """Create a one-time code to give a client; it works once, for seven days."""
    invitation, code = consent.create_invitation(db, user, body.label)
    db.commit()
    return InvitationOut(id=invitation.id, label=invitation.label, expires_at=invitation.expires_at,
                         code=code)


@api.delete("/invitations/{invitation_id}", status_code=204, dependencies=[CheckCsrf],
            responses={404: {"description": "No such invitation of yours"}})
def api_cancel(invitation_id: Id, db: Db, user: Therapist):
    """Cancel an open invitation."""
    consent.cancel_invitation(db, user, invitation_id)
    db.commit()
