"""Goals: written by the client (or proposed by their therapist and accepted), checked in on, celebrated.

Everything the client writes — the goal, why it matters, where it started, check-in notes — is
checked for risk and then sealed with their data key. A therapist's proposal is sealed with the
client's key too, so deleting the client's account leaves nothing readable of it. Access control
lives at the edges (`privacy/policy.py`); functions here take an owner already allowed.
"""

from __future__ import annotations

import hashlib
import secrets
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.goals import calendar, schedule
from holdspace.goals.schedule import OUTCOMES, Milestone
from holdspace.language.text import words
from holdspace.privacy import keys
from holdspace.privacy.accounts import User
from holdspace.safety.risk import NO_RISK, Assessment, assess
from holdspace.store.base import Base, UTCDateTime

TEXT_LIMIT, WHY_LIMIT, NOTE_LIMIT = 500, 1000, 2000
LONGEST = timedelta(days=5 * 366)  # an end date further off than this is almost surely a typo
DEFAULT_REMINDER = "19:00"
STATUSES = ("active", "done", "archived")
GOALS, CHECKINS, PROPOSALS = "goals", "goal_checkins", "goal_proposals"


def today_in(zone: str = "") -> date:
    """Today in this IANA time zone (empty: this computer's): the day a person means by "today"."""
    return clock.now().astimezone(ZoneInfo(zone) if zone else None).date()


def today(db: Session | None = None) -> date:
    """Today where the practice is (HOLDSPACE_TIME_ZONE, carried on the database session)."""
    return today_in(db.info.get("time_zone", "") if db is not None else "")


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


class GoalCheckIn(Base):
    __tablename__ = CHECKINS

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    note_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    note = ""
    assessment: Assessment = NO_RISK

    @property
    def outcome_words(self) -> str:
        return OUTCOME_WORDS[self.outcome]


class GoalProposal(Base):
    """A goal, or a change to one, that a therapist suggests; it becomes real only if the client accepts."""

    __tablename__ = PROPOSALS

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), nullable=True)
    text_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    days: Mapped[str] = mapped_column(String(7))
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16))  # open, accepted, declined
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    text = ""
    therapist_name = ""

    @property
    def schedule_words(self) -> str:
        return schedule.days_phrase(self.days)


class CalendarFeed(Base):
    """A client's secret calendar address: its hash finds them, its sealed copy shows it to them again."""

    __tablename__ = "goal_calendar_feeds"

    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


OUTCOME_WORDS = {"done": "Done", "partly": "Partly", "not_this_time": "Not this time"}


@cache
def messages() -> dict[str, str]:
    return tomllib.loads((Path(__file__).parent / "messages.toml").read_text(encoding="utf-8"))["checkin"]


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
    on = on or today()
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


# --- goals ------------------------------------------------------------------------------------------

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
                starts_on=starts_on or today(db), ends_on=fields.ends_on, remind_at=fields.remind_at,
                confidence=fields.confidence, status=status, completed_on=completed_on,
                proposed_by_id=proposed_by)
    goal.text, goal.why, goal.wish = fields.text, fields.why, fields.wish
    goal.assessment = _worst(fields.text, fields.why, fields.wish)
    db.add(goal)
    db.flush()  # the id is part of what the words are sealed to
    _seal(db, goal)
    if proposed_by is None:  # a therapist's proposal holds their words, not the client's
        _alert(db, client, goal.assessment, goal.id, " ".join(t for t in (fields.text, fields.why, fields.wish) if t))
    return goal


def _alert(db: Session, client: User, assessment, goal_id: int, text: str) -> None:
    from holdspace.safety import alerts

    alerts.notice(db, client, assessment, where="goal", item_id=goal_id, text=text)


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
    _alert(db, owner, goal.assessment, goal.id, " ".join(t for t in (fields.text, fields.why) if t))
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
    goal.completed_on = today(db) if status == "done" else None
    goal.updated_at = clock.now()
    db.flush()
    return goal


# --- check-ins ----------------------------------------------------------------------------------------

@dataclass
class CheckInResult:
    checkin: GoalCheckIn
    message: str
    welcome_back: bool
    new_milestones: list[Milestone] = field(default_factory=list)


def check_outcome(outcome: str, note: str) -> tuple[str, str]:
    problems = {}
    if outcome not in OUTCOMES:
        problems["outcome"] = "Please choose how it went: done, partly, or not this time."
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        problems["note"] = (f"Notes can hold up to {NOTE_LIMIT} characters; this one has {len(note)}. "
                            "Your text is still here to shorten.")
    if problems:
        raise InvalidInput(fields=problems)
    return outcome, note


def checkins_of(db: Session, goal: Goal, *, limit: int | None = None, with_notes: bool = True) -> list[GoalCheckIn]:
    """Newest first; notes opened unless not needed."""
    query = (select(GoalCheckIn).where(GoalCheckIn.goal_id == goal.id)
             .order_by(GoalCheckIn.day.desc(), GoalCheckIn.id.desc()))
    if limit is not None:
        query = query.limit(limit)
    rows = list(db.scalars(query))
    if with_notes:
        for c in rows:
            c.note = "" if c.note_sealed is None else keys.open_text(db, c.owner_id, CHECKINS, "note", c.id,
                                                                    c.note_sealed)
    return rows


def _pairs(checkins: list[GoalCheckIn]) -> list[tuple[date, str]]:
    return [(c.day, c.outcome) for c in checkins]


def goal_milestones(goal: Goal, checkins: list[GoalCheckIn]) -> list[Milestone]:
    return schedule.milestones(goal.days, goal.starts_on, goal.ends_on, _pairs(checkins), goal.completed_on)


def record_checkin(db: Session, client: User, goal: Goal, outcome: str, note: str = "",
                   day: date | None = None, at: datetime | None = None) -> CheckInResult:
    """Record how it went today; the note is checked for risk, then sealed."""
    if goal.owner_id != client.id:
        raise NotFound()
    outcome, note = check_outcome(outcome, note)
    day = day or today(db)
    earlier = checkins_of(db, goal, with_notes=False)
    before = {m.key for m in goal_milestones(goal, earlier)}
    last = max((c.day for c in earlier if c.day < day), default=None)
    welcome_back = last is not None and schedule.missed_since(goal.days, last, day)
    checkin = GoalCheckIn(goal_id=goal.id, owner_id=client.id, day=day, outcome=outcome,
                          created_at=at or clock.now())
    db.add(checkin)
    db.flush()
    if note:
        checkin.assessment = assess(note)
        checkin.note_sealed = keys.seal_text(db, client.id, CHECKINS, "note", checkin.id, note)
        _alert(db, client, checkin.assessment, goal.id, note)
    checkin.note = note
    reached = [m for m in goal_milestones(goal, earlier + [checkin]) if m.key not in before]
    text = messages()["welcome_back"] if welcome_back else messages()[outcome]
    return CheckInResult(checkin, text, welcome_back, reached)


def is_due(goal: Goal, checked_today: bool, on: date) -> bool:
    return (goal.status == "active" and schedule.is_scheduled(goal.days, on) and goal.starts_on <= on
            and (goal.ends_on is None or on <= goal.ends_on) and not checked_today)


def due_today(db: Session, owner_id: int) -> list[Goal]:
    """Active goals with a check-in planned today that hasn't happened yet: the in-app reminder."""
    on = today(db)
    goals = [g for g in goals_of(db, owner_id, statuses=("active",))]
    checked = set(db.scalars(select(GoalCheckIn.goal_id).where(GoalCheckIn.owner_id == owner_id,
                                                               GoalCheckIn.day == on)))
    return [g for g in goals if is_due(g, g.id in checked, on)]


# --- progress, for the goal's page and for the journey ------------------------------------------------

@dataclass(frozen=True)
class GoalProgress:
    goal_id: int
    text: str
    status: str
    schedule: str
    planned: int  # check-in days the schedule held in the period
    done: int
    partly: int
    not_this_time: int
    practice: float  # done + half of partly
    milestones: tuple[Milestone, ...]  # reached within the period

    @property
    def share(self) -> float | None:
        """Practice as a share of what was planned (0–1), or None when nothing was planned."""
        return min(self.practice / self.planned, 1.0) if self.planned else None


def progress_between(db: Session, owner_id: int, start: date, end: date) -> list[GoalProgress]:
    """Goal progress between two dates (both included), one row per goal that was live in them.

    For the journey page and the session report: `owner_id` must already have passed the access
    policy for "goals". Counts are check-ins by outcome; `planned` is the schedule's check-in days
    within the goal's own dates; milestones are those reached in the period. Texts are opened.
    """
    rows = []
    for goal in goals_of(db, owner_id, statuses=STATUSES):
        live_to = min(end, goal.ends_on or end, goal.completed_on or end)
        live_from = max(start, goal.starts_on)
        checkins = checkins_of(db, goal, with_notes=False)
        inside = [c for c in checkins if start <= c.day <= end]
        if not inside and (live_from > live_to or goal.status == "archived"):
            continue
        counts = {o: sum(c.outcome == o for c in inside) for o in OUTCOMES}
        reached = tuple(m for m in goal_milestones(goal, checkins) if start <= m.reached_on <= end)
        rows.append(GoalProgress(goal.id, goal.text, goal.status, goal.schedule_words,
                                 schedule.planned_between(goal.days, live_from, live_to), counts["done"],
                                 counts["partly"], counts["not_this_time"],
                                 sum(schedule.practice_weight(c.outcome) for c in inside), reached))
    return rows


def weekly(goal: Goal, checkins: list[GoalCheckIn], on: date) -> list[schedule.WeekPoint]:
    until = min(on, goal.ends_on or on, goal.completed_on or on)
    return schedule.weekly_progress(goal.days, goal.starts_on, until, _pairs(checkins))


# --- proposals from a therapist -------------------------------------------------------------------------

def propose(db: Session, therapist: User, client: User, fields: GoalFields, goal: Goal | None = None) -> GoalProposal:
    """A therapist suggests a goal (or a change to `goal`); the caller has checked the share."""
    if not therapist.is_therapist:
        raise NotAllowed("Only therapists can suggest goals.")
    proposal = GoalProposal(client_id=client.id, therapist_id=therapist.id, goal_id=goal.id if goal else None,
                            text_sealed=b"", days=fields.days, ends_on=fields.ends_on, status="open",
                            created_at=clock.now())
    db.add(proposal)
    db.flush()
    proposal.text_sealed = keys.seal_text(db, client.id, PROPOSALS, "text", proposal.id, fields.text)
    proposal.text = fields.text
    return proposal


def _open_proposal(db: Session, proposal: GoalProposal) -> GoalProposal:
    proposal.text = keys.open_text(db, proposal.client_id, PROPOSALS, "text", proposal.id, proposal.text_sealed)
    therapist = db.get(User, proposal.therapist_id)
    proposal.therapist_name = therapist.display_name if therapist else "Your therapist"
    return proposal


def proposals_for(db: Session, client_id: int, *, therapist_id: int | None = None,
                  status: str | None = None) -> list[GoalProposal]:
    query = select(GoalProposal).where(GoalProposal.client_id == client_id)
    if therapist_id is not None:
        query = query.where(GoalProposal.therapist_id == therapist_id)
    if status is not None:
        query = query.where(GoalProposal.status == status)
    return [_open_proposal(db, p) for p in db.scalars(query.order_by(GoalProposal.created_at.desc(),
                                                                     GoalProposal.id.desc()))]


def _client_proposal(db: Session, client: User, proposal_id: int) -> GoalProposal:
    proposal = db.get(GoalProposal, proposal_id)
    if proposal is None or proposal.client_id != client.id:
        raise NotFound()
    if proposal.status != "open":
        raise InvalidInput("You've already answered this suggestion.")
    return _open_proposal(db, proposal)


def accept(db: Session, client: User, proposal_id: int) -> Goal:
    """The client takes the suggestion: a new goal, or the change made to their goal."""
    proposal = _client_proposal(db, client, proposal_id)
    fields = GoalFields(proposal.text, proposal.days,
                        proposal.ends_on if proposal.ends_on is None or proposal.ends_on >= today(db) else None)
    if proposal.goal_id is not None:
        goal = update_goal(db, own_goal(db, client, proposal.goal_id), fields)
    else:
        goal = create_goal(db, client, fields, proposed_by=proposal.therapist_id)
    proposal.status, proposal.decided_at = "accepted", clock.now()
    db.flush()
    return goal


def decline(db: Session, client: User, proposal_id: int) -> GoalProposal:
    proposal = _client_proposal(db, client, proposal_id)
    proposal.status, proposal.decided_at = "declined", clock.now()
    db.flush()
    return proposal


# --- the calendar feed ----------------------------------------------------------------------------------

def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_token(db: Session, client: User, *, reset: bool = False) -> str:
    """The client's secret calendar token, made on first use; `reset` replaces it (the old one stops)."""
    if not client.is_client:
        raise NotAllowed("Calendar reminders are for client accounts.")
    row = db.get(CalendarFeed, client.id)
    if row is not None and not reset:
        return keys.open_text(db, client.id, "goal_calendar_feeds", "token", client.id, row.token_sealed)
    token = secrets.token_urlsafe(24)
    sealed = keys.seal_text(db, client.id, "goal_calendar_feeds", "token", client.id, token)
    if row is None:
        db.add(CalendarFeed(client_id=client.id, token_hash=_token_hash(token), token_sealed=sealed,
                            created_at=clock.now()))
    else:
        row.token_hash, row.token_sealed, row.created_at = _token_hash(token), sealed, clock.now()
    db.flush()
    return token


def feed_for_token(db: Session, token: str) -> str:
    """The iCalendar text for whoever holds this token, or NotFound."""
    if not token or len(token) > 100:
        raise NotFound()
    row = db.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _token_hash(token)))
    if row is None:
        raise NotFound()
    goals = db.scalars(select(Goal).where(Goal.owner_id == row.client_id, Goal.status == "active")
                       .order_by(Goal.id))
    reminders = [calendar.Reminder(uid=f"goal-{hashlib.sha256(f'{row.token_hash}:{g.id}'.encode()).hexdigest()[:24]}"
                                       "@holdspace", days=g.days, starts=g.starts_on, ends=g.ends_on,
                                   at=g.remind_at, changed=g.updated_at) for g in goals]
    return calendar.feed(reminders, now=clock.now())


