"""Emotion detection: GoEmotions' 28 labels, multi-label, with per-label thresholds and a family.

The model is MiniLM's first four layers fine-tuned on GoEmotions' train split, exported as an
int8 ONNX file (`models/emotion.onnx`, mean-pooled output), with a linear head, thresholds and
the family rule in `heads/emotion.npz`. Both come from training/ (finetune_emotion.py, then
export_emotion.py); thresholds were tuned on a part of TRAIN held out from fitting, never on dev.

The int8 model quantizes its activations per batch, so a text's scores can move by a hundredth
or two with the texts batched beside it; a text on its own always gets the same scores.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.embedding import Encoder, tokenizer_file
from holdspace.language.heads import Head, load_head

__all__ = ["EMOTION_MODEL_SHA256", "FAMILIES", "LABELS", "EmotionDetector", "Emotions",
           "emotion_detector", "family_of"]

#: sha256 of models/emotion.onnx as written by training/export_emotion.py.
EMOTION_MODEL_SHA256 = "93a9345835d59c03bfb7cab07091e1af9376807efbd7d0485f8e1f359b979688"
MODEL_FILE = Path(__file__).parent / "models" / "emotion.onnx"
#: Comments on Reddit, the training data, are short; 128 word pieces keep a long text's gist.
MAX_TOKENS = 128
#: One text per run. The int8 models quantise activations per run (dynamic quantisation), so in
#: a batch a text's scores would shift with whatever else shares it; one at a time, the same
#: words always get the same answer, whoever else is being analysed.
BATCH_SIZE = 1


#: The model's outputs, in order (GoEmotions' label ids); the head file must say the same.
LABELS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral")
FAMILIES: tuple[str, ...] = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")


@cache
def _families() -> dict[str, tuple[str, ...]]:
    table = tomllib.loads((Path(__file__).parent / "emotions.toml").read_text(encoding="utf-8"))
    families = {f: tuple(members) for f, members in table["families"].items()}
    if set(families) != set(FAMILIES) or sorted(sum(families.values(), ())) != sorted(LABELS):
        raise ValueError("emotions.toml must put each of the 28 labels in one of the seven families")
    return families


def family_macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the seven families: the one measure training and benchmarks both report."""
    scores = []
    for family in FAMILIES:
        tp = sum(g == family and p == family for g, p in zip(gold, pred))
        n = sum(g == family for g in gold) + sum(p == family for p in pred)
        scores.append(2 * tp / n if n else 0.0)
    return sum(scores) / len(scores)


def family_of(label: str) -> str:
    """Return the family (anger, disgust, fear, joy, sadness, surprise, neutral) of a label."""
    for family, members in _families().items():
        if label in members:
            return family
    raise KeyError(label)


@dataclass(frozen=True)
class Emotions:
    """What one text expresses: every label's score, those above threshold, and the family."""

    scores: dict[str, float]
    labels: tuple[str, ...]
    family: str

    def ranked(self) -> list[tuple[str, float]]:
        """Every label with its score, best first."""
        return sorted(self.scores.items(), key=lambda kv: -kv[1])

    def as_dict(self) -> dict:
        return {"emotions": [{"label": k, "score": round(v, 4)} for k, v in self.ranked()],
                "labels": list(self.labels), "family": self.family}


class EmotionDetector:
    """Scores texts with the fine-tuned encoder and the packaged head."""

    def __init__(self, model: Encoder, head: Head):
        self.model = model
        self.head = head
        self.labels = tuple(str(x) for x in head.extras["labels"])
        if self.labels != LABELS:
            raise ValueError("the emotion head's labels don't match emotions.toml")
        self.thresholds = head.extras["thresholds"].astype(np.float32)
        self.family_rule = str(head.extras["family_rule"])
        self.at_least_one = bool(head.extras["at_least_one"])
        self._members = self._family_members()

    @staticmethod
    def _family_members() -> list[list[int]]:
        return [[LABELS.index(label) for label in _families()[f]] for f in FAMILIES]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Return (n, 28) label probabilities in LABELS order."""
        if not texts:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        return self.head.probabilities(self.model.outputs(list(texts), BATCH_SIZE))

    def families(self, probs: np.ndarray) -> list[str]:
        """Pick each row's family by the rule chosen on the tuning split."""
        if self.family_rule == "top_label":
            return [family_of(LABELS[i]) for i in probs.argmax(axis=1)]
        ratio = probs / self.thresholds
        source = ratio if self.family_rule.endswith("ratio") else probs
        if self.family_rule.startswith("sum"):
            per_family = np.stack([source[:, m].sum(axis=1) for m in self._members], axis=1)
        else:
            per_family = np.stack([source[:, m].max(axis=1) for m in self._members], axis=1)
        return [FAMILIES[i] for i in per_family.argmax(axis=1)]

    def detect(self, texts: list[str]) -> list[Emotions]:
        """Detect emotions in each text."""
        probs = self.probabilities(texts)
        results = []
        for row, family in zip(probs, self.families(probs)):
            above = [i for i in np.argsort(-row) if row[i] >= self.thresholds[i]]
            if not above and self.at_least_one:
                above = [int(row.argmax())]
            results.append(Emotions({l: float(p) for l, p in zip(LABELS, row)},
                                    tuple(LABELS[i] for i in above), family))
        return results

    def detect_one(self, text: str) -> Emotions:
        return self.detect([text])[0]


@cache
def emotion_detector() -> EmotionDetector:
    """Return the one shared emotion detector, loading its model on first use."""
    model = Encoder(MODEL_FILE, tokenizer_file(), EMOTION_MODEL_SHA256, max_tokens=MAX_TOKENS)
    return EmotionDetector(model, load_head("emotion"))
