"""`holdspace homework`: for a client, what is waiting today and this week; for a therapist, suggest and follow.

A thin edge over homework/ as the web pages are: the client's list is the home page's "For today,
whenever you're ready" (homework/due.py) and the practices page's "For this week from ...", in the
same words; a therapist signs in with the second step, reaches only their own clients
(privacy/policy.py), and sees whether something was done only where the client shares it, each
read audited. Nothing is ever overdue, and no missed day is counted.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import groupby

import typer
from rich.markup import escape
from sqlalchemy import select

from holdspace import clock
from holdspace.cli.common import (console, database, fail, load_settings, local, run_safely, sign_in, sign_in_therapist,
                                   weekdays_option)
from holdspace.errors import InvalidInput, NotFound
from holdspace.homework import assignments, plan
from holdspace.homework.due import due_now
from holdspace.privacy.accounts import User, normalise_email
from holdspace.privacy.consent import CATEGORIES
from holdspace.privacy.policy import linked_client

app = typer.Typer(help="Practices between sessions: what's waiting for you (run with no command), or, for a "
                       "therapist, suggest and follow.", invoke_without_command=True)

EMAIL = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email.")
PASSWORD_STDIN = typer.Option(False, help="Read your password from standard input.")
CODE = typer.Option("", help="The six-digit code from your authenticator app, if you use one.")

# Where each practice is done in the terminal, shown beside it (the web page links to it instead).
IN_THE_TERMINAL = {
    "breathing": "holdspace breathe {detail}, then: holdspace practices log breathing MINUTES "
                 "--pattern {detail} --before N --after N", "body-scan": "holdspace body-scan --log",
    "grounding": "holdspace ground --log", "challenge": "holdspace challenge",
    "thought-record": "holdspace thought-record", "journal": "holdspace journal write",
    "strength": 'holdspace resilience strength "..." --example "..."',
    "skill-rating": "holdspace resilience list, then holdspace resilience rate ID 1-5",
    "person": 'holdspace resilience person "..." --helps "..."',
}
FOOTER = "Do what fits your day. Nothing here goes stale, and nobody keeps count of days you let pass."


def _say(text: str, style: str = "") -> None:
    console.print(f"[{style}]{escape(text)}[/]" if style else escape(text), highlight=False, soft_wrap=True)


def _day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B}"


def _terminal_hint(kind: str, detail: str) -> str:
    command = IN_THE_TERMINAL.get(kind)
    return command.format(detail=detail) if command else ""


def status_words(s: assignments.Status, today: date, done_on: date | None) -> str:
    """The line under a suggestion on the practices page: its plan, then done, waiting or when it starts."""
    hw, words = s.homework, plan.words()
    text = hw.schedule.words()
    text = text[:1].upper() + text[1:] + "."
    if s.done and done_on is not None:
        ago = (today - done_on).days
        text += " " + words["done"].format(day="today" if ago == 0 else "yesterday" if ago == 1
                                           else f"on {done_on:%A}")
        if s.round.next_on:
            text += " " + words["next"].format(day=_day(s.round.next_on))
    elif s.is_due:
        if hw.repeat == "once" and hw.ends_on and hw.ends_on >= today:
            text += " " + words["hoped_by"].format(day=_day(hw.ends_on))
        else:
            text += " " + words["waiting"]
    elif s.round.next_on:
        text += " " + words["starts"].format(day=_day(s.round.next_on))
    return text


@app.callback()
def for_client(ctx: typer.Context, email: str = typer.Option("", envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
               as_json: bool = typer.Option(False, "--json", help="Print JSON lines."),
               password_stdin: bool = PASSWORD_STDIN):
    """What's waiting for you today and this week, in the home page's words. Nothing is ever overdue."""
    if ctx.invoked_subcommand is not None:
        return
    if not email:
        fail("Say who you are: add --email (or set HOLDSPACE_EMAIL).", code=2)
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        if not user.is_client:
            fail("This list is for client accounts. A therapist uses `holdspace homework suggest` and "
                 "`holdspace homework follow CLIENT`.", code=2)
        today = clock.today(db)
        due = due_now(db, user)
        mine = assignments.for_client(db, user, today)
        done_on = {s.homework.id: clock.day_of(s.done[0].at, db) for s in mine if s.done}
        db.commit()
    if as_json:
        for d in due:
            print(json.dumps({"due_today": True, **vars(d)}, ensure_ascii=False))
        for s in mine:
            hw = s.homework
            print(json.dumps({"homework": hw.id, "practice": hw.practice.key, "name": hw.practice.name,
                              "from": hw.from_name, "note": hw.note, "plan": hw.schedule.words(), "is_due": s.is_due,
                              "done": [d.at.isoformat() for d in s.done],
                              "next_on": s.round.next_on.isoformat() if s.round.next_on else None},
                             ensure_ascii=False))
        return
    if due:
        _say("For today, whenever you're ready", "bold")
        terminal = {(s.homework.practice.name, s.homework.note): _terminal_hint(s.homework.kind, s.homework.detail)
                    for s in mine}
        for item in due:
            _say(f"  • {item.title}")
            _say(f"    {item.why}", "dim")
            if item.note:
                _say(f"    “{item.note}”", "italic")
            hint = terminal.get((item.title, item.note), "") if item.what == "homework" else ""
            if hint:
                _say(f"    In the terminal: {hint}", "dim")
        _say(FOOTER, "dim")
    by_whom = sorted(mine, key=lambda s: s.homework.from_name)  # stable: due first within each
    for from_name, items in groupby(by_whom, key=lambda s: s.homework.from_name):
        console.print()
        _say(f"For this week from {from_name}", "bold")
        for s in items:
            hw = s.homework
            _say(f"  [{hw.id}] {hw.practice.name}", "bold cyan")
            _say(f"    {hw.practice.invite}")
            if hw.note:
                _say(f"    “{hw.note}” ({from_name})", "italic")
            _say(f"    {status_words(s, today, done_on.get(hw.id))}", "dim")
    if mine:
        console.print()
        _say("`holdspace homework aside ID` takes a suggestion off your list; no reason is asked.", "dim")
    if not due and not mine:
        _say("Nothing waiting for you today. Whenever you'd like a practice: holdspace breathe, holdspace ground, "
             "holdspace journal write.")


def _category_label(key: str) -> str:
    return next((c.label for c in CATEGORIES if c.key == key), key)


def _client_id(db, client: str) -> int:
    return db.scalar(select(User.id).where(User.email == normalise_email(client))) or -1


@app.command("practices")
def practices():
    """Every practice a therapist can suggest, with the key `homework suggest` takes."""
    for p in plan.practices():
        console.print(f"[bold]{p.key}[/]  {escape(p.name)}", highlight=False)
        console.print(f"  [dim]{escape(p.invite)}[/]", highlight=False, soft_wrap=True)


def _check_plan(*args, **kwargs):
    try:
        return plan.check_plan(*args, **kwargs)
    except InvalidInput as exc:
        if "practice" in exc.fields:
            exc.fields["practice"] = ("That isn't one of the practices you can suggest. `holdspace homework practices` "
                                      "lists the keys, such as breathing:4-6 or journal.")
        raise


@app.command("suggest")
def suggest(client: str = typer.Argument(..., help="Your client's sign-in email."),
            practice: str = typer.Argument(..., help="What to suggest: a key from `holdspace homework practices`."),
            by: str = typer.Option("", "--by", help="Once, hoped for by this day (YYYY-MM-DD)."),
            day: list[str] = typer.Option([], "--day", "-d", help="On chosen weekdays (mon..sun or daily); repeat."),
            every: str = typer.Option("", "--every", help="Every so many days (1 to 90)."),
            starts_on: str = typer.Option("", "--from", help="The first day, YYYY-MM-DD (default: today)."),
            ends_on: str = typer.Option("", "--until", help="The last day of a repeating practice, YYYY-MM-DD."),
            note: str = typer.Option("", "--note", help="A note for your client: why, or when it might help."),
            email: str = EMAIL, code: str = CODE, password_stdin: bool = PASSWORD_STDIN):
    """Suggest a practice to your client: once by a day (--by), on weekdays (--day) or every few days (--every)."""
    chosen = [name for name, given in (("--by", by), ("--day", day), ("--every", every)) if given]
    if len(chosen) != 1:
        fail("Say how often with one of: --by YYYY-MM-DD (once), --day mon --day thu (chosen weekdays), "
             "or --every 3 (every few days).", code=2)
    repeat = {"--by": "once", "--day": "days", "--every": "every"}[chosen[0]]
    days = weekdays_option(day)
    # The plan is checked before the password is asked for, so a typo costs nothing.
    run_safely(_check_plan, practice, repeat, by=by or None, days=days, every_days=every or None,
               starts_on=starts_on or None, ends_on=ends_on or None, note=note,
               today=clock.today_in(load_settings().time_zone))
    with database() as db:
        therapist = run_safely(sign_in_therapist, db, email, password_stdin, code, "Suggesting homework")
        client_id = _client_id(db, client)
        try:
            linked_client(db, therapist, client_id)
        except NotFound:
            fail(f"{client} is not one of your clients here.", code=2)
        hw = run_safely(assignments.assign, db, therapist, client_id, practice, repeat, by=by or None, days=days,
                        every_days=every or None, starts_on=starts_on or None, ends_on=ends_on or None, note=note)
        db.commit()
        name, words, client_name = hw.practice.name, hw.schedule.words(), db.get(User, hw.client_id).display_name
    _say(f"Suggested to {client_name}: {name}, {words}.", "green")
    _say(f"{client_name} will see it on their home and practices pages" + (", with your note." if note else "."))


@app.command("follow")
def follow(client: str = typer.Argument(..., help="Your client's sign-in email."),
           email: str = EMAIL, code: str = CODE, password_stdin: bool = PASSWORD_STDIN,
           as_json: bool = typer.Option(False, "--json", help="Print JSON lines.")):
    """What you've suggested to a client; whether it was done only where they share it (each read audited)."""
    with database() as db:
        therapist = run_safely(sign_in_therapist, db, email, password_stdin, code, "Following homework")
        try:
            followed = assignments.for_therapist(db, therapist, _client_id(db, client))
        except NotFound:
            fail(f"{client} is not one of your clients here.", code=2)
        name = db.get(User, _client_id(db, client)).display_name
        db.commit()  # the reads of done-ness are audited
    if as_json:
        for f in followed:
            hw = f.status.homework
            print(json.dumps({"homework": hw.id, "practice": hw.practice.key, "plan": hw.schedule.words(),
                              "note": hw.note, "shared": f.status.visible,
                              "times_done": f.times_done if f.status.visible else None,
                              "last_done": f.last_done.isoformat() if f.last_done else None,
                              "ended_at": hw.ended_at.isoformat() if hw.ended_at else None}, ensure_ascii=False))
        return
    _say(f"{name}: practices between sessions", "bold")
    if not followed:
        _say(f"Nothing suggested yet. `holdspace homework suggest {client} PRACTICE --day mon` suggests one.")
    for f in followed:
        hw = f.status.homework
        console.print()
        _say(f"[{hw.id}] {hw.practice.name}", "bold cyan")
        words = hw.schedule.words()
        ended = (f" No longer in {name}'s list since {local(hw.ended_at):%-d %B}." if hw.ended_at else "")
        _say(f"  {words[:1].upper()}{words[1:]}.{ended}")
        if hw.note:
            _say(f"  Your note: {hw.note}", "italic")
        if not f.status.visible:
            _say(f"  {name} doesn't share {_category_label(hw.practice.category).lower()} with you, so you won't "
                 "see whether it was done.", "dim")
        elif f.times_done:
            times = "once" if f.times_done == 1 else f"{f.times_done} times"
            _say(f"  Done {times} since {hw.starts_on:%-d %B}; most recently {local(f.last_done):%A %-d %B}.", "green")
        else:
            _say("  Not done in holdspace yet.")


@app.command("aside")
def aside(homework_id: int = typer.Argument(..., help="The suggestion's id (shown by `holdspace homework`)."),
          email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN):
    """Take a suggestion off your list; it is yours to decline, and no reason is asked."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        try:
            hw = assignments.set_aside(db, user, homework_id)
        except NotFound:
            fail(f"There's no suggestion {homework_id} on your list. `holdspace homework` shows them.", code=2)
        db.commit()
        name = hw.practice.name
    _say(f"{name} is off your list.", "green")


@app.command("stop")
def stop(client: str = typer.Argument(..., help="Your client's sign-in email."),
         homework_id: int = typer.Argument(..., help="The suggestion's id (shown by `homework follow`)."),
         email: str = EMAIL, code: str = CODE, password_stdin: bool = PASSWORD_STDIN):
    """Stop suggesting a practice; your client no longer sees it."""
    with database() as db:
        therapist = run_safely(sign_in_therapist, db, email, password_stdin, code, "Stopping homework")
        try:
            hw = assignments.stop(db, therapist, homework_id, _client_id(db, client))
        except NotFound:
            fail(f"There's no suggestion {homework_id} of yours to {client} still going.", code=2)
        db.commit()
        name = hw.practice.name
    _say(f"Stopped suggesting {name}; {client} no longer sees it.", "green")
