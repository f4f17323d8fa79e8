"""Risk detection: quality by category on our own sets, recall on C-SSRS Reddit, and speed.

    .venv/bin/python benchmarks/risk.py                 # dev and held-back test sets, C-SSRS dev, speed:
                                                        # the rules alone, rules + the frozen-vector head it replaced,
                                                        # rules + the fine-tuned risk model (on in the product)
    .venv/bin/python benchmarks/risk.py --rules-only    # the rules alone
    .venv/bin/python benchmarks/risk.py --old-reading   # also the risk model read as until 30 Nov 2026 (whole text only)
    .venv/bin/python benchmarks/risk.py --tuning        # while tuning: must-catch, dev, everyday dev, C-SSRS; no held-back figures
    .venv/bin/python benchmarks/risk.py --misses dev    # list what the dev set gets wrong (never for test)
    .venv/bin/python benchmarks/risk.py --batch dev-t6  # one fresh dev batch (ids dev-t6-*) and its misses, each configuration
    .venv/bin/python benchmarks/risk.py --cssrs train   # C-SSRS train split instead of dev

The second layer in the product is the fine-tuned risk model (classifier.ModelLayer, models/risk.onnx; raises
to concern or urgent). The frozen-vector head it replaced (classifier.EmbeddingLayer, raises to concern) is
measured beside it (training/README.md, "Risk model: the fine-tuned encoder"). Both run only where the rules
found nothing and set nothing aside.

Targets (issue 5): urgent statements flagged 100% and classified urgent >= 95%; concern statements
flagged >= 97%; false alarms on everyday distress and figurative speech <= 3% (also measured on the public's
everyday situations, EmpatheticDialogues valid); C-SSRS Reddit dev
recall on users labelled Ideation, Behavior or Attempt >= 0.90 (a user is flagged when any post
is); <= 10 ms per message at p95 once warm.

"urgent, full crisis response" (no target) is the share of urgent rows the product answers with the full crisis
response; the rest of "as urgent" was heard by the risk model alone, with nothing raised earlier in the
conversation, and gets the gentle check-in, which asks first (risk.classifier_only).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from holdspace.safety.conversation import ConversationSafety
from holdspace.safety.risk import SECOND_LAYER_ON, Assessment, rules_layer, with_classifier, with_risk_model
from holdspace.safety.risk import assess as _assess
from holdspace.safety.risk import classifier_only

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "safety" / "data"
CSSRS = ROOT.parent / "shared" / "data" / "crisis" / "cssrs_reddit" / "cssrs.csv"
AT_RISK_USERS = {"Ideation", "Behavior", "Attempt"}
FALSE_ALARM_CATEGORIES = {"none.everyday", "none.figurative"}
LAYERS = None  # None: the default layers; set by main() for each configuration measured


def assess(text, **kwargs) -> Assessment:
    return _assess(text, layers=LAYERS, **kwargs)


def by_model(a: Assessment) -> bool:
    """The second layer (the frozen head or the risk model) gave this level."""
    from holdspace.safety.classifier import REASON, URGENT_REASON

    return REASON in a.reasons or URGENT_REASON in a.reasons


class WholeTextModelLayer:
    """The risk model as the product ran it until 30 Nov 2026 (training/README.md, "Windows, means and a second
    opinion"): the whole text only, where the rules found nothing and set nothing aside, at its threshold then."""

    only_when_none = True  # assess: not after any finding, failure or set-aside (a means named alone included)

    def __init__(self):
        from holdspace.safety.classifier import ModelLayer

        self.model = ModelLayer(threshold=0.9613396)

    def load(self) -> None:
        self.model.load()

    def __call__(self, text: str, deadline: float) -> Assessment:
        from holdspace.safety.classifier import REASON, URGENT_REASON

        p = self.model.probabilities(text)
        if 1.0 - p[0] < self.model.threshold:
            return Assessment("none")
        return Assessment("urgent", [URGENT_REASON]) if p[2] > p[1] else Assessment("concern", [REASON])


#: The held-back sets: key (for --held-back), risk file, everyday first-person file, title.
HELD_BACK = [
    ("1", "risk_test.jsonl", "everyday_test.jsonl", "Held-back test set (written first, never tuned on)"),
    ("3", "risk_test3.jsonl", None, "Held-back set 3 (written with dev-t3 before the rules changed, never tuned on)"),
    ("4", "risk_test4.jsonl", "everyday_test4.jsonl",
     "Retired set 4 (held back until session 9, then trained on by the risk model risk_ship9_L4: not a fresh measure)"),
    ("5", "risk_test5.jsonl", "everyday_test5.jsonl",
     "Retired set 5 (held back until session 9, then trained on by the risk model risk_ship9_L4: not a fresh measure)"),
    ("6", "risk_test6.jsonl", "everyday_test6.jsonl",
     "Held-back set 6 (never tuned on; written 30 Nov 2026 by a helper who tuned nothing)"),
    ("7", "risk_test7.jsonl", "everyday_test7.jsonl",
     "Held-back set 7 (never tuned on; written 30 Nov 2026 by a helper who tuned nothing)"),
    ("8", "risk_test8.jsonl", "everyday_test8.jsonl",
     "Held-back set 8 (never tuned on; written 30 Nov 2026, session 11, by a helper who tuned nothing; read once in session 13)"),
    ("9", "risk_test9.jsonl", "everyday_test9.jsonl",
     "Held-back set 9 (never tuned on; written 30 Nov 2026, session 13, by a helper who tuned nothing; its table read in session 21)"),
    ("10", "risk_test10.jsonl", "everyday_test10.jsonl",
     "Held-back set 10 (never tuned on; written 1 Dec 2026, session 15, by a helper who tuned nothing; read once in session 17; "
     "trained on by the candidate risk_ship20_L4 in session 20, which did not ship)"),
    ("11", "risk_test11.jsonl", "everyday_test11.jsonl", "Held-back set 11 (never tuned on; written 2 Dec 2026, session 19, by a helper who tuned nothing; "
     "read once in session 19, its table again in session 21)"),
    ("12", "risk_test12.jsonl", "everyday_test12.jsonl", "Held-back set 12 (never tuned on; written 2 Dec 2026, session 20, by a helper who tuned nothing; "
     "its table read once in session 21)"),
]


class CandidateModelLayer:
    """A risk model not (yet) in the product, read as the product reads its own (windows, second opinion)."""

    second_opinion = True

    def __init__(self, path: str, threshold: float):
        import hashlib

        from holdspace.language.embedding import Encoder, tokenizer_file
        from holdspace.safety.classifier import MAX_TOKENS, ModelLayer

        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        encoder = Encoder(Path(path), tokenizer_file(), sha, max_tokens=MAX_TOKENS, memo=0, spin=False)
        self.model = ModelLayer(model=lambda: encoder, threshold=threshold)

    def load(self) -> None:
        self.model.load()

    def __call__(self, text: str, deadline: float, over: str = "none") -> Assessment:
        return self.model(text, deadline, over=over)


def load(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def judge(row: dict) -> Assessment:
    """A row's level; a row with `context` is the last message of that conversation (sticky flags apply)."""
    if not row.get("context"):
        return assess(row["text"])
    state = ConversationSafety()
    for message in row["context"] + [row["text"]]:
        state = state.observe(message, assess(message))
    return state.last


def in_full(row: dict, result: Assessment) -> bool:
    """Whether the product answers this row with the full urgent crisis response: an urgent only the risk model
    heard, with nothing raised earlier in the conversation, gets the gentle check-in instead (listening/listener.py)."""
    if result.level != "urgent":
        return False
    earlier = ConversationSafety()
    for message in row.get("context") or []:
        earlier = earlier.observe(message, assess(message))
    return not classifier_only(result) or earlier.flagged


def posts_of(cell: str) -> list[str]:
    """The posts of one C-SSRS user; a few cells were cut off in the source, so parse leniently."""
    try:
        value = ast.literal_eval(cell)
        if isinstance(value, list):
            return [str(v) for v in value]
    except (ValueError, SyntaxError):
        pass
    posts = [a or b for a, b in re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", cell)]
    tail = cell.rsplit("', ", 1)[-1].lstrip("['\"")
    return posts + ([tail] if tail and tail not in posts else [])


def table(rows: list[dict], title: str) -> dict[str, float]:
    by_cat: dict[str, list[tuple[str, str]]] = defaultdict(list)
    full = []  # urgent rows: answered with the full crisis response (not the gentle check-in)
    for row in rows:
        result = judge(row)
        by_cat[row["category"]].append((row["level"], result.level))
        if row["level"] == "urgent":
            full.append(in_full(row, result))
    print(f"\n{title}")
    print(f"{'category':34} {'n':>4} {'flagged':>8} {'urgent':>8}")
    for cat in sorted(by_cat):
        pairs = by_cat[cat]
        flagged = sum(got != "none" for _, got in pairs) / len(pairs)
        urgent = sum(got == "urgent" for _, got in pairs) / len(pairs)
        print(f"{cat:34} {len(pairs):>4} {flagged:>8.1%} {urgent:>8.1%}")
    summary = {}
    for level in ("urgent", "concern"):
        pairs = [p for cat, ps in by_cat.items() if cat.startswith(level + ".") for p in ps]
        summary[f"{level} flagged"] = sum(g != "none" for _, g in pairs) / max(len(pairs), 1)
        summary[f"{level} as urgent"] = sum(g == "urgent" for _, g in pairs) / max(len(pairs), 1)
        if level == "urgent":
            # (the rest of "as urgent" was heard by the risk model alone: the gentle check-in, which asks first)
            summary["urgent, full crisis response"] = sum(full) / max(len(full), 1)
    fa = [p for cat, ps in by_cat.items() if cat in FALSE_ALARM_CATEGORIES for p in ps]
    other_none = [p for cat, ps in by_cat.items() if cat.startswith("none.") and cat not in FALSE_ALARM_CATEGORIES
                  for p in ps]
    summary["false alarms, everyday + figurative"] = sum(g != "none" for _, g in fa) / max(len(fa), 1)
    summary["false alarms, other hard negatives"] = sum(g != "none" for _, g in other_none) / max(len(other_none), 1)
    n_urgent = sum(1 for cat, ps in by_cat.items() if cat.startswith("urgent.") for _ in ps)
    n_concern = sum(1 for cat, ps in by_cat.items() if cat.startswith("concern.") for _ in ps)
    targets = {"urgent flagged": (1.0, ">="), "urgent as urgent": (0.95, ">="), "concern flagged": (0.97, ">="),
               "false alarms, everyday + figurative": (0.03, "<=")}
    print(f"{'-' * 58}\n{'summary':34} {'value':>8}  target  (urgent n={n_urgent}, concern n={n_concern}, "
          f"everyday+figurative n={len(fa)})")
    for name, value in summary.items():
        target = targets.get(name)
        mark = ""
        if target:
            ok = value >= target[0] if target[1] == ">=" else value <= target[0]
            mark = f"{target[1]} {target[0]:.0%}  {'ok' if ok else 'MISSED'}"
        print(f"{name:34} {value:>8.1%}  {mark}")
    return summary


# The goal builder's answers from the browser test that the first classifier sent to the crisis response.
GOAL_BUILDER = ("sleep better", "I want to sleep better", "I'd wake up less foggy", "screens off an hour before bed",
                "Screens off by 10pm", "Screens off by 10pm every night for the next month")


def everyday_first_person(name: str, title: str) -> None:
    """False alarms on ordinary first-person text the product receives, by kind (target <= 3% each set)."""
    rows = load(name)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(assess(row["text"]).flagged)
    print(f"\n{title}, n={len(rows)}")
    print(f"{'kind':34} {'n':>4} {'flagged':>8}")
    for kind in sorted(by_kind):
        got = by_kind[kind]
        print(f"{kind:34} {len(got):>4} {sum(got) / len(got):>8.1%}")
    fa = sum(sum(g) for g in by_kind.values()) / len(rows)
    print(f"{'false alarms, everyday first-person':34} {fa:>13.1%}  <= 3%  {'ok' if fa <= 0.03 else 'MISSED'}")


def product_checks() -> None:
    """The listener benchmark's everyday messages and the goal builder's answers: none may be flagged."""
    listening = [json.loads(line)["text"] for line in
                 (ROOT / "benchmarks" / "data" / "listening.jsonl").read_text(encoding="utf-8").splitlines() if line]
    flagged = [(t, a) for t in listening for a in [assess(t)] if a.flagged]
    print(f"\nListener benchmark set (everyday messages), n={len(listening)}: flagged {len(flagged)} "
          f"(target 0)  {'ok' if not flagged else 'MISSED'}")
    for t, a in flagged:
        print(f"  {'second layer' if by_model(a) else 'rules'} ({a.level}): {t!r}")
    flagged = [t for t in GOAL_BUILDER if assess(t).flagged]
    print(f"Goal-builder answers from the browser test, n={len(GOAL_BUILDER)}: flagged {len(flagged)} "
          f"(target 0)  {'ok' if not flagged else 'MISSED'}")
    for t in flagged:
        print(f"  {t!r}")


EMPATHETIC = ROOT.parent / "shared" / "data" / "emotion" / "empathetic_dialogues" / "valid.csv"


def public_everyday() -> None:
    """False alarms on everyday situations told by the public: EmpatheticDialogues valid (licence: measure only,
    never trained on, written by no one on the team). A few may hold real risk, so this is an upper bound."""
    if not EMPATHETIC.exists():
        return
    with EMPATHETIC.open(encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    got = [assess(t) for t in texts]
    flagged = [a for a in got if a.flagged]
    urgent = [a for a in flagged if a.level == "urgent"]
    rate = len(flagged) / len(texts)
    print(f"\nPublic everyday situations (EmpatheticDialogues valid, measure only), n={len(texts)}: flagged "
          f"{len(flagged)} ({rate:.1%}), urgent {len(urgent)} ({len(urgent) / len(texts):.1%}), by the second layer "
          f"{sum(by_model(a) for a in flagged)}  <= 3%  {'ok' if rate <= 0.03 else 'MISSED'}")


def classifier_set(name: str = "classifier_dev.jsonl") -> None:
    """The team's set for the classifier: loneliness, feeling unseen, low mood, weariness (none) beside indirect risk."""
    rows = load(name)
    by_cat: dict[str, list[Assessment]] = defaultdict(list)
    for row in rows:
        by_cat[row["category"]].append(judge(row))
    print(f"\nClassifier dev set (trained and tuned on: loneliness, feeling unseen, low mood, worry, weariness, "
          f"figurative first person beside indirect risk), n={len(rows)}")
    print(f"{'category':34} {'n':>4} {'flagged':>8} {'by 2nd':>8}")
    for cat in sorted(by_cat):
        got = by_cat[cat]
        print(f"{cat:34} {len(got):>4} {sum(a.flagged for a in got) / len(got):>8.1%} "
              f"{sum(by_model(a) for a in got) / len(got):>8.1%}")
    neg = [a for cat, got in by_cat.items() if cat.startswith("none.") for a in got]
    pos = [a for cat, got in by_cat.items() if not cat.startswith("none.") for a in got]
    fa = sum(a.flagged for a in neg) / max(len(neg), 1)
    print(f"{'false alarms (none rows)':34} {len(neg):>4} {fa:>8.1%}  <= 3%  {'ok' if fa <= 0.03 else 'MISSED'}")
    print(f"{'risk flagged (concern rows)':34} {len(pos):>4} {sum(a.flagged for a in pos) / max(len(pos), 1):>8.1%}")


def must_catch() -> None:
    rows = load("must_catch.jsonl")
    urgent = sum(judge(r).level == "urgent" for r in rows)
    flagged = sum(judge(r).level != "none" for r in rows)
    print(f"\nMust-catch set (explicit statements): n={len(rows)}  flagged {flagged / len(rows):.2f}  "
          f"urgent {urgent / len(rows):.2f}  (target 1.00)")


def cssrs(split: str) -> None:
    if not CSSRS.exists():
        print(f"\nC-SSRS Reddit: {CSSRS} not found; skipped.")
        return
    with open(CSSRS, encoding="utf-8") as f:
        users = [r for r in csv.DictReader(f) if r["split"] == split]
    flagged_by_label: dict[str, list[bool]] = defaultdict(list)
    urgent_by_label: dict[str, list[bool]] = defaultdict(list)
    for user in users:
        levels = [assess(p).level for p in posts_of(user["Post"])]
        flagged_by_label[user["Label"]].append(any(lv != "none" for lv in levels))
        urgent_by_label[user["Label"]].append(any(lv == "urgent" for lv in levels))
    print(f"\nC-SSRS Reddit, {split} split (a user is flagged when any post is concern or urgent)")
    print(f"{'label':12} {'users':>6} {'flagged':>8} {'urgent':>8}")
    for label in ("Supportive", "Indicator", "Ideation", "Behavior", "Attempt"):
        got = flagged_by_label.get(label, [])
        if got:
            print(f"{label:12} {len(got):>6} {sum(got) / len(got):>8.1%} "
                  f"{sum(urgent_by_label[label]) / len(got):>8.1%}")
    at_risk = [x for label in AT_RISK_USERS for x in flagged_by_label.get(label, [])]
    recall = sum(at_risk) / max(len(at_risk), 1)
    print(f"recall on Ideation/Behavior/Attempt: {recall:.3f} ({sum(at_risk)} of {len(at_risk)}, target >= 0.90)"
          f"  {'ok' if recall >= 0.90 else 'MISSED'}")
    supportive = flagged_by_label.get("Supportive", [])
    print(f"Supportive users flagged: {sum(supportive) / max(len(supportive), 1):.2f} (reported, no target)")


def speed(rows: list[dict]) -> None:
    texts = [r["text"] for r in rows]
    for t in texts[:20]:
        assess(t)
    timings, cpu = [], []
    for _ in range(3):
        for t in texts:
            start, start_cpu = time.perf_counter(), time.process_time()  # the risk model reads sentences on a second thread
            assess(t)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    cpu.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(f"\nCPU time of this process per message (what the detector itself costs, both its threads): "
          f"p50 {statistics.median(cpu):.2f} ms, p95 {cpu[int(len(cpu) * 0.95)]:.2f} ms")
    if LAYERS is None or any(getattr(layer, "load", None) for layer in LAYERS):
        # The rows above were embedded while the tables were made, so the encoder's memo answered them:
        # time every message as one never seen before (the memo emptied before each), as a new one is.
        from holdspace.language.embedding import encoder

        fresh, fresh_cpu = [], []
        for t in texts:
            encoder().forget()
            start, start_cpu = time.perf_counter(), time.process_time()  # onnxruntime runs on its own threads too
            assess(t)
            fresh.append((time.perf_counter() - start) * 1000)
            fresh_cpu.append((time.process_time() - start_cpu) * 1000)
        fresh.sort()
        fresh_cpu.sort()
        p95_fresh = fresh[int(len(fresh) * 0.95)]
        print(f"\nMessages never seen before ({len(fresh)}, encoder memo emptied before each): "
              f"process CPU p50 {statistics.median(fresh_cpu):.2f} ms, p95 {fresh_cpu[int(len(fresh_cpu) * 0.95)]:.2f} ms; "
              f"wall p50 {statistics.median(fresh):.2f} ms, p95 {p95_fresh:.2f} ms (target <= 10 ms)  "
              f"{'ok' if p95_fresh <= 10 else 'MISSED'}")
    long_text = " ".join(t for t in texts)[:20000]
    start = time.perf_counter()
    assess(long_text)
    long_ms = (time.perf_counter() - start) * 1000
    print(f"\nSpeed over {len(timings)} messages, warm: p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms "
          f"(target <= 10 ms)  {'ok' if p95 <= 10 else 'MISSED'}; one 20,000-character text: {long_ms:.0f} ms")


def misses(split: str, rows: list[dict] | None = None) -> None:
    if split != "dev":
        sys.exit("Only the dev set may be inspected; the test set is held back.")
    for row in rows if rows is not None else load("risk_dev.jsonl") + load("must_catch.jsonl"):
        result = judge(row)
        want = row["level"]
        if (want == "none") != (result.level == "none") or (want == "urgent" and result.level != "urgent"):
            print(f"{row['id']:8} want {want:7} got {result.level:7} {row['category']:28} {row['text'][:110]!r}")
            print(f"{'':8} {result.reasons} {[s.rule + ':' + s.text for s in result.spans]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", choices=["dev", "test"], help="list the dev set's errors")
    parser.add_argument("--cssrs", default="dev", choices=["dev", "train"], help="which C-SSRS split to measure")
    parser.add_argument("--tuning", action="store_true",
                        help="leave the held-back sets out, so they are not read while rules are changed")
    parser.add_argument("--batch", metavar="PREFIX",
                        help="the rules alone on the dev rows whose id starts with PREFIX- (a fresh batch), and its misses")
    parser.add_argument("--speed-only", action="store_true", help="only the speed figures")
    parser.add_argument("--rules-only", action="store_true", help="measure the rules alone, not the classifier too")
    parser.add_argument("--old-reading", action="store_true",
                        help="also the risk model read as until 30 Nov 2026 (whole text only, where the rules found nothing)")
    parser.add_argument("--held-back", default=",".join(h[0] for h in HELD_BACK), metavar="KEYS",
                        help="which held-back sets to read, e.g. 6,7 (default: all)")
    parser.add_argument("--no-baselines", action="store_true",
                        help="leave out the rules alone and the frozen-vector head: only the product (and a candidate)")
    parser.add_argument("--candidate", nargs=2, metavar=("ONNX", "THRESHOLD"),
                        help="also a candidate risk model (an int8 ONNX export) at its threshold, read as the product reads")
    args = parser.parse_args()
    global LAYERS
    if args.misses:
        misses(args.misses)
        return
    configs = [] if args.no_baselines else [("the rules alone", [rules_layer])]
    if not args.rules_only:
        if not args.no_baselines:
            configs.append(("rules + frozen-vector head (the second layer until 30 Nov 2026; measured, not in the product)",
                            with_classifier()))
        configs.append((f"rules + risk model (fine-tuned encoder; switched {'on' if SECOND_LAYER_ON else 'OFF'} in the product)",
                        with_risk_model()))
    if args.old_reading:
        configs.append(("rules + risk model read the old way (whole text only, where the rules found nothing and set "
                        "nothing aside, means included; at 0.9613396)", [rules_layer, WholeTextModelLayer()]))
    if args.candidate:
        configs.append((f"rules + candidate risk model {Path(args.candidate[0]).name} at {args.candidate[1]}",
                        [rules_layer, CandidateModelLayer(args.candidate[0], float(args.candidate[1]))]))
    if args.batch:
        rows = [r for r in load("risk_dev.jsonl") if r["id"].startswith(args.batch + "-")]
        if not rows:
            sys.exit(f"No dev rows with ids {args.batch}-*")
        for name, layers in configs:
            LAYERS = layers
            table(rows, f"Dev batch {args.batch}, {name}, n={len(rows)}")
            print()
            misses("dev", rows)
        return
    dev = load("risk_dev.jsonl")
    # the held-back sets are not even read while tuning
    held = [] if args.tuning else [h for h in HELD_BACK if h[0] in args.held_back.split(",")
                                   and (DATA / h[1]).exists()]
    speed_rows = dev + [r for key, name, *_ in held if key in ("1", "3") for r in load(name)]
    for name, layers in configs:
        LAYERS = layers
        print(f"\n=== {name} ===")
        if args.speed_only:
            speed(speed_rows)
            continue
        must_catch()
        table(dev, f"Dev set (tuned on), n={len(dev)}")
        everyday_first_person("everyday_dev.jsonl", "Everyday first-person dev (trained and tuned on)")
        classifier_set()
        product_checks()
        public_everyday()
        for _, risk_file, everyday_file, title in held:
            if everyday_file:
                everyday_first_person(everyday_file, f"Everyday first-person, {title.split(' (')[0].lower()}")
            rows = load(risk_file)
            table(rows, f"{title}, n={len(rows)}")
        cssrs(args.cssrs)
        speed(speed_rows)


if __name__ == "__main__":
    main()
