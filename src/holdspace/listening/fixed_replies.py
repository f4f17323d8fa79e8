"""The fixed replies: to a greeting, thanks, "thanks for nothing", a brush-off, a question to the listener itself, an apology,
"I don't know", a sigh before anything is told, a bare "yeah" part-way through, a brief "good, thanks", "fine thanks", "not much going on" or "not great" (or, part-way through, a bare "good" or "fine"
about what was being told), and "that's not it". Nothing is reflected in these; each has its own words in responses.toml.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from holdspace.language.text import words
from holdspace.listening.feelings import Feeling
from holdspace.listening.memory import Conversation, Reply
from holdspace.listening.own_words import own_word
from holdspace.listening.signals import (APOLOGY, BARE_OK, ASKS_ADVICE, ASKS_JUDGEMENT, ASSENT, ASKS_MEDICATION, ASKS_WHAT_IT_IS, CORRECTION, DISMISS,
                                         DOING_WELL, DONT_KNOW, DOUBTS_IT, GREETING, NOT_SO_WELL, NOT_HELPING, NOTHING_MUCH, SIGH, THANKS,
                                         looks_english)
from holdspace.listening.templates import fixed, pick, responses

__all__ = ["fixed_reply"]


#: Feelings after which a bare "good" is not read as things having gone well.
_PAINFUL = frozenset({"sadness", "grief", "remorse", "disappointment", "anger", "annoyance", "embarrassment",
                      "disgust", "disapproval"})


def fixed_reply(conversation: Conversation, clean: str, used: list[str]) -> Reply | None:
    """The fixed reply a message calls for, or None when it is to be reflected.

    A correction also adds the feeling it turned down to `conversation.rejected`.
    """
    r = responses()["conversation"]
    if GREETING.match(clean):
        return fixed(r["greeting"], conversation, used)
    if THANKS.match(clean):
        return fixed(r["thanks"], conversation, used)
    flagged = bool(conversation.safety and conversation.safety.flagged)  # then a brief answer is not taken at its word
    if NOT_HELPING.search(clean) and not flagged and len(words(clean)) <= 12:
        # "thanks for nothing, really helpful": the listener has missed; "deeply grateful" would miss again
        return fixed(r["not_helping"], conversation, used)
    last = conversation.turns[-1].reply if conversation.turns else None
    if (DOING_WELL.match(clean) or BARE_OK.match(clean)) and last is not None and last.reflection and last.question \
            and not flagged:
        # "good", answering "what has the pressure of it been like for you?": an answer about what they were telling,
        # not a greeting to start over from ("what's on your mind today?"), nor a brush-off ("no pressure to say more")
        # (an "ok" to "would you tell me more about that?" says yes to it)
        # ("fine" says less than "good": never taken to mean it has been alright, least of all after a loss)
        # ("good" after a painful turn, guilt or grief, says no more than "ok": nothing has felt manageable)
        well = DOING_WELL.match(clean) and not (last.feeling and last.feeling.label in _PAINFUL)
        return fixed(r["assent" if last.question.startswith("Would you") else "going_well" if well
                       else "going_ok"], conversation, used)
    # "ok", "i'm fine", "nah" answering "what's on your mind today?" before anything is told leave nothing behind: no
    # brush-off ("if any of it is still on your mind later"), but a plain start, below
    answers = last is not None and bool(last.question) and not any(t.reply.reflection for t in conversation.turns)
    if DISMISS.match(clean) and (flagged or not answers):
        return fixed(r["dismiss"], conversation, used)
    if (BARE_OK.match(clean) or NOTHING_MUCH.match(clean) or DISMISS.match(clean)) and not (last and last.reflection) \
            and not flagged:
        # "fine thanks", "not much going on", answering "what's on your mind today?": a plain answer, met plainly
        # ("grateful", "you're not much going on" would read far more into it than they put there)
        return fixed(r["plain_start"], conversation, used)
    if SIGH.match(clean) and not flagged and not any(t.reply.reflection for t in conversation.turns):
        # "ugh" before anything is told: "irritated" would be a guess from one word ("meh" and "not great" are below)
        return fixed(r["sigh"], conversation, used, said=clean.strip().rstrip(".!?,")[:20])
    if not any(ch.isalpha() for ch in clean):
        return fixed(r["no_words"], conversation, used, text=clean[:40])
    if not looks_english(clean):
        return fixed(r["other_language"], conversation, used)
    for signal, key in ((ASKS_WHAT_IT_IS, "asks_what_it_is"), (DOUBTS_IT, "doubts_it"),
                        (ASKS_MEDICATION, "asks_medication"), (ASKS_ADVICE, "asks_advice"),
                        (ASKS_JUDGEMENT, "asks_judgement")):
        if signal.search(clean) and len(words(clean)) <= 20:
            return fixed(r[key], conversation, used)
    if APOLOGY.match(clean):
        return fixed(r["apology"], conversation, used)
    if DONT_KNOW.match(clean):
        return fixed(r["dont_know"], conversation, used)
    if ASSENT.match(clean) and not flagged:
        # a first "yeah" assents to nothing said yet: '"yeah" - that says a lot' would make much of nothing
        return fixed(r["assent" if conversation.turns else "first_assent"], conversation, used)
    for signal, key in ((DOING_WELL, "doing_well"), (NOT_SO_WELL, "not_so_well")):
        # "good, thanks", "not great tbh": a brief answer, met briefly ('"good, thanks" - that says a lot' reads too much)
        if signal.match(clean) and not flagged:
            return fixed(r[key], conversation, used)
    if (CORRECTION.search(clean) or _instead(clean)) and conversation.turns:
        return _correction(conversation, clean, used)
    return None


@cache
def _nouns() -> tuple[dict[str, str], dict[str, str]]:
    table = tomllib.loads((Path(__file__).parent / "feelings.toml").read_text(encoding="utf-8"))
    return table["nouns"], table["own"]


_IT = r"(?:it'?s|its|it is|it was|that'?s|thats)"
# A feeling turned down by its name ("it's not fear", "not sadness, more...", "more like shame than fear") and the one
# they give instead ("it's tiredness", "more like shame").
_NOT_NOUN = re.compile(rf"\b{_IT}\s+not\s+(?:really\s+|just\s+|so much\s+)?(\w+)\b|^\W*(?:no\W+)?not\s+(\w+)\b|"
                       r"\bmore\s+(?:like\s+)?\w+\s+than\s+(\w+)\b", re.I)
_IS_NOUN = re.compile(rf"(?:\b{_IT}\s+|\bmore\s+(?:like\s+)?)(?:(?:more|just|actually|really|mostly|like)\s+)*(\w+)\b", re.I)


def _instead(clean: str) -> tuple[str, str | None] | None:
    """("fear", "tiredness") for "no, actually, it's not fear. it's tiredness": the feeling's name turned down, and the
    one given instead (None if none is named); None when no feeling is turned down by its name."""
    nouns, _ = _nouns()
    rejected = next((g.lower() for m in _NOT_NOUN.finditer(clean) for g in m.groups() if g and g.lower() in nouns), None)
    if rejected is None:
        return None
    named = next((g.lower() for m in _IS_NOUN.finditer(clean) for g in m.groups()
                  if g and g.lower() in nouns and g.lower() != rejected), None)
    return rejected, named


def _correction(conversation: Conversation, clean: str, used: list[str]) -> Reply:
    """Step back from the feeling named last (and any they turn down by its name); say their own word back if they
    gave one."""
    r = responses()["conversation"]
    last = conversation.turns[-1].reply.feeling
    instead = _instead(clean)
    nouns, own = _nouns()
    rejected = tuple(dict.fromkeys(([last.label] if last else []) + ([own[nouns[instead[0]]]] if instead else [])))
    conversation.rejected.update(rejected)
    said = pick(r["correction"], conversation, used)["text"]
    theirs = (nouns[instead[1]], own[nouns[instead[1]]]) if instead and instead[1] else own_word(clean)
    if instead and instead[1]:
        # "no, actually, it's not fear. it's tiredness": taken plainly, in their words ("Tiredness, then, not fear")
        said = r["correction_instead"].format(named=instead[1].capitalize(), rejected=instead[0])
    elif theirs and theirs[1] not in conversation.rejected and re.search(rf"\bjust {re.escape(theirs[0])}\b", clean, re.I):
        # "not like that, just tired": taken as they put it, with nothing more made of it
        said = r["correction_just"].format(feeling=theirs[0])
    elif theirs and theirs[1] not in conversation.rejected:
        # "that's not it, I'm angry": they named it themselves, so say their word back
        said += " " + pick(r["correction_named"], conversation, used)["text"].format(feeling=theirs[0])
    # (a feeling they give instead by its name is taken even when its label was turned down before)
    named = bool(theirs) and (bool(instead and instead[1]) or theirs[1] not in conversation.rejected)
    ask = pick(r["correction_named_questions" if named else "correction_questions"], conversation,
               used)["text"].format(feeling=theirs[0] if named else "")
    feeling = Feeling(theirs[0], theirs[1], "theirs") if named else None
    return Reply(f"{said} {ask}", validation=said, question=ask, feeling=feeling, templates=tuple(used),
                 rejected=rejected)
