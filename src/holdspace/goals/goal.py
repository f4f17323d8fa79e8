"""A goal: written by the client (or proposed by their therapist and accepted), checked, sealed.

Everything the client writes — the goal, why it matters, where it started — is checked for risk
and then sealed with their data key. Access control lives at the edges (`privacy/policy.py`);
functions here take an owner already allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.goals import schedule
from holdspace.language.text import words
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety.risk import NO_RISK, Assessment, assess
from holdspace.store.base import Base, UTCDateTime

TEXT_LIMIT, WHY_LIMIT = 500, 1000
LONGEST = timedelta(days=5 * 366)  # an end date further off than this is almost surely a typo
DEFAULT_REMINDER = "19:00"
STATUSES = ("active", "done", "archived")
GOALS = "goals"


class Goal(Base):
    __tablename__ = GOALS

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    why_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    wish_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    days: Mapped[str] = mapped_column(String(7))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    remind_at: Mapped[str] = mapped_column(String(5))
    confidence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                       nullable=True)

    text = ""  # the opened fields, filled in by the functions that load goals
    why = ""
    wish = ""
    assessment: Assessment = NO_RISK

    @property
    def schedule_words(self) -> str:
        return schedule.days_phrase(self.days)

    @property
    def day_keys(self) -> list[str]:
        return schedule.day_keys(self.days)


# --- checking what was entered ------------------------------------------------------------------

@dataclass
class GoalFields:
    text: str
    days: str
    ends_on: date | None
    confidence: int | None = None
    why: str = ""
    wish: str = ""
    remind_at: str = DEFAULT_REMINDER


def parse_date(raw: object) -> date | None:
    if isinstance(raw, date):
        return raw
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(fields={"ends_on": "Please give the date as year-month-day, like 2027-03-31."}) from None


def parse_confidence(raw: object) -> int | None:
    text = str(raw if raw is not None else "").strip()
    if not text:
        return None
    if isinstance(raw, bool) or not text.isdigit() or not 0 <= int(text) <= 10:
        raise InvalidInput(fields={"confidence": "Please choose how sure you are on the scale from 0 to 10."})
    return int(text)


def check_goal(text: str, days: str, ends_on: object, *, confidence: object = None, why: str = "",
               wish: str = "", remind_at: str = DEFAULT_REMINDER, require_end: bool = False,
               starts_on: date | None = None, on: date | None = None) -> GoalFields:
    """Validate a goal; return the cleaned fields or raise with every problem at once."""
    problems: dict[str, str] = {}
    text = " ".join((text or "").split())
    if not text:
        problems["text"] = "Your goal is still empty. Write it the way you'd say it to a friend."
    elif len(words(text)) < 2:
        problems["text"] = ("A one-word goal is a good start. Could you add what you'll do and how often? "
                            "For example: “walk for 20 minutes, three times a week”.")
    elif len(text) > TEXT_LIMIT:
        problems["text"] = (f"A goal can hold up to {TEXT_LIMIT} characters; this one has {len(text)}. "
                            "Your words are still here to shorten.")
    for name, value in (("why", why), ("wish", wish)):
        if len((value or "").strip()) > WHY_LIMIT:
            problems[name] = f"Please keep this under {WHY_LIMIT} characters; your words are still here."
    if len(days or "") != 7 or set(days) - {"0", "1"} or "1" not in days:
        problems["days"] = "Please choose at least one day of the week to check in on."
    end = None
    try:
        end = parse_date(ends_on)
    except InvalidInput as exc:
        problems.update(exc.fields)
    on = on or clock.today()
    start = starts_on or on
    if end is not None and end < on:
        problems["ends_on"] = "That date has already passed. Please choose today or a day still to come."
    elif end is not None and end - start > LONGEST:
        problems["ends_on"] = "That's more than five years away. A nearer date makes it easier to look back on."
    elif end is None and require_end:
        problems["ends_on"] = "By when would you like to look back on this? Please choose a date."
    try:
        confidence = parse_confidence(confidence)
    except InvalidInput as exc:
        problems.update(exc.fields)
    if not _valid_time(remind_at):
        problems["remind_at"] = "Please give a reminder time like 19:00."
    if problems:
        raise InvalidInput(fields=problems)
    return GoalFields(text, days, end, confidence, (why or "").strip(), (wish or "").strip(), remind_at)


def _valid_time(value: str) -> bool:
    try:
        hour, minute = (int(p) for p in (value or "").split(":"))
    except ValueError:
        return False
    return len(value) == 5 and 0 <= hour < 24 and 0 <= minute < 60


def _worst(*texts: str) -> Assessment:
    found = [assess(t) for t in texts if t]
    order = {"none": 0, "concern": 1, "urgent": 2}
    return max(found, key=lambda a: order.get(a.level, 2), default=NO_RISK)


def alert_therapist(db: Session, client: User, assessment: Assessment, goal_id: int, text: str) -> None:
    """Let the client's therapist know of risk in what they wrote on this goal (if they share it)."""
    from holdspace.safety import alerts

    alerts.notice(db, client, assessment, where="goal", item_id=goal_id, text=text)


# --- saving and loading -----------------------------------------------------------------------------

def _seal(db: Session, goal: Goal) -> None:
    goal.text_sealed = keys.seal_text(db, goal.owner_id, GOALS, "text", goal.id, goal.text)
    goal.why_sealed = keys.seal_text(db, goal.owner_id, GOALS, "why", goal.id, goal.why) if goal.why else None
    goal.wish_sealed = keys.seal_text(db, goal.owner_id, GOALS, "wish", goal.id, goal.wish) if goal.wish else None


def open_goal(db: Session, goal: Goal) -> Goal:
    """Fill in the goal's text, why and wish from their sealed forms."""
    def opened(field_name: str, sealed: bytes | None) -> str:
        return "" if sealed is None else keys.open_text(db, goal.owner_id, GOALS, field_name, goal.id, sealed)
    goal.text = opened("text", goal.text_sealed)
    goal.why = opened("why", goal.why_sealed)
    goal.wish = opened("wish", goal.wish_sealed)
    return goal


def create_goal(db: Session, client: User, fields: GoalFields, *, proposed_by: int | None = None,
                at: datetime | None = None, starts_on: date | None = None, status: str = "active",
                completed_on: date | None = None) -> Goal:
    """Save a checked goal for this client; its words are checked for risk, then sealed."""
    if not client.is_client:
        raise NotAllowed("Goals are for client accounts.")
    now = at or clock.now()
    goal = Goal(owner_id=client.id, created_at=now, updated_at=now, text_sealed=b"", days=fields.days,
                starts_on=starts_on or clock.today(db), ends_on=fields.ends_on, remind_at=fields.remind_at,
                confidence=fields.confidence, status=status, completed_on=completed_on,
                proposed_by_id=proposed_by)
    goal.text, goal.why, goal.wish = fields.text, fields.why, fields.wish
    goal.assessment = _worst(fields.text, fields.why, fields.wish)
    db.add(goal)
    db.flush()  # the id is part of what the words are sealed to
    _seal(db, goal)
    if proposed_by is None:  # a therapist's proposal holds their words, not the client's
        alert_therapist(db, client, goal.assessment, goal.id,
                        " ".join(t for t in (fields.text, fields.why, fields.wish) if t))
    return goal


def update_goal(db: Session, goal: Goal, fields: GoalFields) -> Goal:
    """Change an opened goal's words and plan (the caller has checked who may)."""
    open_goal(db, goal)
    goal.assessment = _worst(*(new for new, old in ((fields.text, goal.text), (fields.why, goal.why))
                               if new != old))
    goal.text, goal.days, goal.ends_on, goal.remind_at = fields.text, fields.days, fields.ends_on, fields.remind_at
    if fields.why:
        goal.why = fields.why
    if fields.confidence is not None:
        goal.confidence = fields.confidence
    goal.updated_at = clock.now()
    _seal(db, goal)
    owner = db.get(User, goal.owner_id)
    alert_therapist(db, owner, goal.assessment, goal.id, " ".join(t for t in (fields.text, fields.why) if t))
    db.flush()
    return goal


def goals_of(db: Session, owner_id: int, *, statuses: tuple[str, ...] = ("active", "done")) -> list[Goal]:
    """Active goals first, then finished ones, each newest first; owner_id already allowed."""
    rows = db.scalars(select(Goal).where(Goal.owner_id == owner_id, Goal.status.in_(statuses))
                      .order_by(Goal.created_at.desc(), Goal.id.desc()))
    return sorted((open_goal(db, g) for g in rows), key=lambda g: STATUSES.index(g.status))


def visible_goal(db: Session, owner_id: int, goal_id: int) -> Goal:
    """A goal of this (already allowed) owner, opened; anyone else's is NotFound."""
    goal = db.get(Goal, goal_id)
    if goal is None or goal.owner_id != owner_id:
        raise NotFound()
    return open_goal(db, goal)


def own_goal(db: Session, client: User, goal_id: int) -> Goal:
    return visible_goal(db, client.id, goal_id)


def set_status(db: Session, goal: Goal, status: str) -> Goal:
    if status not in STATUSES:
        raise InvalidInput(f"A goal can be {', '.join(STATUSES)}.")
    goal.status = status
    goal.completed_on = clock.today(db) if status == "done" else None
    goal.updated_at = clock.now()
    db.flush()
    return goal
