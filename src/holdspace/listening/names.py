"""Names a client types in lower case ("my sister jess hasn't spoken to me"), known by who the person is to them, and
given back their capital when said back ("your sister Jess hasn't spoken to you"); days, holidays and the likes of "GP"
likewise."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["names_in", "with_capitals"]

# Who someone is to the client: the word a name most often follows ("my friend sam", "our dog max").
_RELATIONS = ("mum", "mom", "mam", "mother", "dad", "father", "sister", "brother", "son", "daughter", "wife", "husband",
              "partner", "girlfriend", "boyfriend", "gf", "bf", "fiance", "fiancee", "friend", "mate", "bestie", "pal",
              "boss", "manager", "colleague", "coworker", "teacher", "tutor", "cousin", "aunt", "auntie", "uncle", "nan",
              "nana", "nanna", "gran", "granny", "grandma", "grandad", "granddad", "grandpa", "niece", "nephew",
              "flatmate", "roommate", "housemate", "neighbour", "neighbor", "ex", "stepdad", "stepmum", "stepmom",
              "stepson", "stepdaughter", "baby", "dog", "cat", "puppy", "kitten", "therapist", "counsellor", "counselor")
_BEFORE = r"\b(?:my|our|his|her|their|your)\s+(?:(?:best|old|little|big|older|younger|twin|new|late|close|work|uni|school)\s+)?"
_NAMED = re.compile(_BEFORE + r"(?:" + "|".join(_RELATIONS) + r")\s+([a-z]{2,})\b(?!')", re.I)

# Words that follow "my sister" and are no name: what she did or is, and the small words of a sentence. A name that is
# also one of these ("will", "may") stays as typed: a wrong capital reads worse than a missing one.
_NOT_NAMES = frozenset("""
a about after again all already also always am an and any are as at away back be because been before being both but by
can cant can't could couldnt cos did didnt do does doesnt dont down each even ever every for from gets got had has hasnt
have he her here hers him his how i if im in into is isnt it its just last least like lol me more most much must my never
no not now of off on once one only or our out over own rn same she should since so some still such than that the their
them then there these they this those though through to today tomorrow tonight too two under until up us very was wasnt
we were what when where which while who whom why will with wont would yesterday yet you your tbh
actually apparently basically barely finally hardly honestly literally nearly never obviously probably really recently
seriously suddenly totally usually completely constantly clearly
asks blames broke calls came comes cries died does drinks eats expects feels fell forgets forgot found gave gives goes
gone hates hit hits ignores keeps kept knew knows leaves left lets lied lies likes lives looks lost loves made makes met
moves needs owes passed plays put puts ran rang relies said saw says seems sees sent sleeps stays takes tells thinks
told took treats tries used wants went won works yells
birthday car family friends funeral group house job kids children name phone place side wedding work school
anymore alone home lately sometimes anywhere everywhere either enough instead forever properly better worse okay ok well
anyway anyways first later soon yet much
snores smokes shouts swears gambles cheats snaps moans nags complains cooks travels sulks drives texts
""".split()) | frozenset(_RELATIONS)
# What often comes after a name ("jess hasn't", "sam said", "max died"), or nothing at all ("my sister jess.").
_AFTER_A_NAME = frozenset("""
and is was has had hasnt isnt wasnt doesnt didnt wont cant couldnt wouldnt hasn't isn't wasn't doesn't didn't won't can't
couldn't wouldn't who just always never still keeps kept says said thinks wants hates loves needs gets got tells told
will would can could does did came went left lives works texts calls rang passed died
""".split())


def names_in(texts: Iterable[str]) -> set[str]:
    """The lower-case names in the client's messages, each found after who they are to them ("my sister jess")."""
    found: set[str] = set()
    for text in texts:
        for match in _NAMED.finditer(text):
            word = match.group(1)
            if not word.islower() or word in _NOT_NAMES or len(word) > 4 and word.endswith(("ed", "ing")):
                continue
            after = text[match.end():]
            following = re.match(r"\s+([a-z']+)", after.lower())
            if not after.strip() or re.match(r"\s*[,.!?;:)]", after) or following and (
                    following.group(1) in _AFTER_A_NAME or following.group(1).endswith("ed")):
                found.add(word)
    return found


# Words that are always written with capitals, however they were typed ("the gp says", "the funeral is friday"); not
# "may" or "march", which are words of their own too.
_ALWAYS = {word.lower(): word for word in """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February April June July September October November
December Christmas Easter Eid Diwali Hanukkah Ramadan Thanksgiving GP GPs NHS A&E ICU ADHD OCD PTSD CBT GCSE GCSEs
""".split()}
_ALWAYS_PATTERN = re.compile(r"(?<![\w'&])(" + "|".join(map(re.escape, sorted(_ALWAYS, key=len, reverse=True))) + r")(?![\w&])")
# "may" and "march" where only the month fits: after a word of time ("left in march", "since may", "last march") or
# beside a date ("march 3rd", "3 may", "may 2025"); "i may have", "we march every year" stay as they are.
_MONTH_PATTERN = re.compile(r"\b(?:(?:in|since|until|till|by|last|next|this|of|early|mid|late|from|through|before|after|"
                            r"during) (may|march)\b(?! (?:be|have|not|never|well|help|mean|seem|sound|take|make|need|want|"
                            r"go|get|feel|come|also|still|just|even|hurt|work)\b)"
                            r"|(may|march)(?= \d{1,4}(?:st|nd|rd|th)?\b)|\d{1,2}(?:st|nd|rd|th)? (may|march)\b)")


def _month(found: re.Match) -> str:
    month = next(g for g in found.groups() if g)
    start = found.start(found.lastindex) - found.start()
    return found.group(0)[:start] + month.capitalize() + found.group(0)[start + len(month):]


def with_capitals(said: str, names: set[str]) -> str:
    """What the listener says, each name in `names` given its capital, and days, holidays and the likes of "GP" theirs."""
    if not said:
        return said
    said = _ALWAYS_PATTERN.sub(lambda m: _ALWAYS[m.group(1)] if m.group(1).islower() else m.group(1), said)
    said = _MONTH_PATTERN.sub(_month, said)
    if not names:
        return said
    pattern = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, names))) + r")(?![\w])")
    return pattern.sub(lambda m: m.group(1)[0].upper() + m.group(1)[1:], said)
