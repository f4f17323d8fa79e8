"""Breathing patterns and their timelines: exact times from the start, never added up step by step.

A pattern is four durations in seconds: in, hold after in, out, hold after out. A timeline is
a pattern repeated for some cycles; the start of phase k of cycle c is `c * cycle + offset[k]`,
computed afresh each time, so a pacer that asks "where should we be at this moment?" against a
monotonic clock never drifts, however long it runs. Pure: no database, web or settings.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from holdspace.errors import InvalidInput

__all__ = ["PHASES", "Pattern", "Phase", "Timeline", "parse_pattern", "presets", "timeline"]

PHASES = ("in", "hold", "out", "rest")  # "rest" is the hold after breathing out
WORDS = {"in": "Breathe in", "hold": "Hold", "out": "Breathe out", "rest": "Hold"}
BREATH_RANGE = (1, 20)  # seconds for a breath in or out
HOLD_RANGE = (0, 20)
MAX_CYCLES, MAX_MINUTES = 300, 60
RANGES_TEXT = (f"Breathing in and out can each last {BREATH_RANGE[0]} to {BREATH_RANGE[1]} seconds; "
               f"holds 0 to {HOLD_RANGE[1]} seconds.")
PATTERN_HELP = ("Write a pattern as seconds joined by dashes: in-out (4-6), in-hold-out (4-7-8) or "
                "in-hold-out-hold (4-4-4-4), or use a name: " )


@dataclass(frozen=True)
class Pattern:
    inhale: float
    hold_in: float
    exhale: float
    hold_out: float

    @property
    def durations(self) -> tuple[float, float, float, float]:
        return (self.inhale, self.hold_in, self.exhale, self.hold_out)

    @property
    def cycle(self) -> float:
        return sum(self.durations)

    @property
    def label(self) -> str:
        parts = [self.inhale, self.hold_in, self.exhale, self.hold_out]
        if not self.hold_in and not self.hold_out:
            parts = [self.inhale, self.exhale]
        elif not self.hold_out:
            parts = parts[:3]
        return "-".join(_num(p) for p in parts)

    def describe(self) -> str:
        steps = [f"{WORDS[name].lower()} for {_num(d)} second{'s' if d != 1 else ''}"
                 for name, d in zip(PHASES, self.durations) if d]
        return ", ".join(steps).capitalize()


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    pattern: Pattern
    about: str


@cache
def presets() -> tuple[Preset, ...]:
    data = tomllib.loads(resources.files("holdspace.mindfulness").joinpath("breathing.toml").read_text())
    return tuple(Preset(p["key"], p["name"], Pattern(*map(float, p["pattern"])), p["about"])
                 for p in data["preset"])


def check_pattern(inhale: float, hold_in: float, exhale: float, hold_out: float) -> Pattern:
    """Return the pattern, or raise InvalidInput naming the part out of range and the valid range."""
    problems = []
    for what, value, (low, high) in (("breathing in", inhale, BREATH_RANGE), ("the first hold", hold_in, HOLD_RANGE),
                                     ("breathing out", exhale, BREATH_RANGE), ("the last hold", hold_out, HOLD_RANGE)):
        if not (isinstance(value, (int, float)) and math.isfinite(value)) or not low <= value <= high:
            problems.append(f"{what} is {_num(value) if isinstance(value, (int, float)) else value} seconds")
        elif round(value * 2) != value * 2:
            problems.append(f"{what} is {value:g} seconds (use whole or half seconds)")
    if problems:
        raise InvalidInput(fields={"pattern": f"That pattern can't be paced: {'; '.join(problems)}. {RANGES_TEXT}"})
    return Pattern(float(inhale), float(hold_in), float(exhale), float(hold_out))


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def parse_pattern(text: str) -> Pattern:
    """Read '4-6', '4-7-8', '4-4-4-4' or a preset's key ('box'); kind errors name the valid forms."""
    raw = (text or "").strip().lower()
    for p in presets():
        if raw == p.key:
            return p.pattern
    names = ", ".join(p.key for p in presets())
    parts = [s.strip() for s in re.split(r"[-/, ]+", raw) if s.strip()]
    if not parts or not all(_NUMBER.match(s) for s in parts) or not 2 <= len(parts) <= 4:
        shown = f"'{(text or '').strip()[:40]}' isn't a breathing pattern." if raw else "Please write a breathing pattern."
        raise InvalidInput(fields={"pattern": f"{shown} {PATTERN_HELP}{names}. {RANGES_TEXT}"})
    values = [float(s) for s in parts]
    if len(values) == 2:
        values = [values[0], 0.0, values[1], 0.0]
    elif len(values) == 3:
        values = [*values, 0.0]
    return check_pattern(*values)


@dataclass(frozen=True)
class Phase:
    cycle: int  # 0-based
    name: str  # in, hold, out, rest
    start: float  # seconds from the start
    duration: float

    @property
    def end(self) -> float:
        return self.start + self.duration

    @property
    def words(self) -> str:
        return WORDS[self.name]

    @property
    def seconds_text(self) -> str:
        return _num(self.duration)


@dataclass(frozen=True)
class Timeline:
    pattern: Pattern
    cycles: int

    @property
    def total(self) -> float:
        return self.cycles * self.pattern.cycle

    def offsets(self) -> tuple[float, ...]:
        d = self.pattern.durations
        return (0.0, d[0], d[0] + d[1], d[0] + d[1] + d[2])

    def phase_start(self, cycle: int, index: int) -> float:
        """Exact start of a phase: a product and a sum, never an accumulated total."""
        return cycle * self.pattern.cycle + self.offsets()[index]

    def phases(self):
        """Every phase with a duration, in order."""
        for c in range(self.cycles):
            for i, name in enumerate(PHASES):
                if self.pattern.durations[i]:
                    yield Phase(c, name, self.phase_start(c, i), self.pattern.durations[i])

    def at(self, elapsed: float) -> Phase | None:
        """The phase under way `elapsed` seconds after the start; None before it or once it is over."""
        if elapsed < 0 or elapsed >= self.total:
            return None
        c = min(int(elapsed // self.pattern.cycle), self.cycles - 1)
        within = elapsed - c * self.pattern.cycle
        for i, name in enumerate(PHASES):
            start, d = self.offsets()[i], self.pattern.durations[i]
            if d and within < start + d:
                return Phase(c, name, self.phase_start(c, i), d)
        return Phase(c, PHASES[-1], self.phase_start(c, 3), self.pattern.durations[3])

    def as_dict(self) -> dict:
        return {"pattern": self.pattern.label, "durations": list(self.pattern.durations),
                "cycle_seconds": self.pattern.cycle, "cycles": self.cycles, "total_seconds": self.total}


def timeline(pattern: Pattern, *, cycles: int | None = None, minutes: float | None = None) -> Timeline:
    """A timeline of whole cycles: `cycles` of them, or as many as fit closest to `minutes`."""
    if cycles is not None and minutes is not None:
        raise InvalidInput(fields={"length": "Choose a number of breaths or a number of minutes, not both."})
    if cycles is None:
        minutes = 5 if minutes is None else minutes
        if not (isinstance(minutes, (int, float)) and 0 < minutes <= MAX_MINUTES):
            raise InvalidInput(fields={"minutes": f"Choose between 1 and {MAX_MINUTES} minutes."})
        cycles = max(1, round(minutes * 60 / pattern.cycle))
    if not (isinstance(cycles, int) and 1 <= cycles <= MAX_CYCLES):
        raise InvalidInput(fields={"cycles": f"Choose between 1 and {MAX_CYCLES} breaths."})
    return Timeline(pattern, cycles)
