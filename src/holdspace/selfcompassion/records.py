"""What a client writes in self-compassion practices, sealed: challenged thoughts, thought records
and letters to themselves.

Each record's text is one JSON object sealed with the client's data key, bound to its row and
owner; every field is checked for risk before it is sealed. A letter is kept as a draft while it
is written (its body says whether it is finished) and is private unless the client shares it:
a therapist sees it, under the same "exercises" consent, only when it is finished and shared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety.risk import NO_RISK, Assessment, assess, combined
from holdspace.selfcompassion import letter as letter_steps
from holdspace.selfcompassion.traps import traps
from holdspace.store.base import Base, UTCDateTime

TABLE = "selfcompassion_records"
TEXT_LIMIT = 5000
KINDS = ("challenge", "thought_record", "letter")
MAX_FEELINGS = 6


class SelfCompassionRecord(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    body_sealed: Mapped[bytes] = mapped_column(LargeBinary)

    body: dict = {}  # the opened fields, filled in by the functions below
    assessment: Assessment = NO_RISK


def checked_text(value: object, field: str, label: str, problems: dict[str, str], *, required: bool) -> str:
    text = str(value or "").strip()
    if required and not text:
        problems[field] = f"{label} is still empty. A few words are enough."
    elif len(text) > TEXT_LIMIT:
        problems[field] = (f"{label} can hold up to {TEXT_LIMIT:,} characters; this has {len(text):,}. "
                           "Your text is still here to shorten.")
    return text


def check_challenge(thought: str, kinder: str, trap_keys: list[str] | tuple[str, ...] = ()) -> dict:
    problems: dict[str, str] = {}
    body = {"thought": checked_text(thought, "thought", "The harsh thought", problems, required=True),
            "kinder": checked_text(kinder, "kinder", "Your kinder version", problems, required=True),
            "traps": [k for k in (t.key for t in traps()) if k in set(trap_keys or ())]}
    if problems:
        raise InvalidInput(fields=problems)
    return body


def _intensity(raw: object) -> int | None:
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if isinstance(raw, bool) or not text.isdigit() or not 0 <= int(text) <= 100:
        raise ValueError
    return int(text)


def check_thought_record(situation: str, thought: str, feelings: list[dict], evidence_for: str,
                         evidence_against: str, balanced: str) -> dict:
    problems: dict[str, str] = {}
    body = {"situation": checked_text(situation, "situation", "The situation", problems, required=True),
            "thought": checked_text(thought, "thought", "The thought", problems, required=True),
            "evidence_for": checked_text(evidence_for, "evidence_for", "Evidence for", problems, required=False),
            "evidence_against": checked_text(evidence_against, "evidence_against", "Evidence against", problems,
                                      required=False),
            "balanced": checked_text(balanced, "balanced", "The balanced thought", problems, required=False),
            "feelings": []}
    unreadable: list[str] = []
    for item in (feelings or [])[:MAX_FEELINGS]:
        name = " ".join(str(item.get("name") or "").split())[:60]
        if not name:
            continue
        rated = {"name": name}
        for part in ("before", "after"):
            try:
                rated[part] = _intensity(item.get(part))
            except ValueError:
                rated[part] = None
                unreadable.append(f"{name} ({part})")
        body["feelings"].append(rated)
    if unreadable:
        # Say which feeling and which column, since a row has two numbers and there may be several rows.
        problems["feelings"] = ("How strong each feeling was is a number from 0 to 100, or empty; please look again at "
                                + ", ".join(unreadable) + ".")
    if problems:
        raise InvalidInput(fields=problems)
    return body


def _texts(body: dict) -> list[str]:
    found = [v for k, v in body.items() if isinstance(v, str) and v]
    return found + [f["name"] for f in body.get("feelings", [])]


def save(db: Session, client: User, kind: str, body: dict, at: datetime | None = None) -> SelfCompassionRecord:
    """Seal a checked record for this client, after checking every field for risk."""
    if not client.is_client:
        raise NotAllowed("Self-compassion practices are for client accounts.")
    if kind not in KINDS:
        raise InvalidInput("Unknown kind of record.")
    record = SelfCompassionRecord(owner_id=client.id, kind=kind, created_at=at or clock.now(), body_sealed=b"")
    record.assessment = combined([assess(t) for t in _texts(body)])
    db.add(record)
    db.flush()
    record.body_sealed = keys.seal_text(db, client.id, TABLE, "body", record.id, json.dumps(body))
    record.body = body
    from holdspace.safety import alerts

    words = " ".join(_texts(body)) if visible_to_therapist(record) else ""
    alerts.notice(db, client, record.assessment, where="exercise", item_id=record.id,
                  text=words, path=f"/clients/{client.id}/practices")
    return record


def save_challenge(db: Session, client: User, thought: str, kinder: str, trap_keys=(), at=None):
    return save(db, client, "challenge", check_challenge(thought, kinder, trap_keys), at)


def save_thought_record(db: Session, client: User, *, situation: str, thought: str, feelings: list[dict],
                        evidence_for: str = "", evidence_against: str = "", balanced: str = "", at=None):
    body = check_thought_record(situation, thought, feelings, evidence_for, evidence_against, balanced)
    return save(db, client, "thought_record", body, at)


def _open(db: Session, record: SelfCompassionRecord) -> SelfCompassionRecord:
    record.body = json.loads(keys.open_text(db, record.owner_id, TABLE, "body", record.id, record.body_sealed))
    return record


def records(db: Session, owner_id: int, kind: str | None = None, limit: int = 500) -> list[SelfCompassionRecord]:
    """Newest first, opened; owner_id must already have passed the access policy."""
    query = select(SelfCompassionRecord).where(SelfCompassionRecord.owner_id == owner_id)
    if kind is not None:
        query = query.where(SelfCompassionRecord.kind == kind)
    rows = db.scalars(query.order_by(SelfCompassionRecord.created_at.desc(), SelfCompassionRecord.id.desc())
                      .limit(limit))
    return [_open(db, r) for r in rows]


def own_record(db: Session, client: User, record_id: int, kind: str) -> SelfCompassionRecord:
    record = db.get(SelfCompassionRecord, record_id)
    if record is None or record.owner_id != client.id or record.kind != kind:
        raise NotFound()
    return _open(db, record)


def export_rows(db: Session, owner_id: int, *, shared_only: bool = False) -> list[dict]:
    """Every record, opened, oldest first, for the client's export (letters in draft too); with
    shared_only, what a therapist may keep (a letter only when finished and shared)."""
    rows = records(db, owner_id, limit=10**6)
    if shared_only:
        rows = [r for r in rows if visible_to_therapist(r)]
    return [{"kind": r.kind, "created_at": r.created_at.isoformat(), **r.body}
            for r in sorted(rows, key=lambda r: (r.created_at, r.id))]


def check_export_row(item: dict) -> dict:
    """The checked body of an exported record, or InvalidInput saying what is wrong."""
    if item.get("kind") == "challenge":
        return check_challenge(item.get("thought", ""), item.get("kinder", ""), item.get("traps") or [])
    if item.get("kind") == "thought_record":
        feelings = item.get("feelings") or []
        if not isinstance(feelings, list) or not all(isinstance(f, dict) for f in feelings):
            raise InvalidInput("its feelings aren't a list")
        return check_thought_record(item.get("situation", ""), item.get("thought", ""), feelings,
                                    item.get("evidence_for", ""), item.get("evidence_against", ""),
                                    item.get("balanced", ""))
    if item.get("kind") == "letter":
        body = letter_steps.check_draft({k: item.get(k, "") for k in letter_steps.FIELDS})
        finished, shared = item.get("finished", False), item.get("shared", False)
        if not isinstance(finished, bool) or not isinstance(shared, bool):
            raise InvalidInput("its finished or shared mark isn't true or false")
        if finished:
            letter_steps.check_finished(body)
        return {**body, "finished": finished, "shared": shared}
    raise InvalidInput("it is neither a challenged thought, a thought record nor a letter")


# --- the letter to yourself as to a friend ----------------------------------------------------

@dataclass
class LetterSaved:
    record: SelfCompassionRecord
    problems: dict[str, str]  # empty when saved as asked; otherwise why it is still a draft


def _seal_letter(db: Session, client: User, record: SelfCompassionRecord, written: list[str]) -> None:
    """Seal the letter's body, and check what was just written for risk (alerting as elsewhere)."""
    record.body_sealed = keys.seal_text(db, client.id, TABLE, "body", record.id, json.dumps(record.body))
    record.assessment = combined([assess(t) for t in written if t])
    from holdspace.safety import alerts

    # A private letter's words stay with the client: an alert says only that an exercise raised it.
    words = " ".join(written) if record.body.get("shared") and record.body.get("finished") else ""
    alerts.notice(db, client, record.assessment, where="exercise", item_id=record.id, text=words,
                  path=f"/clients/{client.id}/practices")


def start_letter(db: Session, client: User, fields: dict | None = None, at: datetime | None = None) -> LetterSaved:
    """A new draft letter with whatever of its steps is given (nothing is required yet)."""
    if not client.is_client:
        raise NotAllowed("Self-compassion practices are for client accounts.")
    given = letter_steps.check_draft(fields or {})
    body = {**dict.fromkeys(letter_steps.FIELDS, ""), **given, "finished": False, "shared": False}
    record = SelfCompassionRecord(owner_id=client.id, kind="letter", created_at=at or clock.now(), body_sealed=b"")
    db.add(record)
    db.flush()
    record.body = body
    _seal_letter(db, client, record, list(given.values()))
    return LetterSaved(record, {})


def save_letter(db: Session, client: User, letter_id: int, fields: dict, *, finish: bool = False,
                shared: bool | None = None) -> LetterSaved:
    """Keep these steps in the draft; finish it when asked and it can be. Never loses what was typed.

    InvalidInput only for text too long even for a draft; everything else that stops it being
    finished comes back in `problems`, with the draft saved.
    """
    record = own_record(db, client, letter_id, "letter")
    given = letter_steps.check_draft(fields)
    body = {**record.body, **given}
    if shared is not None:
        body["shared"] = bool(shared)
    problems: dict[str, str] = {}
    if finish or body.get("finished"):
        try:
            letter_steps.check_finished(body)
            body["finished"] = True
        except InvalidInput as exc:
            # A finished letter emptied or made too long is a draft again until it can be finished.
            body["finished"] = False
            problems = exc.fields if finish else {}
    record.body = body
    _seal_letter(db, client, record, list(given.values()))
    return LetterSaved(record, problems)


def share_letter(db: Session, client: User, letter_id: int, shared: bool) -> SelfCompassionRecord:
    record = own_record(db, client, letter_id, "letter")
    record.body = {**record.body, "shared": bool(shared)}
    record.body_sealed = keys.seal_text(db, client.id, TABLE, "body", record.id, json.dumps(record.body))
    return record


def delete_letter(db: Session, client: User, letter_id: int) -> None:
    db.delete(own_record(db, client, letter_id, "letter"))
    db.flush()


def visible_to_therapist(record: SelfCompassionRecord) -> bool:
    """Challenges and thought records go with the "exercises" consent; a letter only once finished and shared."""
    if record.kind != "letter":
        return True
    return bool(record.body.get("finished") and record.body.get("shared"))


def shared_records(db: Session, owner_id: int, kind: str | None = None) -> list[SelfCompassionRecord]:
    """What a therapist may see; owner_id must already have passed the access policy."""
    return [r for r in records(db, owner_id, kind) if visible_to_therapist(r)]
