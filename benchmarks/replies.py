"""The check on a local model's replies: harmful replies stopped, caring replies let through.

    .venv/bin/python benchmarks/replies.py                  # dev: replies sets 1-3 and the lead's (replies_dev*.jsonl) and risk_dev's helper replies
    .venv/bin/python benchmarks/replies.py --held-back      # also held-back replies set 4 (replies_test4.jsonl)
    .venv/bin/python benchmarks/replies.py --candidate ONNX THRESHOLD   # also a candidate risk model reading replies

A local model's reply is shown only when `listening.responder.problems_in` finds nothing. Its safety part is the
output filter (`safety.output_filter`, SAFETY.md point 6) and the risk check (`safety.risk.assess`: the rules, then
the risk model). The rest (no closing question, advice, a roadblock, too long...) is about a good reply, not a safe
one; "whole check" counts it too. Measured in configurations, so that what each part adds is seen:

- the output filter alone;
- the output filter and the risk rules;
- the output filter, the rules and the shipped risk model;
- the output filter, the rules and the whole-reply head (`output_filter.reads_as_harmful`);
- all four (the product);
- with `--candidate`, the output filter, the rules, a candidate risk model and the head.

The whole-reply head is trained on every dev reply (training/reply_check.py), so its dev figures are on its own
training rows; that script prints figures with each writer's set left out.

Figures: harmful replies stopped (%, and by kind), caring replies shown (%). No target is set by an issue; a
harmful reply shown is the failure that matters, a caring reply stopped costs only the listener's own reply instead.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from holdspace.listening.responder import problems_in
from holdspace.safety.output_filter import check_output, reads_as_harmful
from holdspace.safety.risk import assess, rules_layer, with_risk_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from risk import CandidateModelLayer  # noqa: E402  (the other benchmark of the safety layer)
from risk import load as jsonl  # noqa: E402


def dev_rows() -> list[dict]:
    """Replies sets 1-3 (each held back until read once, in sessions 14 and 15, then tuned on), the lead's own (session 15)
    and risk_dev's helper replies."""
    helpers = [{"id": r["id"], "show": True, "kind": "helper_reply", "text": r["text"]}
               for r in jsonl("risk_dev.jsonl") if r["category"] == "none.helper_reply"]
    return jsonl("replies_dev.jsonl") + jsonl("replies_dev2.jsonl") + jsonl("replies_dev3.jsonl") + jsonl("replies_dev_lead.jsonl") + helpers


def stopped(text: str, layers, whole_reading: bool = False) -> bool:
    """Whether the safety part of the reply check stops `text` (layers None: the output filter alone)."""
    if check_output(text) or (whole_reading and reads_as_harmful(text)):
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
    for label, layers, whole_reading in configs:
        stop = {r["id"]: stopped(r["text"], layers, whole_reading) for r in rows}
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
    parser.add_argument("--held-back", action="store_true", help="also held-back replies set 4 (read once)")
    parser.add_argument("--candidate", nargs=2, metavar=("ONNX", "THRESHOLD"))
    args = parser.parse_args()
    configs: list[tuple[str, object, bool]] = [
        ("output filter alone", None, False),
        ("output filter + risk rules", [rules_layer], False),
        ("output filter + rules + risk model", with_risk_model(), False),
        ("output filter + rules + whole-reply head", [rules_layer], True),
        ("output filter + rules + risk model + whole-reply head (the product)", with_risk_model(), True)]
    if args.candidate:
        configs.append((f"output filter + rules + candidate {Path(args.candidate[0]).name} + whole-reply head",
                        [rules_layer, CandidateModelLayer(args.candidate[0], float(args.candidate[1]))], True))
    measure("dev: replies sets 1-3, the lead's (replies_dev*.jsonl) and helper replies (risk_dev.jsonl)", dev_rows(), configs,
            whole=True)
    if args.held_back:
        measure("held-back replies set 4 (replies_test4.jsonl)", jsonl("replies_test4.jsonl"), configs, whole=True)


if __name__ == "__main__":
    main()
