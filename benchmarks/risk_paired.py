"""The risk detector's speed in two checkouts, measured in the same minutes: each dev text goes to both in turn.

    .venv/bin/python benchmarks/risk_paired.py /path/to/checkout-before /path/to/checkout-after [--passes 3] [--rules]

On a machine other work keeps busy, two runs of benchmarks/risk.py a minute apart can differ by more than a change
does. Here each checkout runs in its own warm process (`assess` with the product's layers, or the rules alone with
--rules, imported from that checkout's src/); every text of tests/safety/data/risk_dev.jsonl is sent to one and then
the other, the first alternating, and each times its own call (wall and process CPU, the runtime's threads included).
It prints p50 / p95 / p99 for both, the load average before and after, and how many levels differ (0 unless the
change was meant to change answers).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

DEV = Path(__file__).resolve().parent.parent / "tests" / "safety" / "data" / "risk_dev.jsonl"

WORKER = """
import json, sys, time
from holdspace.safety.risk import assess, rules_layer, warm, with_risk_model
layers = [rules_layer] if sys.argv[1] == "rules" else with_risk_model()
warm()
assess("warming up", layers=layers)
print("ready", flush=True)
for line in sys.stdin:
    text = json.loads(line)
    start, start_cpu = time.perf_counter(), time.process_time()
    level = assess(text, layers=layers).level
    print(json.dumps([(time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000, level]),
          flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--rules", action="store_true", help="time the rules alone")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH="src")
    workers = {name: subprocess.Popen([sys.executable, "-c", WORKER, "rules" if args.rules else "product"],
                                      cwd=path, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for name, path in (("before", args.before), ("after", args.after))}
    for worker in workers.values():
        if worker.stdout.readline().strip() != "ready":
            sys.exit("a worker did not start")
    times: dict[str, list[list[float]]] = {name: [] for name in workers}
    differ = 0
    load, clock = os.getloadavg()[0], time.strftime("%H:%M", time.gmtime())
    for n in range(args.passes):
        for i, text in enumerate(texts):
            order = ["before", "after"] if (i + n) % 2 == 0 else ["after", "before"]
            levels = {}
            for name in order:
                workers[name].stdin.write(json.dumps(text) + "\n")
                workers[name].stdin.flush()
                wall, cpu, levels[name] = json.loads(workers[name].stdout.readline())
                times[name].append([wall, cpu])
            differ += levels["before"] != levels["after"]
    for worker in workers.values():
        worker.stdin.close()
        worker.wait()
    print(f"{clock}-{time.strftime('%H:%M', time.gmtime())} UTC, load average {load:.2f} -> {os.getloadavg()[0]:.2f}; "
          f"{args.passes} passes over {len(texts)} dev texts, {'the rules alone' if args.rules else 'rules + risk model'}; "
          f"levels that differ: {differ}")
    for name, rows in times.items():
        a = np.array(rows)
        print(f"  {name:6} wall p50 {np.median(a[:, 0]):.2f} p95 {np.percentile(a[:, 0], 95):.2f} "
              f"p99 {np.percentile(a[:, 0], 99):.2f} ms | process CPU p50 {np.median(a[:, 1]):.2f} "
              f"p95 {np.percentile(a[:, 1], 95):.2f} mean {a[:, 1].mean():.2f} ms")


if __name__ == "__main__":
    main()
