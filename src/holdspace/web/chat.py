"""Talking with the listener: the client's conversations, the API, and a therapist's shared view."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Form, Query, Request
from pydantic import BaseModel, Field

from holdspace.errors import HoldspaceError
from holdspace.listening import chat
from holdspace.privacy import consent
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import visible_owner
from holdspace.safety import plan
from holdspace.safety.response import OWN_LINES, crisis_response
from holdspace.web.deps import (CheckCsrf, Client, Db, Id, SignedIn, Therapist, done_url, redirect, render,
                                settings_of)

pages = APIRouter()
api = APIRouter(tags=["conversations"])

#: A long conversation opens at its most recent exchanges; the rest is one link away.
SHOWN = 60
#: After this many exchanges the page says again that the listener is software.
REMINDER_EVERY = 20
_loading = threading.Lock()


def listener_of(request: Request):
    """The app's one listener, made on first use (its models load lazily, once)."""
    state = request.app.state
    if getattr(state, "listener", None) is None:
        with _loading:
            if getattr(state, "listener", None) is None:
                from holdspace.listening.listener import Listener

                state.listener = Listener(country=settings_of(request).country)
    return state.listener


def _opening(request: Request) -> str:
    return listener_of(request).opening()


def _crisis_routes(request: Request, items: list[chat.ChatMessage]) -> dict:
    """The call and text lines to offer beside each crisis reply, by turn: the lines its words named when they are
    the country's own for it (domestic abuse, a child), else the general ones for the page's most serious level."""
    worst = max((m.level for m in items if m.flagged), key=chat.LEVELS.index, default=None)
    if worst is None:
        return {}
    country = settings_of(request).country
    general = crisis_response(country, has_safety_plan=False, variant=worst)
    return {m.turn: crisis_response(country, has_safety_plan=False, variant=m.reply["variant"])
            if m.reply.get("variant") in OWN_LINES else general for m in items if m.flagged}


def _has_safety_plan(db, user: User) -> bool:
    return plan.exists(db, user.id)


def _conversation_page(request: Request, db: Db, user: User, conversation: chat.Chat, *, everything: bool,
                       status_code: int = 200, **context):
    last = None if everything or conversation.message_count <= SHOWN else SHOWN
    items = chat.messages(db, conversation, last=last)
    return render(request, "chat/conversation.html", status_code=status_code, conversation=conversation,
                  items=items, hidden=conversation.message_count - len(items), opening=_opening(request),
                  crisis=_crisis_routes(request, items), reminder_every=REMINDER_EVERY, **context)


# --- the client's pages -------------------------------------------------------------------------

@pages.get("/talk")
def talk_page(request: Request, db: Db, user: Client, done: str = ""):
    readers = [t.display_name for _, t, shared in consent.links_of_client(db, user) if "conversations" in shared]
    return render(request, "chat/list.html", conversations=chat.list_chats(db, user.id), readers=readers,
                  done=done)


@pages.post("/talk", dependencies=[CheckCsrf])
def start(db: Db, user: Client):
    conversation = chat.start_chat(db, user)
    db.commit()
    return redirect(f"/talk/{conversation.id}")


@pages.get("/talk/{conversation_id}")
def conversation_page(request: Request, db: Db, user: Client, conversation_id: Id,
                      everything: bool = Query(False, alias="all")):
    return _conversation_page(request, db, user, chat.own_chat(db, user, conversation_id), everything=everything)


@pages.post("/talk/{conversation_id}", dependencies=[CheckCsrf])
def say(request: Request, db: Db, user: Client, conversation_id: Id, text: str = Form("")):
    conversation = chat.own_chat(db, user, conversation_id)
    try:
        sent = chat.send(db, user, conversation, text, listener_of(request),
                         has_safety_plan=_has_safety_plan(db, user))
    except HoldspaceError as exc:
        db.rollback()
        errors = getattr(exc, "fields", None) or {"text": exc.message}
        return _conversation_page(request, db, user, chat.own_chat(db, user, conversation_id), everything=False,
                                  status_code=exc.status, errors=errors, values={"text": text})
    db.commit()
    return redirect(f"/talk/{conversation_id}#reply-{sent.message.turn}")


@pages.post("/talk/{conversation_id}/delete", dependencies=[CheckCsrf])
def delete(db: Db, user: Client, conversation_id: Id):
    chat.delete_chat(db, user, conversation_id)
    db.commit()
    return redirect(done_url("/talk", "conversation-deleted"))


# --- the therapist's read-only view ----------------------------------------------------------------

@pages.get("/clients/{client_id}/conversations/{conversation_id}")
def shared_conversation_page(request: Request, db: Db, user: Therapist, client_id: Id, conversation_id: Id):
    owner = visible_owner(db, user, client_id, "conversations")  # audits the read
    conversation = chat.visible_chat(db, owner.id, conversation_id)
    items = chat.messages(db, conversation)
    db.commit()
    return render(request, "chat/shared.html", client=owner, conversation=conversation, items=items,
                  opening=_opening(request))


# --- API --------------------------------------------------------------------------------------

class MessageIn(BaseModel):
    text: str = Field(max_length=50_000, description=f"Up to {chat.MESSAGE_LIMIT:,} characters")


class MessageOut(BaseModel):
    turn: int
    created_at: datetime
    text: str = Field(description="What the client wrote")
    reply: dict[str, Any] = Field(description="The listener's reply: reply (what is shown), reflection, "
                                              "validation, question, emotions, feeling, level, …")
    level: str = Field(description="Risk the listener found in the message: none, concern or urgent")


class SentOut(MessageOut):
    crisis_response: list[str] | None = Field(
        None, description="The fixed crisis response, sentence by sentence, when level isn't none")


class ConversationOut(BaseModel):
    id: int
    created_at: datetime
    updated_at: datetime
    messages: int = Field(description="How many messages the client has sent")
    level: str = Field(description="The highest level any message reached (a later 'I'm fine' keeps it)")
    preview: str = Field(description="The first line of the first message")


class ConversationDetail(ConversationOut):
    opening: str = Field(description="What the listener says first: that it is software, not a person")
    exchanges: list[MessageOut]


def _message(m: chat.ChatMessage) -> MessageOut:
    return MessageOut(turn=m.turn, created_at=m.created_at, text=m.text, reply=m.reply, level=m.level)


def _summary(c: chat.Chat) -> ConversationOut:
    return ConversationOut(id=c.id, created_at=c.created_at, updated_at=c.updated_at, messages=c.message_count,
                           level=c.level, preview=c.preview)


def _detail(request: Request, db, c: chat.Chat) -> ConversationDetail:
    items = chat.messages(db, c)
    c.preview = chat.preview_of(items)
    return ConversationDetail(**_summary(c).model_dump(), opening=_opening(request),
                              exchanges=[_message(m) for m in items])


@api.get("/conversations", response_model=list[ConversationOut])
def api_conversations(db: Db, user: Client):
    """Your conversations with the listener, most recent first."""
    return [_summary(c) for c in chat.list_chats(db, user.id)]


@api.post("/conversations", response_model=ConversationDetail, status_code=201, dependencies=[CheckCsrf])
def api_start(request: Request, db: Db, user: Client):
    """Start a conversation; it begins with the listener's opening words."""
    conversation = chat.start_chat(db, user)
    db.commit()
    return _detail(request, db, conversation)


@api.get("/conversations/{conversation_id}", response_model=ConversationDetail,
         responses={404: {"description": "No such conversation of yours"}})
def api_conversation(request: Request, db: Db, user: Client, conversation_id: Id):
    """One conversation, every exchange in order."""
    return _detail(request, db, chat.own_chat(db, user, conversation_id))


@api.post("/conversations/{conversation_id}/messages", response_model=SentOut, status_code=201,
          dependencies=[CheckCsrf],
          responses={400: {"description": "Empty, or longer than the limit"},
                     404: {"description": "No such conversation of yours"},
                     409: {"description": "Another message to this conversation arrived at the same moment"}})
def api_say(request: Request, body: MessageIn, db: Db, user: Client, conversation_id: Id):
    """Send a message; the listener checks it for risk first, then replies."""
    conversation = chat.own_chat(db, user, conversation_id)
    sent = chat.send(db, user, conversation, body.text, listener_of(request),
                     has_safety_plan=_has_safety_plan(db, user))
    db.commit()
    m = sent.message
    # the crisis response the listener's reply gave (a gentle check-in, help for someone else...), else the level's
    variant = m.reply.get("variant") or m.level
    response = (crisis_response(settings_of(request).country, has_safety_plan=_has_safety_plan(db, user),
                                variant=variant) if m.flagged else None)
    return SentOut(**_message(m).model_dump(), crisis_response=list(response.sentences) if response else None)


@api.delete("/conversations/{conversation_id}", status_code=204, dependencies=[CheckCsrf],
            responses={404: {"description": "No such conversation of yours"}})
def api_delete(db: Db, user: Client, conversation_id: Id):
    """Delete a conversation and everything in it, for good."""
    chat.delete_chat(db, user, conversation_id)
    db.commit()


@api.get("/clients/{client_id}/conversations", response_model=list[ConversationOut],
         responses={404: {"description": "Not your client, or conversations aren't shared"}})
def api_client_conversations(client_id: Id, db: Db, user: SignedIn):
    """A client's conversations, for a therapist the client shares conversations with."""
    owner = visible_owner(db, user, client_id, "conversations")
    rows = [_summary(c) for c in chat.list_chats(db, owner.id)]
    db.commit()  # the read is audited
    return rows


@api.get("/clients/{client_id}/conversations/{conversation_id}", response_model=ConversationDetail,
         responses={404: {"description": "Not your client, conversations aren't shared, or no such conversation"}})
def api_client_conversation(request: Request, client_id: Id, conversation_id: Id, db: Db, user: SignedIn):
    """One of a client's conversations, for a therapist the client shares conversations with."""
    owner = visible_owner(db, user, client_id, "conversations")
    detail = _detail(request, db, chat.visible_chat(db, owner.id, conversation_id))
    db.commit()  # the read is audited
    return detail
