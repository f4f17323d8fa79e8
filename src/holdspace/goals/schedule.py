"""Check-in days, progress and milestones: pure arithmetic over dates, no database.

A goal's schedule is the set of weekdays its owner chose to check in on, kept as seven
characters, Monday first ("1010100": Monday, Wednesday, Friday). Progress counts practice, never
absence: a missed day is not recorded anywhere, and nothing here counts missed days.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

__all__ = ["DAY_KEYS", "EVERY_DAY", "OUTCOMES", "Milestone", "WeekPoint", "days_from_keys", "days_phrase",
           "is_scheduled", "milestones", "planned_between", "practice_weight", "missed_since", "weekly_progress"]

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EVERY_DAY = "1111111"
OUTCOMES = ("done", "partly", "not_this_time")


def practice_weight(outcome: str) -> float:
    """How much a check-in counts as practice: done 1, partly a half, not this time nothing."""
    return {"done": 1.0, "partly": 0.5}.get(outcome, 0.0)


def days_from_keys(keys: list[str] | tuple[str, ...]) -> str:
    """Turn ["mon", "wed"] (or ["daily"]) into the seven-character mask; unknown keys are ignored."""
    chosen = {k.strip().lower()[:3] for k in keys if k}
    if "dai" in chosen or "eve" in chosen:
        return EVERY_DAY
    return "".join("1" if key in chosen else "0" for key in DAY_KEYS)


def day_keys(days: str) -> list[str]:
    return [key for key, on in zip(DAY_KEYS, days) if on == "1"]


def days_phrase(days: str) -> str:
    """The schedule in words: "every day", "on weekdays", "on Monday, Wednesday and Friday"."""
    count = days.count("1")
    if count == 7:
        return "every day"
    if days == "1111100":
        return "on weekdays"
    if days == "0000011":
        return "at weekends"
    names = [name for name, on in zip(DAY_NAMES, days) if on == "1"]
    if not names:
        return "on no day yet"
    if len(names) == 1:
        return f"every {names[0]}"
    return "on " + ", ".join(names[:-1]) + " and " + names[-1]


def is_scheduled(days: str, day: date) -> bool:
    return days[day.weekday()] == "1"


def planned_between(days: str, start: date, end: date) -> int:
    """How many check-in days the schedule holds from start to end, both included."""
    if end < start:
        return 0
    total = (end - start).days + 1
    weeks, rest = divmod(total, 7)
    count = weeks * days.count("1")
    for offset in range(rest):
        count += is_scheduled(days, start + timedelta(days=weeks * 7 + offset))
    return count


def missed_since(days: str, last: date, today: date) -> bool:
    """Whether a scheduled day passed between the last check-in and today (both excluded).

    Used only to say "welcome back"; the number of days is deliberately never returned.
    """
    return planned_between(days, last + timedelta(days=1), today - timedelta(days=1)) > 0


@dataclass(frozen=True)
class Milestone:
    key: str
    title: str
    message: str
    reached_on: date


@cache
def _milestone_words() -> dict[str, dict[str, str]]:
    return tomllib.loads((Path(__file__).parent / "milestones.toml").read_text(encoding="utf-8"))["milestone"]


def _milestone(key: str, on: date) -> Milestone:
    words = _milestone_words()[key]
    return Milestone(key, words["title"], words["message"], on)


def milestones(days: str, start: date, end: date | None, checkins: list[tuple[date, str]],
               completed_on: date | None = None) -> list[Milestone]:
    """Milestones reached, in order: first check-in, a week's practice, halfway, done.

    `checkins` are (day, outcome) pairs. A week's practice is as many practice check-ins as the
    schedule has days in a week, kept up over at least a week; halfway is half the check-in days
    planned up to the end date.
    """
    found: list[Milestone] = []
    ordered = sorted(checkins)
    if ordered:
        found.append(_milestone("first", ordered[0][0]))
    per_week = max(days.count("1"), 1)
    planned = planned_between(days, start, end) if end else 0
    practice = 0.0
    week_on = half_on = None
    for day, outcome in ordered:
        practice += practice_weight(outcome)
        # a week of practice: kept up across a week (six days after the first check-in or more),
        # with as much practice as the schedule holds in a week
        if week_on is None and practice >= per_week and (day - ordered[0][0]).days >= 6:
            week_on = day
        if half_on is None and planned and practice >= planned / 2:
            half_on = day
    if week_on:
        found.append(_milestone("week", week_on))
    if half_on:
        found.append(_milestone("halfway", half_on))
    if completed_on:
        found.append(_milestone("done", completed_on))
    return sorted(found, key=lambda m: (m.reached_on, list(_milestone_words()).index(m.key)))


@dataclass(frozen=True)
class WeekPoint:
    starts: date
    planned: int
    practice: float  # done counts 1, partly a half


def weekly_progress(days: str, start: date, until: date, checkins: list[tuple[date, str]]) -> list[WeekPoint]:
    """Practice per week (weeks start on Monday) from the goal's start up to `until`."""
    if until < start:
        return []
    first_monday = start - timedelta(days=start.weekday())
    best: dict[date, float] = {}
    for day, outcome in checkins:
        best[day] = max(best.get(day, 0.0), practice_weight(outcome))
    points = []
    monday = first_monday
    while monday <= until:
        sunday = monday + timedelta(days=6)
        planned = planned_between(days, max(monday, start), min(sunday, until))
        practice = sum(w for d, w in best.items() if monday <= d <= sunday)
        points.append(WeekPoint(monday, planned, practice))
        monday += timedelta(days=7)
    return points
