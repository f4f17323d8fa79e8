"""Normalised text for the risk rules, keeping a map back to the writer's own characters.

Rules match on a plain lower-case form (slang spelled out, emoji named, whitespace collapsed);
every character of that form remembers which character of the original it came from, so a
match can be shown to a person as the words they actually wrote.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_APOSTROPHES = dict.fromkeys(map(ord, "‘’ʼ`´′"), "'") | dict.fromkeys(map(ord, "“”„‟″«»"), '"')
_DROP_CATEGORIES = {"Mn", "Me", "Cf", "Cc", "Cs", "Co", "Cn"}
_REPEATS = re.compile(r"([a-z])\1{2,}")
_WORD = re.compile(r"[a-z0-9](?:[a-z0-9']*[a-z0-9])?")


@dataclass(frozen=True)
class Text:
    """Normalised text and, for each of its characters, the index of the original character."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original text."""
        if start >= end or not self.origin:
            return (0, 0)
        return (self.origin[start], self.origin[end - 1] + 1)


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, str]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    emoji: dict[str, str]


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("holdspace.safety").joinpath("lexicon.toml").read_text("utf-8"))
    phrases = tuple((re.compile(pattern), replacement) for pattern, replacement in raw["phrases"]["list"])
    return Lexicon(dict(raw["words"]), phrases, dict(raw["emoji"]))


def _substitute(text: str, origin: list[int], pattern: re.Pattern[str], replace) -> tuple[str, list[int]]:
    """Replace each match of `pattern`; replacement characters map to the matched span."""
    pieces: list[str] = []
    out_origin: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        new = replace(match)
        if new is None or new == match.group(0):
            continue
        start, end = match.span()
        pieces.append(text[last:start])
        out_origin.extend(origin[last:start])
        if new:
            first, final = origin[start], origin[end - 1] if end > start else origin[start]
            pieces.append(new)
            out_origin.extend([first] * (len(new) - 1))
            out_origin.append(final)
        last = end
    if last == 0:
        return text, origin
    pieces.append(text[last:])
    out_origin.extend(origin[last:])
    return "".join(pieces), out_origin


def normalise(raw: str) -> Text:
    """Lower-case, spell out slang and emoji, collapse whitespace; keep the map to `raw`."""
    lex = lexicon()
    chars: list[str] = []
    origin: list[int] = []
    space_pending = ""
    for i, ch in enumerate(raw):
        if ch in lex.emoji:
            word = lex.emoji[ch]
            if chars and chars[-1] not in " \n":
                chars.append(" ")
                origin.append(i)
            space_pending = ""
            for w in word + " ":
                chars.append(w)
                origin.append(i)
            continue
        if ch.isspace():
            # A line break separates thoughts; any other run of spaces is one space.
            space_pending = "\n" if ch in "\n\r\u2028\u2029" or space_pending == "\n" else " "
            continue
        ch = ch.translate(_APOSTROPHES)
        if unicodedata.category(ch) in _DROP_CATEGORIES:
            continue
        folded = unicodedata.normalize("NFKC", ch).lower() if not ch.isascii() else ch.lower()
        if not folded:
            continue
        if space_pending:
            if chars and chars[-1] not in " \n":
                chars.append(space_pending)
                origin.append(i - 1)
            space_pending = ""
        for f in folded:
            chars.append(f)
            origin.append(i)
    text, origin = _substitute("".join(chars), origin, _REPEATS, lambda m: m.group(1) * 2)
    text, origin = _substitute(text, origin, _WORD, lambda m: lex.words.get(m.group(0)))
    for pattern, replacement in lex.phrases:
        text, origin = _substitute(text, origin, pattern, lambda m, r=replacement: r)
    return Text(text, tuple(origin), len(raw))
