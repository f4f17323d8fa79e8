"""Whether a change to the risk detector changed any answer: record every answer of one checkout, compare two records.

    PYTHONPATH=src .venv/bin/python benchmarks/risk_same.py record /tmp/before     # in the checkout before the change
    PYTHONPATH=src .venv/bin/python benchmarks/risk_same.py record /tmp/after      # in the checkout after it
    .venv/bin/python benchmarks/risk_same.py compare /tmp/before /tmp/after

`record` runs `assess` on every message of tests/safety/data/*.jsonl (a row's context messages too) and keeps its
level, reasons, spans and set-asides; for the dev files (not the held-back ones) it also keeps the risk model's
p(none), p(concern), p(urgent) of every window (`classifier.windows`) and of the windows the product reads
(`read_in_windows`). It writes PATH.json and PATH.npz and prints no text. `compare` prints how many answers differ
and the largest difference between probabilities: a change meant only to be faster should show 0 and 0.0.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "tests" / "safety" / "data"
DEV = {"risk_dev.jsonl", "classifier_dev.jsonl", "everyday_dev.jsonl", "must_catch.jsonl"}


def record(out: str) -> None:
    from holdspace.safety.classifier import ModelLayer, read_in_windows, windows
    from holdspace.safety.risk import assess

    layer = ModelLayer()
    answers, probabilities = {}, {}
    for path in sorted(DATA.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for n, row in enumerate(rows):
            for m, text in enumerate(list(row.get("context") or []) + [row["text"]]):
                key = f"{path.name}:{n}:{m}"
                a = assess(text)
                answers[key] = [a.level, a.reasons, a.set_aside, a.denied_or_framed,
                                [[s.start, s.end, s.rule] for s in a.spans]]
                if path.name in DEV:
                    probabilities[key + ":read"] = read_in_windows(layer._read, text)
                    probabilities[key + ":every window"] = layer._read(windows(text))
    np.savez(out + ".npz", **probabilities)
    Path(out + ".json").write_text(json.dumps(answers, sort_keys=True), encoding="utf-8")
    print(f"{len(answers)} messages assessed, {len(probabilities)} sets of probabilities kept")


def compare(before: str, after: str) -> None:
    a = json.loads(Path(before + ".json").read_text(encoding="utf-8"))
    b = json.loads(Path(after + ".json").read_text(encoding="utf-8"))
    if a.keys() != b.keys():
        sys.exit("the two records are of different messages")
    differ = [k for k in a if a[k] != b[k]]
    print(f"messages: {len(a)}; answers that differ: {len(differ)}")
    for k in differ[:20]:
        print(f"  {k}: {a[k][0]} -> {b[k][0]}")
    with np.load(before + ".npz") as pa, np.load(after + ".npz") as pb:
        if set(pa.files) != set(pb.files):
            sys.exit("the two records hold probabilities of different messages")
        shapes = [k for k in pa.files if pa[k].shape != pb[k].shape]
        worst = max((float(np.abs(pa[k] - pb[k]).max()) for k in pa.files if k not in shapes), default=0.0)
        print(f"sets of probabilities: {len(pa.files)}; of another shape: {len(shapes)}; largest difference: {worst:.3g}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "record":
        record(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
