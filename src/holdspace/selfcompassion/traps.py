"""Thinking traps: which ones a thought shows, and the words that showed each.

Two layers, both explained in the result. Cue phrases (traps.toml) name a trap and quote the
words that matched. A small trained head over MiniLM sentence embeddings (language/heads/
distortion.npz, trained by training/distortion.py on the team's own labelled thoughts) says how
likely each sentence is to be caught in a trap, and which; where it is confident it quotes the
sentence. A long text (a message, a post) is read sentence by sentence: it is distorted when a
cue fires in any sentence or the head clears the message threshold on one. The head names a
trap in a message, quoting the sentence, only where it clears the higher naming threshold, so a
message's sad background can make it read as heavy without being given a trap's name. Pure: no
database, web or settings.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from holdspace.language.text import clip, normalize, split_sentences

__all__ = ["Finding", "Trap", "TrapHit", "TrapDetector", "detector", "trap", "traps"]

#: Most sentences a long text is read in; a thought record or a forum post rarely has more.
MAX_SENTENCES = 40
HEAD = "distortion"
#: From this many sentences a text is read as a message (a post, a letter), not one thought: each
#: sentence is another chance of a false alarm, so the head's bar is the message threshold,
#: calibrated by training/distortion.py on messages composed from our own statements.
MESSAGE_SENTENCES = 3


@dataclass(frozen=True)
class Trap:
    key: str
    name: str
    means: str
    questions: tuple[str, ...]
    cues: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class TrapHit:
    key: str
    name: str
    evidence: tuple[str, ...]  # the words that showed it, as written
    source: str  # "cue" (a phrase matched) or "model" (the trained head)

    def as_dict(self) -> dict:
        return {"trap": self.key, "name": self.name, "evidence": list(self.evidence),
                "source": self.source}


@dataclass(frozen=True)
class Finding:
    distorted: bool
    score: float  # the head's highest sentence probability of a trap, 0–1
    hits: tuple[TrapHit, ...]

    @property
    def traps(self) -> list[str]:
        return [h.key for h in self.hits]

    def as_dict(self) -> dict:
        return {"distorted": self.distorted, "traps": self.traps, "score": round(self.score, 3),
                "evidence": [h.as_dict() for h in self.hits]}


@cache
def traps() -> tuple[Trap, ...]:
    """The traps holdspace can name, in the order of traps.toml."""
    data = tomllib.loads(resources.files("holdspace.selfcompassion").joinpath("traps.toml").read_text())
    return tuple(Trap(t["key"], t["name"], t["means"], tuple(t["questions"]),
                      tuple(re.compile(c) for c in t["cues"])) for t in data["trap"])


def trap(key: str) -> Trap:
    for t in traps():
        if t.key == key:
            return t
    raise KeyError(key)


_CLAUSE_REST = re.compile(r"(?:\s+[^\s,.;:!?]+){0,4}")
#: Someone else's words reported ("My mother tells me I'm stupid"): a hurt, not the writer's trap.
_REPORTED = re.compile(r"\b(?:says?|said|tells? me|told me|calls? me|called me|tells? everyone|"
                       r"told everyone|accused me of|yells?|yelled|shouts?|shouted)"
                       r"(?: that)?(?: (?:he|she|they|you|it))?\s*$")


def cue_hits(sentence: str) -> dict[str, list[str]]:
    """Trap key -> the phrases of this sentence its cues matched (as written), up to four more
    words of the same clause, so "I'll never get" reads "I'll never get better"."""
    lowered = sentence.lower()
    found: dict[str, list[str]] = {}
    for t in traps():
        for cue in t.cues:
            for m in cue.finditer(lowered):
                if _REPORTED.search(lowered[max(0, m.start() - 40):m.start()].rstrip(" ,:\"'")):
                    continue
                end = m.end()
                if end < len(sentence) and sentence[end - 1].isalnum():
                    end += len(_CLAUSE_REST.match(sentence, end).group(0))
                phrase = sentence[m.start():end].strip(" ,.")
                if phrase and phrase not in found.setdefault(t.key, []):
                    found[t.key].append(phrase)
        if t.key in found:
            phrases = found[t.key]
            found[t.key] = [p for p in phrases if not any(p != q and p in q for q in phrases)]
            if not found[t.key]:
                del found[t.key]
    return found


class TrapDetector:
    """Cue phrases plus the trained head; `probabilities` needs the language model, cues do not."""

    def __init__(self, head=None, embed=None):
        from holdspace.language.heads import load_head

        self.head = head or load_head(HEAD)
        self.labels = [str(x) for x in self.head.extras["labels"]]  # "distorted", then trap keys
        self.threshold = float(self.head.extras["threshold"])
        self.trap_threshold = float(self.head.extras["trap_threshold"])
        self.message_threshold = float(self.head.extras.get("post_threshold", self.threshold))
        self.name_threshold = float(self.head.extras.get("name_threshold", self.message_threshold))
        self._embed = embed

    def embed(self, texts: list[str]) -> np.ndarray:
        if self._embed is not None:
            return self._embed(texts)
        from holdspace.language.embedding import encoder

        return encoder().embed(texts)

    def sentences(self, text: str) -> list[str]:
        text = clip(normalize(text))
        return [s for s in split_sentences(text) if any(ch.isalpha() for ch in s)][:MAX_SENTENCES]

    def bar(self, sentence_count: int) -> float:
        """The head's probability a sentence needs to count as caught in a trap, in a text of
        this many sentences."""
        return self.message_threshold if sentence_count >= MESSAGE_SENTENCES else self.threshold

    def naming_bar(self, sentence_count: int) -> float:
        """The probability a sentence needs before the head names its trap: in a message the
        naming threshold, higher than the message's bar, so the sad background of a message
        can make it read as heavy without being given a trap's name."""
        if sentence_count < MESSAGE_SENTENCES:
            return self.threshold
        return max(self.name_threshold, self.message_threshold)

    def probabilities(self, sentences: list[str]) -> np.ndarray:
        """(n, 1 + traps): the head's sigmoid outputs per sentence."""
        if not sentences:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return self.head.probabilities(self.embed(sentences))

    def detect(self, text: str) -> Finding:
        return self.detect_many([text])[0]

    def detect_many(self, texts: list[str]) -> list[Finding]:
        """One finding per text; every sentence of every text is embedded in one batch."""
        per_text = [self.sentences(t) for t in texts]
        flat = [s for ss in per_text for s in ss]
        probs = self.probabilities(flat)
        findings, row = [], 0
        for ss in per_text:
            findings.append(self._finding(ss, probs[row:row + len(ss)]))
            row += len(ss)
        return findings

    def _finding(self, sentences: list[str], probs: np.ndarray) -> Finding:
        evidence: dict[str, list[str]] = {}
        source: dict[str, str] = {}
        for s in sentences:
            for key, phrases in cue_hits(s).items():
                evidence.setdefault(key, []).extend(p for p in phrases if p not in evidence[key])
                source[key] = "cue"
        score = float(probs[:, 0].max()) if len(sentences) else 0.0
        bar = self.bar(len(sentences))
        naming = self.naming_bar(len(sentences))
        for s, p in zip(sentences, probs):
            if p[0] < naming:
                continue
            best = int(np.argmax(p[1:])) + 1
            if p[best] >= self.trap_threshold:
                key = self.labels[best]
                if key not in evidence:
                    evidence[key] = [s]
                    source[key] = "model"
        order = {t.key: i for i, t in enumerate(traps())}
        hits = tuple(TrapHit(k, trap(k).name, tuple(evidence[k][:3]), source[k])
                     for k in sorted(evidence, key=order.__getitem__))
        return Finding(distorted=bool(hits) or score >= bar, score=score, hits=hits)


@cache
def detector() -> TrapDetector:
    """The shared detector, its head loaded once."""
    return TrapDetector()
