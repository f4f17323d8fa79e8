"""The safety plan: Stanley and Brown's six steps, each a short list the client writes.

One plan per client, sealed with their data key like a journal entry. The client writes it; a
therapist they share "safety_plan" with may read it and make changes, which the client sees
(who changed it last, and when). Every save by the client is checked for risk.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources

from sqlalchemy import ForeignKey, LargeBinary, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed
from holdspace.privacy import audit, keys
from holdspace.privacy.accounts import User
from holdspace.safety import crisis_lines
from holdspace.safety.risk import NO_RISK, Assessment, assess, combined
from holdspace.store.base import Base, UTCDateTime

__all__ = ["ITEM_LIMIT", "ITEMS_PER_STEP", "Plan", "SafetyPlan", "Step", "check_steps", "exists",
           "intro", "load", "save", "starting_lines", "steps", "version"]

TABLE = "safety_plans"
ITEMS_PER_STEP = 12
ITEM_LIMIT = 300


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    question: str
    prompt: str
    examples: tuple[str, ...]


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("holdspace.safety").joinpath("safety_plan.toml").read_text("utf-8"))


def steps() -> tuple[Step, ...]:
    return tuple(Step(s["key"], s["title"], s["question"], s["prompt"], tuple(s["examples"]))
                 for s in _data()["step"])


def version() -> str:
    return _data()["version"]


def intro() -> str:
    return _data()["intro"]


def step_keys() -> tuple[str, ...]:
    return tuple(s.key for s in steps())


class SafetyPlan(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    body_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                   nullable=True)


@dataclass
class Plan:
    """An opened plan: each step's items, in the order of steps()."""

    items: dict[str, list[str]]
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str = ""          # display name of whoever saved it last
    by_client: bool = True        # the last change was the client's own
    assessment: Assessment = field(default=NO_RISK)

    @property
    def is_empty(self) -> bool:
        return not any(self.items.values())

    def step_items(self) -> list[tuple[Step, list[str]]]:
        return [(s, self.items.get(s.key, [])) for s in steps()]


def starting_lines(country: str) -> list[str]:
    """The configured country's crisis lines and emergency number, as step five starts out."""
    here = crisis_lines.lines_for(country or "INT")
    lines = []
    for line in here.lines:
        if line.for_abuse or line.for_child:
            continue  # (a line for domestic abuse or child protection is on the crisis page; the client adds it if it fits)
        routes = []
        if line.call:
            routes.append(f"call {line.call}")
        if line.text:
            routes.append(f"text {line.text_word} to {line.text}" if line.text_word else f"text {line.text}")
        if line.web:
            routes.append(line.web)
        hours = f" ({line.hours})" if line.hours else ""
        lines.append(f"{line.name}: {' or '.join(routes)}{hours}")
    lines.append(f"Emergency services: {here.emergency}")
    return lines


def split_lines(raw: str) -> list[str]:
    """One item per line, as typed in the form; blank lines and bullets dropped."""
    items = []
    for line in (raw or "").splitlines():
        line = " ".join(line.strip().lstrip("-•*").split())
        if line:
            items.append(line)
    return items


def check_steps(raw: dict[str, list[str] | str]) -> dict[str, list[str]]:
    """Clean every step's list, or raise InvalidInput naming each step with a problem."""
    problems, cleaned = {}, {}
    for step in steps():
        value = raw.get(step.key, [])
        items = split_lines(value) if isinstance(value, str) else split_lines("\n".join(map(str, value)))
        if len(items) > ITEMS_PER_STEP:
            problems[step.key] = (f"\"{step.title}\" can hold up to {ITEMS_PER_STEP} lines; it has "
                                  f"{len(items)}. Perhaps keep the ones that help most.")
        long = [i for i in items if len(i) > ITEM_LIMIT]
        if long:
            problems[step.key] = (f"Each line in \"{step.title}\" can be up to {ITEM_LIMIT} characters; "
                                  f"one has {len(long[0])}. Try splitting it over two lines.")
        cleaned[step.key] = items
    unknown = set(raw) - set(cleaned)
    if unknown:
        problems["steps"] = "These aren't steps of the safety plan: " + ", ".join(sorted(unknown))
    if problems:
        raise InvalidInput(fields=problems)
    return cleaned


def _row(db: Session, owner_id: int) -> SafetyPlan | None:
    return db.scalar(select(SafetyPlan).where(SafetyPlan.owner_id == owner_id))


def exists(db: Session, owner_id: int) -> bool:
    """Has this client a plan with something in it? (What the crisis response offers.)"""
    row = _row(db, owner_id)
    return row is not None and not _open(db, row).is_empty


def _open(db: Session, row: SafetyPlan) -> Plan:
    raw = json.loads(keys.open_text(db, row.owner_id, TABLE, "body", row.id, row.body_sealed))
    items = {key: list(raw.get("steps", {}).get(key, [])) for key in step_keys()}
    editor = db.get(User, row.updated_by) if row.updated_by else None
    return Plan(items, row.created_at, row.updated_at,
                editor.display_name if editor else "",
                row.updated_by in (None, row.owner_id))


def load(db: Session, owner_id: int) -> Plan | None:
    """The client's plan, opened; owner_id must already have passed the access policy."""
    row = _row(db, owner_id)
    return None if row is None else _open(db, row)


def _assess_items(items: dict[str, list[str]]) -> Assessment:
    """Each line on its own, like any message; the plan's level is its highest line's."""
    return combined([assess(line) for lines in items.values() for line in lines])


def save(db: Session, owner: User, items: dict[str, list[str] | str], *, by: User | None = None,
         at: datetime | None = None) -> Plan:
    """Write the whole plan (replacing what was there). `by` is the editor: the owner or their therapist.

    The caller checks that a therapist `by` may edit (policy: safety_plan shared). A client's own
    save is checked for risk; the result is on plan.assessment.
    """
    by = by or owner
    if not owner.is_client:
        raise NotAllowed("The safety plan is for client accounts.")
    if by.id != owner.id and not by.is_therapist:
        raise NotAllowed()
    cleaned = check_steps(items)
    now = at or clock.now()
    row = _row(db, owner.id)
    if row is None:
        row = SafetyPlan(owner_id=owner.id, body_sealed=b"", created_at=now, updated_at=now)
        db.add(row)
        db.flush()  # the id is part of what the plan is sealed to
    body = json.dumps({"version": 1, "steps": cleaned}, ensure_ascii=False)
    row.body_sealed = keys.seal_text(db, owner.id, TABLE, "body", row.id, body)
    row.updated_at, row.updated_by = now, by.id
    db.flush()
    if by.id != owner.id:
        audit.record(db, "safety_plan_changed", actor_id=by.id, subject_id=owner.id, detail="safety_plan")
    plan = _open(db, row)
    if by.id == owner.id:
        plan.assessment = _assess_items(cleaned)
    return plan
