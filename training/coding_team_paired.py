"""Does adding the team-written examples change the heads on the held-out fifth? A paired look.

    OMP_NUM_THREADS=1 nice -n 15 python training/coding_team_paired.py --team-weight 3 \
        CACHE/coding6_L4_s{20261129,11,12,13}.onnx
    ... --examples training/coding_team_examples{,_b}.toml   # several files (default: the first)

For each fit-part encoder, the open/closed and simple/complex heads are fitted on the fit part
with and without the examples (each at the L2 picked on the held-out fifth, as coding.py picks
it), and their held-out predictions compared row by row: how many rows each gets right that the
other gets wrong, and a bootstrap over held-out transcripts (2,000 draws) of the accuracy gain.
Writes nothing. Session 7: an experiment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from coding import BALANCE, L2_GRID, SEED, TASKS, features, fit_softmax, team_examples  # noqa: E402

EXAMPLES = [Path(__file__).parent / "coding_team_examples.toml"]


def held_out_predictions(xs, y, hold, tx, ty, weight, balance, k, grid=L2_GRID):
    """Held-out predictions at the L2 (of `grid`) with the best held-out accuracy, fitted on the fit
    rows + (tx, ty)."""
    fit_x, fit_y = np.concatenate([xs[~hold], tx]), np.concatenate([y[~hold], ty])
    sw = np.concatenate([np.ones((~hold).sum()), np.full(len(ty), weight)])
    mu, sd = fit_x.mean(0), fit_x.std(0) + 1e-6
    best = None
    for l2 in grid:
        w, b = fit_softmax((fit_x - mu) / sd, fit_y, k, l2, balance=balance, sample_weight=sw)
        pred = (((xs[hold] - mu) / sd) @ w + b).argmax(1)
        acc = float(np.mean(pred == y[hold]))
        if best is None or acc > best[0]:
            best = (acc, l2, pred)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("encoders", type=Path, nargs="+")
    parser.add_argument("--team-weight", type=float, default=1.0)
    parser.add_argument("--examples", type=Path, nargs="+", default=EXAMPLES,
                        help="the team-written example files to add (default: training/coding_team_examples.toml)")
    parser.add_argument("--level", type=float, default=0.95, help="the bootstrap interval's coverage")
    parser.add_argument("--baseline-l2", action="store_true",
                        help="fit the heads with the examples at the L2 picked without them (no second pick "
                             "on the held-out fifth, which flatters the variant)")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    pooled: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {"question": [], "reflection": []}
    for model in args.encoders:
        rows, x = features(model)
        trows, tx_all = team_examples(args.examples, model)
        train = np.array([r.split == "train" for r in rows])
        transcripts = sorted({r.transcript for r, t in zip(rows, train) if t})
        held = set(np.random.default_rng(SEED).choice(transcripts, size=len(transcripts) // 5, replace=False))
        for name in ("question", "reflection"):
            get, labels = TASKS[name]
            keep = np.array([t and get(r) in labels for r, t in zip(rows, train)])
            xs = x[keep]
            y = np.array([labels.index(get(r)) for r, k in zip(rows, keep) if k])
            ids = np.array([r.transcript for r, k in zip(rows, keep) if k])
            hold = np.isin(ids, list(held))
            team = [i for i, r in enumerate(trows) if get(r) in labels]
            ty = np.array([labels.index(get(trows[i])) for i in team])
            a0, l0, p0 = held_out_predictions(xs, y, hold, tx_all[:0], ty[:0], 1.0, BALANCE[name], len(labels))
            a1, l1, p1 = held_out_predictions(xs, y, hold, tx_all[team], ty, args.team_weight, BALANCE[name],
                                              len(labels), (l0,) if args.baseline_l2 else L2_GRID)
            gold, groups = y[hold], ids[hold]
            r0, r1 = p0 == gold, p1 == gold
            pooled[name].append((r0, r1, groups))
            only1, only0 = int(np.sum(r1 & ~r0)), int(np.sum(r0 & ~r1))
            names = sorted(set(groups))
            at = {g: np.flatnonzero(groups == g) for g in names}
            gains = []
            for _ in range(2000):
                idx = np.concatenate([at[g] for g in rng.choice(names, size=len(names))])
                gains.append(r1[idx].mean() - r0[idx].mean())
            lo, hi = np.percentile(gains, [50 * (1 - args.level), 100 - 50 * (1 - args.level)])
            marked = "complex" if name == "reflection" else "open"
            before, after = (float(np.mean(p == labels.index(marked))) for p in (p0, p1))
            print(f"{model.stem:22} {name:10} n={len(gold)}: without {a0:.3f} (l2 {l0:.0e}) -> with {a1:.3f} "
                  f"(l2 {l1:.0e}); right only with {only1}, only without {only0}; gain {a1 - a0:+.3f}, "
                  f"{100 * args.level:g}% bootstrap over transcripts {lo:+.3f} to {hi:+.3f}; share called {marked} "
                  f"{before:.2f} -> {after:.2f}", flush=True)
    # The gain averaged over the encoders given, with one bootstrap over the held-out transcripts
    # they share (the same rows for every encoder, so their gains are not independent).
    for name, runs in pooled.items():
        groups = runs[0][2]
        names = sorted(set(groups))
        at = {g: np.flatnonzero(groups == g) for g in names}
        mean_gain = float(np.mean([r1.mean() - r0.mean() for r0, r1, _ in runs]))
        gains = []
        for _ in range(2000):
            idx = np.concatenate([at[g] for g in rng.choice(names, size=len(names))])
            gains.append(np.mean([r1[idx].mean() - r0[idx].mean() for r0, r1, _ in runs]))
        lo, hi = np.percentile(gains, [50 * (1 - args.level), 100 - 50 * (1 - args.level)])
        print(f"{name:10} gain averaged over {len(runs)} encoders {mean_gain:+.4f}, {100 * args.level:g}% bootstrap over "
              f"transcripts {lo:+.3f} to {hi:+.3f}", flush=True)


if __name__ == "__main__":
    main()
