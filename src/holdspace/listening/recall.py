"""What the listener brings back from earlier in a conversation: a link to a like message, a short summary."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from holdspace.listening.feelings import GLAD_LABELS, Feeling, at_its_strongest
from holdspace.listening.memory import Conversation
from holdspace.language.text import split_sentences, words
from holdspace.listening.signals import RHETORICAL, SELF_CRITICAL, SELF_HATE
from holdspace.listening.templates import pick, responses

__all__ = ["LINK_SIMILARITY", "LINK_WINDOW", "SUMMARY_EVERY", "link_back", "summary", "summary_due", "weighs_heavily"]

#: A short summary is offered on every Nth message.
SUMMARY_EVERY = 4
#: How alike (cosine) a message must be to an earlier one to link back to it.
LINK_SIMILARITY = 0.55
#: A message of at most this many words is a plain short answer ("fine thanks", "not much"): no point to sum up or link to.
SHORT_ANSWER = 3
#: Only this many recent messages are candidates for a link back (and ever embedded for it).
LINK_WINDOW = 12


def _shorten(said: str) -> str:
    """The first clause of a long reflected piece, for a summary; cut at a word only when it must be."""
    for match in re.finditer(r",\s|\s(?:and|but|because|so(?=\s(?:i|you|he|she|we|they|it|that|there)\b)|when|since|after)\s", said):
        if 4 <= len(said[:match.start()].split()) <= 12:
            return said[:match.start()]
    return " ".join(said.split()[:10]).rstrip(",;:") + "…"


def _alike(a: str, b: str) -> bool:
    """Whether two reflected pieces say nearly the same words (a summary says each once)."""
    x, y = set(a.lower().split()), set(b.lower().split())
    return len(x & y) >= 0.6 * min(len(x), len(y))


def _says_something(turn) -> bool:
    """Whether a message says enough to be brought back: not a plain short answer ("fine thanks", "not much")."""
    return bool(turn.key) and len(turn.key.split()) >= 3 and len(words(turn.text)) > SHORT_ANSWER


def _named(felt: list[Feeling], now: Feeling | None) -> list[str]:
    """The feelings for a summary, in the order they came: one word for each, their own word before ours ("guilty",
    not the "regretful" heard before it), and the last two, keeping the ones they named; the feeling named in this reply
    only when it is their word."""
    theirs = {f.label: f for f in felt if f.intensity == "theirs"}
    kept = list(dict.fromkeys(theirs.get(f.label, f).word for f in felt if not f.word.endswith("about it")
                              and (f is now or now is None or f.word != now.word)))
    named = {f.word for f in theirs.values()}
    while len(kept) > 2:
        kept.remove(next((w for w in kept if w not in named), kept[0]))
    return kept


def link_back(embed: Callable[[list[str]], np.ndarray] | None, conversation: Conversation, clean: str,
              used: list[str]) -> tuple[str, np.ndarray | None]:
    """Link back to an earlier message like this one; embeds only when a link may be made."""
    if embed is None or len(conversation.turns) < 2 \
            or len(conversation.turns) - conversation.last_link < 3 or len(words(clean)) <= SHORT_ANSWER:
        return "", None
    # Earlier messages are embedded here, together, the first time a link is possible.
    candidates = conversation.turns[-LINK_WINDOW:-1]  # not the message just before: that's no link back
    missing = [t for t in candidates if _says_something(t) and t.vector is None]
    vectors = embed([clean] + [t.text for t in missing])
    for turn, v in zip(missing, vectors[1:]):
        turn.vector = v
    vector = vectors[0]
    best, score = None, LINK_SIMILARITY
    for turn in candidates:
        if turn.vector is not None and _says_something(turn) and float(turn.vector @ vector) > score:
            best, score = turn, float(turn.vector @ vector)
    if best is None:
        return "", vector
    conversation.last_link = len(conversation.turns)
    text = pick(responses()["conversation"]["link"], conversation, used)["text"]
    return text.format(earlier=best.key), vector


def weighs_heavily(text: str, feeling: Feeling | None, topic: str | None) -> bool:
    """A death, harsh words about oneself, a question asked of life ("why do I even bother"), or a
    feeling at its strongest ("I'm absolutely terrified"): the reply gets to itself, and so does the
    one after it, with no summary."""
    if topic in ("loss", "workloss") or SELF_CRITICAL.search(text) or SELF_HATE.search(text) \
            or any(RHETORICAL.search(s) for s in split_sentences(text)):
        return True
    if feeling is None:
        return False
    return feeling.label == "grief" or at_its_strongest(feeling, text)


def summary_due(conversation: Conversation) -> bool:
    """A summary is due once SUMMARY_EVERY - 1 messages with content have come since the last one,
    and not in the turn right after a heavy message or a crisis response: "let me check I'm following"
    straight after "I'm so stupid" reads as not having listened. It waits a turn instead."""
    if conversation.turns:
        last = conversation.turns[-1]
        if last.reply.crisis or weighs_heavily(last.text, last.reply.feeling, last.topic):
            return False
    since = 0
    for turn in reversed(conversation.turns):
        if any(t.startswith("m-") for t in turn.reply.templates):
            break
        since += bool(turn.key)
    return since >= SUMMARY_EVERY - 1


def summary(conversation: Conversation, feeling: Feeling | None, used: list[str]) -> str:
    """The last few things said, and the feelings named with them; empty when there are fewer than two."""
    points: list[str] = []
    felt: list[Feeling] = []
    for turn in reversed(conversation.turns):
        if any(t.startswith("m-") for t in turn.reply.templates) or len(points) == SUMMARY_EVERY - 1:
            break
        wondered = any(t.startswith("w-") for t in turn.reply.templates)  # a question reads badly as a point
        if _says_something(turn) and not wondered and not any(_alike(turn.key, p) for p in points):
            tokens = turn.key.split()
            points.insert(0, turn.key if len(tokens) <= 14 else _shorten(turn.key))
        # (a feeling named in a word of its own counts too: "guilty", after "i had a big fight with my mum")
        if turn.reply.feeling and (feeling is None or (turn.reply.feeling.label in GLAD_LABELS) == (feeling.label in GLAD_LABELS)):
            # ("It's left you feeling sad" beside "relieved" now would take back what was just heard)
            felt.insert(0, turn.reply.feeling)
    if len(points) < 2:
        return ""
    joined = ", ".join(points[:-1]) + ", and " + points[-1] if len(points) > 2 else " and ".join(points)
    # (a point cut short ends in "…", never "…." with the template's full stop after it)
    said = pick(responses()["conversation"]["summary"], conversation, used)["text"].format(points=joined).replace("….", "…")
    felt = _named(felt + ([feeling] if feeling is not None and feeling.intensity == "theirs" else []), feeling)
    # "angry and guilty" named once is two feelings: listed once each, "down, angry and guilty"
    felt = list(dict.fromkeys(part for w in felt for part in w.split(" and ")))
    if felt:
        listed = ", ".join(felt[:-1]) + " and " + felt[-1] if len(felt) > 1 else felt[0]
        said += " " + pick(responses()["conversation"]["summary_feelings"], conversation, used)["text"] \
            .format(feelings=listed)
    return said
