"""Breathing pacer timing: drift of the schedule over 10 minutes and of the real terminal pacer.

    python benchmarks/breathing.py [--seconds 60]

1. Schedule maths, 10 minutes of each preset and a half-second custom pattern: every phase start
   the timeline computes, against exact rational arithmetic (fractions.Fraction).
2. The pacing loop on a simulated clock for 10 minutes, where every sleep overshoots by 0–8 ms
   at random (a busy computer), beside a naive pacer that sleeps each phase's length in turn:
   the lateness of the last transition is the drift. Simulated, so the 10 minutes take a moment.
3. The terminal pacer (`holdspace breathe`, its Rich display drawn to a buffer) on the real
   monotonic clock for --seconds (600 for the full 10 minutes), pattern 1-1 (a transition every
   second): how late each transition was shown. A single late wake-up (the computer busy with
   something else) is jitter, reported as p95 and worst; drift is how far behind the schedule
   the pacer runs by the end, taken as the median lateness of the last ten transitions, beside
   the first ten: if lateness added up, the two would grow apart.
Target: drift <= 50 ms over 10 minutes (part 2's end drift; part 3's end-of-run drift).
"""

from __future__ import annotations

import argparse
import io
import os
import random
from fractions import Fraction

import numpy as np
from rich.console import Console

from holdspace.cli.breathe import pace_in_terminal
from holdspace.mindfulness import breathing, pacer

TEN_MINUTES = 600.0


def schedule_error(pattern: breathing.Pattern) -> tuple[int, float]:
    plan = breathing.timeline(pattern, minutes=10)
    exact = [Fraction(d).limit_denominator(2) for d in pattern.durations]
    worst, count = 0.0, 0
    for phase in plan.phases():
        index = breathing.PHASES.index(phase.name)
        truth = phase.cycle * sum(exact) + sum(exact[:index])
        worst = max(worst, abs(float(Fraction(phase.start) - truth)))
        count += 1
    return count, worst


class FakeClock:
    def __init__(self, seed: int, overshoot: float = 0.008):
        self.now, self.rng, self.overshoot = 1000.0, random.Random(seed), overshoot

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds + self.rng.uniform(0, self.overshoot)


def naive_drift(plan: breathing.Timeline, fake: FakeClock) -> float:
    start = fake.clock()
    for phase in plan.phases():
        fake.sleep(phase.duration)
    return fake.clock() - start - plan.total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="Length of the real-clock run.")
    args = parser.parse_args()

    patterns = [p.pattern for p in breathing.presets()] + [breathing.parse_pattern("4.5-0.5-5.5")]
    print("1. Schedule maths, 10 minutes")
    print(f"{'pattern':10} {'phases':>6} {'worst error':>12}")
    for pattern in patterns:
        count, worst = schedule_error(pattern)
        print(f"{pattern.label:10} {count:6} {worst * 1000:9.6f} ms")

    print("\n2. Pacing loop, simulated clock, 10 minutes, each sleep 0-8 ms late")
    print(f"{'pattern':10} {'transitions':>11} {'worst late':>10} {'end drift':>9} {'naive drift':>11}")
    drifts = []
    for seed, pattern in enumerate(patterns):
        plan = breathing.timeline(pattern, minutes=10)
        fake = FakeClock(seed)
        run = pacer.run(plan, clock=fake.clock, sleep=fake.sleep)
        naive = naive_drift(plan, FakeClock(seed))
        drifts.append(run.end_drift)
        print(f"{pattern.label:10} {len(run.transitions):11} {run.worst_lateness * 1000:7.1f} ms "
              f"{run.end_drift * 1000:6.1f} ms {naive * 1000:8.0f} ms")

    print(f"\n3. Terminal pacer, real monotonic clock, {args.seconds} s of 1-1 (Rich display to a buffer)")
    plan = breathing.timeline(breathing.parse_pattern("1-1"), cycles=args.seconds // 2)
    run = pace_in_terminal(plan, Console(file=io.StringIO(), force_terminal=True, width=80))
    late = np.array([t.late for t in run.transitions]) * 1000
    first, last = float(np.median(late[:10])), float(np.median(late[-10:]))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"transitions {len(late)}; jitter: median {np.median(late):.1f} ms, p95 {np.percentile(late, 95):.1f} ms, "
          f"worst {late.max():.1f} ms (the very last wake-up {late[-1]:.1f} ms)")
    print(f"drift: median lateness of the first ten {first:.1f} ms, of the last ten {last:.1f} ms")
    simulated = max(abs(d) for d in drifts)
    verdict = simulated <= 0.050 and abs(last) <= 50
    print(f"\ntarget drift <= 50 ms over 10 minutes: {'met' if verdict else 'NOT met'} "
          f"(simulated 10 min worst {simulated * 1000:.1f} ms; real clock {last:.1f} ms after {plan.total:.0f} s)")


if __name__ == "__main__":
    main()
