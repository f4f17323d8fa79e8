"""Feelings told by what happened rather than named ("my baby took her first steps", "we were meant to go shopping on
saturday" after a death): the phrases of told.toml, some only in the story that came before them. A phrase
with no word names no feeling; its label may then be a group of responses to meet it with ("coping")."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from holdspace.listening.feelings import GLAD_LABELS, Feeling
from holdspace.listening.memory import Conversation
from holdspace.listening.naming import story_glad, story_hurts
from holdspace.listening.own_words import own_words

__all__ = ["told_feeling"]

_TURNS = re.compile(r"\b(?:but|though|except|until)\b")


# The phrases, in the order they are tried: told.toml, then the everyday troubles of told_daily.toml.
_FILES = ("told.toml", "told_daily.toml")


@cache
def _phrases() -> tuple[dict, ...]:
    table = [p for name in _FILES
             for p in tomllib.loads((Path(__file__).parent / name).read_text(encoding="utf-8"))["told"]["phrases"]]
    return tuple({**p, "when": re.compile(p["when"])} for p in table)


def told_feeling(clean: str, conversation: Conversation) -> Feeling | None:
    """The feeling a message tells by what happened, in the story told so far; None when it tells none."""
    lower = clean.lower()
    turns = bool(_TURNS.search(lower))  # ("fine i guess but...": only a phrase told with its turn, `turns`, still holds)
    before = " ".join(t.text for t in conversation.turns[-3:]).lower()
    hurts = story_hurts(conversation)  # "a lovely coffee" the week of a funeral is no plain gladness
    for p in _phrases():
        if turns and not p.get("turns") or not p["when"].search(lower) or hurts and p["label"] in GLAD_LABELS \
                or p.get("yields") and own_words(clean):
            continue
        after = p.get("after", "")
        if not after or (story_glad(conversation) if after == "glad" else re.search(after, before)):
            return Feeling(p["word"], p["label"], p.get("intensity", "moderate"))
    return None
