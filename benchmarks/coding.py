"""The utterance coder on AnnoMI dev: behaviour macro-F1, open/closed and simple/complex accuracy, speed.

    nice -n 10 python benchmarks/coding.py [--confusion] [--show N]

Targets (issue 6): behaviour macro-F1 >= 0.80, open/closed accuracy >= 0.85, simple/complex
accuracy >= 0.70. Open/closed is measured on every dev utterance AnnoMI marks as holding an open
or closed question, simple/complex on every one it marks as holding a reflection.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from annomi import read, transcripts  # noqa: E402
from holdspace.practice.report import analyse  # noqa: E402
from holdspace.practice.transcripts import parse  # noqa: E402
from holdspace.practice.coding import BEHAVIOURS, _heads, _labels, _softmax, code_utterances  # noqa: E402
from holdspace.practice.features import extract  # noqa: E402


def f1s(gold: list[str], pred: list[str], labels) -> dict[str, float]:
    out = {}
    for c in labels:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        out[c] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--confusion", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    rows = [r for r in read() if r.split == "dev"]
    texts, clients, nexts = [r.text for r in rows], [r.client for r in rows], [r.next for r in rows]
    feats = extract(texts, clients, nexts=nexts)
    coded = code_utterances(texts, clients, feats)
    gold = [r.behaviour for r in rows]
    pred = [c.behaviour for c in coded]
    per = f1s(gold, pred, BEHAVIOURS)
    print(f"AnnoMI dev: {len(rows)} therapist utterances in {len({r.transcript for r in rows})} transcripts\n")
    print(f"{'measure':42} {'value':>7} {'target':>7}")
    macro = float(np.mean(list(per.values())))
    acc = np.mean([g == p for g, p in zip(gold, pred)])
    print(f"{'behaviour macro-F1':42} {macro:7.3f} {0.80:7.2f}")
    print(f"{'behaviour accuracy':42} {acc:7.3f}")
    for b in BEHAVIOURS:
        print(f"{'  F1 ' + b:42} {per[b]:7.3f}")
    for name, field, target in (("question", "question", 0.85), ("reflection", "reflection", 0.70)):
        head = _heads()[name]
        labels = _labels(head)
        idx = [i for i, r in enumerate(rows) if getattr(r, field) in labels]
        p = _softmax(head.logits(feats.x[idx])).argmax(1)
        g = [labels.index(getattr(rows[i], field)) for i in idx]
        accuracy = float(np.mean(p == np.array(g)))
        title = "open/closed accuracy" if name == "question" else "simple/complex accuracy"
        print(f"{title + f' (n={len(idx)})':42} {accuracy:7.3f} {target:7.2f}")
        both = [i for i in idx if coded[i].behaviour == name]
        ok = sum(coded[i].code.startswith(getattr(rows[i], field)) for i in both)
        print(f"{'  where also coded ' + name + f' (n={len(both)})':42} {ok / max(len(both), 1):7.3f}")
    if args.confusion:
        print("\nconfusion (rows gold, columns predicted)")
        print(" " * 16 + "".join(f"{b[:12]:>14}" for b in BEHAVIOURS))
        for g in BEHAVIOURS:
            counts = Counter(p for gg, p in zip(gold, pred) if gg == g)
            print(f"{g:16}" + "".join(f"{counts[b]:14d}" for b in BEHAVIOURS))
    print("\nfine codes given:", dict(Counter(c.code for c in coded).most_common()))
    print("roadblocks flagged:", sum(bool(c.roadblocks) for c in coded))
    shown = 0
    for r, c in zip(rows, coded):
        if shown < args.show and r.behaviour != c.behaviour:
            shown += 1
            print(f"\n[{r.behaviour} -> {c.behaviour}/{c.code}] {r.text[:160]}\n   evidence: {c.evidence}")
    # Speed: a session of ~400 therapist utterances, coded cold (features included), once warm.
    session = (texts * 2)[:400]
    session_clients = (clients * 2)[:400]
    session_nexts = (nexts * 2)[:400]
    code_utterances(session[:8], session_clients[:8], nexts=session_nexts[:8])
    start, cpu = time.perf_counter(), time.process_time()
    code_utterances(session, session_clients, nexts=session_nexts)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"\ncoding 400 therapist utterances: {elapsed:.2f} s wall, {cpu:.2f} s CPU (load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores)")
    # The whole report for a one-hour session: the longest dev transcripts, both speakers, in
    # order, until 400 therapist turns; parsed from text, coded, read, measured, moments chosen.
    lines = []
    for turns in sorted(transcripts("dev").values(), key=len, reverse=True):
        lines += [("T: " if t["interlocutor"] == "therapist" else "C: ") + t["utterance_text"] for t in turns]
    therapist_lines = [i for i, line in enumerate(lines) if line.startswith("T: ")]
    text = "\n".join(lines[: therapist_lines[399] + 1])
    start, cpu = time.perf_counter(), time.process_time()
    report = analyse(parse(text))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"a one-hour session ({len(report.lines)} turns, {len(report.therapist_lines)} by the therapist), "
          f"parsed, analysed and reported: {elapsed:.2f} s wall, {cpu:.2f} s CPU over all threads "
          f"(load average {os.getloadavg()[0]:.1f}; target 2 s)")


if __name__ == "__main__":
    main()
