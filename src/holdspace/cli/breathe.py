"""`holdspace breathe 4-6 --minutes 5`: a live breathing pacer in the terminal."""

from __future__ import annotations

import shutil
import subprocess

import typer
from rich.console import Console, Group
from rich.live import Live
from rich.progress_bar import ProgressBar
from rich.text import Text

from holdspace.cli.common import console, run_safely
from holdspace.mindfulness import breathing, pacer
from holdspace.mindfulness.breathing import Phase, Timeline

ESPEAK = "espeak-ng"
STYLE = {"in": "bold cyan", "hold": "bold magenta", "out": "bold green", "rest": "bold magenta"}


def _frame(timeline: Timeline, phase: Phase, now: float) -> Group:
    left = max(0.0, phase.end - now)
    done = (now - phase.start) / phase.duration
    # The bar fills while breathing in and empties while breathing out, like the circle on the web.
    fill = {"in": done, "hold": 1.0, "out": 1.0 - done, "rest": 0.0}[phase.name]
    return Group(
        Text(f"{phase.words}  {int(left) + 1 if left % 1 else int(left)}", style=STYLE[phase.name]),
        ProgressBar(total=1.0, completed=max(0.0, min(1.0, fill)), width=40),
        Text(f"breath {phase.cycle + 1} of {timeline.cycles} · "
             f"{int(timeline.total - now) // 60}:{int(timeline.total - now) % 60:02d} left · Ctrl+C to stop",
             style="dim"))


def speaker(enabled: bool):
    """A cue speaker through espeak-ng when asked for and installed; otherwise silent."""
    path = shutil.which(ESPEAK) if enabled else None
    if path is None:
        return None

    def say(phase: Phase) -> None:
        # Fire and forget: speech must never hold up the pacing.
        subprocess.Popen([path, "-s", "140", phase.words.lower()], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    return say


def pace_in_terminal(timeline: Timeline, out: Console, say=None, **run_options) -> pacer.PacerRun:
    """Run the pacer with a live display on `out`; speak each phase's cue if `say` is given."""
    with Live(console=out, refresh_per_second=20, transient=True, auto_refresh=False) as live:
        def on_phase(phase: Phase) -> None:
            if say is not None:
                say(phase)

        def on_tick(phase: Phase, now: float) -> None:
            live.update(_frame(timeline, phase, now), refresh=True)

        return pacer.run(timeline, on_phase=on_phase, on_tick=on_tick, **run_options)


def breathe(pattern: str = typer.Argument("4-6", help="in-out (4-6), in-hold-out (4-7-8), in-hold-out-hold "
                                                    "(4-4-4-4), or a name: 4-6, box, 4-7-8, 5-5."),
            minutes: float | None = typer.Option(None, "--minutes", "-m", help="About how long, in minutes (default 5)."),
            cycles: int | None = typer.Option(None, "--cycles", "-c", help="How many breaths, instead of minutes."),
            speak: bool = typer.Option(False, "--speak", help="Say each step aloud through espeak-ng, if it is installed."),
            schedule: bool = typer.Option(False, "--schedule", help="Print the plan as text instead of pacing.")):
    """Breathe along with a pacer: any pattern, timed exactly."""
    chosen = run_safely(breathing.parse_pattern, pattern)
    plan = run_safely(breathing.timeline, chosen, cycles=cycles, minutes=minutes)
    minutes_text = f"{plan.total / 60:.1f}".rstrip("0").rstrip(".")
    console.print(f"{chosen.describe()}. {plan.cycles} breath{'s' if plan.cycles != 1 else ''}, about {minutes_text} minutes.", soft_wrap=True)
    if schedule:
        for phase in plan.phases():
            console.print(f"{int(phase.start) // 60:2d}:{phase.start % 60:04.1f}  {phase.words} for {breathing._num(phase.duration)} s")
        return
    say = speaker(speak)
    if speak and say is None:
        console.print(f"{ESPEAK} isn't installed, so the pacer will stay silent.", style="dim")
    try:
        done = pace_in_terminal(plan, console, say)
    except KeyboardInterrupt:
        console.print("Stopped. Any time you spend breathing slowly counts.")
        return
    breaths = f"{plan.cycles} breath{'s' if plan.cycles != 1 else ''}"
    console.print(f"Done: {breaths} in {done.elapsed / 60:.1f} minutes. Notice how you feel now.")
