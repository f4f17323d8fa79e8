"""Surface cues of a therapist utterance and the client's words before it: the hand-made half of the coder's features.

Pure. Each cue is a number between 0 and 1 (or a small count), named, so a trained linear head can
weigh it and the report can show which words set it.
"""

from __future__ import annotations

import math
import re
from functools import cache

from holdspace.language.text import normalize, split_sentences, words

__all__ = ["CUE_NAMES", "content_words", "cue_vector", "last_sentence", "overlap"]

WH = {"what", "how", "why", "when", "where", "who", "which", "whose", "whom", "tell", "describe",
      "explain", "say"}
AUX = {"do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "can", "could", "would",
       "will", "should", "shall", "am", "may", "might", "must", "isn't", "aren't", "don't", "doesn't",
       "didn't", "won't", "wouldn't", "couldn't", "haven't", "hasn't", "any", "anything", "so", "and",
       "or", "you", "it", "that"}
STOP = set("""a an the and or but if then so of to in on at for with from by about as into like than
too very just really also that this these those it its it's i i'm i've i'd me my mine we our you your
you're you've yours he she they them their his her is are was were be been being am do does did
doing have has had having not no yes yeah okay ok um uh uh-huh mm mm-hmm hmm well right oh all any
some what how why when where who which there here can could would will should shall may might must
get got go going know think mean kind sort thing things lot little bit""".split())
BACKCHANNEL = {"mm-hmm", "mm", "hmm", "okay", "ok", "yeah", "yes", "right", "uh-huh", "sure", "alright",
               "great", "good", "wow", "oh", "ah", "i", "see", "gotcha", "exactly", "no", "yep"}
FEELING = set("""afraid alone angry annoyed anxious ashamed bored calm confused depressed desperate
disappointed discouraged down embarrassed excited exhausted frightened frustrated glad guilty happy
helpless hopeful hopeless hurt insecure irritated jealous lonely lost nervous numb overwhelmed panicky
proud relieved resentful sad scared shame stressed stuck tense terrified tired torn trapped uneasy
unhappy upset worried worry worries worrying fear fears anxiety stress guilt sadness anger pain
frustration hurting struggling scary hard difficult tough""".split())
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my)\b", re.I)
_YOU = re.compile(r"\byou(?:'re|'ve|'d|'ll|r)?\b", re.I)
_TAG = re.compile(r"\b(right|isn't it|is that right|don't you|aren't you|correct|yeah)\s*\?\s*$", re.I)

_REFLECT_START = ("so you", "so it", "so,", "it sounds", "sounds like", "it seems", "seems like",
                  "you feel", "you're feeling", "you are feeling", "you're", "you've", "you", "what i'm hearing",
                  "i'm hearing", "in other words", "on the one hand", "so there", "so that")
_INPUT_CUES = ("you might", "you could", "you should", "i recommend", "i'd recommend", "i suggest",
               "i would suggest", "try", "research", "studies", "we know", "it's important", "the way",
               "what we", "some people", "a lot of people", "many people", "one thing", "there are")
_PERMISSION = ("would it be okay", "is it okay if", "can i share", "may i", "would you mind if",
               "would you like to hear", "could i", "can i tell", "would it be all right", "is it all right")
_DOUBLE = ("but", "on the other hand", "at the same time", "and yet", "part of you", "although", "even though")

FILLERS = {"um", "uh", "so", "and", "okay", "ok", "yeah", "well", "now", "then", "alright", "right", "but",
           "mm", "mm-hmm", "hmm", "oh", "i", "see", "just", "great", "good", "wow", "sure", "let's", "like"}
_WH_CLOSED = re.compile(r"\b(how (many|much|long|often|old|far|soon)|what (time|day|gym|kind of|sort of|type of|number)|which (one|day)|on a scale|"
                        r"from (one|1|zero|0) to (ten|10))\b", re.I)


def question_opening(text: str) -> tuple[str, str]:
    """('wh' | 'aux' | '', the question sentence) for the last question in the text, past fillers like "um, so"."""
    sentences = split_sentences(normalize(text))
    asked = [q for q in sentences if "?" in q] or sentences[-1:]
    kind, chosen = "", asked[-1] if asked else ""
    for q in reversed(asked):
        ws = [w.lower() for w in words(q)]
        while ws and ws[0] in FILLERS:
            ws.pop(0)
        first = ws[0].split("'")[0] if ws else ""
        if ws and (first in WH or (first in ("i", "i'm") and "wonder" in ws[:3])
                   or (first in ("can", "could", "would", "will") and ws[1:3] == ["you", "tell"])):
            return "wh", q
        if ws and ws[0] in AUX and not kind:
            kind, chosen = "aux", q
    return kind, chosen


CUE_NAMES = ("has_question_mark", "ends_question_mark", "question_marks", "last_wh", "last_aux",
             "first_wh", "tag_question", "reflect_start", "input_cue", "permission", "double_sided",
             "feeling_word", "first_person", "you_count", "log_words", "sentences", "backchannel_only",
             "overlap_therapist", "overlap_client", "client_empty", "client_question", "log_client_words",
             "question_wh", "question_aux", "wh_closed", "tell_me",
             "next_missing", "next_yes_no", "next_log_words", "next_short", "next_question")


def content_words(text: str) -> set[str]:
    return {w.lower() for w in words(text) if w.lower() not in STOP and len(w) > 2}


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def overlap(response: str, client: str) -> tuple[float, float]:
    """(share of the response's content words that echo the client's, share of the client's words reused)."""
    r = {_stem(w) for w in content_words(response)}
    c = {_stem(w) for w in content_words(client)}
    if not r or not c:
        return 0.0, 0.0
    shared = len(r & c)
    return shared / len(r), shared / len(c)


def last_sentence(text: str) -> str:
    parts = split_sentences(normalize(text))
    # A trailing "Okay?" or "Right?" tags the sentence before it rather than standing alone.
    while len(parts) > 1 and len(words(parts[-1])) <= 1 and not parts[-1].endswith("?"):
        parts.pop()
    return parts[-1] if parts else ""


@cache
def _first(text: str) -> str:
    w = [x for x in words(text.lower()) if x not in FILLERS] or words(text.lower())
    return w[0].split("'")[0] if w else ""


_ANSWER = re.compile(r"^\W*(yes|yeah|yep|yup|no|nope|nah|right|mm-hmm|mhm|uh-huh|exactly|sure|correct|true|"
                     r"definitely|not really|i guess|maybe|okay|ok)\b", re.I)


def cue_vector(text: str, client: str = "", next_client: str | None = None) -> list[float]:
    """The cues of CUE_NAMES, in order, for a therapist utterance, the client's words before it and
    (in a whole transcript) the client's reply right after it; None when there is no reply to read."""
    clean = normalize(text)
    low = clean.lower()
    ws = [w.lower() for w in words(clean)]
    last = last_sentence(clean).lower()
    sentences = split_sentences(clean)
    o_t, o_c = overlap(clean, client)
    cw = words(client)
    opening, _ = question_opening(clean)
    next_words = words(next_client or "")
    return [
        float("?" in clean),
        float(clean.rstrip().endswith("?")),
        min(clean.count("?"), 4) / 4,
        float(_first(last) in WH),
        float(_first(last) in AUX),
        float(_first(clean) in WH),
        float(bool(_TAG.search(clean))),
        float(low.startswith(_REFLECT_START) or last.startswith(_REFLECT_START)),
        float(any(c in low for c in _INPUT_CUES)),
        float(any(c in low for c in _PERMISSION)),
        float(any(f" {c} " in f" {low} " for c in _DOUBLE)),
        float(any(w in FEELING for w in ws)),
        min(len(_FIRST_PERSON.findall(clean)), 5) / 5,
        min(len(_YOU.findall(clean)), 5) / 5,
        math.log1p(len(ws)) / 5,
        min(len(sentences), 6) / 6,
        float(bool(ws) and all(w in BACKCHANNEL for w in ws) and len(ws) <= 4),
        o_t, o_c,
        float(not client.strip()),
        float("?" in client),
        math.log1p(len(cw)) / 5,
        float(opening == "wh"),
        float(opening == "aux"),
        float(bool(_WH_CLOSED.search(clean))),
        float(bool(re.search(r"\b(tell me|say more|talk about|wondering (what|how|about))\b", low))),
        float(not next_client),
        float(bool(next_client) and bool(_ANSWER.match(next_client))),
        math.log1p(len(next_words)) / 5,
        float(0 < len(next_words) <= 3),
        float("?" in (next_client or "")),
    ]
