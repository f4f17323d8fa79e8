"""What every match of a rules pattern must contain, so that the rules skip the patterns a text cannot match.

The rules run about 480 patterns over every text, and a text matches a handful; running each one was most of the
rules layer's time. `needles(pattern)` reads the pattern's structure and gives literal strings one of which is in
every match it can make ("i'm ending my life" or "i'm taking my life", and so on). `keys` cuts them to their first
`KEY_LENGTH` characters and `grams` gives every piece of 3 to `KEY_LENGTH` characters of a text: a pattern whose
keys are not among a text's grams cannot match it, and is not run. This only skips work: a pattern it cannot
read (a case-blind group, a back-reference) gets no needles and always runs, and what the rules find is the same.
"""

from __future__ import annotations

import re
try:  # the regular expression parser Python itself compiles with (private: if a Python lacks it, every pattern runs)
    from re import _constants as C
    from re import _parser
except ImportError:  # pragma: no cover - present in CPython 3.11 to 3.14
    C = _parser = None

__all__ = ["KEY_LENGTH", "grams", "keys", "needles"]

#: Needles are compared by their first characters, at most this many (and never fewer than 3).
KEY_LENGTH = 5
#: A set of strings a part of a pattern matches exactly is given up (kept only as needles) past this size.
_EXACT_LIMIT = 64

_Strings = set[str] | None


class _Unreadable(Exception):
    """A construct whose matches this module does not work out; the pattern then always runs."""


def _strength(strings: _Strings) -> tuple[int, int]:
    """How much a set of needles narrows things: longest shortest needle first, then fewest needles."""
    if not strings:
        return (-1, 0)
    return (min(len(s) for s in strings), -len(strings))


def _sequence(items) -> tuple[_Strings, _Strings]:
    """(every string the sequence matches, or None; needles one of which each match contains, or None)."""
    run: set[str] = {""}  # the strings the current run of exactly known items matches
    candidates: list[_Strings] = []
    whole = True
    for op, av in items:
        exact, needed = _node(op, av)
        if exact is not None and len(run) * len(exact) <= _EXACT_LIMIT:
            run = {a + b for a in run for b in exact}
            continue
        whole = False
        candidates.append(run)  # each match holds the run's text, one of these strings
        if exact is not None:
            run = set(exact)
        else:
            run = {""}
            candidates.append(needed)
    if whole:
        return run, run
    candidates.append(run)
    return None, max(candidates, key=_strength)


def _node(op, av) -> tuple[_Strings, _Strings]:
    if op is C.LITERAL:
        return {chr(av)}, {chr(av)}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: a match holds nothing of it
        return {""}, None
    if op is C.IN:
        if any(kind is not C.LITERAL for kind, _ in av):  # a range, a class like \w, a negation
            return None, None
        chars = {chr(code) for _, code in av}
        return chars, chars
    if op in (C.NOT_LITERAL, C.ANY, C.CATEGORY):
        return None, None
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, pattern = av
        if add_flags or del_flags:
            raise _Unreadable("a group with its own flags")
        return _sequence(pattern.data)
    if op is C.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is C.BRANCH:
        parts = [_sequence(branch.data) for branch in av[1]]
        if all(exact is not None for exact, _ in parts):
            union = set().union(*(exact for exact, _ in parts))
            if len(union) <= _EXACT_LIMIT:
                return union, union
        needed = [n if n is not None else exact for exact, n in parts]
        if any(n is None for n in needed):
            return None, None
        return None, set().union(*needed)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, pattern = av
        exact, needed = _sequence(pattern.data)
        if low == 0:
            return (exact | {""}, None) if high == 1 and exact is not None else (None, None)
        if low == high == 1:
            return exact, needed
        return None, needed if needed is not None else exact
    raise _Unreadable(str(op))


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of 3 characters or more, one of which every match of `pattern` contains; None if none are known."""
    if _parser is None or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        _, needed = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    except _Unreadable:
        return None
    if not needed or any(len(s) < 3 for s in needed):
        return None
    return frozenset(needed)


def keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The needles cut to `KEY_LENGTH` characters: a text whose `grams` hold none of them cannot match `pattern`."""
    found = needles(pattern)
    return None if found is None else frozenset(s[:KEY_LENGTH] for s in found)


def grams(text: str) -> frozenset[str]:
    """Every piece of `text` 3 to `KEY_LENGTH` characters long."""
    return frozenset(text[i:i + n] for n in range(3, KEY_LENGTH + 1) for i in range(len(text) - n + 1))
