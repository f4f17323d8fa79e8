"""Questionnaires taken: answers sealed with the client's data key, drafts kept, scores and change.

The answers are sealed; the total and its band are kept in plaintext beside them, like a check-in's
mood, so charts and the therapist's report need no decryption (docs/privacy.md). Recurring
assignments by a therapist say which questionnaire is due when.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.journey import measures
from holdspace.journey.measures import Change, Instrument, Score
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import linked_client
from holdspace.safety.risk import NO_RISK, Assessment, assess_phq9_item9
from holdspace.store.base import Base, UTCDateTime

TABLE = "measure_administrations"
DRAFT, DONE = "draft", "done"
LONGEST_INTERVAL = 365


class Administration(Base):
    """One questionnaire, as a draft or done."""

    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(8))
    answers_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    total: Mapped[float | None] = mapped_column(Float, nullable=True)
    band: Mapped[str | None] = mapped_column(String(32), nullable=True)
    prorated: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_level: Mapped[str] = mapped_column(String(8), default="none")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)

    answers: dict[int, int | None] = {}  # opened by the functions below
    assessment: Assessment = NO_RISK  # set when a PHQ-9 is finished: item 9 goes through the safety flow

    @property
    def definition(self) -> Instrument:
        return measures.instrument(self.instrument)

    @property
    def band_label(self) -> str:
        return next((b.label for b in self.definition.bands if b.key == self.band), "")

    @property
    def band_words(self) -> str:
        return next((b.words for b in self.definition.bands if b.key == self.band), "")

    @property
    def total_text(self) -> str:
        return "" if self.total is None else f"{self.total:g}"


class Assignment(Base):
    """A questionnaire a therapist asks a client to fill in every so many days."""

    __tablename__ = "measure_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(16))
    every_days: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    @property
    def definition(self) -> Instrument:
        return measures.instrument(self.instrument)

    @property
    def every_words(self) -> str:
        if self.every_days % 7 == 0:
            weeks = self.every_days // 7
            return "every week" if weeks == 1 else f"every {weeks} weeks"
        return "every day" if self.every_days == 1 else f"every {self.every_days} days"


@dataclass(frozen=True)
class Saved:
    administration: Administration
    score: Score
    problems: dict[str, str]  # empty when it was finished; otherwise it was kept as a draft

    @property
    def finished(self) -> bool:
        return self.administration.status == DONE


def _seal(db: Session, adm: Administration, answers: dict[int, int | None]) -> None:
    adm.answers_sealed = keys.seal_text(db, adm.owner_id, TABLE, "answers", adm.id,
                                        json.dumps({str(k): v for k, v in sorted(answers.items())}))
    adm.answers = dict(answers)


def open_answers(db: Session, adm: Administration) -> Administration:
    raw = json.loads(keys.open_text(db, adm.owner_id, TABLE, "answers", adm.id, adm.answers_sealed))
    adm.answers = {int(k): v for k, v in raw.items()}
    return adm


def draft_for(db: Session, owner_id: int, key: str) -> Administration | None:
    adm = db.scalar(select(Administration).where(
        Administration.owner_id == owner_id, Administration.instrument == key,
        Administration.status == DRAFT).order_by(Administration.id.desc()).limit(1))
    return open_answers(db, adm) if adm else None


def save(db: Session, client: User, key: str, raw: dict, *, finish: bool = True,
         accept_missing: bool = False, at: datetime | None = None) -> Saved:
    """Keep these answers; finish and score them when asked and allowed, else keep them as a draft.

    An answer out of range raises InvalidInput and saves nothing. Unanswered questions are kept as a
    draft with a kind word for each, unless the client chose to leave them out and the published
    rule still gives a score.
    """
    if not client.is_client:
        raise NotAllowed("Questionnaires are for client accounts.")
    inst = measures.instrument(key)
    answers = measures.check_answers(inst, raw)
    now = at or clock.now()
    adm = draft_for(db, client.id, key)
    if adm is None:
        adm = Administration(owner_id=client.id, instrument=key, status=DRAFT, answers_sealed=b"",
                             created_at=now, prorated=False, risk_level="none")
        db.add(adm)
        db.flush()  # the id is part of what the answers are sealed to
    _seal(db, adm, answers)
    result = measures.score(inst, answers)
    problems: dict[str, str] = {}
    if finish and result.missing and not accept_missing:
        problems = {f"item-{n}": f"Question {n} has no answer yet." for n in result.missing}
    elif finish and not result.scored:
        problems = {"form": result.reason + " Your answers are kept as a draft."}
    if not finish or problems:
        return Saved(adm, result, problems)
    adm.status, adm.completed_at = DONE, now
    adm.total, adm.band, adm.prorated = result.total, result.band.key, result.prorated
    if inst.safety_item is not None and answers.get(inst.safety_item) is not None:
        adm.assessment = assess_phq9_item9(answers[inst.safety_item])
        adm.risk_level = adm.assessment.level
    db.flush()
    if adm.assessment is not None and adm.assessment.level != "none":
        from holdspace.safety import alerts

        alerts.notice(db, client, adm.assessment, where="questionnaire", item_id=adm.id)
    return Saved(adm, result, {})


def history(db: Session, owner_id: int, key: str | None = None, *, since: datetime | None = None,
            limit: int | None = None) -> list[Administration]:
    """Finished questionnaires, oldest first; owner_id must already have passed the access policy."""
    query = select(Administration).where(Administration.owner_id == owner_id, Administration.status == DONE)
    if key is not None:
        query = query.where(Administration.instrument == key)
    if since is not None:
        query = query.where(Administration.completed_at >= since)
    query = query.order_by(Administration.completed_at.desc(), Administration.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(reversed(db.scalars(query).all()))


def own_administration(db: Session, client: User, adm_id: int) -> Administration:
    adm = db.get(Administration, adm_id)
    if adm is None or adm.owner_id != client.id or adm.status != DONE:
        raise NotFound()
    return open_answers(db, adm)


def previous(db: Session, adm: Administration) -> Administration | None:
    """The same client's last finished administration of the same questionnaire before this one."""
    return db.scalar(select(Administration).where(
        Administration.owner_id == adm.owner_id, Administration.instrument == adm.instrument,
        Administration.status == DONE, Administration.completed_at <= adm.completed_at,
        Administration.id != adm.id).order_by(Administration.completed_at.desc(), Administration.id.desc())
        .limit(1))


def change_between(before: Administration | None, after: Administration | None) -> Change | None:
    if before is None or after is None or before.total is None or after.total is None:
        return None
    return measures.compare(after.definition, before.total, after.total)


# --- recurring assignments -------------------------------------------------------------------------

@dataclass(frozen=True)
class Due:
    assignment: Assignment
    due_on: date
    is_due: bool  # due now (on or after due_on, and not yet done for this round)


def check_assignment(key: str, every_days: object, starts_on: object, today: date) -> tuple[str, int, date]:
    problems: dict[str, str] = {}
    if key not in {i.key for i in measures.all_instruments()}:
        problems["instrument"] = "Please choose one of the questionnaires listed."
    text = str(every_days or "").strip()
    every = int(text) if text.isdigit() else 0
    if not 1 <= every <= LONGEST_INTERVAL:
        problems["every_days"] = f"Please give how often as a number of days from 1 to {LONGEST_INTERVAL}."
    start = today
    if starts_on not in (None, ""):
        try:
            start = starts_on if isinstance(starts_on, date) else date.fromisoformat(str(starts_on))
        except ValueError:
            problems["starts_on"] = "Please give the first date as YYYY-MM-DD, for example 2026-03-01."
        else:
            if start < today:
                problems["starts_on"] = "That date has already passed. Please choose today or a later day."
    if problems:
        raise InvalidInput(fields=problems)
    return key, every, start


def assign(db: Session, therapist: User, client_id: int, key: str, every_days: object,
           starts_on: object = None) -> Assignment:
    """A therapist asks their own client to fill in a questionnaire every so many days."""
    _, client = linked_client(db, therapist, client_id)
    key, every, start = check_assignment(key, every_days, starts_on, clock.today(db))
    assignment = Assignment(client_id=client.id, therapist_id=therapist.id, instrument=key,
                            every_days=every, starts_on=start, created_at=clock.now())
    db.add(assignment)
    db.flush()
    return assignment


def stop_assignment(db: Session, therapist: User, assignment_id: int) -> Assignment:
    assignment = db.get(Assignment, assignment_id)
    if assignment is None or assignment.therapist_id != therapist.id or assignment.ended_at is not None:
        raise NotFound()
    linked_client(db, therapist, assignment.client_id)
    assignment.ended_at = clock.now()
    return assignment


def assignments_for(db: Session, client_id: int, therapist_id: int | None = None) -> list[Assignment]:
    query = select(Assignment).where(Assignment.client_id == client_id, Assignment.ended_at.is_(None))
    if therapist_id is not None:
        query = query.where(Assignment.therapist_id == therapist_id)
    return list(db.scalars(query.order_by(Assignment.created_at)))


def due_for(db: Session, client_id: int, today: date | None = None) -> list[Due]:
    """Each open assignment with the day its current round began (or the next one starts)."""
    today = today or clock.today(db)
    found = []
    for assignment in assignments_for(db, client_id):
        if today < assignment.starts_on:
            found.append(Due(assignment, assignment.starts_on, False))
            continue
        rounds = (today - assignment.starts_on).days // assignment.every_days
        current = assignment.starts_on + timedelta(days=rounds * assignment.every_days)
        begun = clock.midnight(current, clock.zone(db))
        done = db.scalar(select(Administration.id).where(
            Administration.owner_id == client_id, Administration.instrument == assignment.instrument,
            Administration.status == DONE, Administration.completed_at >= begun).limit(1))
        if done is None:
            found.append(Due(assignment, current, True))
        else:
            found.append(Due(assignment, current + timedelta(days=assignment.every_days), False))
    return sorted(found, key=lambda d: (not d.is_due, d.due_on))
