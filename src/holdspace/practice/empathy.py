"""Read the empathy in a response to a client, after EPITOME's three mechanisms, at levels 0–2, with spans.

Pure. Emotional reactions (warmth shown), interpretations (understanding shown) and explorations
(curiosity about the person) are each read from the phrases in empathy.toml, sentence by
sentence; each level comes with the sentences that showed it, so a trainee sees why. EPITOME
(Sharma et al. 2020) is used only to measure this (benchmarks/empathy.py); nothing here was
fitted to it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from holdspace.language.text import normalize, split_sentences, words

__all__ = ["MECHANISMS", "Empathy", "Mechanism", "read_empathy"]

MECHANISMS = ("emotional_reactions", "interpretations", "explorations")
LEVEL_WORDS = ("none", "weak", "strong")
_QUESTION_START = re.compile(r"^(what|how|why|when|where|who|which|do|does|did|are|is|was|were|have|has|"
                             r"can|could|would|will|should|any|anything)\b", re.I)


@cache
def _rules() -> dict:
    with (Path(__file__).parent / "empathy.toml").open("rb") as f:
        data = tomllib.load(f)
    compiled = {}
    for mech, block in data.items():
        compiled[mech] = {"name": block["name"], "means": block["means"]}
        for key in ("strong", "weak", "specific", "generic", "not_experience"):
            if key in block:
                # One alternation per list: a few hundred responses a second need it.
                compiled[mech][key] = [re.compile("|".join(rf"(?:\b{p})" if p[:1].isalnum() else f"(?:{p})"
                                                           for p in block[key]), re.I)]
    return compiled


@dataclass(frozen=True)
class Mechanism:
    key: str
    name: str
    level: int                  # 0 none, 1 weak, 2 strong
    spans: tuple[str, ...]      # the sentences that showed it
    means: str

    @property
    def level_word(self) -> str:
        return LEVEL_WORDS[self.level]

    def as_dict(self) -> dict:
        return {**asdict(self), "level_word": self.level_word}


@dataclass(frozen=True)
class Empathy:
    emotional_reactions: Mechanism
    interpretations: Mechanism
    explorations: Mechanism

    @property
    def mechanisms(self) -> tuple[Mechanism, Mechanism, Mechanism]:
        return (self.emotional_reactions, self.interpretations, self.explorations)

    @property
    def total(self) -> int:
        """0–6: the three levels added up."""
        return sum(m.level for m in self.mechanisms)

    def as_dict(self) -> dict:
        return {m.key: m.as_dict() for m in self.mechanisms} | {"total": self.total}


def _any(patterns, sentence: str) -> bool:
    return any(p.search(sentence) for p in patterns)


def _is_question(sentence: str) -> bool:
    s = sentence.strip()
    return s.endswith("?") or (bool(_QUESTION_START.match(s)) and len(words(s)) >= 3 and "?" in s)


def _shares_experience(sentence: str) -> bool:
    rules = _rules()["interpretations_experience"]
    return (_any(rules["strong"], sentence) and not _any(rules["not_experience"], sentence)
            and not re.search(r"\byou(r|'re|'ve|'ll)?\b", sentence, re.I) and len(words(sentence)) >= 4)


def _graded(key: str, sentences: list[str]) -> Mechanism:
    rules = _rules()[key]
    strong = [s for s in sentences if _any(rules["strong"], s)
              or (key == "interpretations" and _shares_experience(s))]
    weak = [s for s in sentences if s not in strong and _any(rules["weak"], s)]
    level, spans = (2, strong) if strong else (1, weak) if weak else (0, [])
    return Mechanism(key, rules["name"], level, tuple(spans), rules["means"])


def _explorations(sentences: list[str]) -> Mechanism:
    rules = _rules()["explorations"]
    strong, weak = [], []
    for s in sentences:
        if not _is_question(s):
            continue
        if re.search(r"\byou(r|'re|'ve)?\b", s, re.I) and _any(rules["specific"], s):
            strong.append(s)
        elif _any(rules["generic"], s) or re.search(r"\byou(r)?\b", s, re.I):
            weak.append(s)
    level, spans = (2, strong) if strong else (1, weak) if weak else (0, [])
    return Mechanism("explorations", rules["name"], level, tuple(spans), rules["means"])


def read_empathy(client: str, response: str) -> Empathy:
    """The three mechanisms in `response`, answering `client` (which may be empty)."""
    sentences = split_sentences(normalize(response))
    return Empathy(_graded("emotional_reactions", sentences), _graded("interpretations", sentences),
                   _explorations(sentences))
