"""The journal: write, read, and unlock private entries; the therapist's view of shared ones."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Query, Request
from pydantic import BaseModel, Field

from holdspace.creativity import journal, prompts
from holdspace.errors import InvalidInput
from holdspace.privacy.policy import visible_owner
from holdspace.web import crisis
from holdspace.web.deps import CheckCsrf, Client, Db, Id, SignedIn, done_url, redirect, render

pages = APIRouter()
api = APIRouter(tags=["journal"])


@pages.get("/journal")
def journal_page(request: Request, db: Db, user: Client, done: str = ""):
    return render(request, "journal/list.html", entries=journal.entries(db, user.id), done=done)


def _picker(feeling: str, strategy: str, prompt_key: str, suggest: str) -> dict:
    """What the prompt picker shows: the filters, the prompts that fit them, the chosen prompt."""
    feeling = feeling if feeling in prompts.feelings() else ""
    strategy = strategy if strategy in prompts.strategies() else ""
    matching = prompts.journal_prompts(feeling=feeling, strategy=strategy)
    chosen = prompts.find(prompt_key)
    chosen = chosen if chosen is not None and chosen.kind == "journal" else None
    if suggest:
        # A gentle suggestion among what fits (or among everything, if nothing fits both).
        chosen = prompts.suggest(matching or prompts.journal_prompts(feeling=feeling) or prompts.journal_prompts(),
                                 avoid=prompt_key)
    return {"feelings": prompts.feelings(), "strategies": prompts.strategies(), "feeling": feeling,
            "strategy": strategy, "matching": matching if (feeling or strategy) and not chosen else (),
            "chosen": chosen}


@pages.get("/journal/new")
def new_entry_page(request: Request, user: Client, feeling: str = Query("", max_length=32),
                   strategy: str = Query("", max_length=32), prompt: str = Query("", max_length=64),
                   suggest: str = Query("", max_length=8)):
    return render(request, "journal/new.html", **_picker(feeling, strategy, prompt, suggest))


@pages.post("/journal", dependencies=[CheckCsrf])
def write(request: Request, db: Db, user: Client, body: str = Form(""), private: str = Form(""),
          passphrase: str = Form(""), confirm: str = Form(""), prompt: str = Form(""),
          feeling: str = Form(""), strategy: str = Form("")):
    try:
        entry = journal.write_entry(db, user, body, private=bool(private), passphrase=passphrase,
                                    confirm=confirm, prompt=journal.chosen_prompt(prompt))
    except InvalidInput as exc:
        db.rollback()
        return render(request, "journal/new.html", status_code=400, errors=exc.fields,
                      values={"body": body, "private": bool(private)},
                      **_picker(feeling[:32], strategy[:32], prompt[:64], ""))
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
    prompt: str = Field("", max_length=64, description="The key of the journal prompt you wrote from, if any")


class EntryOut(BaseModel):
    id: int
    created_at: datetime
    private: bool
    body: str | None = Field(description="null for a private entry: it opens only with its passphrase")
    prompt: str | None = Field(None, description="The words of the prompt the entry was written from")
    prompt_key: str | None = None


class PromptOut(BaseModel):
    key: str
    text: str
    feelings: list[str]
    strategies: list[str]


class SavedEntry(EntryOut):
    level: str = Field(description="Risk found in the entry: none, concern or urgent")
    crisis_response: list[str] | None = Field(None, description="The fixed crisis response, when needed")


def _out(entry: journal.JournalEntry) -> EntryOut:
    return EntryOut(id=entry.id, created_at=entry.created_at, private=entry.private,
                    body=None if entry.private else entry.body,
                    prompt=entry.prompt.text if entry.prompt else None,
                    prompt_key=entry.prompt.key if entry.prompt else None)


@api.get("/journal/prompts", response_model=list[PromptOut])
def api_prompts(feeling: str = Query("", max_length=32, description="e.g. anxious, low, angry, lonely"),
                strategy: str = Query("", max_length=32, description="e.g. self-compassion, mindfulness")):
    """holdspace's journal prompts, by the feeling they suit and the strategy they draw on."""
    return [PromptOut(key=p.key, text=p.text, feelings=list(p.feelings), strategies=list(p.strategies))
            for p in prompts.journal_prompts(feeling=feeling, strategy=strategy)]


@api.get("/journal", response_model=list[EntryOut])
def api_entries(db: Db, user: Client):
    """Your journal, newest first (private entries without their text)."""
    return [_out(e) for e in journal.entries(db, user.id)]


@api.post("/journal", response_model=SavedEntry, status_code=201, dependencies=[CheckCsrf])
def api_write(request: Request, body: EntryIn, db: Db, user: Client):
    """Write an entry (checked for risk first); a private one is sealed with your passphrase too."""
    entry = journal.write_entry(db, user, body.body, private=body.private, passphrase=body.passphrase,
                                confirm=body.passphrase, prompt=journal.chosen_prompt(body.prompt))
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
