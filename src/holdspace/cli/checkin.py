"""`holdspace checkin`: record a mood check-in and look back over them, from the terminal."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from holdspace.cli.asking import show_crisis
from holdspace.cli.common import console, database, run_safely, sign_in
from holdspace.journey import mood

app = typer.Typer(no_args_is_help=True, help="Mood check-ins: 0–10, feelings, and a note.")

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    return "".join(_BARS[min(7, round(v * 7 / 10))] for v in values)


@app.command("add")
def add(mood_value: str = typer.Argument(..., metavar="MOOD", help="Your mood from 0 (very low) to 10 (very good)."),
        feeling: list[str] = typer.Option([], "--feeling", "-f", help="A feeling; repeat for more. See `checkin feelings`."),
        note: str = typer.Option("", help="An optional note."),
        email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
        password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Record how you are right now."""
    # Check the entry before asking for a password, so a typo costs nothing.
    run_safely(mood.check_checkin, mood_value, feeling, note)
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        checkin = run_safely(mood.record_checkin, db, user, mood_value, feeling, note)
        db.commit()
        feelings = f", feeling {', '.join(checkin.feeling_list)}" if checkin.feeling_list else ""
        console.print(f"Saved: {checkin.mood}/10 ({checkin.mood_word}){feelings}. Thank you for checking in.")
        show_crisis(db, user, checkin.assessment)


@app.command("list")
def list_(email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
          days: int = typer.Option(28, min=1, help="How many days back to show."),
          as_json: bool = typer.Option(False, "--json", help="Print JSON lines."),
          password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Show your recent check-ins with a small chart."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        checkins = mood.list_checkins(db, user.id, days=days)
    if as_json:
        for c in checkins:
            print(json.dumps({"id": c.id, "mood": c.mood, "feelings": c.feeling_list, "note": c.note,
                              "created_at": c.created_at.isoformat()}, ensure_ascii=False))
        return
    if not checkins:
        console.print(f"No check-ins in the last {days} days. Whenever you're ready: holdspace checkin add 5")
        return
    oldest_first = list(reversed(checkins))
    summary = mood.summarise(checkins)
    console.print(f"Last {days} days  {sparkline([c.mood for c in oldest_first])}  "
                  f"average {summary.average}/10 over {summary.count} check-ins")
    table = Table("when", "mood", "feelings", "note")
    for c in checkins:
        table.add_row(c.created_at.strftime("%a %d %b %H:%M"), f"{c.mood}", ", ".join(c.feeling_list),
                      c.note)
    console.print(table)


@app.command("feelings")
def feelings():
    """List the feelings a check-in can name."""
    for name, group in mood.feeling_groups():
        console.print(f"[bold]{name}[/]: {', '.join(group)}")
