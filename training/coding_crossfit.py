"""Cross-fitting: do the team-written examples help the heads on ALL of train, not one fifth?

    OMP_NUM_THREADS=1 nice -n 15 python training/coding_crossfit.py \
        0=CACHE/coding6_L4_s20261129.onnx 1=CACHE/coding9_cf1.onnx 2=CACHE/coding9_cf2.onnx \
        3=CACHE/coding9_cf3.onnx 4=CACHE/coding9_cf4.onnx \
        --examples training/coding_team_examples{,_b,_c}.toml --weights 3 1

Each argument K=ENCODER names the encoder fine-tuned (finetune_coding.py --fold K) on the four
fifths of train other than fifth K (finetune_coding.fold_transcripts). Over that encoder's features
the numpy heads are fitted on those four fifths, without the examples and with them at each
weight (open/closed and simple/complex heads only, as coding.py adds them), each head at the L2 its
shipped file records (what coding.py --keep-l2 ships; nothing is picked on a scored fifth), and
predict fifth K. The predictions are pooled over the fifths given and compared row by row; the
bootstrap resamples train transcripts. The first weight is the planned comparison
(training/README.md, "Cross-fitting"). Writes nothing. Session 8: an experiment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from coding import BALANCE, HEADS, TASKS, features, fit_softmax, macro_f1, team_examples  # noqa: E402
from finetune_coding import fold_transcripts  # noqa: E402

EXAMPLES = [Path(__file__).parent / f"coding_team_examples{s}.toml" for s in ("", "_b", "_c")]
#: The heads coding.py --team-examples adds the examples to.
TEAM_HEADS = ("question", "reflection")
#: The class whose predicted share is tracked (a MITI measure for reflections).
MARKED = {"question": "open", "reflection": "complex"}


def shipped_l2() -> dict[str, float]:
    out = {}
    for name in TASKS:
        with np.load(HEADS / f"coding_{name}.npz") as f:
            out[name] = float(f["l2"])
    return out


def fold_predictions(fold: int, encoder: Path, examples: list[Path], weights: list[float],
                     l2: dict[str, float]) -> dict[str, dict]:
    """Per head, fifth `fold`'s gold labels, transcripts and predictions for each arm (0: no examples)."""
    rows, x = features(encoder)
    trows, tx_all = team_examples(examples, encoder)
    train = np.array([r.split == "train" for r in rows])
    held = fold_transcripts(rows, fold)
    out = {}
    for name, (get, labels) in TASKS.items():
        keep = np.array([t and get(r) in labels for r, t in zip(rows, train)])
        xs = x[keep]
        y = np.array([labels.index(get(r)) for r, k in zip(rows, keep) if k])
        ids = np.array([r.transcript for r, k in zip(rows, keep) if k])
        hold = np.isin(ids, list(held))
        team = [i for i, r in enumerate(trows) if name in TEAM_HEADS and get(r) in labels]
        preds = {}
        for weight in [0.0, *weights]:
            chosen = team if weight else []
            tx = tx_all[chosen] if chosen else np.zeros((0, x.shape[1]), np.float32)
            ty = np.array([labels.index(get(trows[i])) for i in chosen], dtype=int)
            fit_x, fit_y = np.concatenate([xs[~hold], tx]), np.concatenate([y[~hold], ty])
            sw = np.concatenate([np.ones((~hold).sum()), np.full(len(ty), weight)])
            mu, sd = fit_x.mean(0), fit_x.std(0) + 1e-6
            w, b = fit_softmax((fit_x - mu) / sd, fit_y, len(labels), l2[name], balance=BALANCE[name],
                               sample_weight=sw)
            preds[weight] = (((xs[hold] - mu) / sd) @ w + b).argmax(1)
        if name not in TEAM_HEADS:  # no example enters this head: every arm must predict the same
            assert all(np.array_equal(preds[0.0], p) for p in preds.values()), name
        out[name] = {"gold": y[hold], "groups": ids[hold], "preds": preds, "labels": labels,
                     "fit": int((~hold).sum()), "team": len(team)}
    return out


def bootstrap(groups: np.ndarray, r0: np.ndarray, r1: np.ndarray, draws: int, level: float,
              rng: np.random.Generator) -> tuple[float, float]:
    """Interval of the accuracy gain mean(r1) - mean(r0), resampling transcripts with replacement."""
    names, inverse = np.unique(groups, return_inverse=True)
    n = np.bincount(inverse, minlength=len(names)).astype(float)
    c0 = np.bincount(inverse, weights=r0.astype(float), minlength=len(names))
    c1 = np.bincount(inverse, weights=r1.astype(float), minlength=len(names))
    counts = rng.multinomial(len(names), np.full(len(names), 1 / len(names)), size=draws).astype(float)
    gains = (counts @ c1 - counts @ c0) / (counts @ n)
    lo, hi = np.percentile(gains, [50 * (1 - level), 100 - 50 * (1 - level)])
    return float(lo), float(hi)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("encoders", nargs="+", help="K=ENCODER.onnx, the encoder that did not read fifth K")
    parser.add_argument("--examples", type=Path, nargs="+", default=EXAMPLES)
    parser.add_argument("--weights", type=float, nargs="+", default=[3.0, 1.0],
                        help="the examples' weights; the first is the planned comparison")
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--level", type=float, default=0.95)
    args = parser.parse_args()
    folds = {int(k): Path(p) for k, p in (a.split("=", 1) for a in args.encoders)}
    l2 = shipped_l2()
    print("L2 (shipped heads): " + ", ".join(f"{k} {v:g}" for k, v in l2.items()), flush=True)
    per_fold = {k: fold_predictions(k, path, args.examples, args.weights, l2) for k, path in sorted(folds.items())}
    arms = [0.0, *args.weights]

    print("\nper fifth (behaviour macro-F1 / input macro-F1; open/closed and simple/complex accuracy, "
          "none -> " + " / ".join(f"w{w:g}" for w in args.weights) + "):")
    for k, heads in per_fold.items():
        parts = [f"fifth {k} ({folds[k].stem})"]
        for name in ("behaviour", "input"):
            h = heads[name]
            parts.append(f"{name} {macro_f1(h['gold'], h['preds'][0.0], len(h['labels'])):.3f}")
        for name in TEAM_HEADS:
            h = heads[name]
            accs = " / ".join(f"{np.mean(h['preds'][w] == h['gold']):.3f}" for w in arms)
            parts.append(f"{name} n={len(h['gold'])} {accs}")
        print("  " + "; ".join(parts), flush=True)

    rng = np.random.default_rng(7)
    subsets = {"all fifths given": sorted(per_fold)}
    if 0 in per_fold and len(per_fold) > 1:
        subsets["fifths other than 0"] = [k for k in sorted(per_fold) if k != 0]
    for label, ks in subsets.items():
        print(f"\npooled over {label} {ks}:")
        for name in ("behaviour", "input"):
            gold = np.concatenate([per_fold[k][name]["gold"] for k in ks])
            pred = np.concatenate([per_fold[k][name]["preds"][0.0] for k in ks])
            print(f"  {name:10} n={len(gold)} macro-F1 {macro_f1(gold, pred, len(TASKS[name][1])):.3f} "
                  f"(no example enters this head: the same in every arm)")
        for name in TEAM_HEADS:
            gold = np.concatenate([per_fold[k][name]["gold"] for k in ks])
            groups = np.concatenate([per_fold[k][name]["groups"] for k in ks])
            labels = TASKS[name][1]
            mark = labels.index(MARKED[name])
            pred = {w: np.concatenate([per_fold[k][name]["preds"][w] for k in ks]) for w in arms}
            right = {w: pred[w] == gold for w in arms}
            print(f"  {name:10} n={len(gold)} in {len(set(groups))} transcripts; annotated {MARKED[name]} "
                  f"{np.mean(gold == mark):.3f}; without: accuracy {right[0.0].mean():.4f}, "
                  f"called {MARKED[name]} {np.mean(pred[0.0] == mark):.3f}")
            for w in args.weights:
                lo, hi = bootstrap(groups, right[0.0], right[w], args.draws, args.level, rng)
                only1, only0 = int(np.sum(right[w] & ~right[0.0])), int(np.sum(right[0.0] & ~right[w]))
                print(f"  {name:10} with examples w{w:g}: accuracy {right[w].mean():.4f}, gain "
                      f"{right[w].mean() - right[0.0].mean():+.4f}, {100 * args.level:g}% bootstrap over "
                      f"transcripts {lo:+.4f} to {hi:+.4f}; right only with {only1}, only without {only0}; "
                      f"called {MARKED[name]} {np.mean(pred[w] == mark):.3f}", flush=True)


if __name__ == "__main__":
    main()
