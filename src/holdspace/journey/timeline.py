"""The journey: what a client did, month by month, the milestones they reached and a warm summary.

Pure: works over plain times and numbers (never the text anyone wrote), so the page needs no
decryption and stays fast with years of check-ins. Words live in `journey.toml`.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources

from holdspace import clock
from holdspace.journey import measures

__all__ = ["Journey", "MeasurePoint", "Milestone", "Month", "build", "mood_points"]


@dataclass(frozen=True)
class MeasurePoint:
    at: datetime
    key: str
    total: float
    band: str

    @property
    def name(self) -> str:
        return measures.instrument(self.key).name

    @property
    def band_label(self) -> str:
        return measures.instrument(self.key).band_for(self.total).label

    @property
    def total_text(self) -> str:
        return f"{self.total:g}"


@dataclass(frozen=True)
class Milestone:
    key: str
    at: datetime
    title: str
    prompt: str


@dataclass
class Month:
    year: int
    month: int
    checkins: int = 0
    mood_sum: int = 0
    lowest: int | None = None
    highest: int | None = None
    journal: int = 0
    practices: int = 0
    practice_minutes: int = 0
    goal_checkins: int = 0  # check-ins made on goals (never a count of days without one)
    measures: list[MeasurePoint] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)

    @property
    def label(self) -> str:
        return datetime(self.year, self.month, 1).strftime("%B %Y")

    @property
    def name(self) -> str:
        return datetime(self.year, self.month, 1).strftime("%B")

    @property
    def average_mood(self) -> float | None:
        return round(self.mood_sum / self.checkins, 1) if self.checkins else None

    @property
    def empty(self) -> bool:
        return not (self.checkins or self.journal or self.practices or self.goal_checkins or self.measures
                    or self.milestones)


@dataclass(frozen=True)
class Journey:
    months: list[Month]  # newest first, only months with something in them
    milestones: list[Milestone]  # oldest first
    summary: list[str]  # the "look how far you've come" paragraph, sentence by sentence
    checkins: int
    journal: int
    measures: int
    since: datetime | None
    practices: int = 0
    goal_checkins: int = 0


@cache
def words() -> dict:
    return tomllib.loads(resources.files("holdspace.journey").joinpath("journey.toml").read_text())


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def build(checkins: list[tuple[datetime, int]], journal: list[datetime], taken: list[MeasurePoint], *,
          now: datetime, zone: tzinfo | None, joined: datetime | None = None,
          practices: list[tuple[datetime, int]] = (), goal_checkins: list[datetime] = ()) -> Journey:
    """Group everything by month in the client's time zone, find milestones, and say it warmly.

    `zone` is the practice's (`clock.zone(db)`); None is this computer's own zone.

    `practices` are (time, minutes) of practice-log entries; `goal_checkins` the times of check-ins on goals.
    """
    checkins = sorted(checkins)
    journal = sorted(journal)
    taken = sorted(taken, key=lambda m: m.at)
    months: dict[tuple[int, int], Month] = {}

    def month_of(at: datetime) -> Month:
        key = _local_month(at, zone)
        if key not in months:
            months[key] = Month(*key)
        return months[key]

    for at, mood in checkins:
        m = month_of(at)
        m.checkins += 1
        m.mood_sum += mood
        m.lowest = mood if m.lowest is None else min(m.lowest, mood)
        m.highest = mood if m.highest is None else max(m.highest, mood)
    for at in journal:
        month_of(at).journal += 1
    for at, minutes in practices:
        m = month_of(at)
        m.practices += 1
        m.practice_minutes += minutes
    for at in goal_checkins:
        month_of(at).goal_checkins += 1
    for point in taken:
        month_of(point.at).measures.append(point)
    reached = _milestones(checkins, journal, taken, now=now, joined=joined)
    for milestone in reached:
        month_of(milestone.at).milestones.append(milestone)
    ordered = sorted((m for m in months.values() if not m.empty), key=lambda m: (m.year, m.month), reverse=True)
    starts = [t for t in (checkins[0][0] if checkins else None, journal[0] if journal else None,
                          taken[0].at if taken else None, min(at for at, _ in practices) if practices else None,
                          min(goal_checkins) if goal_checkins else None) if t is not None]
    return Journey(ordered, reached, _summary(ordered, taken, clock.local(now, zone)), len(checkins),
                   len(journal), len(taken), min(starts) if starts else None, len(practices), len(goal_checkins))


def _local_month(at: datetime, zone: tzinfo | None) -> tuple[int, int]:
    """The (year, month) of a time in the client's zone; converting only near a month's edge.

    No zone is more than 14 hours from UTC, so from the 2nd to the 27th the month is the same
    everywhere; converting every one of years of check-ins would be the page's slowest step.
    """
    if 2 <= at.day <= 27 and at.utcoffset() == timedelta(0):
        return at.year, at.month
    local = clock.local(at, zone)
    return local.year, local.month


def _milestones(checkins, journal, taken, *, now: datetime, joined: datetime | None) -> list[Milestone]:
    found = []
    first_of: dict[str, MeasurePoint] = {}
    improved_at = None
    for point in taken:
        first = first_of.setdefault(point.key, point)
        if improved_at is None and point is not first:
            change = measures.compare(measures.instrument(point.key), first.total, point.total)
            if change.category in ("improved", "recovered"):
                improved_at = point.at
    for item in words()["milestone"]:
        kind, count, at = item["kind"], item["count"], None
        if kind == "checkins" and len(checkins) >= count:
            at = checkins[count - 1][0]
        elif kind == "journal" and len(journal) >= count:
            at = journal[count - 1]
        elif kind == "measures" and len(taken) >= count:
            at = taken[count - 1].at
        elif kind == "improvement":
            at = improved_at
        elif kind == "anniversary":
            began = joined or (checkins[0][0] if checkins else None)
            if began is not None and began + timedelta(days=365) <= now:
                at = began + timedelta(days=365)
        if at is not None:
            found.append(Milestone(item["key"], at, item["title"], item["prompt"]))
    return sorted(found, key=lambda m: m.at)


def _summary(months: list[Month], taken: list[MeasurePoint], now: datetime) -> list[str]:
    text = words()["summary"]
    if not months:
        return [text["closing_new"]]
    this = next((m for m in months if (m.year, m.month) == (now.year, now.month)), None)
    # The first month with a few check-ins: one check-in on the 31st is no baseline.
    first = (next((m for m in reversed(months) if m.checkins >= 5), None)
             or next((m for m in reversed(months) if m.checkins), None))
    said = []
    if this is None or not this.checkins:
        said.append(text["no_checkins"].format(month=now.strftime("%B")))
    else:
        said.append(text["checked_in"].format(month=this.name, times=_times(this.checkins)))
        if first is None or first is this:
            said.append(text["mood_first"].format(now=this.average_mood))
        else:
            step = this.average_mood - first.average_mood
            key = "mood_up" if step >= 0.5 else "mood_down" if step <= -0.5 else "mood_same"
            said.append(text[key].format(now=this.average_mood, then=first.average_mood, first_month=first.label))
    by_key: dict[str, list[MeasurePoint]] = defaultdict(list)
    for point in taken:
        by_key[point.key].append(point)
    for key, points in by_key.items():
        if len(points) > 1:
            change = measures.compare(measures.instrument(key), points[0].total, points[-1].total)
            if change.category in ("improved", "recovered"):
                size = f"{abs(change.difference):g} point{'s' if abs(change.difference) != 1 else ''}"
                said.append(text[f"measure_{change.category}"].format(name=points[0].name, then=points[0].total_text,
                                                                      now=points[-1].total_text, size=size))
    if this is not None and this.journal:
        said.append(text["journal"].format(times=_times(this.journal)))
    if this is not None and this.practices:
        said.append(text["practices"].format(times=_times(this.practices), minutes=this.practice_minutes))
    if this is not None and this.goal_checkins:
        said.append(text["goals"].format(times=_times(this.goal_checkins)))
    said.append(text["closing"] if len(months) > 1 else text["closing_new"])
    return said


def mood_points(checkins: list[tuple[datetime, int]], *, zone: tzinfo | None,
                daily_up_to_days: int = 120) -> tuple[list[tuple[datetime, float]], str]:
    """Daily moods for a short span; weekly averages (Mondays) for a long one. Returns (points, unit)."""
    checkins = sorted(checkins)
    if not checkins or checkins[-1][0] - checkins[0][0] <= timedelta(days=daily_up_to_days):
        return [(at, float(m)) for at, m in checkins], "check-in"
    weeks: dict[date, list[int]] = defaultdict(list)
    # A chart's weeks needn't follow daylight saving: one fixed offset keeps years of points quick.
    offset = clock.local(checkins[-1][0], zone).utcoffset()
    fixed = timezone(offset)
    for at, m in checkins:
        day = (at + offset).date()
        weeks[day - timedelta(days=day.weekday())].append(m)
    return [(datetime.combine(w, time(12), tzinfo=fixed), round(sum(v) / len(v), 2))
            for w, v in sorted(weeks.items())], "weekly average"
