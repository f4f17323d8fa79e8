"""Embed the risk training and evaluation texts once (MiniLM, the language engine's encoder) into a cache.

    nice -n 10 .venv/bin/python training/risk_embed.py [--cache /tmp/risk_embeddings.npz]

    nice -n 10 .venv/bin/python training/risk_embed.py --reuse-cssrs   # team sets only (seconds); C-SSRS rows kept

Texts: C-SSRS Reddit train and dev posts (one row per post, with the user's label and id), and the
team-written dev and must-catch sets, the dev part of the everyday first-person set
(tests/safety/data, source `everyday_dev`, label `none.first_person.<kind>`) and the classifier dev set
(source `classifier_dev`: loneliness, feeling unseen, low mood, weariness beside indirect risk). The held-back sets
(risk_test*.jsonl, everyday_test.jsonl) are not embedded: nothing here may look at them. Used by
training/risk_classifier.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from risk import CSSRS, DATA, posts_of  # noqa: E402

from holdspace.language.embedding import encoder  # noqa: E402


def team_rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", default="/tmp/risk_embeddings.npz")
    parser.add_argument("--posts-per-user", type=int, default=12, help="C-SSRS posts kept per user (the first ones)")
    parser.add_argument("--chars", type=int, default=700, help="characters kept of each C-SSRS post")
    parser.add_argument("--reuse-cssrs", action="store_true",
                        help="keep the C-SSRS rows already in --cache and embed only the team sets again")
    args = parser.parse_args()
    texts, source, label, group = [], [], [], []
    kept = None
    if args.reuse_cssrs:
        old = np.load(args.cache)
        keep = np.char.startswith(old["source"].astype(str), "cssrs_")
        kept = {k: old[k][keep] for k in ("x", "text", "source", "label", "group")}
    else:
        with open(CSSRS, encoding="utf-8") as f:
            for i, user in enumerate(csv.DictReader(f)):
                if user["split"] not in ("train", "dev"):
                    continue
                for post in posts_of(user["Post"])[:args.posts_per_user]:
                    texts.append(post[:args.chars])
                    source.append(f"cssrs_{user['split']}")
                    label.append(user["Label"])
                    group.append(i)
    for name, src in (("risk_dev.jsonl", "team_dev"), ("must_catch.jsonl", "must_catch"),
                      ("everyday_dev.jsonl", "everyday_dev"), ("classifier_dev.jsonl", "classifier_dev")):
        for j, row in enumerate(team_rows(name)):
            texts.append(row["text"])
            source.append(src)
            label.append(row.get("category") or f"none.first_person.{row['kind']}")
            group.append(j)
    start = time.perf_counter()
    vectors = encoder().embed(texts)
    print(f"embedded {len(texts)} texts in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    arrays = dict(x=vectors, text=np.array(texts), source=np.array(source), label=np.array(label),
                  group=np.array(group))
    if kept is not None:
        arrays = {k: np.concatenate([kept[k], arrays[k].astype(kept[k].dtype) if k == "x" else arrays[k]])
                  for k in arrays}
    np.savez_compressed(args.cache, **arrays)


if __name__ == "__main__":
    main()
