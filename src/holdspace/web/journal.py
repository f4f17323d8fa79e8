"""The journal: write, read, and unlock private entries; the therapist's view of shared ones."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from holdspace.creativity import journal
from holdspace.errors import InvalidInput
from holdspace.privacy.policy import visible_owner
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["journal"])


@pages.get("/journal")
def journal_page(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "journal/list.html", entries=journal.entries(db, user.id), done=done)


@pages.get("/journal/new")
def new_entry_page(request: Request, user: Client):
    return render(request, "journal/new.html")


@pages.post("/journal", dependencies=[CheckCsrf])
def write(request: Request, db: Db, user: Client, body: str = Form(""), private: str = Form(""),
          passphrase: str = Form(""), confirm: str = Form("")):
    try:
        entry = journal.write_entry(db, user, body, private=bool(private), passphrase=passphrase,
                                    confirm=confirm)
    except InvalidInput as exc:
        db.rollback()
        return render(request, "journal/new.html", status_code=400, errors=exc.fields,
                      values={"body": body, "private": bool(private)})
    db.commit()
    return (crisis.response_page(request, entry.assessment, db=db, client=user, saved="Your entry is saved.",
                                 continue_url="/journal")
            or redirect(done_url("/journal", "journal")))


@pages.get("/journal/{entry_id}")
def entry_page(request: Request, db: Db, user: Client, entry_id: Id):
    return render(request, "journal/entry.html", entry=journal.own_entry(db, user, entry_id))


@pages.post("/journal/{entry_id}/unlock", dependencies=[CheckCsrf])
def unlock(request: Request, db: Db, user: Client, entry_id: Id, passphrase: str = Form("")):
    try:
        entry = journal.own_entry(db, user, entry_id, passphrase)
    except InvalidInput as exc:
        return render(request, "journal/entry.html", status_code=400, errors=exc.fields,
                      entry=journal.own_entry(db, user, entry_id))
    return render(request, "journal/entry.html", entry=entry, unlocked=True)


# --- API --------------------------------------------------------------------------------------

class EntryIn(BaseModel):
    body: str = Field(max_length=200_000)
    private: bool = False
    passphrase: str = Field("", max_length=1024, description="Needed when private is true")


class EntryOut(BaseModel):
    id: int
    created_at: datetime
    private: bool
    body: str | None = Field(description="null for a private entry: it opens only with its passphrase")


class SavedEntry(EntryOut):
    level: str = Field(description="Risk found in the entry: none, concern or urgent")
    crisis_response: list[str] | None = Field(None, description="The fixed crisis response, when needed")


def _out(entry: journal.JournalEntry) -> EntryOut:
    return EntryOut(id=entry.id, created_at=entry.created_at, private=entry.private,
                    body=None if entry.private else entry.body)


@api.get("/journal", response_model=list[EntryOut])
def api_entries(db: Db, user: Client):
    """Your journal, newest first (private entries without their text)."""
    return [_out(e) for e in journal.entries(db, user.id)]


@api.post("/journal", response_model=SavedEntry, status_code=201, dependencies=[CheckCsrf])
def api_write(request: Request, body: EntryIn, db: Db, user: Client):
    """Write an entry (checked for risk first); a private one is sealed with your passphrase too."""
    entry = journal.write_entry(db, user, body.body, private=body.private,
                                passphrase=body.passphrase, confirm=body.passphrase)
    db.commit()
    response = crisis.response_for(request, entry.assessment, db=db, client=user)
    return SavedEntry(**_out(entry).model_dump(), level=entry.assessment.level,
                      crisis_response=list(response.sentences) if response else None)


@api.get("/clients/{client_id}/journal", response_model=list[EntryOut],
         responses={404: {"description": "Not your client, or the journal isn't shared"}})
def api_client_journal(client_id: Id, db: Db, user: SignedIn):
    """A client's journal entries, for a therapist the client shares the journal with (never private ones)."""
    owner = visible_owner(db, user, client_id, "journal")
    rows = [_out(e) for e in journal.entries(db, owner.id, include_private=owner.id == user.id)]
    db.commit()  # the read is audited
    return rows
