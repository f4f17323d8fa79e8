"""The session report: what happened since the last session, for the therapist, on one page.

Only what the client shares goes in, each category read through the access policy (and audited):
questionnaires with the change and its significance, risk flags, the mood trend, themes from
shared check-in notes and journal entries, goals with the check-ins made on them, and the
homework this therapist suggested with how often it was done (days without are never counted:
the report says what was done, not what was missed). Risk flags name the date, the source and the reasons,
never the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from holdspace import clock
from holdspace.creativity import journal
from holdspace.errors import InvalidInput
from holdspace.journey import gather, measures, mood, themes
from holdspace.journey.measures import Change, Instrument
from holdspace.journey.questionnaires import DONE, Administration
from holdspace.journey.timeline import MeasurePoint
from holdspace.privacy import consent
from holdspace.privacy.accounts import User
from holdspace.privacy.policy import linked_client, visible_owner
from holdspace.safety.risk import assess

LONGEST = 366  # days a report may look back


@dataclass(frozen=True)
class MeasureLine:
    instrument: Instrument
    baseline: MeasurePoint | None  # the last result before the period (or its first, if none before)
    latest: MeasurePoint | None  # the last result in the period
    change: Change | None
    in_period: int
    last_before: MeasurePoint | None  # when nothing is new: the latest result overall
    first: MeasurePoint | None = None  # the very first result, when it is older than the baseline
    since_first: Change | None = None


@dataclass(frozen=True)
class RiskFlag:
    at: datetime
    source: str
    level: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MoodTrend:
    count: int
    average: float | None
    before_average: float | None
    lowest: int | None
    highest: int | None
    feelings: tuple[str, ...]
    points: list[tuple[datetime, int]]

    @property
    def words(self) -> str:
        if self.average is None:
            return "No check-ins in this period."
        if self.before_average is None:
            return f"Average mood {self.average} out of 10 over {self.count} check-ins."
        step = round(self.average - self.before_average, 1)
        trend = ("higher than" if step >= 0.5 else "lower than" if step <= -0.5 else "about the same as")
        return (f"Average mood {self.average} out of 10 over {self.count} check-ins, {trend} the "
                f"{self.before_average} of the period before.")


@dataclass(frozen=True)
class GoalLine:
    text: str
    status: str
    schedule: str
    outcomes: dict[str, int]  # check-ins in the period by outcome: done, partly, not_this_time
    milestones: tuple[str, ...]  # reached in the period
    completed_on: date | None

    @property
    def words(self) -> str:
        """What happened with the goal in the period, in one or two sentences."""
        made = sum(self.outcomes.values())
        if made:
            parts = [f"{n} {word}" for key, word in (("done", "done"), ("partly", "partly"),
                                                      ("not_this_time", "not this time")) if (n := self.outcomes.get(key))]
            said = f"{made} check-in{'s' if made != 1 else ''} in this period ({', '.join(parts)})."
        else:
            said = "No check-ins in this period."
        if self.status == "done" and self.completed_on:
            said += f" Finished on {self.completed_on:%-d %B %Y}."
        if self.milestones:
            said += " Milestones: " + "; ".join(self.milestones) + "."
        return said


@dataclass(frozen=True)
class HomeworkLine:
    practice: str
    plan: str
    visible: bool  # the client shares the category that shows it done
    done: int  # times done in the period
    ended: bool

    @property
    def words(self) -> str:
        if not self.visible:
            return "Not shared with you, so whether it was done is not shown."
        if not self.done:
            return "Not done in holdspace in this period."
        return f"Done {'once' if self.done == 1 else f'{self.done} times'} in this period."


@dataclass
class Report:
    client: User
    since: date
    until: datetime
    shared: list[str]
    measures: list[MeasureLine] = field(default_factory=list)
    risks: list[RiskFlag] = field(default_factory=list)
    mood: MoodTrend | None = None
    themes: list[themes.Theme] | None = None
    themes_from: int = 0
    goals: list[GoalLine] | None = None
    homework: list[HomeworkLine] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.until.date() - self.since).days

    @property
    def not_shared(self) -> list[str]:
        return [c.label for c in consent.CATEGORIES if c.key in ("mood", "journal", "measures", "goals")
                and c.key not in self.shared]


def parse_since(raw: object, today: date) -> date:
    """The date of the last session: YYYY-MM-DD, not in the future, at most a year back."""
    text = str(raw or "").strip()
    if not text:
        return today - timedelta(days=14)
    try:
        found = date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(fields={"since": "Please give the date as YYYY-MM-DD, for example 2026-03-01."}) from None
    if found > today:
        raise InvalidInput(fields={"since": "That date is still to come. Please choose the last session's date."})
    if (today - found).days > LONGEST:
        raise InvalidInput(fields={"since": "A report looks back at most a year. Please choose a later date."})
    return found


def build(db: Session, therapist: User, client_id: int, since: date, *, now: datetime) -> Report:
    """Gather the report for a therapist's own client; each shared category is read through the policy.

    The period starts at midnight of `since` where the practice is (`clock.zone`), not the server.
    """
    link, client = linked_client(db, therapist, client_id)
    shared = consent.shared_categories(db, link.id)
    start = clock.midnight(since, clock.zone(db))
    report = Report(client, since, clock.local(now, clock.zone(db)), shared)  # its days end on the practice's date
    texts: list[str] = []
    if "measures" in shared:
        visible_owner(db, therapist, client.id, "measures")
        report.measures = _measures(db, client.id, start)
        for at, level in db.execute(select(Administration.completed_at, Administration.risk_level).where(
                Administration.owner_id == client.id, Administration.status == DONE,
                Administration.completed_at >= start, Administration.risk_level != "none")):
            report.risks.append(RiskFlag(at, "PHQ-9 question 9", level,
                                         ("answered above 0: thoughts of being better off dead or of self-harm",)))
    if "mood" in shared:
        visible_owner(db, therapist, client.id, "mood")
        period = now - start
        points = gather.checkin_points(db, client.id, since=start - period)
        inside = [(at, m) for at, m in points if at >= start]
        before = [m for at, m in points if at < start]
        moods = [m for _, m in inside]
        recent = [c for c in mood.list_checkins(db, client.id, days=max(1, period.days + 1)) if c.created_at >= start]
        summary = mood.summarise(recent)
        report.mood = MoodTrend(len(moods), round(sum(moods) / len(moods), 1) if moods else None,
                                round(sum(before) / len(before), 1) if before else None,
                                min(moods) if moods else None, max(moods) if moods else None,
                                summary.common_feelings, inside)
        for c in recent:
            if c.note:
                texts.append(c.note)
                _flag(report, c.created_at, "check-in note", c.note)
    if "journal" in shared:
        visible_owner(db, therapist, client.id, "journal")
        newer = db.scalar(select(func.count(journal.JournalEntry.id)).where(
            journal.JournalEntry.owner_id == client.id, journal.JournalEntry.private.is_(False),
            journal.JournalEntry.created_at >= start)) or 0
        # Newest first, so the newest `newer` shared entries are this period's: only those are opened.
        for entry in (journal.entries(db, client.id, include_private=False, limit=newer) if newer else []):
            if entry.created_at >= start:
                texts.append(entry.body)
                _flag(report, entry.created_at, "journal entry", entry.body)
    if "goals" in shared:
        visible_owner(db, therapist, client.id, "goals")
        report.goals = _goals(db, report, client.id, since)
    report.homework = _homework(db, therapist, client.id, start)
    if "mood" in shared or "journal" in shared:
        report.themes = themes.themes_in(texts)
        report.themes_from = len([t for t in texts if t.strip()])
    report.risks.sort(key=lambda r: r.at, reverse=True)
    return report


def _flag(report: Report, at: datetime, source: str, text: str) -> None:
    found = assess(text)
    if found.level != "none":
        report.risks.append(RiskFlag(at, source, found.level, tuple(found.reasons)))


def _goals(db: Session, report: Report, owner_id: int, since: date) -> list[GoalLine]:
    from holdspace.goals.checkins import checkins_of, goal_milestones
    from holdspace.goals.goal import goals_of
    from holdspace.goals.schedule import days_phrase

    lines = []
    for goal in goals_of(db, owner_id):
        if goal.status == "done" and goal.completed_on and goal.completed_on < since:
            continue  # finished before this period
        made = checkins_of(db, goal)
        inside = [c for c in made if c.day >= since]
        outcomes: dict[str, int] = {}
        for c in inside:
            outcomes[c.outcome] = outcomes.get(c.outcome, 0) + 1
            if c.note:
                _flag(report, c.created_at, "goal check-in note", c.note)
        reached = tuple(m.title for m in goal_milestones(goal, made) if m.reached_on >= since)
        lines.append(GoalLine(goal.text, goal.status, days_phrase(goal.days), outcomes, reached, goal.completed_on))
    return lines


def _homework(db: Session, therapist: User, client_id: int, start: datetime) -> list[HomeworkLine]:
    from holdspace.homework.assignments import for_therapist, records_since

    lines = []
    for followed in for_therapist(db, therapist, client_id):  # audits each category it may show
        hw, visible = followed.status.homework, followed.status.visible
        if hw.ended_at is not None and hw.ended_at < start:
            continue  # stopped before this period
        done = 0
        if visible:
            done = sum(1 for d in records_since(db, client_id, hw.practice, start, shared_only=True)
                       if clock.day_of(d.at, db) >= hw.starts_on and (hw.ended_at is None or d.at <= hw.ended_at))
        lines.append(HomeworkLine(hw.practice.name, hw.schedule.words(), visible, done, hw.ended_at is not None))
    return lines


def _measures(db: Session, owner_id: int, start: datetime) -> list[MeasureLine]:
    lines = []
    everything = gather.measure_points(db, owner_id)
    for inst in measures.all_instruments():
        mine = [p for p in everything if p.key == inst.key]
        if not mine:
            continue
        inside = [p for p in mine if p.at >= start]
        earlier = [p for p in mine if p.at < start]
        if not inside:
            lines.append(MeasureLine(inst, None, None, None, 0, earlier[-1]))
            continue
        baseline = earlier[-1] if earlier else (inside[0] if len(inside) > 1 else None)
        latest = inside[-1]
        change = measures.compare(inst, baseline.total, latest.total) if baseline else None
        first = mine[0] if baseline is not None and mine[0] is not baseline else None
        since_first = measures.compare(inst, first.total, latest.total) if first else None
        lines.append(MeasureLine(inst, baseline, latest, change, len(inside), None, first, since_first))
    return lines
