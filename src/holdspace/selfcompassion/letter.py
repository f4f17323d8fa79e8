"""The letter to yourself as to a friend: its steps (letter.toml) and checking what is written. Pure.

A letter is a draft until the client finishes it. A draft keeps whatever was typed, within a
generous bound, so nothing is ever lost to a limit; finishing asks for the letter itself and
holds each part to the usual limits, with a kind word for what is too long.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from holdspace.errors import InvalidInput

__all__ = ["DRAFT_LIMIT", "FIELDS", "LETTER_LIMIT", "NOTE_LIMIT", "Step", "check_draft", "check_finished",
           "intro", "read_back", "step", "steps"]

NOTE_LIMIT = 5000      # each note from the earlier steps
LETTER_LIMIT = 20000   # the letter itself
DRAFT_LIMIT = 100_000  # what a draft keeps while it is too long to finish: nothing typed is refused below this


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: str
    prompt: str
    label: str
    hint: str

    @property
    def limit(self) -> int:
        return LETTER_LIMIT if self.key == "letter" else NOTE_LIMIT


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("holdspace.selfcompassion").joinpath("letter.toml").read_text())


@cache
def steps() -> tuple[Step, ...]:
    return tuple(Step(n, s["key"], s["title"], s["prompt"], s["label"], s["hint"])
                 for n, s in enumerate(_data()["step"], start=1))


FIELDS: tuple[str, ...] = tuple(s.key for s in steps())


def step(number: int) -> Step:
    if not 1 <= number <= len(steps()):
        raise InvalidInput(f"The letter has steps 1 to {len(steps())}.")
    return steps()[number - 1]


def intro() -> str:
    return _data()["intro"]


def read_back() -> dict:
    return dict(_data()["read_back"])


def _clean(value: object) -> str:
    return str(value or "").replace("\r\n", "\n").strip()


def too_long(s: Step, text: str) -> str | None:
    """A kind word when this step's text is longer than it can be kept in a finished letter."""
    if len(text) <= s.limit:
        return None
    what = "Your letter" if s.key == "letter" else "This note"
    return (f"{what} can hold up to {s.limit:,} characters; this has {len(text):,}. "
            "It is kept in your draft, so nothing is lost: shorten it whenever you're ready.")


def check_draft(fields: dict[str, object]) -> dict[str, str]:
    """The draft's texts for the given steps, cleaned. Refuses only the absurdly long."""
    body, problems = {}, {}
    for key, value in fields.items():
        if key not in FIELDS:
            continue
        text = _clean(value)
        if len(text) > DRAFT_LIMIT:
            problems[key] = (f"This is {len(text):,} characters, more than a draft can keep "
                             f"({DRAFT_LIMIT:,}). Your text is still in the box: perhaps keep part of it elsewhere.")
        body[key] = text
    if problems:
        raise InvalidInput(fields=problems)
    return body


def check_finished(body: dict[str, str]) -> None:
    """Raise InvalidInput saying what stops this draft from being finished, if anything does."""
    problems = {}
    for s in steps():
        text = body.get(s.key, "")
        if s.key == "letter" and not text:
            problems[s.key] = "The letter is still empty. A few kind lines are enough."
        elif (message := too_long(s, text)) is not None:
            problems[s.key] = message
    if problems:
        raise InvalidInput(fields=problems)
