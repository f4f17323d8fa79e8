"""`holdspace goals`: set goals in your own words, check in on them, and read a goal's wording."""

from __future__ import annotations

import json

import typer
from rich.panel import Panel
from rich.table import Table

from holdspace.cli.asking import show_crisis
from holdspace.cli.common import console, database, run_safely, sign_in, weekdays_option
from holdspace.goals import schedule
from holdspace.goals.checkins import check_outcome, checkins_of, due_today, goal_milestones, record_checkin
from holdspace.goals.goal import check_goal, create_goal, goals_of, own_goal
from holdspace.goals.smart import analyse

app = typer.Typer(no_args_is_help=True, help="Goals: your own words, check-ins, milestones.")

EMAIL = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email.")
PASSWORD_STDIN = typer.Option(False, help="Read your password from standard input.")


def _show_analysis(text: str) -> None:
    result = analyse(text)
    for name, criterion in result.criteria():
        mark = {True: "✓", False: "·", None: "?"}[criterion.met]
        words = criterion.reason if criterion.met else (criterion.suggestion or criterion.reason)
        console.print(f"  {mark} {name.replace('_', '-')}: {words}", highlight=False)


@app.command("analyze")
def analyze_text(text: str = typer.Argument(..., help="A goal, in your own words.")):
    """Read a goal's wording with you: specific, measurable, achievable, relevant, time-bound."""
    _show_analysis(text)


@app.command("add")
def add(text: str = typer.Argument(..., help="Your goal, in your own words."),
        day: list[str] = typer.Option(["daily"], "--day", "-d", help="A check-in day (mon..sun or daily); repeat."),
        until: str = typer.Option("", help="By when, as YYYY-MM-DD."),
        confidence: str = typer.Option("", help="How sure you are, 0 to 10."),
        why: str = typer.Option("", help="What would be different for you."),
        email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN):
    """Save a goal; it is checked for risk and kept sealed."""
    fields = run_safely(check_goal, text, weekdays_option(day), until, confidence=confidence, why=why)
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        goal = run_safely(create_goal, db, user, fields)
        db.commit()
        console.print(f"Saved goal {goal.id}: check in {schedule.days_phrase(fields.days)}"
                      + (f", until {fields.ends_on:%-d %B %Y}." if fields.ends_on else "."))
        _show_analysis(fields.text)
        show_crisis(db, user, goal.assessment)


@app.command("list")
def list_(email: str = EMAIL, as_json: bool = typer.Option(False, "--json", help="Print JSON lines."),
          password_stdin: bool = PASSWORD_STDIN):
    """Your goals, with today's check-ins and the milestones reached."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        mine = goals_of(db, user.id)
        due = {g.id for g in due_today(db, user.id)}
        rows = [(g, goal_milestones(g, checkins_of(db, g, with_notes=False))) for g in mine]
    if as_json:
        for g, reached in rows:
            print(json.dumps({"id": g.id, "text": g.text, "days": g.day_keys, "ends_on": g.ends_on and g.ends_on.isoformat(),
                              "status": g.status, "due_today": g.id in due,
                              "milestones": [m.key for m in reached]}, ensure_ascii=False))
        return
    if not rows:
        console.print('No goals yet. Whenever you like: holdspace goals add "walk for 20 minutes on weekdays" '
                      "--day mon --day wed")
        return
    table = Table("id", "goal", "check in", "until", "milestone", "today")
    for g, reached in rows:
        table.add_row(str(g.id), g.text, g.schedule_words, g.ends_on.isoformat() if g.ends_on else "",
                      reached[-1].title if reached else "", "check in" if g.id in due else
                      ("reached" if g.status == "done" else ""))
    console.print(table)


@app.command("checkin")
def checkin(goal_id: int = typer.Argument(..., help="The goal's id (see `goals list`)."),
            outcome: str = typer.Argument(..., help="done, partly, or not_this_time."),
            note: str = typer.Option("", help="An optional note."),
            email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN):
    """Say how it went today."""
    run_safely(check_outcome, outcome, note)
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        goal = run_safely(own_goal, db, user, goal_id)
        result = run_safely(record_checkin, db, user, goal, outcome, note)
        db.commit()
        console.print(result.message)
        for m in result.new_milestones:
            console.print(Panel(m.message, title=m.title, border_style="green", padding=(0, 2)))
        show_crisis(db, user, result.checkin.assessment)
