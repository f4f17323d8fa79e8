"""Homework kept: who suggested what to whom, with which plan and note, and what shows it was done.

Doing the practice is what marks it done: the record the practice itself writes (a practice log
entry, a thought record, a journal entry, a skill's rating) on or after the day the open round
began. Nothing is stored about rounds that passed, so nothing can count them. The therapist's
note is sealed with the client's data key, so it goes with the client's account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.creativity.journal import JournalEntry
from holdspace.errors import InvalidInput, NotFound
from holdspace.homework import plan
from holdspace.homework.plan import Practice, Round, Schedule
from holdspace.mindfulness.log import PracticeSession
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import can_see, linked_client, visible_owner
from holdspace.resilience.toolbox import ResilienceItem, SkillRating
from holdspace.selfcompassion.records import SelfCompassionRecord
from holdspace.store.base import Base, UTCDateTime

TABLE = "homework"


class Homework(Base):
    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Kept if the therapist's account goes: the suggestion is the client's as much as theirs.
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True,
                                                     index=True)
    from_name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(32), default="")
    repeat: Mapped[str] = mapped_column(String(8))
    days: Mapped[str] = mapped_column(String(7), default="0000000")
    every_days: Mapped[int] = mapped_column(Integer, default=0)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    note = ""  # opened by the functions below

    @property
    def practice(self) -> Practice:
        found = plan.practice(self.kind, self.detail)
        if found is None:  # a practice since withdrawn from the catalogue still reads sensibly
            return Practice(self.kind, self.kind, self.detail, self.kind.replace("-", " ").capitalize(), "",
                            "/practices", "", "", "exercises")
        return found

    @property
    def schedule(self) -> Schedule:
        return Schedule(self.repeat, self.starts_on, self.ends_on, self.days, self.every_days)


@dataclass(frozen=True)
class Done:
    """One real record that shows the practice was done."""

    what: str  # practice_log, selfcompassion, journal, resilience, skill_rating
    record_id: int
    at: datetime


@dataclass(frozen=True)
class Status:
    homework: Homework
    round: Round
    done: list[Done]  # in the open round (once: ever), newest first; empty when not shown
    visible: bool  # False: the viewer may not see whether it was done

    @property
    def is_due(self) -> bool:
        return (self.visible and self.homework.ended_at is None and not self.round.over
                and self.round.begins is not None and not self.done)


def _open(db: Session, hw: Homework) -> Homework:
    hw.note = keys.open_text(db, hw.client_id, TABLE, "note", hw.id, hw.note_sealed) if hw.note_sealed else ""
    return hw


def _seal_note(db: Session, hw: Homework, note: str) -> None:
    hw.note_sealed = keys.seal_text(db, hw.client_id, TABLE, "note", hw.id, note) if note else b""
    hw.note = note


def assign(db: Session, therapist: User, client_id: int, key: str, repeat: str, *, by: object = None,
           days: str = "", every_days: object = None, starts_on: object = None, ends_on: object = None,
           note: str = "") -> Homework:
    """A therapist suggests a practice to their own client; raises InvalidInput with every problem."""
    _, client = linked_client(db, therapist, client_id)
    chosen, sched, note = plan.check_plan(key, repeat, by=by, days=days, every_days=every_days,
                                          starts_on=starts_on, ends_on=ends_on, note=note,
                                          today=clock.today(db))
    hw = Homework(client_id=client.id, therapist_id=therapist.id, from_name=therapist.display_name[:80],
                  kind=chosen.kind, detail=chosen.detail, repeat=sched.repeat, days=sched.days,
                  every_days=sched.every_days, starts_on=sched.starts_on, ends_on=sched.ends_on,
                  note_sealed=b"", created_at=clock.now())
    db.add(hw)
    db.flush()  # the id is part of what the note is sealed to
    _seal_note(db, hw, note)
    return hw


def stop(db: Session, therapist: User, homework_id: int, client_id: int | None = None) -> Homework:
    """End a suggestion of this therapist's; the client no longer sees it."""
    hw = db.get(Homework, homework_id)
    if (hw is None or hw.therapist_id != therapist.id or hw.ended_at is not None
            or (client_id is not None and hw.client_id != client_id)):
        raise NotFound()
    linked_client(db, therapist, hw.client_id)
    hw.ended_at = clock.now()
    return _open(db, hw)


def set_aside(db: Session, client: User, homework_id: int) -> Homework:
    """The client takes a suggestion off their list; it is theirs to decline, with no reason asked."""
    hw = db.get(Homework, homework_id)
    if hw is None or hw.client_id != client.id or hw.ended_at is not None:
        raise NotFound()
    hw.ended_at = clock.now()
    return _open(db, hw)


def of_client(db: Session, client_id: int, *, therapist_id: int | None = None,
              include_ended: bool = False) -> list[Homework]:
    query = select(Homework).where(Homework.client_id == client_id)
    if therapist_id is not None:
        query = query.where(Homework.therapist_id == therapist_id)
    if not include_ended:
        query = query.where(Homework.ended_at.is_(None))
    return [_open(db, hw) for hw in db.scalars(query.order_by(Homework.created_at, Homework.id))]


def records_since(db: Session, owner_id: int, practice: Practice, since: datetime | None, *,
                  shared_only: bool = False) -> list[Done]:
    """The records this practice writes, newest first; a therapist never learns of private entries."""
    if practice.record == "practice_log":
        model, query = PracticeSession, select(PracticeSession.id, PracticeSession.created_at).where(
            PracticeSession.owner_id == owner_id, PracticeSession.kind == practice.record_kind)
    elif practice.record == "selfcompassion":
        model, query = SelfCompassionRecord, select(SelfCompassionRecord.id, SelfCompassionRecord.created_at).where(
            SelfCompassionRecord.owner_id == owner_id, SelfCompassionRecord.kind == practice.record_kind)
    elif practice.record == "journal":
        model, query = JournalEntry, select(JournalEntry.id, JournalEntry.created_at).where(
            JournalEntry.owner_id == owner_id)
        if shared_only:
            query = query.where(JournalEntry.private.is_(False))
    elif practice.record == "resilience":
        model, query = ResilienceItem, select(ResilienceItem.id, ResilienceItem.created_at).where(
            ResilienceItem.owner_id == owner_id, ResilienceItem.kind == practice.record_kind)
    elif practice.record == "skill_rating":
        model, query = SkillRating, select(SkillRating.id, SkillRating.created_at).join(
            ResilienceItem, ResilienceItem.id == SkillRating.item_id).where(ResilienceItem.owner_id == owner_id)
    else:
        return []
    if since is not None:
        query = query.where(model.created_at >= since)
    rows = db.execute(query.order_by(model.created_at.desc(), model.id.desc()).limit(200))
    return [Done(practice.record, record_id, at) for record_id, at in rows]


def status(db: Session, hw: Homework, today: date | None = None, *, viewer: User | None = None) -> Status:
    """Where this homework stands today; for a therapist, done-ness only if its category is shared."""
    today = today or clock.today(db)
    current = hw.schedule.round_on(today)
    visible = viewer is None or viewer.id == hw.client_id or can_see(db, viewer, hw.client_id,
                                                                      hw.practice.category)
    done: list[Done] = []
    if visible and current.begins is not None:
        since = clock.midnight(current.begins, clock.zone(db))
        done = records_since(db, hw.client_id, hw.practice, since,
                             shared_only=viewer is not None and viewer.id != hw.client_id)
    return Status(hw, current, done, visible)


def for_client(db: Session, client: User, today: date | None = None) -> list[Status]:
    """The client's own homework still in play: due first, then done, then coming up; ended plans drop out."""
    today = today or clock.today(db)
    found = [status(db, hw, today) for hw in of_client(db, client.id)]
    found = [s for s in found if not s.round.over and not _settled_once(db, s, today)]
    return sorted(found, key=lambda s: (not s.is_due, s.round.begins is None, s.homework.id))


def _settled_once(db: Session, s: Status, today: date) -> bool:
    # A one-off that was done stays in view for a week, to be seen and thanked, then rests.
    return s.homework.repeat == "once" and bool(s.done) and (today - clock.day_of(s.done[0].at, db)).days > 7


@dataclass(frozen=True)
class Followed:
    """A therapist's view of one suggestion: done-ness only where shared, and only ever counted up."""

    status: Status
    times_done: int  # records since the plan began; never a count of anything missed
    last_done: datetime | None


def for_therapist(db: Session, therapist: User, client_id: int, today: date | None = None) -> list[Followed]:
    """What this therapist suggested to this client, with what the client's shares let them see."""
    _, client = linked_client(db, therapist, client_id)
    today = today or clock.today(db)
    rows = []
    audited: set[str] = set()
    for hw in of_client(db, client.id, therapist_id=therapist.id, include_ended=True):
        current = status(db, hw, today, viewer=therapist)
        times, last = 0, None
        if current.visible:
            if hw.practice.category not in audited:
                visible_owner(db, therapist, client.id, hw.practice.category)  # audits the read
                audited.add(hw.practice.category)
            ever = records_since(db, client.id, hw.practice, clock.midnight(hw.starts_on, clock.zone(db)),
                                 shared_only=True)
            if hw.ended_at is not None:
                ever = [d for d in ever if d.at <= hw.ended_at]
            times, last = len(ever), (ever[0].at if ever else None)
        rows.append(Followed(current, times, last))
    return sorted(rows, key=lambda f: (f.status.homework.ended_at is not None, -f.status.homework.id))


# --- export and import ---------------------------------------------------------------------------------

def export_rows(db: Session, client_id: int, *, therapist_id: int | None = None) -> list[dict]:
    """The client's homework in plain JSON terms, oldest first (one therapist's only, if given)."""
    return [{"practice": hw.practice.key, "from": hw.from_name, "note": hw.note, "repeat": hw.repeat,
             "days": hw.days, "every_days": hw.every_days, "starts_on": hw.starts_on.isoformat(),
             "ends_on": hw.ends_on.isoformat() if hw.ends_on else None, "created_at": hw.created_at.isoformat(),
             "ended_at": hw.ended_at.isoformat() if hw.ended_at else None}
            for hw in of_client(db, client_id, therapist_id=therapist_id, include_ended=True)]


def check_export_row(item: dict) -> tuple[Practice, Schedule, str]:
    """Raise InvalidInput if an exported suggestion can't be brought back; dates may be in the past."""
    starts = item.get("starts_on")
    try:
        first = date.fromisoformat(str(starts))
    except ValueError:
        raise InvalidInput(fields={"starts_on": "The first day isn't a date."}) from None
    ends = item.get("ends_on")
    return plan.check_plan(str(item.get("practice", "")), str(item.get("repeat", "")),
                           by=ends if item.get("repeat") == "once" else None,
                           ends_on=ends if item.get("repeat") != "once" else None, days=str(item.get("days", "")),
                           every_days=item.get("every_days"), starts_on=first, note=str(item.get("note") or ""),
                           today=first)


def import_row(db: Session, client: User, item: dict) -> Homework:
    """Bring back a suggestion for the record; its therapist isn't here, so it keeps only their name."""
    chosen, sched, note = check_export_row(item)
    hw = Homework(client_id=client.id, therapist_id=None, from_name=str(item.get("from") or "Your therapist")[:80],
                  kind=chosen.kind, detail=chosen.detail, repeat=sched.repeat, days=sched.days,
                  every_days=sched.every_days, starts_on=sched.starts_on, ends_on=sched.ends_on, note_sealed=b"",
                  created_at=datetime.fromisoformat(item["created_at"]),
                  ended_at=datetime.fromisoformat(item["ended_at"]) if item.get("ended_at") else None)
    db.add(hw)
    db.flush()
    _seal_note(db, hw, note)
    return hw
