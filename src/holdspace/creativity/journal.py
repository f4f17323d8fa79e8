"""The journal: entries sealed with the writer's data key, or also with a passphrase of their own.

A private entry's body is sealed first with a key derived from the client's passphrase (Argon2id),
then with their data key. Nobody else, admins included, can read it; without the passphrase
even the writer can't, and only that entry is lost.
"""

from __future__ import annotations

import json
import os
from datetime import datetime

from argon2.low_level import Type, hash_secret_raw
from sqlalchemy import Boolean, ForeignKey, LargeBinary, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.creativity import prompts
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.privacy import crypto, keys
from holdspace.privacy.accounts import User
from holdspace.safety import alerts
from holdspace.safety.risk import NO_RISK, Assessment, assess
from holdspace.store.base import Base, UTCDateTime

BODY_LIMIT = 50_000
PASSPHRASE_MIN = 8
TABLE = "journal_entries"
# Above OWASP's Argon2id floor; deriving a key takes a moment on purpose.
KDF = {"time_cost": 3, "memory_cost": 65536, "parallelism": 2}


class JournalEntry(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    salt: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # private entries only
    body_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    # The prompt it was written from (key and words, sealed with the data key only, so even a
    # private entry shows its prompt to its writer); None for a free entry.
    prompt_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)

    body = ""  # the opened body, filled in by the functions that open entries
    prompt = None  # the opened prompt (a prompts.Prompt), if it was written from one
    assessment: Assessment = NO_RISK  # set when written: private or not, risk is checked first


def _passphrase_key(passphrase: str, salt: bytes) -> bytes:
    return hash_secret_raw(passphrase.encode(), salt, hash_len=32, type=Type.ID, **KDF)


def _inner_aad(salt: bytes) -> bytes:
    # The outer seal binds the entry to its row and owner; the inner one to its own salt, so a
    # private entry can travel in an export and still open with its passphrase.
    return b"holdspace|v1|journal.private|" + salt


def check_entry(body: str, private: bool, passphrase: str, confirm: str) -> str:
    problems: dict[str, str] = {}
    body = (body or "").strip()
    if not body:
        problems["body"] = "There's nothing written yet. Even a line is enough."
    elif len(body) > BODY_LIMIT:
        problems["body"] = (f"An entry can hold up to {BODY_LIMIT:,} characters; this one has "
                            f"{len(body):,}. Your text is still here: perhaps split it in two.")
    if private:
        if len(passphrase) < PASSPHRASE_MIN:
            problems["passphrase"] = f"Please use a passphrase of at least {PASSPHRASE_MIN} characters."
        elif passphrase != confirm:
            problems["confirm"] = "The two passphrases are different. Please type them again."
    if problems:
        raise InvalidInput(fields=problems)
    return body


def chosen_prompt(key: str) -> prompts.Prompt | None:
    """The journal prompt with this key (None for an empty key), or InvalidInput."""
    key = (key or "").strip()
    if not key:
        return None
    try:
        return prompts.prompt(key, "journal")
    except NotFound:
        raise InvalidInput(fields={"prompt": "That prompt isn't in holdspace's library. Your words are "
                                             "still here: choose another prompt, or write freely."}) from None


def _seal_prompt(db: Session, entry: JournalEntry, prompt: prompts.Prompt | None) -> None:
    entry.prompt = prompt
    if prompt is not None:
        entry.prompt_sealed = keys.seal_bytes(db, entry.owner_id, TABLE, "prompt", entry.id,
                                              json.dumps({"key": prompt.key, "text": prompt.text}).encode())


PROMPT_LIMIT = 1000


def exported_prompt(item: dict) -> prompts.Prompt | None | bool:
    """The prompt an exported entry names (None if it has none); False if it is damaged."""
    saved = item.get("prompt")
    if saved is None:
        return None
    if (not isinstance(saved, dict) or not isinstance(saved.get("key"), str) or not isinstance(saved.get("text"), str)
            or not 0 < len(saved["key"]) <= 64 or not 0 < len(saved["text"]) <= PROMPT_LIMIT):
        return False
    return prompts.Prompt(saved["key"], "journal", saved["text"], ())


def write_entry(db: Session, client: User, body: str, *, private: bool = False, passphrase: str = "",
                confirm: str = "", at: datetime | None = None,
                prompt: prompts.Prompt | None = None) -> JournalEntry:
    """Save an entry; a private one is sealed with the passphrase as well as the data key."""
    if not client.is_client:
        raise NotAllowed("The journal is for client accounts.")
    body = check_entry(body, private, passphrase, confirm if private else passphrase)
    entry = JournalEntry(owner_id=client.id, created_at=at or clock.now(), private=private,
                         salt=os.urandom(16) if private else None, body_sealed=b"")
    entry.assessment = assess(body)
    db.add(entry)
    db.flush()  # the id is part of what the body is sealed to
    _seal_prompt(db, entry, prompt)
    inner = body.encode()
    if private:
        key = _passphrase_key(passphrase, entry.salt)
        inner = crypto.seal("00" * crypto.KEY_ID_BYTES, key, inner, _inner_aad(entry.salt))
    entry.body_sealed = keys.seal_bytes(db, client.id, TABLE, "body", entry.id, inner)
    entry.body = body
    # A private entry's words never leave it, and it can't be opened by anyone else: the alert
    # says only that a private entry raised it.
    alerts.notice(db, client, entry.assessment, where="private_journal" if private else "journal",
                  item_id=entry.id, text="" if private else body)
    return entry


def _open(db: Session, entry: JournalEntry, passphrase: str | None = None) -> JournalEntry:
    inner = keys.open_bytes(db, entry.owner_id, TABLE, "body", entry.id, entry.body_sealed)
    entry.body = ""
    entry.prompt = None
    if entry.prompt_sealed is not None:
        saved = json.loads(keys.open_bytes(db, entry.owner_id, TABLE, "prompt", entry.id, entry.prompt_sealed))
        entry.prompt = prompts.Prompt(saved["key"], "journal", saved["text"], ())
    if not entry.private:
        entry.body = inner.decode()
    elif passphrase is not None:
        try:
            entry.body = crypto.open_sealed(_passphrase_key(passphrase, entry.salt), inner,
                                            _inner_aad(entry.salt)).decode()
        except crypto.CryptoError:
            raise InvalidInput(fields={"passphrase": "That passphrase doesn't open this entry. "
                                                     "Check for typos and capital letters."}) from None
    return entry


def entries(db: Session, owner_id: int, *, include_private: bool = True, limit: int = 500) -> list[JournalEntry]:
    """Newest first, opened where possible (private bodies stay sealed); owner_id already allowed."""
    query = select(JournalEntry).where(JournalEntry.owner_id == owner_id)
    if not include_private:
        query = query.where(JournalEntry.private.is_(False))
    rows = db.scalars(query.order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc()).limit(limit))
    return [_open(db, e) for e in rows]


def own_entry(db: Session, client: User, entry_id: int, passphrase: str | None = None) -> JournalEntry:
    entry = db.get(JournalEntry, entry_id)
    if entry is None or entry.owner_id != client.id:
        raise NotFound()
    return _open(db, entry, passphrase)


def private_count(db: Session, owner_id: int) -> int:
    return db.scalar(select(func.count(JournalEntry.id)).where(
        JournalEntry.owner_id == owner_id, JournalEntry.private.is_(True))) or 0


def sealed_private_body(db: Session, entry: JournalEntry) -> bytes:
    """The passphrase-sealed body of a private entry, for an export that stays private."""
    return keys.open_bytes(db, entry.owner_id, TABLE, "body", entry.id, entry.body_sealed)


def restore_private(db: Session, client: User, inner: bytes, salt: bytes, at: datetime,
                    prompt: prompts.Prompt | None = None) -> JournalEntry:
    """Bring back a private entry from an export, still closed: its passphrase opens it as before."""
    entry = JournalEntry(owner_id=client.id, created_at=at, private=True, salt=salt, body_sealed=b"")
    db.add(entry)
    db.flush()
    _seal_prompt(db, entry, prompt)
    entry.body_sealed = keys.seal_bytes(db, client.id, TABLE, "body", entry.id, inner)
    return entry
