"""Train the thinking-trap head on the team's own labelled thoughts; write heads/distortion.npz.

    python training/distortion.py [--folds 5] [--l2 1.0]

Data: distortion_statements_a.toml and _b.toml beside this script, written by the team (project
licence): one trap per statement, and [none] for thoughts that are not caught in a trap (many of
them sad or anxious on purpose). No other data is used; the shreevastava set is measure-only and
is read only by benchmarks/distortion.py.

The head is one-vs-rest logistic regression (numpy, no torch) over unit MiniLM embeddings:
output 0 is "distorted", outputs 1..13 the traps. The distorted threshold is the one with the
best F1 over the out-of-fold predictions of a seeded k-fold split; the trap threshold likewise
(best micro-F1 of the top trap on distorted statements). Nothing else chooses them.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

import numpy as np

from holdspace.language.embedding import encoder
from holdspace.language.heads import HEADS_DIR
from holdspace.selfcompassion.traps import cue_hits, traps

HERE = Path(__file__).resolve().parent
SEED = 20261129
PARTS = ("a", "b", "c")


def read_statements() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for part in PARTS:
        data = tomllib.loads((HERE / f"distortion_statements_{part}.toml").read_text())
        for key, section in data.items():
            for s in section["statements"]:
                texts.append(s)
                labels.append("none" if key.startswith("none") else key.removesuffix("_post").removesuffix("_long"))
    return texts, labels


def targets(labels: list[str], keys: list[str]) -> np.ndarray:
    y = np.zeros((len(labels), 1 + len(keys)), dtype=np.float32)
    for i, lab in enumerate(labels):
        if lab != "none":
            y[i, 0] = 1
            y[i, 1 + keys.index(lab)] = 1
    return y


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 600, lr: float = 2.0):
    """One-vs-rest logistic regression by full-batch gradient descent, classes weighted to balance."""
    n, d = x.shape
    w = np.zeros((d, y.shape[1]), dtype=np.float64)
    b = np.zeros(y.shape[1], dtype=np.float64)
    pos = y.mean(0).clip(1e-3, 1 - 1e-3)
    weights = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))  # each class's positives count half
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weights
        w -= lr * (x.T @ g / n + l2 * w / n)
        b -= lr * g.mean(0)
    return w.astype(np.float32), b.astype(np.float32)


def f1(gold: np.ndarray, pred: np.ndarray) -> float:
    tp = float((gold & pred).sum())
    return 2 * tp / max(float(gold.sum() + pred.sum()), 1.0)


def mcc(gold: np.ndarray, pred: np.ndarray) -> float:
    tp, tn = float((gold & pred).sum()), float((~gold & ~pred).sum())
    fp, fn = float((~gold & pred).sum()), float((gold & ~pred).sum())
    d = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
    return (tp * tn - fp * fn) / d if d else 0.0


def composed_posts(labels: list[str], count: int = 4000, rng=None) -> tuple[list[list[int]], np.ndarray]:
    """Long help-seeking messages composed from our own statements (indices), half of them with
    one or two trap statements among 2-11 that are not. Each statement's out-of-fold probability
    stands in for the head's reading of it, so no statement is scored by a head that saw it."""
    rng = rng or np.random.default_rng(SEED)
    plain = [i for i, lab in enumerate(labels) if lab == "none"]
    trapped = [i for i, lab in enumerate(labels) if lab != "none"]
    posts, gold = [], np.zeros(count, dtype=bool)
    for p in range(count):
        post = list(rng.choice(plain, size=int(rng.integers(3, 13)), replace=False))
        if p % 2:
            gold[p] = True
            for _ in range(int(rng.integers(1, 3))):
                post[int(rng.integers(len(post)))] = int(rng.choice(trapped))
        posts.append(post)
    return posts, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()

    keys = [t.key for t in traps()]
    texts, labels = read_statements()
    missing = [k for k in keys if k not in labels]
    assert not missing, f"no statements for {missing}"
    y = targets(labels, keys)
    x = encoder().embed(texts).astype(np.float64)
    print(f"{len(texts)} statements: {int(y[:, 0].sum())} in a trap, {int((y[:, 0] == 0).sum())} not")

    rng = np.random.default_rng(SEED)
    fold = rng.permutation(len(texts)) % args.folds
    oof = np.zeros_like(y)
    for k in range(args.folds):
        w, b = fit(x[fold != k], y[fold != k], args.l2)
        oof[fold == k] = 1 / (1 + np.exp(-(x[fold == k] @ w + b)))

    gold = y[:, 0] > 0
    grid = np.round(np.arange(0.2, 0.9, 0.02), 2)
    scores = [f1(gold, oof[:, 0] >= t) for t in grid]
    threshold = float(grid[int(np.argmax(scores))])
    pred = oof[:, 0] >= threshold
    acc = float((pred == gold).mean())
    print(f"cross-validated distorted F1 {max(scores):.3f}, accuracy {acc:.3f} at threshold {threshold}")

    top = oof[:, 1:].argmax(1)
    trap_grid = np.round(np.arange(0.05, 0.8, 0.05), 2)
    trap_scores = []
    for t in trap_grid:
        named = gold & pred & (oof[np.arange(len(top)), top + 1] >= t)
        right = named & (y[np.arange(len(top)), top + 1] > 0)
        precision = right.sum() / max(named.sum(), 1)
        recall = right.sum() / max(gold.sum(), 1)
        trap_scores.append(2 * precision * recall / max(precision + recall, 1e-9))
    trap_threshold = float(trap_grid[int(np.argmax(trap_scores))])
    print(f"cross-validated top-trap F1 {max(trap_scores):.3f} at trap threshold {trap_threshold}")

    cue_fp = sum(1 for t, lab in zip(texts, labels) if lab == "none" and cue_hits(t))
    cue_tp = sum(1 for t, lab in zip(texts, labels) if lab != "none" and lab in cue_hits(t))
    print(f"cues: name the labelled trap in {cue_tp}/{int(gold.sum())} trap statements; "
          f"fire on {cue_fp}/{int((~gold).sum())} statements that are not in a trap")
    for t, lab in zip(texts, labels):
        if lab == "none" and cue_hits(t):
            print("   cue on a non-trap:", t, cue_hits(t))

    # A long message has many sentences, each a chance of a false alarm, so its bar is set on
    # messages composed from our own statements: the best F1, as for one thought (MCC shown too).
    cued = np.array([bool(cue_hits(t)) for t in texts])
    posts, post_gold = composed_posts(labels)
    post_grid = np.round(np.arange(0.3, 0.96, 0.02), 2)
    post_max = np.array([oof[p, 0].max() for p in posts])
    post_cued = np.array([cued[p].any() for p in posts])
    post_scores = [f1(post_gold, post_cued | (post_max >= t)) for t in post_grid]
    post_threshold = float(post_grid[int(np.argmax(post_scores))])
    for name, t in (("message", post_threshold), ("one-thought", threshold)):
        pred = post_cued | (post_max >= t)
        print(f"composed messages ({len(posts)}, half in a trap) at the {name} threshold {t}: "
              f"F1 {f1(post_gold, pred):.3f}, MCC {mcc(post_gold, pred):.3f}")

    w, b = fit(x, y, args.l2)
    out = HEADS_DIR / "distortion.npz"
    np.savez(out, W0=w, b0=b, labels=np.array(["distorted", *keys]),
             threshold=np.float32(threshold), trap_threshold=np.float32(trap_threshold),
             post_threshold=np.float32(post_threshold))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
