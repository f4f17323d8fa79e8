"""The check on a local model's replies: harmful replies stopped, caring replies let through.

    .venv/bin/python benchmarks/replies.py                  # dev: every replies_dev*.jsonl and risk_dev's helper replies
    .venv/bin/python benchmarks/replies.py --held-back      # also held-back replies sets 5 and 6 (replies_test5/6.jsonl)
    .venv/bin/python benchmarks/replies.py --candidate ONNX THRESHOLD   # also a candidate risk model reading replies
    .venv/bin/python benchmarks/replies.py --head NPZ       # also a candidate whole-reply head (training/reply_check.py --out)

A local model's reply is shown only when `listening.responder.problems_in` finds nothing. Its safety part is the
output filter (`safety.output_filter`, SAFETY.md point 6) and the risk check (`safety.risk.assess` with
`risk.for_replies()`: the rules, then the reply check's own risk model, `classifier.REPLY_MODEL_FILE`). The rest (no closing question, advice, a roadblock, too long...) is about a good reply, not a safe
one; "whole check" counts it too. Measured in configurations, so that what each part adds is seen:

- the output filter alone;
- the output filter and the risk rules;
- the output filter, the rules and the reply check's risk model;
- the output filter, the rules and the whole-reply head (`output_filter.reads_as_harmful`);
- all four (the product);
- with `--candidate`, the output filter, the rules, a candidate risk model and the head;
- with `--head`, the product with a candidate whole-reply head in place of the shipped one.

The whole-reply head is trained on every dev reply (training/reply_check.py), so its dev figures are on its own
training rows; that script prints figures with each writer's set left out.

Figures: harmful replies stopped (%, and by kind), caring replies shown (%). No target is set by an issue; a
harmful reply shown is the failure that matters, a caring reply stopped costs only the listener's own reply instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from collections import defaultdict
from pathlib import Path

from holdspace.language.heads import read_head
from holdspace.listening.responder import problems_in
from holdspace.safety.output_filter import check_output, reads_as_harmful
from holdspace.safety.risk import assess, for_replies, rules_layer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from risk import CandidateModelLayer  # noqa: E402  (the other benchmark of the safety layer)
from risk import load as jsonl  # noqa: E402


#: The dev replies: sets 1-4 (each held back until read once, in sessions 14-16, then retired into dev), the lead's own
#: (session 15) and dev batch 5 (session 16, written for training); with risk_dev's helper replies.
#: (By writer: training/reply_check.py leaves one out at a time.)
DEV_SETS = {"set 1": "replies_dev.jsonl", "set 2": "replies_dev2.jsonl", "set 3": "replies_dev3.jsonl",
            "set 4": "replies_dev4.jsonl", "the lead's": "replies_dev_lead.jsonl", "batch 5": "replies_dev_batch5.jsonl"}
#: Held-back replies: set 5 (read once in session 16 to decide the head's retraining, kept as read) and set 6 (read once
#: in session 16 to decide whether the risk model stays in the reply check).
HELD_BACK = ("replies_test5.jsonl", "replies_test6.jsonl")


def helper_replies() -> list[dict]:
    """risk_dev's replies of a helper (caring), as replies rows."""
    return [{"id": r["id"], "show": True, "kind": "helper_reply", "text": r["text"]}
            for r in jsonl("risk_dev.jsonl") if r["category"] == "none.helper_reply"]


def dev_rows() -> list[dict]:
    return [row for name in DEV_SETS.values() for row in jsonl(name)] + helper_replies()


def candidate_head(path: str) -> Callable[[str], bool]:
    """A whole-reply head read from `path`, read as the product reads the shipped one."""
    return partial(reads_as_harmful, head=read_head(Path(path)))


def stopped(text: str, layers, reader: Callable[[str], bool] | None = None) -> bool:
    """Whether the safety part of the reply check stops `text` (layers None: the output filter alone; `reader`: a
    whole-reply head)."""
    if check_output(text) or (reader is not None and reader(text)):
        return True
    return layers is not None and assess(text, layers=layers).level != "none"


def measure(name: str, rows: list[dict], configs: list[tuple[str, object]], whole: bool) -> None:
    harmful = [r for r in rows if not r["show"]]
    caring = [r for r in rows if r["show"]]
    kinds = sorted({r["kind"] for r in harmful})
    print(f"\n## {name}: {len(harmful)} harmful, {len(caring)} caring replies\n")
    header = ["check"] + (["harmful stopped"] if harmful else []) + ["caring shown"] + kinds
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, layers, reader in configs:
        stop = {r["id"]: stopped(r["text"], layers, reader) for r in rows}
        cells = [label]
        if harmful:
            cells.append(f"{sum(stop[r['id']] for r in harmful)}/{len(harmful)}")
        cells.append(f"{sum(not stop[r['id']] for r in caring)}/{len(caring)}")
        by_kind = defaultdict(list)
        for r in harmful:
            by_kind[r["kind"]].append(stop[r["id"]])
        cells += [f"{sum(v)}/{len(v)}" for _, v in sorted(by_kind.items())]
        print("| " + " | ".join(cells) + " |")
    if whole:
        shown = sum(not problems_in(r["text"]) for r in caring)
        print(f"\nThe product's whole check (problems_in: safety and a good reply's shape) shows {shown}/{len(caring)} "
              "caring replies.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-back", action="store_true", help="also the held-back replies sets (" + ", ".join(HELD_BACK) + ")")
    parser.add_argument("--candidate", nargs=2, metavar=("ONNX", "THRESHOLD"))
    parser.add_argument("--head", metavar="NPZ", help="a candidate whole-reply head (training/reply_check.py --out)")
    args = parser.parse_args()
    configs: list[tuple[str, object, Callable[[str], bool] | None]] = [
        ("output filter alone", None, None),
        ("output filter + risk rules", [rules_layer], None),
        ("output filter + rules + risk model", for_replies(), None),
        ("output filter + rules + whole-reply head", [rules_layer], reads_as_harmful),
        ("output filter + rules + risk model + whole-reply head (the product)", for_replies(), reads_as_harmful)]
    if args.candidate:
        configs.append((f"output filter + rules + candidate {Path(args.candidate[0]).name} + whole-reply head",
                        [rules_layer, CandidateModelLayer(args.candidate[0], float(args.candidate[1]))], reads_as_harmful))
    if args.head:
        head = candidate_head(args.head)
        configs += [(f"output filter + rules + candidate head {Path(args.head).name}", [rules_layer], head),
                    (f"output filter + rules + risk model + candidate head {Path(args.head).name}", for_replies(), head)]
    measure("dev: " + ", ".join(DEV_SETS.values()) + " and helper replies (risk_dev.jsonl)", dev_rows(), configs, whole=True)
    if args.held_back:
        for name in HELD_BACK:
            measure(f"held-back replies ({name})", jsonl(name), configs, whole=True)


if __name__ == "__main__":
    main()
