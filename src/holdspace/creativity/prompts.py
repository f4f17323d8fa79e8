"""Our prompt libraries: journal prompts by strategy and feeling, art, music and movement. Pure.

The words live in journal_prompts.toml, art_prompts.toml and music_movement.toml beside this
module; a prompt's key is stable, so an entry written from it can name it later.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from holdspace.errors import NotFound

__all__ = ["Prompt", "art_media", "art_prompts", "feelings", "find", "journal_prompts", "moving_kinds",
           "moving_prompts", "prompt", "strategies", "suggest"]


@dataclass(frozen=True)
class Prompt:
    key: str
    kind: str  # journal, art, music or movement
    text: str
    feelings: tuple[str, ...]
    strategies: tuple[str, ...] = ()  # journal prompts
    media: tuple[str, ...] = ()  # art prompts


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("holdspace.creativity").joinpath(name).read_text())


@cache
def _journal() -> tuple[dict[str, str], dict[str, str], tuple[Prompt, ...]]:
    data = _load("journal_prompts.toml")
    found = tuple(Prompt(p["key"], "journal", p["text"], tuple(p["feelings"]), strategies=tuple(p["strategies"]))
                  for p in data["prompt"])
    return data["feelings"], data["strategies"], found


@cache
def _art() -> tuple[dict[str, str], tuple[Prompt, ...]]:
    data = _load("art_prompts.toml")
    return data["media"], tuple(Prompt(p["key"], "art", p["text"], tuple(p["feelings"]), media=tuple(p["media"]))
                                for p in data["prompt"])


@cache
def _moving() -> tuple[dict[str, str], tuple[Prompt, ...]]:
    data = _load("music_movement.toml")
    return data["kinds"], tuple(Prompt(p["key"], p["kind"], p["text"], tuple(p["feelings"]))
                                for p in data["prompt"])


def feelings() -> dict[str, str]:
    """Feeling key -> the words the picker shows."""
    return _journal()[0]


def strategies() -> dict[str, str]:
    return _journal()[1]


def art_media() -> dict[str, str]:
    return _art()[0]


def moving_kinds() -> dict[str, str]:
    return _moving()[0]


def journal_prompts(*, feeling: str = "", strategy: str = "") -> tuple[Prompt, ...]:
    """Journal prompts that suit this feeling and draw on this strategy (either may be empty)."""
    return tuple(p for p in _journal()[2] if (not feeling or feeling in p.feelings)
                 and (not strategy or strategy in p.strategies))


def art_prompts(*, feeling: str = "", medium: str = "") -> tuple[Prompt, ...]:
    return tuple(p for p in _art()[1] if (not feeling or feeling in p.feelings)
                 and (not medium or medium in p.media))


def moving_prompts(kind: str = "", *, feeling: str = "") -> tuple[Prompt, ...]:
    """Music and movement prompts; `kind` is music or movement, or empty for both."""
    return tuple(p for p in _moving()[1] if (not kind or p.kind == kind)
                 and (not feeling or feeling in p.feelings))


def find(key: str) -> Prompt | None:
    """The prompt with this key in any library, or None."""
    for p in (*_journal()[2], *_art()[1], *_moving()[1]):
        if p.key == key:
            return p
    return None


def prompt(key: str, kind: str | tuple[str, ...] = ("journal", "art", "music", "movement")) -> Prompt:
    """The prompt with this key, of one of these kinds, or NotFound."""
    found = find(key)
    kinds = (kind,) if isinstance(kind, str) else kind
    if found is None or found.kind not in kinds:
        raise NotFound()
    return found


def suggest(choices: tuple[Prompt, ...], *, rng: random.Random | None = None, avoid: str = "") -> Prompt:
    """One prompt to offer gently, at random among the choices, not the one just shown if avoidable."""
    if not choices:
        raise NotFound()
    pool = [p for p in choices if p.key != avoid] or list(choices)
    return (rng or random.Random()).choice(pool)
