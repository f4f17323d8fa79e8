"""Guided practices (body scan, 5-4-3-2-1 grounding): timed steps from scripts.toml. Pure."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from holdspace.errors import NotFound

__all__ = ["Script", "Step", "script", "scripts"]


@dataclass(frozen=True)
class Step:
    number: int
    text: str
    start: int  # seconds from the start of the practice
    seconds: int


@dataclass(frozen=True)
class Script:
    key: str
    name: str
    about: str
    steps: tuple[Step, ...]

    @property
    def seconds(self) -> int:
        return sum(s.seconds for s in self.steps)

    @property
    def minutes(self) -> float:
        return round(self.seconds / 60, 1)


@cache
def scripts() -> tuple[Script, ...]:
    data = tomllib.loads(resources.files("holdspace.mindfulness").joinpath("scripts.toml").read_text())
    found = []
    for s in data["script"]:
        start, steps = 0, []
        for number, step in enumerate(s["steps"], start=1):
            steps.append(Step(number, step["text"], start, int(step["seconds"])))
            start += int(step["seconds"])  # whole seconds: the sum is exact
        found.append(Script(s["key"], s["name"], s["about"], tuple(steps)))
    return tuple(found)


def script(key: str) -> Script:
    for s in scripts():
        if s.key == key:
            return s
    raise NotFound()
