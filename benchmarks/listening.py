"""The reflective listener on the team's own test set (benchmarks/data/listening.jsonl).

    python benchmarks/listening.py [--show N]

Each statement gets a fresh conversation. A reply passes when it names a feeling from the
statement's acceptable words, keeps its content words, ends with an open question and holds no
roadblock. Then all statements run again as one long conversation, to check that no template
comes back within five turns. Latency is per reply, once warm; CPU time per reply (all threads)
is shown beside it, since wall time on a shared machine also counts other people's work.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from holdspace.listening.listener import Listener
from holdspace.listening.memory import NO_REPEAT_TURNS, Conversation
from holdspace.listening.signals import roadblocks_in

DATA = Path(__file__).with_name("data") / "listening.jsonl"
_CLOSED = re.compile(r"^(?:is|are|am|do|does|did|can|could|will|was|were|have|has|had|should|shall|"
                     r"may|might|must|would)\b", re.I)
_INVITATION = re.compile(r"^would you (?:tell|say|share|like to tell) me more\b", re.I)


def has_phrase(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(phrase.lower()) + r"(?![\w'])", text.lower()) is not None


def open_question(question: str) -> bool:
    q = question.strip()
    return q.endswith("?") and (not _CLOSED.match(q) or bool(_INVITATION.match(q))) \
        and not q.lower().startswith("why")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def cold_reflect(lines: str) -> tuple[float, int, str]:
    """`holdspace analyze reflect` in a fresh process: (seconds, peak RSS in MB, stdout)."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], input=sys.stdin.read(), capture_output=True, text=True); "
            "sys.stderr.write(f'{time.perf_counter() - t} "
            "{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n'); sys.stdout.write(r.stdout)")
    exe = str(Path(sys.executable).with_name("holdspace"))
    with tempfile.TemporaryDirectory() as home:
        r = subprocess.run([sys.executable, "-c", code, exe, "analyze", "reflect"], input=lines,
                           capture_output=True, text=True, env={**os.environ, "HOLDSPACE_DATA_DIR": home})
    seconds, rss = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss) // 1024, r.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many replies")
    parser.add_argument("--failures", action="store_true", help="print the replies that missed")
    args = parser.parse_args()
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    # in fresh processes first, before this one warms any cache
    one_seconds, _, out = cold_reflect(json.dumps({"text": items[0]["text"]}) + "\n")
    assert '"reply"' in out, out
    all_seconds, rss, out = cold_reflect("".join(json.dumps({"text": i["text"]}) + "\n" for i in items))
    assert out.count("\n") == len(items), out[-500:]
    listener = Listener()
    listener.warm()
    listener.respond(Conversation(), "warming up the models")
    named = kept = total_words = opened = blocked = 0
    timings, cpu = [], []
    by_kind: dict[str, list[bool]] = {}
    for n, item in enumerate(items):
        start, start_cpu = time.perf_counter(), time.process_time()
        reply = listener.respond(Conversation(), item["text"])
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        feeling_ok = any(has_phrase(reply.reply, w) for w in item["feelings"])
        words_kept = sum(has_phrase(reply.reply, w) for w in item["content"])
        question_ok = open_question(reply.question)
        block = roadblocks_in(reply.reply)
        named += feeling_ok
        kept += words_kept
        total_words += len(item["content"])
        opened += question_ok
        blocked += bool(block)
        ok = feeling_ok and words_kept == len(item["content"]) and question_ok and not block
        by_kind.setdefault(item["kind"], []).append(ok)
        if n < args.show or (args.failures and not ok):
            print(f"> {item['text']}\n< {reply.reply}\n  feeling {'ok' if feeling_ok else 'MISSED'}, "
                  f"content {words_kept}/{len(item['content'])}, question {'open' if question_ok else 'NOT OPEN'}"
                  f"{', ROADBLOCK ' + str(block) if block else ''}\n")

    conversation, repeats = Conversation(), 0
    for item in items:
        listener.respond(conversation, item["text"])
    for i, turn in enumerate(conversation.turns):
        window = {t for w in conversation.turns[max(0, i - NO_REPEAT_TURNS + 1):i] for t in w.reply.templates}
        repeats += bool(window & set(turn.reply.templates))

    n = len(items)
    rows = [
        (f"feeling named from the acceptable words (n={n})", f"{named / n:.1%}", "≥ 80%", named / n >= 0.8),
        ("content words kept", f"{kept / total_words:.1%}", "≥ 90%", kept / total_words >= 0.9),
        ("ends with an open question", f"{opened / n:.1%}", "≥ 98%", opened / n >= 0.98),
        ("replies with a roadblock", f"{blocked}", "0", blocked == 0),
        (f"template repeated within {NO_REPEAT_TURNS} turns ({n}-turn conversation)", f"{repeats}", "0", repeats == 0),
        ("reply latency p50, warm (ms)", f"{statistics.median(timings):.1f}", "", None),
        ("reply latency p95, warm (ms)", f"{percentile(timings, 95):.1f}", "≤ 50", percentile(timings, 95) <= 50),
        ("reply CPU time p50, all threads (ms)", f"{statistics.median(cpu):.1f}", "", None),
        ("reply CPU time p95, all threads (ms)", f"{percentile(cpu, 95):.1f}", "", None),
        ("`analyze reflect`, one line, cold: start-up, both models, risk rules (s)", f"{one_seconds:.2f}", "", None),
        (f"`analyze reflect`, all {n} lines, peak resident memory (MB)", f"{rss}", "≤ 400", rss <= 400),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':{width}}  {'value':>7}  {'target':>6}  met")
    for name, value, target, ok in rows:
        print(f"{name:{width}}  {value:>7}  {target:>6}  {'' if ok is None else 'yes' if ok else 'NO'}")
    print(f"\nmachine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} during the run")
    print("replies passing every check, by kind: " + ", ".join(
        f"{kind} {sum(v)}/{len(v)}" for kind, v in by_kind.items()))


if __name__ == "__main__":
    main()
