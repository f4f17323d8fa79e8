"""The empathy reading on EPITOME dev: macro-F1 over levels 0–2 for each mechanism, and their mean.

    python benchmarks/empathy.py [--show N]

EPITOME (Sharma et al. 2020, Reddit part) is measure-only: nothing shipped is trained on it.
Target (issue 6): mean macro-F1 over the three mechanisms >= 0.58.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from collections import Counter
from pathlib import Path

from holdspace.practice.empathy import MECHANISMS, read_empathy

DATA = Path(os.environ.get("HOLDSPACE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def macro_f1(gold: list[int], pred: list[int], labels=(0, 1, 2)) -> tuple[float, list[float]]:
    per = []
    for c in labels:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        per.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return sum(per) / len(per), per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    with (DATA / "empathy" / "epitome" / "epitome.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == args.split]
    start = time.perf_counter()
    reads = [read_empathy(r["seeker_post"], r["response_post"]) for r in rows]
    elapsed = time.perf_counter() - start
    print(f"EPITOME {args.split}: {len(rows)} (post, response) pairs\n")
    print(f"{'mechanism':22} {'macro-F1':>8} {'F1 L0':>6} {'F1 L1':>6} {'F1 L2':>6} {'acc':>6}  gold levels / predicted")
    means = []
    for mech in MECHANISMS:
        gold = [int(r[mech]) for r in rows]
        pred = [getattr(e, mech).level for e in reads]
        f1, per = macro_f1(gold, pred)
        means.append(f1)
        acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
        g, p = Counter(gold), Counter(pred)
        print(f"{mech:22} {f1:8.3f} {per[0]:6.3f} {per[1]:6.3f} {per[2]:6.3f} {acc:6.3f}  "
              f"{[g[i] for i in range(3)]} / {[p[i] for i in range(3)]}")
    print(f"{'mean of the three':22} {sum(means) / 3:8.3f}   (target 0.58)")
    print(f"\n{len(rows)} pairs read in {elapsed * 1000:.0f} ms")
    shown = 0
    for r, e in zip(rows, reads):
        for mech in MECHANISMS:
            if shown < args.show and int(r[mech]) != getattr(e, mech).level:
                shown += 1
                print(f"\n{mech} gold {r[mech]} got {getattr(e, mech).level}: {r['response_post'][:200]!r}"
                      f"\n   gold span: {r[mech + '_rationales'][:120]!r}  ours: {getattr(e, mech).spans}")


if __name__ == "__main__":
    main()
