"""Words said with an edge ("oh great, another wonderful monday"): said back without the gushing words, so the reflection
tells what happened and never says the sarcasm in the listener's own voice as if it were meant.

Which messages have an edge is told.toml's "wry" phrases; the edge itself is heard by the validation ("I can hear that
it doesn't sit easy with you"). Where the gush is the sentence itself ("i just love coming home to an empty house"),
nothing plain is left to say back, so their words are quoted: in quotes they stay theirs, edge and all.
"""

from __future__ import annotations

import re

from holdspace.language.emotions import Emotions
from holdspace.language.text import words
from holdspace.listening.memory import Conversation
from holdspace.listening.pronouns import mend_apostrophes
from holdspace.listening.reflecting import reflect
from holdspace.listening.templates import pick, responses
from holdspace.listening.told import told_feeling

__all__ = ["reflect_without_the_edge", "said_with_an_edge", "without_the_edge"]

_GUSH = r"(?:great|joy|brilliant|perfect|wonderful|fantastic|lovely|awesome|amazing|yay|super|marvell?ous|fab|cool|sure)"
# The exclamation it opens with ("oh great,", "wonderful.", "great, just great.", "cool cool cool").
_OPENING = re.compile(rf"^\W*(?:(?:oh|ah|well|yeah)\W+)?{_GUSH}(?:\W+(?:just\s+)?{_GUSH})*(?:\W+|$)", re.I)
_JUST_WHAT = re.compile(r"\bjust what i (?:needed|wanted)(?: today| right now| this week)?\b\W*", re.I)
# What it closes with ("love that", "love that for me", "my favourite").
_CLOSING = re.compile(r"(?:^|\W+)(?:(?:i |just |gotta |got to )?(?:love|loving|luv) (?:that|this|it)(?: for me)?|"
                      r"my fav(?:ou?rite|e)|yay|great|perfect|lovely|brilliant)\W*(?:lol|lmao|haha)?\W*$", re.I)
# Gushing words before what happened ("another wonderful monday", "a lovely family dinner").
_GUSHING = re.compile(r"\b((?:another|more|a|the|my|this|what a|such a)\s+)(?:(?:lovely|wonderful|fantastic|brilliant|"
                      r"perfect|amazing|great|fun|delightful|glorious|fabulous|marvell?ous)\s+)+", re.I)
# Gush still there once the rest is taken out ("being ignored all day is SO much fun"): quoted instead.
_STILL_GUSHING = re.compile(r"\b(?:love|loving|luv|adore|fun|the best|a joy|a treat|fav(?:ou?rite|e)|wonderful|lovely|"
                            r"fantastic|brilliant|amazing|perfect|great|it'?s fine|its fine)\b", re.I)


def said_with_an_edge(clean: str, conversation: Conversation) -> bool:
    """Whether a message says the opposite of what its words do (told.toml "wry")."""
    said = told_feeling(clean, conversation)
    return said is not None and said.label == "wry"


def without_the_edge(sentence: str) -> str:
    """A sentence with its gushing words taken out: "oh great, another wonderful monday" -> "another monday"."""
    plain = _JUST_WHAT.sub("", _OPENING.sub("", sentence))
    plain = _GUSHING.sub(lambda m: m.group(1), _CLOSING.sub("", plain))
    return plain.strip(" ,;:-")


def reflect_without_the_edge(clean: str, sentences: list[str], per_sentence: list[Emotions],
                             conversation: Conversation, used: list[str]) -> tuple[str, str]:
    """The reflection of a message said with an edge, and its key: what happened, plainly; else their words quoted."""
    kept = [(plain, found) for sentence, found in zip(sentences, per_sentence)
            if words(plain := without_the_edge(sentence))]
    if kept and not any(_STILL_GUSHING.search(plain) for plain, _ in kept):
        plain = " ".join(p if p.endswith((".", "!", "?")) else p + "." for p, _ in kept)
        reflection, key = reflect(plain, [p for p, _ in kept], [f for _, f in kept], conversation, used, quote=False)
        if reflection:
            return reflection, key
    # quoted, it stays theirs; no key, so no summary later says the gush back as what they told
    fitting = [t for t in responses()["reflection"]["short"] if not t.get("one_word") and not t.get("bare")]
    return pick(fitting, conversation, used)["text"].format(content=mend_apostrophes(clean.rstrip(".!?, "))), ""
