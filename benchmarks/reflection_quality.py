"""Reflection quality on PAIR dev: how often an expert reflection outscores a low-quality one.

    nice -n 10 python benchmarks/reflection_quality.py [--split dev] [--no-vectors]

PAIR (Min et al. 2022; licence unknown) is measure-only. Each prompt has two expert (high), one
medium and five low-quality reflections; every (high, low) pair of a prompt is one comparison, a
tie counting half. Target (issue 6): >= 85% on dev.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from holdspace.practice.reflection import score_reflection

DATA = Path(os.environ.get("HOLDSPACE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--no-vectors", action="store_true", help="words only, no MiniLM similarity")
    args = parser.parse_args()
    with (DATA / "reflections" / "pair" / "pair.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == args.split]
    sims = [None] * len(rows)
    if not args.no_vectors:
        from holdspace.language.embedding import encoder

        enc = encoder()
        a = enc.embed([r["prompt"] for r in rows])
        b = enc.embed([r["response"] for r in rows])
        sims = list((a * b).sum(1))
    start = time.perf_counter()
    by_prompt: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r, sim in zip(rows, sims):
        by_prompt[r["prompt_id"]][r["quality"]].append(score_reflection(r["prompt"], r["response"], sim).score)
    elapsed = time.perf_counter() - start
    wins = total = 0.0
    mid_wins = mid_total = 0.0
    for q in by_prompt.values():
        for h in q["high"]:
            for lo in q["low"]:
                wins += 1.0 if h > lo else 0.5 if h == lo else 0.0
                total += 1
            for m in q["medium"]:
                mid_wins += 1.0 if h > m else 0.5 if h == m else 0.0
                mid_total += 1
    means = {k: np.mean([s for q in by_prompt.values() for s in q[k]]) for k in ("high", "medium", "low")}
    print(f"PAIR {args.split}: {len(by_prompt)} prompts, {len(rows)} reflections"
          f"{' (words only)' if args.no_vectors else ' (words + MiniLM similarity)'}\n")
    print(f"{'measure':40} {'value':>7} {'target':>7}")
    print(f"{'high outscores low (pairs)':40} {wins / total:7.1%} {'85%':>7}   ({int(total)} pairs)")
    print(f"{'high outscores medium (pairs)':40} {mid_wins / mid_total:7.1%}")
    for k, v in means.items():
        print(f"{'mean score, ' + k:40} {v:7.3f}")
    print(f"\nscored {len(rows)} reflections in {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
