"""Would per-class offsets on the coder's heads help? Judged on the held-out fifth of TRAIN only.

    OMP_NUM_THREADS=1 nice -n 15 python coding_offsets.py --encoder CACHE/FIT_PART.onnx [--repeats 20]

The numpy heads are fitted on the fit part (as coding.py does, L2 picked on the held-out fifth) over
a FIT-PART encoder, which has not read the held-out fifth. Then, for each head, offsets added to its
logits (the behaviour head: one per class, for macro-F1; open/closed and simple/complex: one shift,
for accuracy) are tuned on some held-out transcripts and applied to the others (5 folds by
transcript, repeated with different cuts), so the gain printed is measured on transcripts the
offsets were not tuned on. An offset would cost nothing at run time (it folds into the bias).
It also scores a rule with nothing to tune against the open/closed head: the last question opens
with a wh-word (what, how, tell…, not "how many", "what time"…) → open; with an auxiliary (do, is,
can…) → closed; otherwise the head decides (practice/cues.question_opening, as the product reads it).
Dev is never read. Writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from coding import BALANCE, L2_GRID, SEED, TASKS, features, fit_softmax, macro_f1  # noqa: E402
from holdspace.practice.cues import _WH_CLOSED, question_opening  # noqa: E402

GRID = np.round(np.arange(-1.5, 1.51, 0.1), 2)


def metric(name: str, y: np.ndarray, pred: np.ndarray, k: int) -> float:
    return macro_f1(y, pred, k) if BALANCE[name] else float(np.mean(pred == y))


def tune(name: str, z: np.ndarray, y: np.ndarray, rounds: int = 3) -> np.ndarray:
    """Offsets (class 0's fixed at 0) by coordinate ascent on the metric; ties keep the smaller shift."""
    k = z.shape[1]
    off = np.zeros(k)
    for _ in range(rounds):
        for c in range(1, k):
            best = (metric(name, y, (z + off).argmax(1), k), -abs(off[c]), off[c])
            for g in GRID:
                trial = off.copy()
                trial[c] = g
                s = (metric(name, y, (z + trial).argmax(1), k), -abs(g), g)
                if s > best:
                    best = s
            off[c] = best[2]
    return off


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", type=Path, required=True, help="a fit-part encoder's ONNX file")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    rows, x = features(args.encoder)
    train = np.array([r.split == "train" for r in rows])
    transcripts = sorted({r.transcript for r, t in zip(rows, train) if t})
    rng = np.random.default_rng(SEED)
    held = set(rng.choice(transcripts, size=len(transcripts) // 5, replace=False))
    print(f"{'head':10} {'none':>6} {'tuned, other folds (mean, min-max over cuts)':>46} {'in-sample':>10}  offsets on all")
    for name, (get, labels) in TASKS.items():
        if name == "input":
            continue
        keep = np.array([t and get(r) in labels for r, t in zip(rows, train)])
        xs = x[keep]
        y = np.array([labels.index(get(r)) for r, k in zip(rows, keep) if k])
        ids = np.array([r.transcript for r, k in zip(rows, keep) if k])
        hold = np.isin(ids, list(held))
        mu, sd = xs[~hold].mean(0), xs[~hold].std(0) + 1e-6
        best = None
        for l2 in L2_GRID:
            w, b = fit_softmax((xs[~hold] - mu) / sd, y[~hold], len(labels), l2, balance=BALANCE[name])
            z = ((xs[hold] - mu) / sd) @ w + b
            s = metric(name, y[hold], z.argmax(1), len(labels))
            if best is None or s > best[0]:
                best = (s, z)
        base, z = best
        yh, th = y[hold], ids[hold]
        names = np.array(sorted(set(th)))
        cv = []
        for rep in range(args.repeats):
            order = np.random.default_rng(1000 + rep).permutation(names)
            pred = np.zeros(len(yh), int)
            for f in range(args.folds):
                out = np.isin(th, order[f::args.folds])
                off = tune(name, z[~out], yh[~out])
                pred[out] = (z[out] + off).argmax(1)
            cv.append(metric(name, yh, pred, len(labels)))
        off = tune(name, z, yh)
        inside = metric(name, yh, (z + off).argmax(1), len(labels))
        print(f"{name:10} {base:6.3f} {np.mean(cv):22.3f} ({min(cv):.3f}-{max(cv):.3f}){'':14} {inside:10.3f}  "
              + " ".join(f"{lab} {o:+.1f}" for lab, o in zip(labels, off)), flush=True)
        if name == "question":
            texts = [r.text for r, k in zip(rows, keep) if k]
            texts = [t for t, h in zip(texts, hold) if h]
            rule = np.full(len(yh), -1)
            for i, t in enumerate(texts):
                kind, _ = question_opening(t)
                if kind == "wh" and not _WH_CLOSED.search(t):
                    rule[i] = 0
                elif kind == "aux":
                    rule[i] = 1
            fires = rule >= 0
            head = z.argmax(1)
            both = np.where(fires, rule, head)
            print(f"{'':10} opening rule fires on {fires.mean():.1%}: right there {np.mean(rule[fires] == yh[fires]):.3f} "
                  f"(head {np.mean(head[fires] == yh[fires]):.3f}); rule there, head elsewhere {np.mean(both == yh):.3f} "
                  f"(head alone {np.mean(head == yh):.3f})", flush=True)
        if len(labels) == 2:  # how the offset moves the share of each class said, against the truth
            tuned = (z + off).argmax(1)
            print(f"{'':10} {labels[1]}: {np.mean(yh == 1):.1%} of the held-out fifth ({np.mean(y[~hold] == 1):.1%} "
                  f"of the fit part); called {np.mean(z.argmax(1) == 1):.1%}, {np.mean(tuned == 1):.1%} with "
                  f"the offset, which finds {np.mean(tuned[yh == 1] == 1):.1%} of them "
                  f"(without: {np.mean(z.argmax(1)[yh == 1] == 1):.1%})", flush=True)


if __name__ == "__main__":
    main()
