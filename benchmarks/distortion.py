"""Thinking traps on the Shreevastava & Foltz (2021) annotations, DEV split only.

    python benchmarks/distortion.py [--data ../shared/data] [--show-misses N]

That set's licence is unknown, so it is measure-only: the head was trained on the team's own
statements (training/distortion.py) and nothing here chose a threshold. Prints distorted-or-not
precision, recall and F1 (target: F1 >= 0.72), the F1 of the not-distorted class and MCC (so a
reader sees whether it discriminates at all) for the shipped detector and for each layer alone,
beside the always-"distorted" baseline (63% of dev is distorted, so that baseline is high and
the honest comparison), and per-trap precision and recall (a named trap is right when it is the
dominant or the secondary annotation). Our catastrophising is their "Magnification"; blaming and
comparing have no label there, so only how often they are named is shown.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path

import numpy as np

from holdspace.selfcompassion.traps import TrapDetector, cue_hits, traps

ROOT = Path(__file__).resolve().parents[1]
THEIRS = {"All-or-nothing thinking": "all_or_nothing", "Overgeneralization": "overgeneralising",
          "Mental filter": "mental_filter", "Mind Reading": "mind_reading",
          "Fortune-telling": "fortune_telling", "Magnification": "catastrophising",
          "Emotional Reasoning": "emotional_reasoning", "Should statements": "should_statements",
          "Labeling": "labelling", "Personalization": "personalising"}


def read_dev(data: Path) -> list[dict]:
    with (data / "distortions" / "shreevastava" / "annotated.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == "dev"]
    for r in rows:
        r["distorted"] = r["Dominant Distortion"] != "No Distortion"
        r["gold"] = {THEIRS[lab] for lab in (r["Dominant Distortion"], r["Secondary Distortion (Optional)"])
                     if lab in THEIRS}
    return rows


def scores(gold: np.ndarray, pred: np.ndarray) -> tuple[float, ...]:
    """Precision, recall and F1 of "distorted"; F1 of "not distorted"; MCC; accuracy."""
    tp, fp = float((gold & pred).sum()), float((~gold & pred).sum())
    fn, tn = float((gold & ~pred).sum()), float((~gold & ~pred).sum())
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * tp / max(2 * tp + fp + fn, 1)
    f1_not = 2 * tn / max(2 * tn + fn + fp, 1)
    denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
    mcc = (tp * tn - fp * fn) / denominator if denominator else 0.0
    return precision, recall, f1, f1_not, mcc, float((gold == pred).mean())


def auc(gold: np.ndarray, score: np.ndarray) -> float:
    """Chance that a distorted text scores above one that is not (0.5 = no discrimination)."""
    pos, neg = score[gold][:, None], score[~gold][None, :]
    return float((pos > neg).mean() + 0.5 * (pos == neg).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(os.environ.get("HOLDSPACE_SHARED_DATA", ROOT.parent / "shared" / "data")))
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()

    rows = read_dev(args.data)
    texts = [r["Patient Question"] for r in rows]
    gold = np.array([r["distorted"] for r in rows])
    detector = TrapDetector()
    detector.detect_many(texts[:2])  # load the model before timing
    start = time.perf_counter()
    findings = detector.detect_many(texts)
    seconds = time.perf_counter() - start
    shipped = np.array([f.distorted for f in findings])
    head_only = np.array([f.score >= detector.bar(len(detector.sentences(t))) for f, t in zip(findings, texts)])
    cues_only = np.array([any(cue_hits(s) for s in detector.sentences(t)) for t in texts])

    print(f"Shreevastava dev: {len(rows)} texts, {int(gold.sum())} distorted "
          f"({gold.mean():.0%}); {len(texts) / seconds:.0f} texts/s, mean {np.mean([len(t) for t in texts]):.0f} chars")
    print()
    print(f"{'detector':34} {'precision':>9} {'recall':>7} {'F1':>6} {'F1 not':>6} {'MCC':>6} {'accuracy':>8}")
    for name, pred in (("shipped (cues + head)", shipped), ("head only", head_only),
                       ("cues only", cues_only), ("baseline: always distorted", np.ones_like(gold))):
        p, r, f, fn, m, a = scores(gold, pred)
        print(f"{name:34} {p:9.3f} {r:7.3f} {f:6.3f} {fn:6.3f} {m:6.3f} {a:8.3f}")
    print(f"(F1 not = F1 of the not-distorted class; MCC 0 = no better than chance.) "
          f"Head score AUC {auc(gold, np.array([fd.score for fd in findings])):.3f}")
    p, r, f, fn, m, a = scores(gold, shipped)
    _, _, base, _, _, _ = scores(gold, np.ones_like(gold))
    print(f"\ntarget distorted-or-not F1 >= 0.72: {'met' if f >= 0.72 else 'NOT met'} ({f:.3f}); "
          f"{'above' if f > base else 'NOT above'} the always-distorted baseline ({base:.3f}), MCC {m:.3f}")

    named = np.array([bool(fd.hits) for fd in findings])
    print(f"a trap named in {int(named[~gold].sum())} of {int((~gold).sum())} texts annotated No Distortion "
          f"and in {int(named[gold].sum())} of {int(gold.sum())} distorted ones")

    print(f"\n{'trap':28} {'named':>5} {'right':>5} {'precision':>9} {'in dev':>6} {'recall':>6}")
    for t in traps():
        named = [i for i, fd in enumerate(findings) if t.key in fd.traps]
        right = [i for i in named if t.key in rows[i]["gold"]]
        present = [i for i, r in enumerate(rows) if t.key in r["gold"]]
        found = [i for i in present if t.key in findings[i].traps]
        if t.key in THEIRS.values():
            print(f"{t.name:28} {len(named):5} {len(right):5} {len(right) / max(len(named), 1):9.3f} "
                  f"{len(present):6} {len(found) / max(len(present), 1):6.3f}")
        else:
            print(f"{t.name:28} {len(named):5} {'-':>5} {'(no label)':>9} {'-':>6} {'-':>6}")

    for i in [i for i in range(len(rows)) if shipped[i] != gold[i]][: args.show_misses]:
        print(f"\n[{'missed' if gold[i] else 'false alarm'}] {rows[i]['Dominant Distortion']}: "
              f"{rows[i]['Distorted part'][:200]!r} -> {findings[i].as_dict()}")


if __name__ == "__main__":
    main()
