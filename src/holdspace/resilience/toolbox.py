"""Strengths, coping skills (rated each time they are used) and supportive people, sealed per client.

Every item's words are one JSON object sealed with the client's data key and checked for risk
when written. Ratings (how well a skill helped, 1–5) are numbers and stay unsealed, so the best
skills can be found without opening anything else.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety.risk import NO_RISK, Assessment, assess, combined
from holdspace.store.base import Base, UTCDateTime

TABLE = "resilience_items"
KINDS = ("strength", "skill", "person")
NAME_LIMIT, TEXT_LIMIT = 120, 2000
BEST_AFTER = 1  # ratings a skill needs before it can be surfaced as one that helps


class ResilienceItem(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body_sealed: Mapped[bytes] = mapped_column(LargeBinary)

    body: dict = {}
    assessment: Assessment = NO_RISK
    ratings: list[int] = []

    @property
    def average(self) -> float | None:
        return round(sum(self.ratings) / len(self.ratings), 1) if self.ratings else None


class SkillRating(Base):
    __tablename__ = "skill_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("resilience_items.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class Situation:
    key: str
    label: str


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("holdspace.resilience").joinpath("resilience.toml").read_text())


def strength_suggestions() -> tuple[str, ...]:
    return tuple(_data()["strengths"])


def situations() -> tuple[Situation, ...]:
    return tuple(Situation(s["key"], s["label"]) for s in _data()["situation"])


def _words(value: object, field: str, label: str, limit: int, problems: dict, required: bool) -> str:
    text = " ".join(str(value or "").split()) if limit == NAME_LIMIT else str(value or "").strip()
    if required and not text:
        problems[field] = f"{label} is still empty."
    elif len(text) > limit:
        problems[field] = f"{label} can hold up to {limit:,} characters; this has {len(text):,}."
    return text


def check_item(kind: str, fields: dict, *, today: date) -> dict:
    """The checked body of an item, or InvalidInput naming each problem; `today` is the person's date."""
    problems: dict[str, str] = {}
    if kind == "strength":
        body = {"name": _words(fields.get("name"), "name", "The strength", NAME_LIMIT, problems, True),
                "example": _words(fields.get("example"), "example", "The example", TEXT_LIMIT, problems, False)}
    elif kind == "skill":
        known = {s.key for s in situations()}
        tags = [t for t in fields.get("situations") or [] if t in known]
        if len(tags) != len(fields.get("situations") or []):
            problems["situations"] = "Please pick situations from the list."
        body = {"name": _words(fields.get("name"), "name", "The skill", NAME_LIMIT, problems, True),
                "how": _words(fields.get("how"), "how", "How you do it", TEXT_LIMIT, problems, False),
                "situations": [s.key for s in situations() if s.key in tags]}
    elif kind == "person":
        last = str(fields.get("last_talked") or "").strip()
        if last:
            try:
                if date.fromisoformat(last) > today:
                    raise ValueError
            except ValueError:
                problems["last_talked"] = "When you last talked: a date like 2026-03-14, not in the future."
        body = {"name": _words(fields.get("name"), "name", "Their name", NAME_LIMIT, problems, True),
                "helps": _words(fields.get("helps"), "helps", "How they help", TEXT_LIMIT, problems, False),
                "last_talked": last}
    else:
        raise InvalidInput("Unknown kind of item.")
    if problems:
        raise InvalidInput(fields=problems)
    return body


def add_item(db: Session, client: User, kind: str, fields: dict, at: datetime | None = None) -> ResilienceItem:
    if not client.is_client:
        raise NotAllowed("The resilience pages are for client accounts.")
    body = check_item(kind, fields, today=clock.today(db))
    item = ResilienceItem(owner_id=client.id, kind=kind, created_at=at or clock.now(), body_sealed=b"")
    item.assessment = combined([assess(v) for v in body.values() if isinstance(v, str) and v])
    db.add(item)
    db.flush()
    item.body_sealed = keys.seal_text(db, client.id, TABLE, "body", item.id, json.dumps(body))
    item.body, item.ratings = body, []
    from holdspace.safety import alerts

    # item_id stays empty: "exercise" alerts are merged by id, and the self-compassion records own those ids.
    alerts.notice(db, client, item.assessment, where="exercise",
                  text=" ".join(v for v in body.values() if isinstance(v, str) and v),
                  path=f"/clients/{client.id}/resilience")
    return item


def _open(db: Session, item: ResilienceItem, ratings: dict[int, list[int]]) -> ResilienceItem:
    item.body = json.loads(keys.open_text(db, item.owner_id, TABLE, "body", item.id, item.body_sealed))
    item.ratings = ratings.get(item.id, [])
    return item


def items(db: Session, owner_id: int, kind: str | None = None) -> list[ResilienceItem]:
    """Oldest first, opened, with their ratings; owner_id must already have passed the access policy."""
    query = select(ResilienceItem).where(ResilienceItem.owner_id == owner_id)
    if kind is not None:
        query = query.where(ResilienceItem.kind == kind)
    rows = list(db.scalars(query.order_by(ResilienceItem.created_at, ResilienceItem.id)))
    ratings: dict[int, list[int]] = {}
    if rows:
        for item_id, rating in db.execute(select(SkillRating.item_id, SkillRating.rating).where(
                SkillRating.item_id.in_([r.id for r in rows])).order_by(SkillRating.id)):
            ratings.setdefault(item_id, []).append(rating)
    return [_open(db, r, ratings) for r in rows]


def own_item(db: Session, client: User, item_id: int) -> ResilienceItem:
    item = db.get(ResilienceItem, item_id)
    if item is None or item.owner_id != client.id:
        raise NotFound()
    return item


def rate_skill(db: Session, client: User, item_id: int, rating: object, at: datetime | None = None) -> SkillRating:
    """Note how well a skill helped this time, from 1 (not much) to 5 (a lot)."""
    item = own_item(db, client, item_id)
    if item.kind != "skill":
        raise NotFound()
    text = str(rating if rating is not None else "").strip()
    if isinstance(rating, bool) or not text.isdigit() or not 1 <= int(text) <= 5:
        raise InvalidInput(fields={"rating": "How much did it help? Choose from 1 (not much) to 5 (a lot)."})
    row = SkillRating(item_id=item.id, rating=int(text), created_at=at or clock.now())
    db.add(row)
    db.flush()
    return row


def remove_item(db: Session, client: User, item_id: int) -> None:
    item = own_item(db, client, item_id)
    db.execute(delete(SkillRating).where(SkillRating.item_id == item.id))
    db.delete(item)
    db.flush()


def best_skills(skills: list[ResilienceItem], situation: str | None = None, limit: int = 3) -> list[ResilienceItem]:
    """The skills that have helped most (by average rating, then how often used), for a situation or any."""
    fitting = [s for s in skills if len(s.ratings) >= BEST_AFTER
               and (situation is None or situation in s.body.get("situations", []))]
    return sorted(fitting, key=lambda s: (-s.average, -len(s.ratings), s.id))[:limit]


def export_rows(db: Session, owner_id: int) -> list[dict]:
    return [{"kind": i.kind, "created_at": i.created_at.isoformat(), **i.body, "ratings": i.ratings}
            for i in items(db, owner_id)]


def check_export_row(item: dict) -> dict:
    ratings = item.get("ratings") or []
    if not isinstance(ratings, list) or not all(isinstance(r, int) and 1 <= r <= 5 for r in ratings):
        raise InvalidInput("its ratings aren't numbers from 1 to 5")
    if item.get("kind") not in KINDS:
        raise InvalidInput("it isn't a strength, a skill or a person")
    return check_item(item["kind"], item, today=clock.today())  # before the import opens the database


def import_row(db: Session, client: User, item: dict) -> ResilienceItem:
    at = datetime.fromisoformat(item["created_at"])
    added = add_item(db, client, item["kind"], item, at=at)
    for rating in item.get("ratings") or []:
        rate_skill(db, client, added.id, rating, at=at)
    return added
