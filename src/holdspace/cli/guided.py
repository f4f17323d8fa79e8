"""`holdspace ground` and `holdspace body-scan`: the guided practices of mindfulness/scripts.toml in the terminal.

Each step is shown for its seconds with a quiet countdown, or, with --at-my-pace, until Enter is
pressed. Nothing is typed, so nothing needs reading for risk or keeping; Ctrl+C stops kindly.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.text import Text

from holdspace.cli.common import console
from holdspace.mindfulness import guided
from holdspace.mindfulness.guided import Script, Step


def _count(step: Step, left: int, total: int) -> Text:
    return Text(f"{left // 60}:{left % 60:02d} left in this step · step {step.number} of {total} · Ctrl+C to stop",
                style="dim")


def timed(out: Console, s: Script, sleep: Callable[[float], None] = time.sleep,
          clock: Callable[[], float] = time.monotonic) -> float:
    """Show each step for its seconds, counting down once a second; returns the seconds it took.

    Steps start on a fixed schedule from the beginning (start + step.start), so small delays
    in drawing never add up.
    """
    begun = clock()
    for step in s.steps:
        out.print()
        out.print(f"[bold cyan]{step.number}.[/] {escape(step.text)}", highlight=False, soft_wrap=True)
        with Live(_count(step, step.seconds, len(s.steps)), console=out, transient=True, auto_refresh=False) as live:
            end = begun + step.start + step.seconds
            while (left := end - clock()) > 0:
                live.update(_count(step, int(left + 0.999), len(s.steps)), refresh=True)
                sleep(min(1.0, left))
    return clock() - begun


def at_own_pace(out: Console, s: Script) -> None:
    for step in s.steps:
        out.print()
        out.print(f"[bold cyan]{step.number}.[/] {escape(step.text)}", highlight=False, soft_wrap=True)
        out.input(f"[dim]about {step.seconds} seconds · Enter for the next step[/] ")


def _practise(key: str, own_pace: bool) -> None:
    s = guided.script(key)
    console.print(f"[bold]{escape(s.name)}[/] · about {s.minutes:g} minutes", highlight=False)
    console.print(escape(s.about), highlight=False, soft_wrap=True)
    if not own_pace:
        console.print("Each step moves on by itself. (--at-my-pace lets you move on with Enter.)", style="dim")
    try:
        if own_pace:
            at_own_pace(console, s)
        else:
            timed(console, s)
    except (KeyboardInterrupt, EOFError):
        console.print()
        console.print("Stopped. Any moment you spend noticing counts.", highlight=False)
        return
    console.print()
    console.print("That's the end of the practice. Take a moment before moving on. "
                  "You can note it in your practice log on the Practices page.", highlight=False, soft_wrap=True)


OWN_PACE = typer.Option(False, "--at-my-pace", help="Move on with Enter instead of a timer.")


def ground(at_my_pace: bool = OWN_PACE):
    """5-4-3-2-1 grounding: back to the present through the senses, one step at a time."""
    _practise("grounding", at_my_pace)


def body_scan(at_my_pace: bool = OWN_PACE):
    """A guided body scan, from the feet to the head: only noticing."""
    _practise("body-scan", at_my_pace)
