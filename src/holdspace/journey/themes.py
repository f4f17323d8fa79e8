"""Themes in what a client shares: which of a fixed list of themes their entries touch, and how often.

Pure and deliberately simple: whole-word matches against `themes.toml`, counted per entry, so a
therapist sees "work (4 of 9 entries)" and can ask about it. No text is quoted or stored.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Theme", "themes_in"]

_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Theme:
    name: str
    entries: int  # how many entries mention it
    of: int  # out of how many


@cache
def _themes() -> tuple[tuple[str, frozenset[str]], ...]:
    data = tomllib.loads(resources.files("holdspace.journey").joinpath("themes.toml").read_text())
    return tuple((t["name"], frozenset(t["words"])) for t in data["theme"])


def themes_in(texts: list[str], *, limit: int = 6) -> list[Theme]:
    """The themes mentioned by at least two entries (or one, when there are few), most frequent first."""
    texts = [t for t in texts if t and t.strip()]
    counts: dict[str, int] = {}
    for text in texts:
        found = set(_WORD.findall(text.lower().replace("’", "'")))
        for name, words in _themes():
            if found & words:
                counts[name] = counts.get(name, 0) + 1
    least = 1 if len(texts) < 4 else 2
    order = [name for name, _ in _themes()]
    ranked = sorted((n for n, c in counts.items() if c >= least), key=lambda n: (-counts[n], order.index(n)))
    return [Theme(n, counts[n], len(texts)) for n in ranked[:limit]]
