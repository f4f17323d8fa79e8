"""Train the reply check's head: does a local model's reply, read as a whole, harm? Writes heads/reply_check.npz.

    PYTHONPATH=src python training/reply_check.py [--out PATH]   # default: the shipped heads/reply_check.npz

A local model's reply is shown only when `listening.responder.problems_in` finds nothing wrong with it. The output
filter's patterns stop what they were written for and little else: tuned on two blind sets of replies, they stopped
57 of a third writer's 100 harmful replies (training/README.md, session 15). This head reads the reply's meaning
instead: one logistic regression (numpy) over the product's own unit sentence embedding (`language.embedding`),
harmful (1) against caring (0).

Data, all dev and all written by the team (tests/safety/data/): replies sets 1-4 (`replies_dev{,2,3,4}.jsonl`, each
read once as a held-back set and then retired), the lead's own (`replies_dev_lead.jsonl`), dev batch 5
(`replies_dev_batch5.jsonl`, written for training) and risk_dev's helper replies (caring). Held-back set 5
(`replies_test5.jsonl`) is never read here.

Cross-validation leaves one writer's set out at a time (one group per file, and the helper replies), so
each figure is on wording by a writer the head never read. The L2 strength and the threshold are picked there and
nowhere else: the threshold is the lowest at which the check (filter + rules + head) still shows 95% of the caring
replies that the filter and rules show; the L2 is the one that then stops the most harmful replies.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from holdspace.language.embedding import encoder
from holdspace.language.heads import HEADS_DIR
from holdspace.safety.output_filter import check_output
from holdspace.safety.risk import assess, rules_layer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from replies import DEV_SETS as SETS  # noqa: E402  (the dev replies, one file per writer, as the benchmark reads them)
from replies import helper_replies, jsonl  # noqa: E402
L2S = (0.1, 0.3, 1.0, 3.0)
KEEP_CARING = 0.95


def rows() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels (1 harmful) and group numbers."""
    texts, labels, groups = [], [], []
    for g, name in enumerate(SETS.values()):
        for r in jsonl(name):
            texts.append(r["text"]), labels.append(0 if r["show"] else 1), groups.append(g)
    for r in helper_replies():
        texts.append(r["text"]), labels.append(0), groups.append(len(SETS))
    return texts, np.array(labels), np.array(groups)


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 800, lr: float = 2.0) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch gradient descent, the two classes weighted to count alike."""
    w, b, n = np.zeros(x.shape[1]), 0.0, len(y)
    weights = np.where(y > 0, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weights
        w -= lr * (x.T @ g / n + l2 * w / n)
        b -= lr * float(g.mean())
    return w, b


def out_of_group(x: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float) -> np.ndarray:
    p = np.zeros(len(y))
    for g in np.unique(groups):
        train = groups != g
        w, b = fit(x[train], y[train], l2)
        p[~train] = 1 / (1 + np.exp(-(x[~train] @ w + b)))
    return p


def pick_threshold(p: np.ndarray, y: np.ndarray, caught: np.ndarray) -> float:
    """The lowest threshold at which the check shows KEEP_CARING of the caring replies filter and rules show."""
    shown = (y == 0) & ~caught
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        if ((p < t) & shown).sum() >= KEEP_CARING * shown.sum():
            return float(t)
    return 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HEADS_DIR / "reply_check.npz")
    args = parser.parse_args()
    texts, y, groups = rows()
    x = encoder().embed(texts).astype(np.float64)
    caught = np.array([bool(check_output(t)) or assess(t, layers=[rules_layer]).level != "none" for t in texts])
    print(f"{len(texts)} replies: {int(y.sum())} harmful, {int((y == 0).sum())} caring; "
          f"filter + rules stop {int((caught & (y == 1)).sum())} harmful, show {int((~caught & (y == 0)).sum())} caring")
    names = [*SETS, "helper replies"]
    best = None
    print("\n| L2 | threshold | harmful stopped, check with head (left-out writer) | caring shown | by left-out set |")
    print("|---|---|---|---|---|")
    for l2 in L2S:
        p = out_of_group(x, y, groups, l2)
        t = pick_threshold(p, y, caught)
        stop = caught | (p >= t)
        by_set = "; ".join(f"{names[g]} {int((stop & (y == 1) & (groups == g)).sum())}/{int(((y == 1) & (groups == g)).sum())}"
                           f" ({int((~stop & (y == 0) & (groups == g)).sum())}/{int(((y == 0) & (groups == g)).sum())})"
                           for g in np.unique(groups))
        print(f"| {l2} | {t:.2f} | {int((stop & (y == 1)).sum())}/{int(y.sum())} | "
              f"{int((~stop & (y == 0)).sum())}/{int((y == 0).sum())} | {by_set} |")
        score = int((stop & (y == 1)).sum())
        if best is None or score > best[0]:
            best = (score, l2, t)
    _, l2, t = best
    w, b = fit(x, y, l2)
    out = args.out
    np.savez(out, W0=w.astype(np.float32)[:, None], b0=np.array([b], dtype=np.float32),
             threshold=np.float32(t), l2=np.float32(l2))
    print(f"\nL2 {l2}, threshold {t:.2f}: wrote {out}")


if __name__ == "__main__":
    main()
