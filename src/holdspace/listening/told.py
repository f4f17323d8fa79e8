"""Feelings told by what happened rather than named ("my baby took her first steps", "we were meant to go shopping on
saturday" after a death): the phrases of feelings.toml [told], some only in the story that came before them."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from holdspace.listening.feelings import GLAD_LABELS, Feeling
from holdspace.listening.memory import Conversation
from holdspace.listening.naming import story_glad, story_hurts

__all__ = ["told_feeling"]

_TURNS = re.compile(r"\b(?:but|though|except|until)\b")


@cache
def _phrases() -> tuple[tuple[re.Pattern[str], str, str, str], ...]:
    table = tomllib.loads((Path(__file__).parent / "feelings.toml").read_text(encoding="utf-8"))["told"]["phrases"]
    return tuple((re.compile(p["when"]), p["word"], p["label"], p.get("after", "")) for p in table)


def told_feeling(clean: str, conversation: Conversation) -> Feeling | None:
    """The feeling a message tells by what happened, in the story told so far; None when it tells none."""
    lower = clean.lower()
    if _TURNS.search(lower):
        return None
    before = " ".join(t.text for t in conversation.turns[-3:]).lower()
    hurts = story_hurts(conversation)  # "a lovely coffee" the week of a funeral is no plain gladness
    for when, word, label, after in _phrases():
        if not when.search(lower) or hurts and label in GLAD_LABELS:
            continue
        if not after or (story_glad(conversation) if after == "glad" else re.search(after, before)):
            return Feeling(word, label, "moderate")
    return None
