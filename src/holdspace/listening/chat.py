"""Conversations with the listener: kept sealed, one row per exchange, shared only by consent.

An exchange is what the listener needs to remember a conversation: the client's text and the
listener's reply as a dict (`Reply.as_dict()`), both sealed with the client's data key and bound
to their row and owner. The level the listener gave each message (none, concern, urgent) stays in
the clear, so a flag can be found and acted on without opening anything; so does the highest
level a conversation has reached, which a later "I'm fine" does not lower.

On each new message the listener's memory is rebuilt from the stored pairs
(`Conversation.from_history`) and the reply is worked out from there: nothing about a
conversation lives outside the database, so any worker can answer any message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import Conflict, InvalidInput, NotAllowed, NotFound
from holdspace.privacy import crypto, keys
from holdspace.privacy.accounts import User
from holdspace.store.base import Base, UTCDateTime

__all__ = ["Chat", "ChatMessage", "MESSAGE_LIMIT", "Sent", "check_message", "delete_chat", "history",
           "list_chats", "messages", "own_chat", "preview_of", "restore_chat", "send", "start_chat", "visible_chat"]

MESSAGE_LIMIT = 5000
PREVIEW_CHARS = 80
LEVELS = ("none", "concern", "urgent")
CHATS, MESSAGES = "conversations", "conversation_messages"


class Chat(Base):
    """One conversation of a client's with the listener."""

    __tablename__ = CHATS

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[str] = mapped_column(String(8), default="none")  # the highest so far: sticky

    preview = ""  # the first line of the first message, filled in by list_chats

    @property
    def flagged(self) -> bool:
        return self.level != "none"


class ChatMessage(Base):
    """A client's message and the listener's reply to it, both sealed; the level in the clear."""

    __tablename__ = MESSAGES
    __table_args__ = (UniqueConstraint("conversation_id", "turn"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    turn: Mapped[int] = mapped_column(Integer)  # 1, 2, 3… within its conversation
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    level: Mapped[str] = mapped_column(String(8))
    text_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    reply_sealed: Mapped[bytes] = mapped_column(LargeBinary)

    text = ""        # opened by the functions below
    reply: dict = {}  # the listener's Reply.as_dict()

    @property
    def flagged(self) -> bool:
        return self.level != "none"


@dataclass(frozen=True)
class Sent:
    """What came of sending one message."""

    message: ChatMessage
    raised: bool  # this message took the conversation to a higher level than before


# --- sealing, with the data key fetched once for a whole conversation ---------------------------

class _Vault:
    def __init__(self, db: Session, owner_id: int):
        self.owner_id = owner_id
        self.key_id, self.key = keys.data_key(db, owner_id)

    def _aad(self, field: str, record_id: int) -> bytes:
        return crypto.associated_data(MESSAGES, field, record_id, self.owner_id)

    def seal(self, field: str, record_id: int, data: bytes) -> bytes:
        return crypto.seal(self.key_id, self.key, data, self._aad(field, record_id))

    def open(self, field: str, record_id: int, sealed: bytes) -> bytes:
        if crypto.key_id_of(sealed) != self.key_id:
            raise crypto.CryptoError()
        return crypto.open_sealed(self.key, sealed, self._aad(field, record_id))

    def open_message(self, message: ChatMessage) -> ChatMessage:
        message.text = self.open("text", message.id, message.text_sealed).decode()
        message.reply = json.loads(self.open("reply", message.id, message.reply_sealed))
        return message


def _higher(a: str, b: str) -> str:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


def preview_of(items: list[ChatMessage]) -> str:
    """The preview of a conversation whose messages are already open."""
    return _preview(items[0].text) if items else ""


def _preview(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= PREVIEW_CHARS else line[:PREVIEW_CHARS - 1].rstrip() + "…"


# --- conversations ----------------------------------------------------------------------------

def start_chat(db: Session, client: User, *, at: datetime | None = None) -> Chat:
    """Begin a conversation; it opens with the listener's own words, shown, not stored."""
    if not client.is_client:
        raise NotAllowed("Conversations with the listener are for client accounts.")
    now = at or clock.now()
    chat = Chat(owner_id=client.id, created_at=now, updated_at=now, message_count=0, level="none")
    db.add(chat)
    db.flush()
    return chat


def own_chat(db: Session, client: User, chat_id: int) -> Chat:
    chat = db.get(Chat, chat_id)
    if chat is None or chat.owner_id != client.id:
        raise NotFound()
    return chat


def visible_chat(db: Session, owner_id: int, chat_id: int) -> Chat:
    """A conversation of an owner the caller has already passed through the access policy."""
    chat = db.get(Chat, chat_id)
    if chat is None or chat.owner_id != owner_id:
        raise NotFound()
    return chat


def list_chats(db: Session, owner_id: int, *, limit: int = 500) -> list[Chat]:
    """Newest activity first, each with a preview of its first line; owner_id already allowed."""
    chats = list(db.scalars(select(Chat).where(Chat.owner_id == owner_id)
                            .order_by(Chat.updated_at.desc(), Chat.id.desc()).limit(limit)))
    if not chats:
        return chats
    vault = _Vault(db, owner_id)
    firsts = db.execute(select(ChatMessage.conversation_id, ChatMessage.id, ChatMessage.text_sealed).where(
        ChatMessage.conversation_id.in_([c.id for c in chats]), ChatMessage.turn == 1))
    opened = {chat_id: vault.open("text", message_id, sealed).decode()
              for chat_id, message_id, sealed in firsts}
    for chat in chats:
        chat.preview = _preview(opened.get(chat.id, ""))
    return chats


def messages(db: Session, chat: Chat, *, last: int | None = None) -> list[ChatMessage]:
    """The conversation's exchanges in order, opened (only the last `last` of them if given)."""
    query = select(ChatMessage).where(ChatMessage.conversation_id == chat.id)
    if last is not None:
        query = query.where(ChatMessage.turn > chat.message_count - last)
    vault = _Vault(db, chat.owner_id)
    return [vault.open_message(m) for m in db.scalars(query.order_by(ChatMessage.turn))]


def history(db: Session, chat: Chat) -> list[tuple[str, dict]]:
    """The (client text, reply dict) pairs the listener rebuilds its memory from."""
    return [(m.text, m.reply) for m in messages(db, chat)]


def check_message(text: object) -> str:
    """The message as it will be kept, or InvalidInput with a kind word (the text stays with the caller)."""
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        raise InvalidInput(fields={"text": "There's nothing written yet. A few words are enough to begin."})
    if len(text) > MESSAGE_LIMIT:
        raise InvalidInput(fields={"text": (
            f"A message can hold up to {MESSAGE_LIMIT:,} characters; this one has {len(text):,}. "
            "Your words are still here: perhaps send them in two parts.")})
    return text


def _store(db: Session, chat: Chat, vault: _Vault, turn: int, text: str, reply: dict, level: str,
           at: datetime) -> ChatMessage:
    message = ChatMessage(conversation_id=chat.id, turn=turn, created_at=at, level=level,
                          text_sealed=b"", reply_sealed=b"")
    db.add(message)
    db.flush()  # the id is part of what the text and reply are sealed to
    message.text_sealed = vault.seal("text", message.id, text.encode())
    message.reply_sealed = vault.seal("reply", message.id, json.dumps(reply, ensure_ascii=False).encode())
    message.text, message.reply = text, reply
    chat.message_count = turn
    chat.updated_at = at
    chat.level = _higher(chat.level, level)
    db.flush()
    return message


def send(db: Session, client: User, chat: Chat, text: object, listener, *,
         has_safety_plan: bool = False, at: datetime | None = None) -> Sent:
    """Hear one message: rebuild the listener's memory, reply, and keep both, sealed.

    The listener checks the message for risk before anything else; a message at risk gets the
    fixed crisis response, and its level is kept with it.
    """
    from holdspace.listening.memory import Conversation

    if chat.owner_id != client.id:
        raise NotFound()
    text = check_message(text)
    vault = _Vault(db, client.id)
    pairs = [(m.text, m.reply) for m in messages(db, chat)]
    memory = Conversation.from_history(pairs)
    reply = listener.respond(memory, text, has_safety_plan=has_safety_plan)
    said = reply.as_dict()
    level = said.get("level") if said.get("level") in LEVELS else "concern"  # unknown: err on the safe side
    before = chat.level
    try:
        message = _store(db, chat, vault, len(pairs) + 1, text, said, level, at or clock.now())
    except IntegrityError:
        # Another message to this conversation was answered in the meantime.
        raise Conflict("Another message arrived in this conversation at the same moment. "
                       "Yours wasn't sent; please send it again.") from None
    if level != "none":
        from holdspace.safety import alerts
        from holdspace.safety.risk import Assessment, assess

        found = assess(text)
        # The listener may hear risk the rules alone don't (a flagged conversation, its own check-in).
        alerts.notice(db, client, found if found.level == level else Assessment(level, found.reasons, found.spans),
                      where="conversation", item_id=chat.id, text=text,
                      path=f"/clients/{client.id}/conversations/{chat.id}")
    return Sent(message, raised=_higher(before, level) != before)


def delete_chat(db: Session, client: User, chat_id: int) -> None:
    chat = own_chat(db, client, chat_id)
    db.execute(delete(ChatMessage).where(ChatMessage.conversation_id == chat.id))
    db.delete(chat)
    db.flush()


# --- export and import --------------------------------------------------------------------------

def export_chats(db: Session, owner_id: int) -> list[dict]:
    """Every conversation, oldest first, opened, in plain JSON terms."""
    out = []
    for chat in sorted(list_chats(db, owner_id, limit=10**6), key=lambda c: (c.created_at, c.id)):
        out.append({"created_at": chat.created_at.isoformat(), "messages": [
            {"created_at": m.created_at.isoformat(), "text": m.text, "reply": m.reply, "level": m.level}
            for m in messages(db, chat)]})
    return out


def check_exported(item: object) -> str | None:
    """What is wrong with one exported conversation, or None (dates are the caller's to check)."""
    if not isinstance(item, dict) or not isinstance(item.get("messages"), list):
        return "it isn't a conversation with a list of messages"
    for number, message in enumerate(item["messages"], start=1):
        if not isinstance(message, dict):
            return f"message {number} isn't an object"
        try:
            check_message(message.get("text"))
        except InvalidInput as exc:
            return f"message {number}: {exc.message}"
        reply = message.get("reply")
        if not isinstance(reply, dict) or not isinstance(reply.get("reply"), str):
            return f"message {number} has no reply from the listener"
        if message.get("level") not in LEVELS:
            return f"message {number} has an unknown level"
    return None


def restore_chat(db: Session, client: User, created_at: datetime,
                 items: Iterable[tuple[datetime, str, dict, str]]) -> Chat:
    """Bring back a conversation from an export exactly as it was: texts, replies and levels."""
    chat = start_chat(db, client, at=created_at)
    vault = _Vault(db, client.id)
    for turn, (at, text, reply, level) in enumerate(items, start=1):
        _store(db, chat, vault, turn, text, reply, level, at)
    return chat
