"""Train the utterance coder's linear heads on AnnoMI train; write them to practice/heads/.

    nice -n 10 python training/coding.py          # ~2 minutes on two busy cores
    nice -n 10 python training/coding.py --encoder CANDIDATE.onnx --held-out   # score a candidate only
    nice -n 10 python training/coding.py --team-examples training/coding_team_examples.toml --held-out
    nice -n 10 python training/coding.py --team-examples training/coding_team_examples{,_b}.toml --held-out

`--team-examples` adds the team-written examples (questions and reflections) to the rows the
open/closed and simple/complex heads (and, with --team-behaviour, the behaviour head) are fitted
on: the fit part while choosing the L2, all of train for the final heads; never the held-out fifth.

Features come from `holdspace.practice.features.extract` (the product's own function), cached in
/tmp/holdspace-training. The L2 strength is chosen on a held-out fifth of the TRAIN transcripts;
the final heads are refitted on all of TRAIN. Dev is only measured, by benchmarks/coding.py.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import tomllib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE, Row, read  # noqa: E402
from holdspace.practice.cues import CUE_NAMES  # noqa: E402
from holdspace.practice.features import extract  # noqa: E402

HEADS = Path(__file__).resolve().parents[1] / "src" / "holdspace" / "practice" / "heads"
SEED = 20261129
TASKS = {
    "behaviour": (lambda r: r.behaviour, ["question", "reflection", "therapist_input", "other"]),
    "question": (lambda r: r.question, ["open", "closed"]),
    "reflection": (lambda r: r.reflection, ["simple", "complex"]),
    "input": (lambda r: r.input, ["information", "advice", "negotiation", "options"]),
}

#: Behaviour is judged by macro-F1, so its classes are weighted to balance; open/closed and
#: simple/complex are judged by accuracy, so those heads keep train's class shares.
L2_GRID = (1e-2, 3e-2, 1e-1, 3e-1, 1.0)

BALANCE = {"behaviour": True, "question": False, "reflection": False, "input": True}


def features(model: Path | None = None) -> tuple[list, np.ndarray]:
    """Sentence vectors are cached (slow); the cues are recomputed every run (fast, and still changing).
    `model`: a candidate encoder (an ONNX file from export_coding.py) instead of the shipped one."""
    from holdspace.language.embedding import DIMENSION, Encoder, tokenizer_file
    from holdspace.practice.cues import cue_vector
    from holdspace.practice.features import CODING_MODEL_SHA256, MAX_TOKENS

    rows = read()
    sha = hashlib.sha256(model.read_bytes()).hexdigest() if model else CODING_MODEL_SHA256
    encoder = (Encoder(model, tokenizer_file(), sha, max_tokens=MAX_TOKENS, memo=0, spin=False)
               if model else None)
    path = CACHE / f"coding_vectors_{sha[:12]}.npz"  # one file per encoder
    vectors = np.load(path)["v"] if path.exists() else None
    if vectors is None or len(vectors) != len(rows):
        CACHE.mkdir(parents=True, exist_ok=True)
        t = time.time()
        vectors = extract([r.text for r in rows], [r.client for r in rows], encoder,
                          with_tokens=False).x[:, :DIMENSION]
        print(f"sentence vectors for {len(rows)} utterances in {time.time() - t:.0f} s", flush=True)
        np.savez(path, v=vectors)
    cues = np.array([cue_vector(r.text, r.client, r.next) for r in rows], dtype=np.float32)
    return rows, np.concatenate([vectors, cues], axis=1)


def team_rows(paths: Path | list[Path]) -> list[Row]:
    """The team-written examples (training/coding_team_examples*.toml; one file or several, read in
    the order given) as AnnoMI-like rows, split "team"."""
    rows = []
    for path in [paths] if isinstance(paths, Path) else paths:
        with path.open("rb") as f:
            data = tomllib.load(f)
        for task, entries in data.items():
            for i, e in enumerate(entries):
                rows.append(Row(f"team-{path.stem}-{task}", i, e["text"], e["client"], task,
                                e["label"] if task == "question" else "n/a",
                                e["label"] if task == "reflection" else "n/a", "n/a", "team", e["next"] or None))
    return rows


def team_examples(path: Path | list[Path], model: Path | None = None) -> tuple[list, np.ndarray]:
    """The team-written examples as rows, with their features from the same encoder (not cached:
    a few hundred short texts)."""
    from holdspace.language.embedding import Encoder, tokenizer_file
    from holdspace.practice.features import MAX_TOKENS

    rows = team_rows(path)
    encoder = (Encoder(model, tokenizer_file(), hashlib.sha256(model.read_bytes()).hexdigest(),
                       max_tokens=MAX_TOKENS, memo=0, spin=False) if model else None)
    feats = extract([r.text for r in rows], [r.client for r in rows], encoder, with_tokens=False,
                    nexts=[r.next for r in rows])
    return rows, feats.x


def fit_softmax(x: np.ndarray, y: np.ndarray, k: int, l2: float, steps: int = 300,
                balance: bool = True, sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam, classes weighted to balance (or not),
    times any per-row `sample_weight`."""
    x = x.astype(np.float32)
    n, d = x.shape
    counts = np.bincount(y, minlength=k).astype(np.float64)
    weight = (n / (k * np.clip(counts, 1, None)))[y] if balance else np.ones(n)
    if sample_weight is not None:
        weight = weight * sample_weight
    onehot = np.eye(k)[y]
    w, b = np.zeros((d, k), np.float32), np.zeros(k, np.float32)
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    lr, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * weight[:, None] / weight.sum()
        grads = [x.T @ g + l2 * w, g.sum(axis=0)]
        for i, (param, grad) in enumerate(zip((w, b), grads)):
            m[i] = beta1 * m[i] + (1 - beta1) * grad
            v[i] = beta2 * v[i] + (1 - beta2) * grad ** 2
            param -= lr * (m[i] / (1 - beta1 ** step)) / (np.sqrt(v[i] / (1 - beta2 ** step)) + 1e-8)
    return w, b


def macro_f1(gold: np.ndarray, pred: np.ndarray, k: int) -> float:
    scores = []
    for c in range(k):
        tp = np.sum((pred == c) & (gold == c))
        fp, fn = np.sum((pred == c) & (gold != c)), np.sum((pred != c) & (gold == c))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return float(np.mean(scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", type=Path, help="a candidate encoder's ONNX file (default: the shipped one)")
    parser.add_argument("--held-out", action="store_true",
                        help="only score on the held-out fifth of train; write no heads")
    parser.add_argument("--keep-l2", action="store_true",
                        help="refit each head at the L2 its shipped file records, not one picked again: for "
                             "an encoder fine-tuned on all of train (--all-train), which has read the "
                             "held-out fifth, so scores there would pick nothing")
    parser.add_argument("--team-examples", type=Path, nargs="+",
                        help="add these team-written examples (TOML files, training/coding_team_examples*.toml) "
                             "to the rows the question and reflection heads are fitted on")
    parser.add_argument("--team-weight", type=float, default=1.0, help="each team example counts this many times")
    parser.add_argument("--team-behaviour", action="store_true",
                        help="with --team-examples: add them to the behaviour head's rows too")
    args = parser.parse_args()
    rows, x = features(args.encoder)
    team_rows, team_x = team_examples(args.team_examples, args.encoder) if args.team_examples else ([], None)
    team_heads = ("question", "reflection") + (("behaviour",) if args.team_behaviour else ())
    train = np.array([r.split == "train" for r in rows])
    transcripts = sorted({r.transcript for r, t in zip(rows, train) if t})
    rng = np.random.default_rng(SEED)
    held = set(rng.choice(transcripts, size=len(transcripts) // 5, replace=False))
    HEADS.mkdir(parents=True, exist_ok=True)
    chosen: dict[str, float] = {}
    print(f"{'head':10} {'l2':>7} {'held-out macro-F1':>18} {'accuracy':>9}")
    for name, (get, labels) in TASKS.items():
        keep = np.array([t and get(r) in labels for r, t in zip(rows, train)])
        xs = x[keep]
        y = np.array([labels.index(get(r)) for r, k in zip(rows, keep) if k])
        tr_ids = [r.transcript for r, k in zip(rows, keep) if k]
        hold = np.array([t in held for t in tr_ids])
        # Team-written rows join the fitted rows only (never the held-out fifth).
        team = [i for i, r in enumerate(team_rows) if name in team_heads and get(r) in labels]
        tx = team_x[team] if team else np.zeros((0, x.shape[1]), np.float32)
        ty = np.array([labels.index(get(team_rows[i])) for i in team], dtype=int)
        fit_x, fit_y = np.concatenate([xs[~hold], tx]), np.concatenate([y[~hold], ty])
        sw = np.concatenate([np.ones((~hold).sum()), np.full(len(team), args.team_weight)])
        mu, sd = fit_x.mean(0), fit_x.std(0) + 1e-6
        best = None
        for l2 in L2_GRID:
            w, b = fit_softmax((fit_x - mu) / sd, fit_y, len(labels), l2, balance=BALANCE[name], sample_weight=sw)
            pred = (((xs[hold] - mu) / sd) @ w + b).argmax(1)
            f1 = macro_f1(y[hold], pred, len(labels))
            print(f"{name:10} {l2:7.0e} {f1:18.3f} {np.mean(pred == y[hold]):9.3f}", flush=True)
                # Macro-F1 for the behaviour and input heads, accuracy for the two targets measured so.
            score = f1 if BALANCE[name] else float(np.mean(pred == y[hold]))
            if best is None or score > best[1]:
                best = (l2, score)
        chosen[name] = best[1]
        if args.held_out:
            continue
        if args.keep_l2:
            with np.load(HEADS / f"coding_{name}.npz") as shipped:
                best = (float(shipped["l2"]), float("nan"))
        all_x, all_y = np.concatenate([xs, tx]), np.concatenate([y, ty])
        sw = np.concatenate([np.ones(len(xs)), np.full(len(team), args.team_weight)])
        mu, sd = all_x.mean(0), all_x.std(0) + 1e-6
        w, b = fit_softmax((all_x - mu) / sd, all_y, len(labels), best[0], balance=BALANCE[name], sample_weight=sw)
        # Fold the standardisation into the weights: the product feeds raw features.
        w0 = (w / sd[:, None]).astype(np.float32)
        b0 = (b - (mu / sd) @ w).astype(np.float32)
        np.savez_compressed(HEADS / f"coding_{name}.npz", W0=w0, b0=b0, labels=np.array(labels),
                            cues=np.array(CUE_NAMES), l2=np.array(best[0]))
        print(f"{name:10} chose l2 {best[0]:.0e}; wrote {HEADS / f'coding_{name}.npz'}", flush=True)
    seen = "(not held out: the encoder read these rows) " if args.keep_l2 else ""
    print(seen + "held-out fifth at the chosen L2: behaviour macro-F1 {behaviour:.3f}, open/closed {question:.3f}, "
          "simple/complex {reflection:.3f}, input macro-F1 {input:.3f}".format(**chosen))


if __name__ == "__main__":
    main()
