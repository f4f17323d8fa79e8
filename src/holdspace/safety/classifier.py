"""The second risk layer: a logistic head on the language engine's MiniLM sentence vectors (switched on).

It only speaks where the rules found nothing and set nothing aside (a denial, everyday medicines, a past
said to be behind the writer, a story, song, news report or suicide as a topic: `Assessment.set_aside`),
and only on texts written about oneself (the gate: at least one first-person word and at least as many
first-person as second-person words): people supporting someone else write "you", and the head learned
the topic of suicide, not whose risk a text is about. It can raise a text to `concern`, never to `urgent`
and never lower.

The head (weights, bias, threshold and the gate's settings) is `risk_head.npz`, written by
`training/risk_classifier.py --gate --gate-ratio 1.0 --team-weight 4 --everyday-weight 2 --write` (the
data, the command and its measurements are in training/README.md). The encoder is the language engine's
shared one (no second model load), so a message the listener embeds anyway is run through MiniLM once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from holdspace.safety.assessment import NO_RISK, Assessment

__all__ = ["HEAD_FILE", "REASON", "EmbeddingLayer", "Gate", "RiskHead", "read_risk_head"]

HEAD_FILE = Path(__file__).parent / "risk_head.npz"
REASON = "The wording resembles posts by people at risk of suicide, though no single phrase said so."


@dataclass(frozen=True)
class Gate:
    """Admits a text with at least `min_first` first-person words and `ratio` times as many as second-person ones."""

    first_words: tuple[str, ...]
    second_words: tuple[str, ...]
    min_first: int = 1
    ratio: float = 2.0

    def __post_init__(self):
        for name, words in (("_first", self.first_words), ("_second", self.second_words)):
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
            object.__setattr__(self, name, pattern)

    def admits(self, text: str) -> bool:
        first, second = len(self._first.findall(text)), len(self._second.findall(text))
        return first >= self.min_first and first >= self.ratio * second


@dataclass(frozen=True, eq=False)
class RiskHead:
    coef: np.ndarray  # (384,)
    bias: float
    threshold: float
    gate: Gate

    def probability(self, vector: np.ndarray) -> float:
        return float(1.0 / (1.0 + np.exp(-np.clip(float(vector @ self.coef) + self.bias, -30, 30))))


def read_risk_head(path: Path = HEAD_FILE) -> RiskHead:
    """Read the head written by the training script; anything missing or malformed raises."""
    with np.load(path, allow_pickle=False) as data:
        coef = np.asarray(data["W0"], dtype=np.float64).reshape(-1)
        bias = float(np.asarray(data["b0"]).reshape(-1)[0])
        threshold = float(data["threshold"])
        gate = Gate(tuple(str(w) for w in data["gate_first_words"]), tuple(str(w) for w in data["gate_second_words"]),
                    int(data["gate_min_first"]), float(data["gate_ratio"]))
    if not 0.0 < threshold <= 1.0 or not np.all(np.isfinite(coef)) or not np.isfinite(bias):
        raise ValueError(f"{path} holds an unusable risk head")
    return RiskHead(coef, bias, threshold, gate)


def _shared_embed(texts: Sequence[str]) -> np.ndarray:
    from holdspace.language.embedding import encoder

    return encoder().embed(list(texts))


class EmbeddingLayer:
    """A risk layer (`assess` calls it with the text and a deadline) that runs only where the rules said none."""

    only_when_none = True  # assess skips it when an earlier layer flagged the text (or failed)

    def __init__(self, *, head: Callable[[], RiskHead] = read_risk_head,
                 embed: Callable[[Sequence[str]], np.ndarray] = _shared_embed):
        self._read_head, self._embed = head, embed
        self._head: RiskHead | None = None
        self._loaded = False
        self._lock = threading.Lock()

    def head(self) -> RiskHead:
        with self._lock:
            if self._head is None:
                self._head = self._read_head()
            return self._head

    def load(self) -> None:
        """Read the head and load the shared encoder now (assess does this before its clock starts)."""
        if self._loaded:
            return
        self.head()
        self._embed(["warming up"])
        self._loaded = True

    def score(self, text: str) -> float | None:
        """The head's probability for `text`, or None when the gate keeps it out."""
        head = self.head()
        if not head.gate.admits(text):
            return None
        vector = np.asarray(self._embed([text]))[0]
        return head.probability(vector)

    def __call__(self, text: str, deadline: float):
        p = self.score(text)
        if p is None or p < self.head().threshold:
            return NO_RISK
        return Assessment("concern", [REASON])
