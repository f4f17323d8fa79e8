"""The second risk layer: the fine-tuned risk model (`ModelLayer`, switched on) and the frozen-vector head it
replaced (`EmbeddingLayer`, kept for measurement: `risk.with_classifier`).

`ModelLayer` reads `models/risk.onnx` (MiniLM's first four layers fine-tuned into a none / concern / urgent
classifier: training/finetune_risk.py, training/export_risk_folds.py; int8; its sha256 pinned below) through
the language engine's own `Encoder` and tokenizer, loaded once on first use. It reads the whole text and, when
there are several, each of its sentences (`windows`): a risk said in one sentence of a longer message is
otherwise drowned by the rest. The sentences are read on a second core while the whole is read on the first
(`read_in_windows`): the same probabilities, a third less wall time for a long message. It can raise a text to `concern` or `urgent`, never lower: where the rules found
nothing, and where they found a concern that it reads as urgent; never where the rules set their words aside (a
denial, a past said to be behind the writer, a story, song, news report or suicide as a topic:
`Assessment.denied_or_framed`). What it alone heard gets the gentle check-in, not the full crisis response
(`risk.classifier_only`). Its threshold, its known false alarms and why it replaced the head:
training/README.md, "Risk model: the fine-tuned encoder".

`EmbeddingLayer` is a logistic head on the language engine's shared MiniLM sentence vectors
(`risk_head.npz`, written by `training/risk_classifier.py --gate --gate-ratio 1.0 --team-weight 4
--everyday-weight 2 --write`), gated to texts written about oneself (at least one first-person word and at
least as many first-person as second-person words). It raises to `concern` only.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.embedding import MAX_TOKENS, Encoder, tokenizer_file
from holdspace.language.text import split_sentences
from holdspace.safety.assessment import NO_RISK, Assessment

__all__ = ["HEAD_FILE", "MODEL_FILE", "REASON", "REPLY_MODEL_FILE", "REPLY_RISK_MODEL_SHA256", "REPLY_THRESHOLD",
           "NOTHING_TO_READ", "RISK_MODEL_SHA256", "THRESHOLD", "URGENT_REASON", "EmbeddingLayer", "Gate", "ModelLayer",
           "RiskHead", "has_words", "read_in_windows", "read_risk_head", "reply_risk_encoder", "risk_encoder", "windows"]

HEAD_FILE = Path(__file__).parent / "risk_head.npz"
#: The fine-tuned risk model, `risk_ship16_L4` since session 17 (training/finetune_risk.py --with-fresh --skip-context
#: --retired 4 5 6 7 8 9, trained also on the three fresh writers' dev batches R1-R3; training/export_risk_folds.py;
#: training/README.md, "Dev batches R1-R3" and "Each check keeps its own model"). On held-back set 10, read once, the rules
#: with it flag 105 of 136 urgent rows (with risk_ship9_L4: 96) and 85 of 110 concern rows (78), with no false alarm on its
#: everyday and figurative rows (1).
MODEL_FILE = Path(__file__).parent / "models" / "risk.onnx"
#: sha256 of models/risk.onnx as written by training/export_risk_folds.py; any other file is refused.
RISK_MODEL_SHA256 = "4d96422f62fe78fe247ec94ad68f884a26e03d6b8fbd46a6d65da679f1921d19"
#: ModelLayer flags a text when 1 - p(none) of one of its windows reaches this: the lowest keeping the int8 fold
#: models' cross-validated false alarms (rules first, then the model as `assess` runs it, every text read in
#: windows) <= 3% on everyday and figurative dev rows, everyday first-person dev, the classifier set's negatives and
#: the natural negatives (training/risk_ship_eval.py, setting "urgent, aside but not means, +rule-con", on
#: training/export_risk_folds.py's windowed scores; training/README.md, "Windows, means and a second opinion"), on the
#: groups risk_ship9_L4 was scored on (`risk_ship_eval.py --without-other --rows-of-ship9`), then t*.
THRESHOLD = 0.9789943
#: The reply check's own risk model (listening.responder.problems_in reads a local model's reply with it): `risk_ship9_L4`
#: (the product's model until session 17) at its own threshold, the model that check was measured with on held-back
#: replies sets 4, 5 and 6; risk_ship16_L4 stopped one caring reply and one harmful reply fewer there. What a client
#: writes is read with MODEL_FILE; each check keeps the model it was validated with (training/README.md, "Each check
#: keeps its own model").
REPLY_MODEL_FILE = Path(__file__).parent / "models" / "reply_risk.onnx"
REPLY_RISK_MODEL_SHA256 = "c4ebf8986a9e5c010ce744d489506714abf1d71ea9e9f5b7ce7f83adfd36e839"
REPLY_THRESHOLD = 0.9798051
REASON = "The wording resembles posts by people at risk of suicide, though no single phrase said so."
URGENT_REASON = ("The wording resembles what people write when they are in danger now, "
                 "though no single phrase said so.")


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


_load_lock = threading.Lock()


@cache
def _encoder(path: Path, sha256: str) -> Encoder:
    # One thread: a message's windows are a few dozen word pieces each, too little to share between two cores, and
    # waking a second thread for every step cost more than it saved (on a busy 2-core machine: process CPU p95 about
    # 15% lower; the heaviest texts' best runs 10% quicker; training/README.md, "Windows, means and a second
    # opinion"). The probabilities are the same to the bit. A one-thread session's runs go side by side: a text's
    # sentences are read on the second core while the whole is read on the first (`read_in_windows`).
    return Encoder(path, tokenizer_file(), sha256, max_tokens=MAX_TOKENS, threads=1, memo=0, spin=False)


def risk_encoder() -> Encoder:
    """The fine-tuned risk model, loaded and its sha256 checked on first use (the product's own tokenizer)."""
    with _load_lock:
        return _encoder(MODEL_FILE, RISK_MODEL_SHA256)


def reply_risk_encoder() -> Encoder:
    """The reply check's risk model, loaded and checked on first use: only once a local model writes replies."""
    with _load_lock:
        return _encoder(REPLY_MODEL_FILE, REPLY_RISK_MODEL_SHA256)


#: At most this many sentences are read one by one (about 1,500 words; a longer text's first ones): a 20,000-character
#: text of distinct sentences then takes about 0.3 s of the model where all of them would take 1 s on a busy machine.
MAX_WINDOWS = 100


#: A text the model reads whole as surely safe (p(none) at least this) is not read sentence by sentence as well. On
#: every row of dev (cross-validated), C-SSRS dev, dev batches I, J and M and 3,845 public everyday texts, no
#: sentence the model flags lies in such a text; about half of everyday texts of several sentences are.
SURELY_NONE = 0.998


#: Over a concern the rules found, the model raises a text to urgent only when p(urgent) of its window reaches this
#: ("im a burden on everyone": 0.55 against 0.45 for concern stays a concern). Cross-validated on dev it keeps all 5
#: such raises of urgent rows and drops 3 of the 5 of concern rows; on batches I, J and M all 7 raises were of
#: urgent rows, each at 0.989 or more.
SURELY_URGENT = 0.95


def windows(text: str) -> list[str]:
    """What the risk model reads of a text: the whole of it and, when it has several, each distinct sentence."""
    sentences = list(dict.fromkeys(split_sentences(text)))[:MAX_WINDOWS]
    return [text] + sentences if len(sentences) > 1 else [text]


#: What the model reads as none without running: a window with no letter or digit (emoji, symbols, punctuation). The
#: tokenizer turns an emoji into one unknown-word piece, and the model learnt that piece from the team's urgent emoji
#: rows, so that a lone "😢", "👍" or "🎉" read as danger now (p(urgent) 0.986). Words around emoji are still read
#: with them ("tonight 💊💊💊⚰️" stays urgent); the rules read every emoji they know by name either way.
NOTHING_TO_READ = np.array([1.0, 0.0, 0.0])
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W_]+")


def has_words(text: str) -> bool:
    """Whether `text` holds a letter or digit in any script: something the risk model can read."""
    return _LETTER_OR_DIGIT.search(text) is not None


def _worth_reading_alone(sentence: str) -> bool:
    """A sentence the model reads apart from its text: one with words, and at least two of them beside an emoji or
    other pictograph ("🙂 Thanks." read alone was urgent; read in its text it is none)."""
    if not has_words(sentence):
        return False
    if any(unicodedata.category(ch) == "So" for ch in sentence):
        return len(_WORD.findall(sentence)) >= 2
    return True


@cache
def _second_core() -> ThreadPoolExecutor | None:
    """The thread that reads a text's sentences while the caller reads the whole, or None on a one-core machine."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="risk-sentences") if (os.cpu_count() or 1) > 1 else None


class _Sentences:
    """A text's sentences, taken one at a time by whichever thread is free, each read alone into its own row."""

    def __init__(self, read: Callable[[list[str]], np.ndarray], sentences: list[str]):
        self._read, self._sentences = read, sentences
        self._next, self._lock, self.stopped = 0, threading.Lock(), False
        self.rows: list[np.ndarray | None] = [None] * len(sentences)

    def read_while_any_left(self) -> None:
        while True:
            with self._lock:
                if self.stopped or self._next == len(self._sentences):
                    return
                i, self._next = self._next, self._next + 1
            self.rows[i] = np.asarray(self._read([self._sentences[i]])).reshape(1, -1)

    def stop(self) -> None:
        with self._lock:
            self.stopped = True


def read_in_windows(read: Callable[[list[str]], np.ndarray], text: str, *, beside: bool = True) -> np.ndarray:
    """p(none), p(concern), p(urgent) of the text's windows (first the whole text), as `read` gives them for a list
    of texts; the sentences only when the whole does not read as surely none; a window without words
    (`has_words`) as `NOTHING_TO_READ`, unread, and a sentence of one word and an emoji not apart from its text.

    With `beside` (and a second core), a second thread starts on the sentences while this one reads the whole; if
    the whole reads as surely none, the sentences not yet started are left unread, and if not, this thread then
    takes sentences too. Every window is read alone either way, so the probabilities are the same to the bit; only
    the wall time changes (and a little CPU is spent on a sentence begun for a text that needed none).
    """
    parts = windows(text)
    if not has_words(text):
        return NOTHING_TO_READ.reshape(1, -1)
    sentences = _Sentences(read, [s for s in parts[1:] if _worth_reading_alone(s)] if len(parts) > 1 else [])
    pool = _second_core() if beside and sentences.rows else None
    helper = pool.submit(sentences.read_while_any_left) if pool else None
    try:
        whole = np.asarray(read(parts[:1])).reshape(1, -1)
        if not sentences.rows or whole[0, 0] >= SURELY_NONE:
            return whole
        sentences.read_while_any_left()
    finally:
        sentences.stop()
        if helper is not None and not helper.cancel():  # (not started: another text's sentences held the thread)
            helper.result()  # its sentence in hand finished (or its error raised here)
    return np.vstack([whole, *sentences.rows])


class ModelLayer:
    """A risk layer (`assess` calls it with the text and a deadline) over the fine-tuned risk model.

    It reads three probabilities (none, concern, urgent) for each of the text's `windows` (`read_in_windows`). A text
    is flagged when 1 - p(none) of some window reaches `threshold`, and is urgent when that window's p(urgent) >
    p(concern). It is a second opinion: `assess` runs it where the rules found nothing or only a concern and read
    nothing as denied, past or framed, and over a concern it answers only a sure urgent (`SURELY_URGENT`).
    """

    second_opinion = True  # assess: not after urgent, a failure or words set aside; over a concern, urgent only

    def __init__(self, *, model: Callable[[], Encoder] = risk_encoder, threshold: float = THRESHOLD,
                 urgent: bool = True):
        self._model, self.threshold, self.urgent = model, threshold, urgent
        self._loaded = False

    def load(self) -> None:
        """Load and verify the model and run it once (assess does this before its clock starts)."""
        if not self._loaded:
            self.probabilities("warming up")
            self._loaded = True

    def probabilities(self, text: str) -> np.ndarray:
        """p(none), p(concern), p(urgent) for `text` read whole; raises on anything but three probabilities."""
        return self._read([text])[0]

    def _read(self, texts: list[str]) -> np.ndarray:
        p = np.asarray(self._model().outputs(texts), dtype=np.float64).reshape(len(texts), -1)
        if (p.shape[1] != 3 or not np.all(np.isfinite(p)) or np.any(p < 0)
                or np.any(np.abs(p.sum(axis=1) - 1.0) > 1e-3)):
            raise ValueError(f"the risk model gave {p!r}, not three probabilities per text")
        return p

    def __call__(self, text: str, deadline: float, over: str = "none") -> Assessment:
        """The model's reading of `text`; `over` is what the layers before it found (`assess` passes it)."""
        p = read_in_windows(self._read, text)
        heard = 1.0 - p[:, 0]
        i = int(np.argmax(heard))
        if heard[i] < self.threshold:
            return NO_RISK
        if over == "concern":  # the rules heard a concern: only a sure reading of danger now raises it
            return Assessment("urgent", [URGENT_REASON]) if self.urgent and p[i, 2] >= SURELY_URGENT else NO_RISK
        if self.urgent and p[i, 2] > p[i, 1]:
            return Assessment("urgent", [URGENT_REASON])
        return Assessment("concern", [REASON])
