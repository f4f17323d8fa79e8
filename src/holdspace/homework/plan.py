"""What a therapist can suggest, how its plan reads, and which round of it is open on a given day.

Pure: dates and data only. A plan is once (hoped for by a day), on chosen weekdays, or every so
many days, from a first day until an optional last one. Only the current round matters: a round
that passed without practice is never kept, counted or shown.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from holdspace.errors import InvalidInput
from holdspace.goals import schedule as weekdays
from holdspace.mindfulness import breathing

__all__ = ["LONGEST", "NOTE_LIMIT", "REPEATS", "Practice", "Round", "Schedule", "check_plan", "practice",
           "practices", "words"]

REPEATS = ("once", "days", "every")
NOTE_LIMIT = 1000
LONGEST = 366  # days from the first day to the last: a plan longer than a year is almost surely a typo
LONGEST_EVERY = 90


@dataclass(frozen=True)
class Practice:
    key: str  # "breathing:4-6", "body-scan", ...
    kind: str  # the catalogue entry: "breathing"
    detail: str  # "4-6" for a breathing preset, else ""
    name: str
    invite: str
    href: str
    record: str  # where doing it leaves a trace: practice_log, selfcompassion, journal, resilience, skill_rating
    record_kind: str
    category: str  # what the client shares for a therapist to see it done


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("holdspace.homework").joinpath("homework.toml").read_text())


def words() -> dict[str, str]:
    return dict(_data()["words"])


@cache
def practices() -> tuple[Practice, ...]:
    """Everything a therapist can suggest, in the order the form lists it."""
    found = []
    for p in _data()["practice"]:
        common = dict(kind=p["key"], invite=p["invite"], record=p["record"], record_kind=p["record_kind"],
                      category=p["category"])
        if p["key"] == "breathing":
            found += [Practice(key=f"breathing:{b.key}", detail=b.key, name=f"{p['name']}: {b.name}",
                               href=p["href"].format(detail=b.key), **common) for b in breathing.presets()]
        else:
            found.append(Practice(key=p["key"], detail="", name=p["name"], href=p["href"], **common))
    return tuple(found)


def practice(kind: str, detail: str = "") -> Practice | None:
    key = f"{kind}:{detail}" if detail else kind
    return next((p for p in practices() if p.key == key), None)


def _day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B}"


@dataclass(frozen=True)
class Round:
    begins: date | None  # the day the open round began; None before the first one
    next_on: date | None  # the next planned day after today, if any
    over: bool  # the plan's last day has passed


@dataclass(frozen=True)
class Schedule:
    repeat: str  # once, days or every
    starts_on: date
    ends_on: date | None  # once: the day it is hoped for by; otherwise the last day, or open-ended
    days: str = "0000000"  # weekdays, Monday first (goals/schedule.py)
    every_days: int = 0

    def words(self) -> str:
        """The plan in words: "once, by Friday 4 December", "on Monday and Thursday until ..."."""
        if self.repeat == "once":
            return f"once, by {_day(self.ends_on)}" if self.ends_on else "once"
        if self.repeat == "days":
            text = weekdays.days_phrase(self.days)
        else:
            text = "every day" if self.every_days == 1 else f"every {self.every_days} days"
        return text + (f", until {_day(self.ends_on)}" if self.ends_on else "")

    def _planned(self, day: date) -> bool:
        if day < self.starts_on or (self.ends_on is not None and day > self.ends_on):
            return False
        if self.repeat == "days":
            return weekdays.is_scheduled(self.days, day)
        return (day - self.starts_on).days % self.every_days == 0

    def _next_after(self, day: date) -> date | None:
        probe = max(day + timedelta(days=1), self.starts_on)
        for _ in range(max(self.every_days, 7) + 1):
            if self._planned(probe):
                return probe
            probe += timedelta(days=1)
        return None

    def round_on(self, today: date) -> Round:
        """The round open on `today`: it began on the last planned day up to today."""
        if self.repeat == "once":
            return Round(self.starts_on if today >= self.starts_on else None,
                         None if today >= self.starts_on else self.starts_on, False)
        over = self.ends_on is not None and today > self.ends_on
        if over:
            return Round(None, None, True)
        begins = None
        if today >= self.starts_on:
            if self.repeat == "every":
                begins = self.starts_on + timedelta(days=(today - self.starts_on).days // self.every_days
                                                    * self.every_days)
            else:  # a weekday plan has a planned day in any seven
                begins = next((today - timedelta(days=back) for back in range(7)
                               if self._planned(today - timedelta(days=back))), None)
        return Round(begins, self._next_after(today), False)


def _date(raw: object, field: str, problems: dict[str, str], *, label: str) -> date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        problems[field] = f"Please give {label} as a date, for example 2026-03-01."
        return None


def check_plan(key: str, repeat: str, *, by: object = None, days: str = "", every_days: object = None,
               starts_on: object = None, ends_on: object = None, note: str = "",
               today: date) -> tuple[Practice, Schedule, str]:
    """Validate a suggestion; return (practice, schedule, note) or raise with every problem, by field."""
    problems: dict[str, str] = {}
    chosen = next((p for p in practices() if p.key == key), None)
    if chosen is None:
        problems["practice"] = "Please choose one of the practices listed."
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        problems["note"] = (f"A note can hold up to {NOTE_LIMIT:,} characters; this one has {len(note):,}. "
                            "Your words are still here to shorten.")
    start = _date(starts_on, "starts_on", problems, label="the first day") or today
    if start < today and "starts_on" not in problems:
        problems["starts_on"] = "That day has already passed. Please choose today or a later day."
    elif (start - today).days > LONGEST:
        problems["starts_on"] = "Please choose a first day within a year from today."
    last = None
    if repeat == "once":
        last = _date(by, "by", problems, label="the day")
        if last is None and "by" not in problems:
            problems["by"] = "Please choose the day you hope it might be done by."
    elif repeat in ("days", "every"):
        last = _date(ends_on, "ends_on", problems, label="the last day")
    else:
        problems["repeat"] = "Please choose how often: once, on chosen weekdays, or every few days."
    every = 0
    if repeat == "days" and "1" not in (days or ""):
        problems["days"] = "Please tick at least one day of the week."
    if repeat == "every":
        text = str(every_days if every_days is not None else "").strip()
        every = int(text) if text.isdigit() else 0
        if not 1 <= every <= LONGEST_EVERY:
            problems["every_days"] = f"Please give how often as a number of days from 1 to {LONGEST_EVERY}."
    if last is not None and not problems.get("by") and not problems.get("ends_on"):
        field = "by" if repeat == "once" else "ends_on"
        if last < start:
            problems[field] = "That day comes before the first day. Please choose a later one."
        elif (last - start).days > LONGEST:
            problems[field] = "Please choose a day within a year; you can always suggest it again."
    if problems:
        raise InvalidInput(fields=problems)
    return chosen, Schedule(repeat, start, last, days if repeat == "days" else "0000000", every), note
