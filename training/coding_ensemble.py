"""Score an ensemble of fit-part encoders on the held-out fifth of AnnoMI train (writes nothing).

    OMP_NUM_THREADS=1 nice -n 15 python training/coding_ensemble.py CACHE/coding6_L4_s{20261129,11,12,13}.onnx
    OMP_NUM_THREADS=1 nice -n 15 python training/coding_ensemble.py --time CACHE/coding6_L4_s{20261129,13}.onnx

Each encoder keeps its own numpy heads (fitted on the fit part, each head's L2 picked on the
held-out fifth exactly as `coding.py --held-out` picks it for a single encoder); an ensemble codes
by averaging its members' probabilities (and, for comparison, their logits: a logit average is
still linear in each member's token states, so its per-word shares stay exact). Every pair, triple
and so on of the encoders given is scored. Session 7: an experiment; nothing here is shipped.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from coding import BALANCE, L2_GRID, SEED, TASKS, features, fit_softmax, macro_f1  # noqa: E402


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("encoders", type=Path, nargs="+", help="fit-part encoders (ONNX from export_coding.py)")
    parser.add_argument("--time", action="store_true",
                        help="only time features.extract over a one-hour session (400 dev therapist turns, "
                             "as benchmarks/coding.py builds it) with the first one and then all the encoders")
    args = parser.parse_args()
    if args.time:
        return timing(args.encoders)
    names = [p.stem.replace("coding6_L4_", "") for p in args.encoders]
    loaded = [features(p) for p in args.encoders]
    rows = loaded[0][0]
    train = np.array([r.split == "train" for r in rows])
    transcripts = sorted({r.transcript for r, t in zip(rows, train) if t})
    rng = np.random.default_rng(SEED)
    held = set(rng.choice(transcripts, size=len(transcripts) // 5, replace=False))
    # logits[task][member]: held-out logits at the L2 that member's head picked there.
    logits: dict[str, list[np.ndarray]] = {}
    gold: dict[str, np.ndarray] = {}
    for task, (get, labels) in TASKS.items():
        keep = np.array([t and get(r) in labels for r, t in zip(rows, train)])
        y = np.array([labels.index(get(r)) for r, k in zip(rows, keep) if k])
        hold = np.array([r.transcript in held for r, k in zip(rows, keep) if k])
        gold[task] = y[hold]
        logits[task] = []
        for name, (_, x) in zip(names, loaded):
            xs = x[keep]
            mu, sd = xs[~hold].mean(0), xs[~hold].std(0) + 1e-6
            best = None
            for l2 in L2_GRID:
                w, b = fit_softmax((xs[~hold] - mu) / sd, y[~hold], len(labels), l2, balance=BALANCE[task])
                z = ((xs[hold] - mu) / sd) @ w + b
                score = _score(task, y[hold], z.argmax(1), len(labels))
                if best is None or score > best[0]:
                    best = (score, l2, z)
            print(f"{name:12} {task:10} picked l2 {best[1]:.0e}: {best[0]:.3f}", flush=True)
            logits[task].append(best[2])
    print(f"\n{'members':40} {'way':5} {'behaviour':>9} {'open/cl':>8} {'simp/cx':>8} {'input':>7} {'mean3':>7}")
    for size in range(1, len(names) + 1):
        for combo in itertools.combinations(range(len(names)), size):
            for way in (("prob", "logit") if size > 1 else ("one",)):
                scores = []
                for task, (_, labels) in TASKS.items():
                    zs = [logits[task][m] for m in combo]
                    avg = (np.mean([_softmax(z) for z in zs], axis=0) if way == "prob" else np.mean(zs, axis=0))
                    scores.append(_score(task, gold[task], avg.argmax(1), len(labels)))
                label = " + ".join(names[m] for m in combo)
                print(f"{label:40} {way:5} {scores[0]:9.3f} {scores[1]:8.3f} {scores[2]:8.3f} {scores[3]:7.3f} "
                      f"{np.mean(scores[:3]):7.4f}", flush=True)


def timing(paths: list[Path], runs: int = 3) -> None:
    """An ensemble runs every encoder over the session: its feature time is the members' times added."""
    import hashlib
    import os
    import time

    from annomi import read
    from holdspace.language.embedding import Encoder, tokenizer_file
    from holdspace.practice.features import MAX_TOKENS, extract

    rows = [r for r in read() if r.split == "dev"]
    texts, clients, nexts = ([getattr(r, f) for r in rows] * 2 for f in ("text", "client", "next"))
    texts, clients, nexts = texts[:400], clients[:400], nexts[:400]
    encoders = [Encoder(p, tokenizer_file(), hashlib.sha256(p.read_bytes()).hexdigest(), max_tokens=MAX_TOKENS,
                        memo=0, spin=False) for p in paths]
    for e in encoders:
        extract(texts[:8], clients[:8], e, nexts=nexts[:8])  # warm
    for run in range(runs):
        for k in sorted({1, len(encoders)}):
            start, cpu = time.perf_counter(), time.process_time()
            for e in encoders[:k]:
                extract(texts, clients, e, nexts=nexts)
            print(f"run {run + 1}: {k} encoder(s), features.extract for 400 therapist turns: "
                  f"{time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu:.2f} s CPU "
                  f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", flush=True)


def _score(task: str, gold: np.ndarray, pred: np.ndarray, k: int) -> float:
    """Macro-F1 for the behaviour and input heads, accuracy for the two targets measured so."""
    return macro_f1(gold, pred, k) if BALANCE[task] else float(np.mean(pred == gold))


if __name__ == "__main__":
    main()
