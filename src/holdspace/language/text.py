"""Text clean-up and sentence splitting: the first step of every language feature."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_CHARS", "clip", "is_readable", "normalize", "split_sentences", "words"]

#: Longer texts are cut here before any model sees them; the model reads 256 tokens at most,
#: and tokenizing a megabyte only to throw most of it away would make one line slow.
MAX_CHARS = 4000

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": " - ", "\u2026": "..."})
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")
# The ASCII control characters _keep drops (tab and line break stay).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*", re.UNICODE)

# Abbreviations that end in a full stop without ending a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "approx", "jr",
                  "sr", "no", "mt", "ft", "a.m", "p.m", "u.s", "u.k"}
_SENTENCE_END = re.compile(r"""([.!?]+|\.\.\.)(["')\]]*)(\s+|$)|\n+""")


def _keep(ch: str) -> bool:
    if ch in "\n\t":
        return True
    category = unicodedata.category(ch)
    # Control, unassigned, private-use and surrogate code points carry no words: they are what
    # binary junk decodes to. Format characters go too, except the joiners that build emoji.
    if category in ("Cc", "Cn", "Co", "Cs"):
        return False
    if category == "Cf":
        return ch in "\u200d\ufe0f"
    return ch != "\ufffd"


def normalize(text: str) -> str:
    """Return the text as NFKC with plain quotes, no control characters and tidy whitespace."""
    if text.isascii():  # most text: NFKC leaves it as it is, and only ASCII controls can go
        text = _ASCII_CONTROL.sub(" ", text.translate(_QUOTES))
    else:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
        text = "".join(ch if _keep(ch) else " " for ch in text)
    text = _SPACES.sub(" ", text.replace("\t", " "))
    return _BLANK_LINES.sub("\n", text).strip()


def clip(text: str, limit: int = MAX_CHARS) -> str:
    """Cut a long text to about `limit` characters, at a word boundary where one is near."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit - 200, limit)
    return text[: cut if cut > 0 else limit]


def is_readable(text: str) -> bool:
    """Whether the text holds anything a reader could take in: a letter, digit or symbol."""
    return any(unicodedata.category(ch)[0] in "LNS" for ch in text)


def words(text: str) -> list[str]:
    """Return the words of a text (letters, with inner apostrophes and hyphens), in order."""
    return _WORD.findall(text)


def split_sentences(text: str) -> list[str]:
    """Split normalised text into sentences at ., !, ?, ... and line breaks, minding abbreviations."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group(1) == ".":
            before = text[start:match.start()].rsplit(None, 1)
            last = before[-1].lower() if before else ""
            # "Dr. Smith", "e.g. this" and initials are not ends ("3.5" never matches).
            if last.rstrip(".") in _ABBREVIATIONS or (len(last) == 1 and last.isalpha() and last != "i"):
                continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
