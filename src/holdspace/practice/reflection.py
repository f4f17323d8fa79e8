"""How well a reflection captures what the client said and felt: a 0–1 score, its parts, and a rewrite hint.

Pure. The score adds up what a supervisor listens for: the client's content carried over (their
words, or close meaning when sentence vectors are given), a feeling named, the form of a
reflection (a statement about "you", not a question, advice or a verdict) and enough length to say
something. PAIR (Min et al. 2022) is used only to check that expert reflections outscore weak
ones (benchmarks/reflection_quality.py); the weights were set by hand.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from holdspace.language.text import normalize, split_sentences, words
from holdspace.practice.coding import roadblocks_in
from holdspace.practice.cues import FEELING, overlap

__all__ = ["Quality", "rewrite_question", "score_reflection"]

_REFLECTIVE_START = re.compile(
    r"^(?:so,? |and |but |it sounds like |sounds like |it seems (?:like )?|seems like |it's like |"
    r"what i'?m hearing is |i'?m hearing |if i understand,? |on the one hand,? |sometimes |right now |"
    r"part of you |for you,? )?(?:you|your|you're|you've|you'd|you'll)\b", re.I)
_ADVICE = re.compile(
    r"\b(?:you (?:should|ought to|need to|have to|must|can|could|might want to|may want to)|try(?: to)?|"
    r"have you (?:tried|considered|thought about)|why don'?t you|make sure|how about|i (?:suggest|recommend)|"
    r"(?:it|that) (?:would|might|could) help)\b", re.I)
# Arguing, persuading or correcting: the righting reflex, not a reflection.
_PERSUADE = re.compile(
    r"\b(?:don'?t you think|you (?:can'?t|cannot|just contradicted)|(?:will|would) not (?:make|help)|"
    r"won'?t (?:make|help|solve)|isn'?t (?:kind|good|healthy|right|fair)|not healthy|doesn'?t mean|"
    r"let'?s (?:not|just|look|try)|people will|you might consider|consider (?:getting|trying|finding)|"
    r"the best thing is|(?:it'?s|is) (?:more|really|so|very) important|to me,|you (?:are|'re) not an?\b[^.]*\bbut\b|is a talent|it'?s important (?:to|that))\b", re.I)
_SELF_START = re.compile(r"^(?:i|i'?ve|i'?m|i'?d|my|we|absolutely i)\b(?! (?:hear|wonder|'m hearing|am hearing))", re.I)
_IMPERATIVE = re.compile(r"^(?:just |please )?(?:stop|quit|go|call|tell|get|take|make|try|invest|eat|buy|"
                         r"find|talk|look|be|don'?t|do not|never|keep|start|think|remember|consider|use|calm|"
                         r"continue|relax|cut|give|ask|avoid|count)\b", re.I)
_FEELING_PHRASE = re.compile(r"\b(?:feel|feeling|felt|frustrat\w*|worr\w*|afraid|scared|unhappy|"
                             r"overwhelm\w*|torn|stuck|hopeless|ashamed|guilt\w*|angry|sad|lonely|"
                             r"anxious|upset|hurt|tired|exhausted|relie\w*|proud|disappoint\w*|"
                             r"discourag\w*|desperate|fed up|worn out|tired of|sick of|hard|difficult|tough|lonely|alone)\b", re.I)


@dataclass(frozen=True)
class Quality:
    score: float             # 0 (misses the client) to 1 (captures content and feeling)
    content: float           # 0–1: how much of the client's content it carries
    feeling: bool            # names or points at a feeling
    form: float              # 0–1: reads as a reflection rather than a question, advice or verdict
    notes: tuple[str, ...]   # what would make it stronger, in plain words
    suggestion: str = ""     # a rewrite, when one can be made from its own words

    @property
    def band(self) -> str:
        return "strong" if self.score >= 0.6 else "fair" if self.score >= 0.4 else "weak"

    def as_dict(self) -> dict:
        return {**asdict(self), "band": self.band}


def _swap_why(question: str) -> str:
    q = question.strip()
    replacements = ((r"^why did you\b", "What led you to"), (r"^why do you\b", "What makes you"),
                    (r"^why are you\b", "What's making you"), (r"^why were you\b", "What was happening that you were"),
                    (r"^why didn'?t you\b", "What got in the way of"), (r"^why don'?t you\b", "What gets in the way of"),
                    (r"^why would you\b", "What would make you"),
                    (r"^why (?:is|was) (?:that|it|this)\W*$", "What do you think led to that?"),
                    (r"^why is\b", "What makes"), (r"^why was\b", "What made"),
                    (r"^why did (it|that|this)\b", r"What made \1"), (r"^why does (it|that|this)\b", r"What makes \1"),
                    (r"^why not\b", "What stops you from trying"))
    for pattern, repl in replacements:
        if re.match(pattern, q, re.I):
            out = re.sub(pattern, repl, q, count=1, flags=re.I)
            if repl == "What got in the way of" or repl == "What gets in the way of":
                out = re.sub(r"(of )(?:(?:just|simply|really|actually|even|ever|at least|only) )*(\w+)",
                             lambda m: m.group(1) + _ing(m.group(2)), out, count=1)
            return out
    return "What do you think is behind that?"  # a plain "what" in place of "why" is rarely English


def _ing(verb: str) -> str:
    v = verb.lower()
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", v):  # get, stop, put, run: one short vowel, then double
        return verb + verb[-1] + "ing"
    if v.endswith("ie"):
        return verb[:-2] + "ying"
    if v.endswith("e") and not v.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


_CLOSED = re.compile(r"^(do|does|did|are|is|was|were|have|has|had|can|could|would|will|should)\s+(you|it|that|this|he|she|they)\b\s*(.*?)\??$", re.I)


def rewrite_question(question: str) -> str:
    """A closed question made open, or a 'why' made a 'what'; '' when it's already open.

    Of several sentences, the first question that can be turned is; stutters ("W-why") are read through.
    """
    text = re.sub(r"\b(\w{1,4})-(?=\1)", "", normalize(question).strip(), flags=re.I)
    asked = [s.strip() for s in split_sentences(text) if s.strip().endswith("?")]
    for q in asked or [text]:
        turned = _rewrite_one(q)
        if turned:
            return turned
    return ""


def _rewrite_one(q: str) -> str:
    if re.match(r"^why\b", q, re.I):
        return _swap_why(q)
    m = _CLOSED.match(q)
    if not m:
        return ""
    aux, subject, rest = m.group(1).lower(), m.group(2).lower(), m.group(3).rstrip(" ?")
    if subject == "you":
        if not rest:
            return "What's that like for you?"
        if aux in ("do", "does"):
            return f"Tell me more about how you {rest}."
        if aux == "did":
            return f"What was it like to {rest}?"
        if aux in ("are", "were"):
            return f"Tell me more about being {rest}."
        if aux in ("have", "has"):
            return f"Tell me about how you've {rest}."
        if aux in ("can", "could", "would", "will", "should"):
            return f"What would help you {rest}?"
    return "What's that like for you?"


def score_reflection(client: str, reflection: str, similarity: float | None = None) -> Quality:
    """Score how well `reflection` captures `client`; `similarity` is their sentence-vector cosine, if known."""
    client, reflection = normalize(client), normalize(reflection)
    ws = words(reflection)
    notes: list[str] = []
    _, reused = overlap(reflection, client)
    share, _ = overlap(reflection, client)
    content = min(1.0, 0.6 * min(1.0, reused * 2.5) + 0.4 * share)
    if similarity is not None:
        content = 0.5 * content + 0.5 * max(0.0, min(1.0, (similarity - 0.2) / 0.5))
    feeling = bool(_FEELING_PHRASE.search(reflection)) or any(w.lower() in FEELING for w in ws)
    sentences = split_sentences(reflection) or [reflection]
    form = 1.0
    questions = [s for s in sentences if s.rstrip().endswith("?")]
    if questions:
        form -= 0.5 * len(questions) / len(sentences)
        notes.append("It's a question; a reflection says back what you heard, as a statement.")
        if any(re.match(r"^\W*why\b", q, re.I) for q in questions):
            form -= 0.2
            notes.append("“Why” can sound like a demand to justify; “what” invites the story.")
    if not _REFLECTIVE_START.match(sentences[0]) and not re.search(r"\byou(r|'re|'ve)?\b", reflection, re.I):
        form -= 0.25
        notes.append("It isn't about the client: start from “you”, or “It sounds like you…”.")
    if _ADVICE.search(reflection) or any(_IMPERATIVE.match(s) for s in sentences):
        form -= 0.45
        notes.append("It gives advice; first show you've understood, and offer ideas later, with permission.")
    if _PERSUADE.search(reflection):
        form -= 0.3
        notes.append("It argues or persuades; a reflection follows the client's view rather than correcting it.")
    if _SELF_START.match(sentences[0]):
        form -= 0.15
        notes.append("It starts from you rather than the client; lead with what they said.")
    blocks = roadblocks_in(reflection)
    if blocks:
        form -= 0.35
        notes.append(f"It has a roadblock ({blocks[0].name.lower()}: “{blocks[0].words}”).")
    form = max(0.0, form)
    length = min(1.0, math.log1p(len(ws)) / math.log1p(18))
    if len(ws) < 4:
        notes.append("It's very short; say back the heart of what they told you.")
    if content < 0.25:
        notes.append("It doesn't carry what the client talked about; use their words for the main thing.")
    if not feeling:
        notes.append("Name the feeling you hear (worried, torn, fed up…) to make it a complex reflection.")
    score = 0.35 * content + 0.15 * feeling + 0.35 * form + 0.15 * length
    if questions and len(questions) == len(sentences):
        score = min(score, 0.45)  # a question alone can be a fine question, never a strong reflection
    suggestion = ""
    for s in questions:
        suggestion = rewrite_question(s)
        if suggestion:
            break
    return Quality(round(score, 3), round(content, 3), feeling, round(form, 3), tuple(notes), suggestion)
