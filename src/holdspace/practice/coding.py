"""Code each therapist utterance: a behaviour, a fine code, any roadblocks, and the words behind each.

Pure. Four linear heads trained on AnnoMI (training/coding.py) read the utterance's MiniLM vector
and its surface cues, with the client's previous words as context: behaviour (question,
reflection, therapist_input, other), open or closed, simple or complex, and the kind of input.
Codes AnnoMI doesn't mark — affirmation, self-disclosure, autonomy, permission, summaries and the
roadblocks — come from the phrases in codes.toml. Because each head is linear over a mean of token
states, its score splits into one share per word; the words with the largest share for the chosen
code over the runner-up are its evidence.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.embedding import DIMENSION
from holdspace.language.heads import read_head
from holdspace.language.text import normalize, split_sentences, words
from holdspace.practice.cues import CUE_NAMES, content_words
from holdspace.practice.features import Features, extract

__all__ = ["BEHAVIOURS", "CODES", "Coded", "Roadblock", "code_utterances", "code_info", "roadblocks_in"]

HERE = Path(__file__).parent
BEHAVIOURS = ("question", "reflection", "therapist_input", "other")


@cache
def _data() -> dict:
    with (HERE / "codes.toml").open("rb") as f:
        return tomllib.load(f)


def code_info(code: str) -> dict:
    """The name and meaning of a fine code (from codes.toml)."""
    return _data()["codes"][code]


CODES = ("open_question", "closed_question", "simple_reflection", "complex_reflection", "summary",
         "affirmation", "self_disclosure", "information", "advice_with_permission",
         "advice_without_permission", "emphasising_autonomy", "goal_setting", "other")


@cache
def _patterns() -> dict[str, re.Pattern]:
    """One pattern per kind: its phrases as alternatives, so a search finds the leftmost phrase
    (the first listed where two start at the same place) in one pass."""
    def joined(phrases: list[str]) -> re.Pattern:
        return re.compile("|".join(rf"(?:^|\b)(?:{p})" for p in phrases), re.I)

    markers = {k: joined(v) for k, v in _data()["markers"].items()}
    for key, block in _data()["roadblocks"].items():
        markers[f"roadblock:{key}"] = joined(block["patterns"])
    return markers


def _find(kind: str, text: str) -> str:
    """The first phrase of `kind` in the text ('' if none), matched sentence by sentence."""
    pattern = _patterns()[kind]
    for sentence in split_sentences(text) or [text]:
        if m := pattern.search(sentence.strip()):
            return m.group(0).strip()
    return ""


@dataclass(frozen=True)
class Roadblock:
    kind: str       # judging, moralising, minimising, ordering, reassuring
    name: str
    words: str      # the words that showed it
    means: str
    instead: str


def roadblocks_in(text: str) -> list[Roadblock]:
    """Every roadblock in a response, each with the words that showed it and a kinder way."""
    found = []
    text = normalize(text)
    for key, block in _data()["roadblocks"].items():
        phrase = _find(f"roadblock:{key}", text)
        if phrase:
            found.append(Roadblock(key, block["name"], phrase, block["means"], block["instead"]))
    return found


@dataclass(frozen=True)
class Coded:
    index: int
    text: str
    behaviour: str
    code: str
    confidence: float           # the behaviour head's probability for `behaviour`
    evidence: tuple[str, ...]   # the words that drove the code, most telling first
    why: str                    # one line a supervisor can check
    roadblocks: tuple[Roadblock, ...] = ()

    @property
    def name(self) -> str:
        return code_info(self.code)["name"]

    def as_dict(self) -> dict:
        out = asdict(self)
        out["name"] = self.name
        return out


@cache
def _heads():
    return {name: read_head(HERE / "heads" / f"coding_{name}.npz")
            for name in ("behaviour", "question", "reflection", "input")}


def _labels(head) -> list[str]:
    return [str(s) for s in head.extras["labels"]]


_CUE_WORDS = {"ends_question_mark": "ends with “?”", "has_question_mark": "asks with “?”",
              "last_wh": "a wh- question (what, how, why…)", "first_wh": "opens with a wh- word",
              "last_aux": "a yes/no question form", "tag_question": "a tag like “right?”",
              "reflect_start": "starts like a reflection", "feeling_word": "names a feeling",
              "double_sided": "holds two sides (“but”)", "backchannel_only": "only “mm-hmm”/“okay”",
              "input_cue": "gives a suggestion or fact", "permission": "asks permission",
              "first_person": "speaks of “I”"}


def _explain(feats: Features, i: int, head, chosen: int, other: int, client: str) -> tuple[str, ...]:
    """Words (and cues) with the biggest share of the chosen code's lead over `other`."""
    w = head.layers[0][0]
    diff = w[:, chosen] - w[:, other]
    found: list[tuple[float, str]] = []
    tokens, spans, text = feats.tokens[i], feats.spans[i], feats.texts[i]
    if len(tokens):
        shares = tokens @ diff[:DIMENSION]
        by_word: dict[tuple[int, int], float] = {}
        for (a, b), share in zip(spans, shares):
            if b <= a or not any(ch.isalnum() for ch in text[a:b]):
                continue  # [CLS], [SEP] and punctuation
            # Word pieces join their word: widen to the word around them.
            while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'-"):
                a -= 1
            while b < len(text) and (text[b].isalnum() or text[b] in "'-"):
                b += 1
            by_word[(a, b)] = by_word.get((a, b), 0.0) + float(share)
        for (a, b), share in by_word.items():
            word = text[a:b]
            if share > 0 and word.lower() not in {"the", "a", "an", "and", "to", "of"}:
                found.append((share, f"“{word}”"))
    cue_shares = feats.x[i, DIMENSION:] * diff[DIMENSION:]
    for name, share in zip(CUE_NAMES, cue_shares):
        if share <= 0:
            continue
        if name in ("overlap_therapist", "overlap_client") and client:
            echoed = sorted(content_words(text) & content_words(client))[:3]
            if echoed:
                found.append((float(share), "echoes the client: " + ", ".join(f"“{e}”" for e in echoed)))
        elif name in _CUE_WORDS:
            found.append((float(share), _CUE_WORDS[name]))
    found.sort(key=lambda t: -t[0])
    seen, out = set(), []
    for _, label in found:
        if label not in seen:
            seen.add(label)
            out.append(label)
        if len(out) == 4:
            break
    return tuple(out)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


# Advice that can't be a reflection, whatever the model thought of the rest of the turn. "Try not to stress" tells
# the client what not to feel; "Try to cut back and see how that goes" can be their own plan said back, so it is left
# to the model.
_DIRECTIVE = re.compile(r"^(?:(?:so|and|well|yeah|okay|just|i think|i mean)\W+)*(you (just )?(should|ought to|need to|have to|must|gotta|got to)|why don'?t you|i('d| would)? ?(suggest|recommend)|"
                        r"have you (tried|considered)|make sure|try not to\b)", re.I)
# How reflections usually start; with no question in the turn, the turn is a reflection.
_REFLECTION_STEM = re.compile(r"^(?:(?:so|and|okay|ok|yeah|mm-hmm|right|well|um|uh)\W+)*(?:it sounds like|sounds like|"
                              r"it seems (?:like|that)|seems like|it sounds as though|what i'?m hearing|i'?m hearing|"
                              r"you'?re feeling|you feel|you'?re saying|so you'?re|you'?re worried|you'?re not sure)\b", re.I)
_MARKED = (("self_disclosure", "self_disclosure", "shares the therapist's own experience"),
           ("autonomy", "emphasising_autonomy", "leaves the choice with the client"),
           ("affirmation", "affirmation", "recognises the client's effort, strength or feeling"))


def _fine(feats: Features, i: int, behaviour: str, text: str, client: str) -> tuple[str, tuple[str, ...], str]:
    heads = _heads()
    markers = {k: _find(k, text) for k in ("affirmation", "self_disclosure", "autonomy", "permission",
                                            "advice", "summary")}
    if behaviour == "question":
        head = heads["question"]
        p = _softmax(head.logits(feats.x[i:i + 1]))[0]
        c = int(p.argmax())
        label = _labels(head)[c]
        why = ("invites the client to answer in their own words" if label == "open"
               else "can be answered with a yes, a no or a fact")
        return f"{label}_question", _explain(feats, i, head, c, 1 - c, client), why
    if behaviour in ("reflection", "other") and any(_DIRECTIVE.match(s.strip()) for s in split_sentences(text)):
        behaviour = "therapist_input"
    if behaviour in ("reflection", "other"):
        # Autonomy, affirmation and self-disclosure are their own codes in MITI, even when they
        # are said the way a reflection is.
        for key, code, why in _MARKED:
            if markers[key]:
                return code, (f"“{markers[key]}”",), why
    if behaviour == "reflection":
        n_words = len(words(text))
        if markers["summary"] or (n_words >= 60 and len(split_sentences(text)) >= 3):
            ev = (f"“{markers['summary']}”",) if markers["summary"] else (f"{n_words} words gathering several points",)
            return "summary", ev, "gathers several things the client said"
        head = heads["reflection"]
        p = _softmax(head.logits(feats.x[i:i + 1]))[0]
        c = int(p.argmax())
        label = _labels(head)[c]
        why = ("adds a meaning or feeling the client only implied" if label == "complex"
               else "says back what the client said")
        return f"{label}_reflection", _explain(feats, i, head, c, 1 - c, client), why
    for key, code, why in _MARKED:
        if markers[key]:
            return code, (f"“{markers[key]}”",), why
    if behaviour == "other":
        return "other", (), "keeps the conversation going without asking, reflecting or informing"
    head = heads["input"]
    p = _softmax(head.logits(feats.x[i:i + 1]))[0]
    c = int(p.argmax())
    label = _labels(head)[c]
    second = int(np.argsort(p)[-2])
    ev = _explain(feats, i, head, c, second, client)
    asked = bool(re.search(r"\b(what (should|can|do) i|should i|any (advice|ideas|suggestions)|what would you)\b",
                           client, re.I))
    if label in ("advice", "options") or markers["advice"]:
        if markers["permission"] or asked:
            why = "offers a suggestion after asking" if markers["permission"] else "offers a suggestion the client asked for"
            words_ = (f"“{markers['permission']}”",) if markers["permission"] else ("the client asked for ideas",)
            return "advice_with_permission", words_ + ev[:2], why
        return ("advice_without_permission", ((f"“{markers['advice']}”",) if markers["advice"] else ()) + ev[:3],
                "suggests what to do without asking first")
    if label == "negotiation":
        return "goal_setting", ev, "works out goals or next steps together"
    return "information", ev, "gives facts or an explanation"


def code_utterances(texts: list[str], clients: list[str], features: Features | None = None,
                    nexts: list[str | None] | None = None) -> list[Coded]:
    """Code therapist utterances, each with the client's previous utterance ('' if none) and, in a
    whole transcript, the client's reply right after (`nexts`)."""
    if not texts:
        return []
    feats = features or extract(texts, clients, nexts=nexts)
    head = _heads()["behaviour"]
    probs = _softmax(head.logits(feats.x))
    labels = _labels(head)
    out = []
    for i, (text, client) in enumerate(zip(texts, clients)):
        order = np.argsort(probs[i])[::-1]
        chosen, runner = int(order[0]), int(order[1])
        if "?" not in text and _REFLECTION_STEM.match(normalize(text)) and labels[chosen] != "reflection":
            chosen, runner = labels.index("reflection"), chosen
        behaviour = labels[chosen]
        code, evidence, why = _fine(feats, i, behaviour, normalize(text), client or "")
        behaviour = code_info(code)["behaviour"] if behaviour != "question" else behaviour
        if behaviour in ("question", "reflection") or code in ("information", "goal_setting", "other"):
            behaviour_words = _explain(feats, i, head, chosen, runner, client or "")
            evidence = tuple(dict.fromkeys(evidence + behaviour_words))[:4]
        out.append(Coded(i, text, behaviour, code, round(float(probs[i, chosen]), 3), evidence, why,
                         tuple(roadblocks_in(text))))
    return out

