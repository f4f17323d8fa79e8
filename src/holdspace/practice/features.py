"""The coder's features: a MiniLM sentence vector of the utterance beside its surface cues.

Pure. The sentence vector is the mean of the coder's own encoder's token states, scaled to unit
length, so a linear head's score splits exactly into one share per token — that is how each code
can show the words that drove it. Training (training/coding.py) and the product call the same
function. The encoder (`models/coding.onnx`) is the first four layers of all-MiniLM-L6-v2,
fine-tuned on AnnoMI train and stored with int8 weights (training/finetune_coding.py,
training/export_coding.py); its sha256 is checked before first use.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.embedding import DIMENSION, Encoder, tokenizer_file
from holdspace.language.text import clip, normalize
from holdspace.practice.cues import CUE_NAMES, cue_vector

__all__ = ["CODING_MODEL_SHA256", "Features", "WIDTH", "coding_encoder", "extract"]

WIDTH = DIMENSION + len(CUE_NAMES)
#: Utterances longer than this many word pieces are cut; a turn that long is a monologue.
MAX_TOKENS = 128
#: sha256 of models/coding.onnx as written by training/export_coding.py.
CODING_MODEL_SHA256 = "d5b3d6a57aa6e0b7f84a84b0ed54edd92e7a195dd658b3ce4cd65676159254ac"
MODEL_FILE = Path(__file__).parent / "models" / "coding.onnx"
_load_lock = threading.Lock()


@cache
def _coding_encoder() -> Encoder:
    return Encoder(MODEL_FILE, tokenizer_file(), CODING_MODEL_SHA256, max_tokens=MAX_TOKENS, memo=0, spin=False)


def coding_encoder() -> Encoder:
    """The coder's fine-tuned encoder, loaded and verified on first use."""
    with _load_lock:
        return _coding_encoder()


@dataclass
class Features:
    x: np.ndarray                      # (n, WIDTH)
    tokens: list[np.ndarray]           # per text: (k, DIMENSION) token states scaled so they sum to the vector
    spans: list[list[tuple[int, int]]]  # per text: character span of each token in `texts[i]` (cleaned)
    texts: list[str]                   # the cleaned texts the spans point into


def extract(texts: list[str], clients: list[str], encoder=None, *, with_tokens: bool = True,
            nexts: list[str | None] | None = None) -> Features:
    """Features for therapist utterances `texts`, each with the client's words before it and, in a
    whole transcript, the client's reply after it (`nexts`; None where there is none)."""
    if encoder is None:
        encoder = coding_encoder()
    cleaned = [clip(normalize(t), 1200) or " " for t in texts]
    n = len(cleaned)
    x = np.zeros((n, WIDTH), dtype=np.float32)
    tokens: list[np.ndarray] = [np.zeros((0, DIMENSION), np.float32)] * n
    spans: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    # A session repeats itself ("Mm-hmm.", "Okay."): each distinct text goes through the model once.
    first: dict[str, int] = {}
    for i, t in enumerate(cleaned):
        first.setdefault(t, i)
    distinct = list(first.values())
    order = [distinct[j] for j in np.argsort([len(cleaned[i]) for i in distinct], kind="stable")]
    tok = encoder.tokenizer
    for start in range(0, len(order), 32):
        rows = order[start:start + 32]
        batch = [cleaned[i] for i in rows]
        encodings = tok.encode_batch(batch)
        width = min(max(len(e.ids) for e in encodings), MAX_TOKENS)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for r, e in enumerate(encodings):
            k = min(len(e.ids), width)
            ids[r, :k] = e.ids[:k]
            mask[r, :k] = 1
            if k < len(e.ids):
                ids[r, k - 1] = e.ids[-1]  # keep [SEP] at the end of a cut text
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in encoder._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        with encoder._lock:
            hidden = encoder.session.run([encoder._output], feeds)[0]
        for r, i in enumerate(rows):
            k = int(mask[r].sum())
            states = hidden[r, :k]
            mean = states.mean(axis=0)
            norm = float(np.linalg.norm(mean)) or 1.0
            x[i, :DIMENSION] = mean / norm
            if with_tokens:
                tokens[i] = (states / (k * norm)).astype(np.float32)
                spans[i] = list(encodings[r].offsets[:k])
    for i, t in enumerate(cleaned):
        j = first[t]
        if j != i:
            x[i, :DIMENSION], tokens[i], spans[i] = x[j, :DIMENSION], tokens[j], list(spans[j])
    nexts = nexts if nexts is not None else [None] * n
    for i, (t, c, after) in enumerate(zip(texts, clients, nexts)):
        x[i, DIMENSION:] = cue_vector(t, c or "", after)
    return Features(x, tokens, spans, cleaned)
