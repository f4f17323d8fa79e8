"""`holdspace practices log|list`: the practice log (minutes, calm before and after on 0–10) from the terminal.

A thin edge over mindfulness/log.py, as the web page's practice log is. Logging a practice is also
what marks homework of that kind done. `holdspace ground --log` and `body-scan --log` rate and log
as they run; this is for any practice done elsewhere, such as a walk with the breathing pacer.
"""

from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table

from holdspace.cli.common import console, database, fail, local, run_safely, sign_in
from holdspace.creativity import prompts
from holdspace.errors import InvalidInput
from holdspace.mindfulness import breathing, log

app = typer.Typer(no_args_is_help=True, help="The practice log: what you practised, for how long, and how calm "
                                             "you felt before and after.")

EMAIL = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email.")
PASSWORD_STDIN = typer.Option(False, help="Read your password from standard input.")


def _detail(kind: str, pattern: str, prompt: str) -> str:
    """The detail the log keeps: a breathing pattern, or the music or movement prompt tried; else refused."""
    if pattern and kind != "breathing":
        fail("--pattern is for breathing: the pattern you breathed, such as 4-6 or box.", code=2)
    if prompt and kind not in log.PROMPTED:
        fail(f"--prompt is for {' and '.join(log.PROMPTED)}: the key of the prompt you tried.", code=2)
    if pattern:
        return run_safely(breathing.parse_pattern, pattern).label
    if prompt:
        found = prompts.find(prompt.strip())
        if found is None or found.kind != kind:
            fail(f"There's no {kind} prompt called {prompt.strip()!r}. The web app's Music and movement page "
                 "(/practices/music-and-movement) lists them.", code=2)
        return found.key
    return ""


@app.command("log")
def log_practice(kind: str = typer.Argument(..., help=f"What you practised: {', '.join(log.KINDS)}."),
                 minutes: str = typer.Argument(..., help=f"For how long, in minutes (0.5 to {log.MAX_MINUTES})."),
                 before: str = typer.Option("", "--before", help="How calm you felt before, 0 (not at all) to 10 "
                                            "(completely)."),
                 after: str = typer.Option("", "--after", help="How calm you felt after, 0 to 10."),
                 pattern: str = typer.Option("", "--pattern", help="Breathing: the pattern, e.g. 4-6, box, 4-7-8."),
                 prompt: str = typer.Option("", "--prompt", help="Music or movement: the key of the prompt you tried."),
                 email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN):
    """Note a practice in your log: what, how many minutes, and how calm you felt before and after."""
    kind = kind.strip().lower()
    if kind not in log.KINDS:
        fail(f"{kind!r} isn't one of the practices the log keeps. Choose one of: {', '.join(log.KINDS)}.", code=2)
    detail = _detail(kind, pattern, prompt)
    # Checked before the password is asked for, so a typo costs nothing.
    try:
        log.check_session(kind, minutes, before, after, detail)
    except InvalidInput as exc:
        fail(" ".join(exc.fields.values()), code=2)
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        row = run_safely(log.record_session, db, user, kind, minutes, before, after, detail)
        db.commit()
        name, label, got = row.name, row.detail_label, f"{row.minutes:g}"
        change = f", calm {row.before} → {row.after}" if row.before is not None and row.after is not None else ""
    console.print(f"Saved to your practice log: {escape(name)}{f' ({escape(label)})' if label else ''}, {got} "
                  f"minutes{change}. Well done for making the time.", highlight=False, soft_wrap=True)


@app.command("list")
def list_(days: int = typer.Option(28, min=1, help="How many days back to show."),
          email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN,
          as_json: bool = typer.Option(False, "--json", help="Print JSON lines.")):
    """What you've practised, newest first, with the minutes and how calm you felt before and after."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        if not user.is_client:
            fail("The practice log is for client accounts.", code=2)
        rows = log.sessions(db, user.id, days=days)
        shown = [(r.id, r.created_at, r.kind, r.name, r.detail, r.detail_label, r.minutes, r.before, r.after)
                 for r in rows]
        summary = log.summarise(rows)
    if as_json:
        for id_, at, kind, _, detail, _, mins, b, a in shown:
            print(json.dumps({"id": id_, "kind": kind, "detail": detail, "minutes": mins, "before": b, "after": a,
                              "created_at": at.isoformat()}, ensure_ascii=False))
        return
    if not shown:
        console.print(f"Nothing logged in the last {days} days. Any practice counts, however short: "
                      "holdspace practices log breathing 5 --before 4 --after 6", highlight=False)
        return
    change = ""
    if summary.average_change is not None:
        change = (f"; calm {summary.average_change:+g} on average from before to after, over {summary.rated} "
                  f"rated practice{'s' if summary.rated != 1 else ''}")
    console.print(f"Last {days} days: {summary.count} practice{'s' if summary.count != 1 else ''}, "
                  f"{summary.minutes:g} minutes in all{change}.", highlight=False)
    table = Table("when", "practice", "minutes", "calm before → after")
    for _, at, _, name, _, label, mins, b, a in shown:
        table.add_row(f"{local(at):%a %-d %b, %H:%M}", escape(name + (f" ({label})" if label else "")),
                      f"{mins:g}", f"{'–' if b is None else b} → {'–' if a is None else a}")
    console.print(table)
