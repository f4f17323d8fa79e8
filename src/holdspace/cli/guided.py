"""`holdspace ground` and `holdspace body-scan`: the guided practices of mindfulness/scripts.toml in the terminal.

Each step is shown for its seconds with a quiet countdown, or, with --at-my-pace, until Enter is
pressed. Nothing is written, so nothing needs reading for risk or sealing; Ctrl+C stops kindly.
With --log (and --email), the client rates how calm they feel before and after, 0–10, and the
practice goes into their practice log with the minutes it took.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext

import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.text import Text

from holdspace.cli.common import console, database, fail, run_safely, sign_in
from holdspace.mindfulness import guided, log
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


def _calm(prompt: str) -> int | None:
    """0–10, or None when Enter is pressed; asks again after anything else."""
    while True:
        raw = console.input(f"[bold]{prompt}[/] [dim](0 not at all – 10 completely, Enter to skip)[/] ").strip()
        if not raw:
            return None
        if raw.isdigit() and 0 <= int(raw) <= 10:
            return int(raw)
        console.print(f"“{escape(raw)}” isn't a number from 0 to 10.", style="yellow", highlight=False)


def _run(s: Script, own_pace: bool) -> float:
    """The practice itself; its length in seconds. KeyboardInterrupt or EOFError when stopped."""
    console.print(f"[bold]{escape(s.name)}[/] · about {s.minutes:g} minutes", highlight=False)
    console.print(escape(s.about), highlight=False, soft_wrap=True)
    if own_pace:
        begun = time.monotonic()
        at_own_pace(console, s)
        return time.monotonic() - begun
    console.print("Each step moves on by itself. (--at-my-pace lets you move on with Enter.)", style="dim")
    return timed(console, s)


def _practise(key: str, own_pace: bool, to_log: bool, email: str | None, password_stdin: bool) -> None:
    s = guided.script(key)
    if to_log and not email:
        fail("To keep it in your practice log, say who you are: --email or HOLDSPACE_EMAIL.")
    with database() if to_log else nullcontext() as db:
        user = run_safely(sign_in, db, email, password_stdin) if to_log else None
        try:
            before = _calm("How calm do you feel right now?") if to_log else None
            took = _run(s, own_pace)
            console.print()
            console.print("That's the end of the practice. Take a moment before moving on.", highlight=False)
            after = _calm("How calm do you feel now?") if to_log else None
        except (KeyboardInterrupt, EOFError):
            console.print()
            console.print("Stopped. Any moment you spend noticing counts." + (" Nothing was logged." if to_log else ""),
                          highlight=False)
            return
        if to_log:
            minutes = max(0.1, round(took / 60, 1))  # as it took; a practice stopped at once is still a few seconds
            run_safely(log.record_session, db, user, key, minutes, before, after)
            db.commit()
            change = f", calm {before} → {after}" if before is not None and after is not None else ""
            console.print(f"Saved to your practice log: {s.name}, {minutes:g} minutes{change}. "
                          "Well done for making the time.", highlight=False, soft_wrap=True)
        else:
            console.print("You can note it in your practice log with --log, or on the Practices page.",
                          style="dim", highlight=False)


OWN_PACE = typer.Option(False, "--at-my-pace", help="Move on with Enter instead of a timer.")
LOG = typer.Option(False, "--log", help="Rate how calm you feel before and after, and keep it in your practice log.")
EMAIL = typer.Option(None, envvar="HOLDSPACE_EMAIL", help="Your sign-in email (with --log).")
PASSWORD_STDIN = typer.Option(False, help="Read your password from the first line of standard input (with --log).")


def ground(at_my_pace: bool = OWN_PACE, to_log: bool = LOG, email: str | None = EMAIL,
           password_stdin: bool = PASSWORD_STDIN):
    """5-4-3-2-1 grounding: back to the present through the senses, one step at a time."""
    _practise("grounding", at_my_pace, to_log, email, password_stdin)


def body_scan(at_my_pace: bool = OWN_PACE, to_log: bool = LOG, email: str | None = EMAIL,
              password_stdin: bool = PASSWORD_STDIN):
    """A guided body scan, from the feet to the head: only noticing."""
    _practise("body-scan", at_my_pace, to_log, email, password_stdin)
