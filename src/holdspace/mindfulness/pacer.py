"""The pacing loop: wake at exact moments measured from one monotonic start, never by adding sleeps.

Each wake-up asks the timeline where we should be now; a late wake-up (a busy computer) shows
the right phase a few milliseconds late and the next one on time, so lateness never adds up.
The clock and sleep are passed in, so tests and benchmarks can run it on a fake clock too.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from holdspace.mindfulness.breathing import Phase, Timeline

TICK = 0.1  # seconds between count updates on the screen


@dataclass
class Transition:
    phase: Phase | None  # None marks the end
    scheduled: float
    actual: float

    @property
    def late(self) -> float:
        return self.actual - self.scheduled


@dataclass
class PacerRun:
    transitions: list[Transition] = field(default_factory=list)
    finished: bool = False
    elapsed: float = 0.0

    @property
    def worst_lateness(self) -> float:
        return max((abs(t.late) for t in self.transitions), default=0.0)

    @property
    def end_drift(self) -> float | None:
        return self.transitions[-1].late if self.finished and self.transitions else None


def run(timeline: Timeline, *, on_phase: Callable[[Phase], None] = lambda p: None,
        on_tick: Callable[[Phase, float], None] = lambda p, t: None,
        clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
        tick: float = TICK, stop: Callable[[], bool] = lambda: False) -> PacerRun:
    """Pace the timeline from now; return when it ends (or `stop()` says so) with every transition."""
    record = PacerRun()
    start = clock()
    current = None
    while True:
        now = clock() - start
        record.elapsed = now
        phase = timeline.at(now)
        if phase is None:
            record.transitions.append(Transition(None, timeline.total, now))
            record.finished = now >= timeline.total
            return record
        if current is None or (phase.cycle, phase.name) != (current.cycle, current.name):
            current = phase
            record.transitions.append(Transition(phase, phase.start, now))
            on_phase(phase)
        on_tick(phase, now)
        if stop():
            return record
        # The next tick strictly after now (a small margin keeps float rounding from re-waking
        # at the same moment), or the phase's end if that comes first.
        next_tick = (math.floor(now / tick + 1e-6) + 1) * tick
        target = min(next_tick, phase.end)
        wait = target - (clock() - start)
        if wait > 0:
            sleep(wait)
