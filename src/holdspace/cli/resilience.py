"""`holdspace resilience`: strengths, the coping toolbox and the support network, from the terminal.

A thin edge over resilience/toolbox.py, as the web page is: each item is checked for risk and
sealed when written (the crisis response shown when it calls for it), a skill is rated 1–5 each
time it is used, and the skills that helped most are put first "when you're struggling".
"""

from __future__ import annotations

import json

import typer
from rich.markup import escape

from holdspace import clock
from holdspace.cli.asking import show_crisis
from holdspace.cli.common import console, database, fail, load_settings, run_safely, sign_in
from holdspace.errors import NotFound
from holdspace.resilience import toolbox

app = typer.Typer(no_args_is_help=True, help="Resilience: your strengths, coping toolbox and support network.")

EMAIL = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email.")
PASSWORD_STDIN = typer.Option(False, help="Read your password from standard input.")
COUNTRY = typer.Option("", "--country", help="Country whose crisis lines are shown (default: HOLDSPACE_COUNTRY).")


def _say(text: str, style: str = "") -> None:
    console.print(f"[{style}]{escape(text)}[/]" if style else escape(text), highlight=False, soft_wrap=True)


def _situation_keys(given: list[str]) -> list[str]:
    known = {s.key for s in toolbox.situations()}
    chosen = [g.strip().lower() for g in given]
    unknown = [g for g in chosen if g not in known]
    if unknown:
        fail(f"{unknown[0]!r} isn't one of the situations here. Choose from: {', '.join(sorted(known))} "
             "(`holdspace resilience situations` says what each means).", code=2)
    return chosen


def _client(db, email: str, password_stdin: bool):
    user = run_safely(sign_in, db, email, password_stdin)
    if not user.is_client:
        fail("The resilience pages are for client accounts.", code=2)
    return user


def _add(kind: str, fields: dict, email: str, password_stdin: bool, country: str, saved: str) -> None:
    # Checked before the password is asked for, so a typo costs nothing.
    run_safely(toolbox.check_item, kind, fields, today=clock.today_in(load_settings().time_zone))
    with database() as db:
        user = _client(db, email, password_stdin)
        item = run_safely(toolbox.add_item, db, user, kind, fields)
        db.commit()
        _say(f"{saved} (item {item.id})", "green")
        show_crisis(db, user, item.assessment, country)


@app.command("situations")
def situations():
    """The situations a coping skill can be for, with the key `--for` and `--situation` take."""
    for s in toolbox.situations():
        console.print(f"[bold]{s.key}[/]  {escape(s.label)}", highlight=False)


@app.command("strength")
def add_strength(name: str = typer.Argument(..., help="The strength, in a word or a few."),
                 example: str = typer.Option("", "--example", help="A time it showed in your life."),
                 email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY):
    """Name a strength of yours, with a moment from your life when it showed."""
    _add("strength", {"name": name, "example": example}, email, password_stdin, country,
         f"Added to your strengths: {' '.join(name.split())}.")


@app.command("skill")
def add_skill(name: str = typer.Argument(..., help="The skill: anything that helps."),
              how: str = typer.Option("", "--how", help="How you do it."),
              situation: list[str] = typer.Option([], "--for", help="When it helps (see `resilience situations`); "
                                                  "repeat for more."),
              email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY):
    """Add a coping skill to your toolbox, and when it helps."""
    _add("skill", {"name": name, "how": how, "situations": _situation_keys(situation)}, email, password_stdin,
         country, f"Added to your toolbox: {' '.join(name.split())}. After you use it, "
                  "`holdspace resilience rate ID 1-5` notes how much it helped.")


@app.command("person")
def add_person(name: str = typer.Argument(..., help="Their name."),
               helps: str = typer.Option("", "--helps", help="How they help."),
               last_talked: str = typer.Option("", "--last-talked", help="When you last talked, YYYY-MM-DD."),
               email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY):
    """Add someone on your side to your support network."""
    _add("person", {"name": name, "helps": helps, "last_talked": last_talked}, email, password_stdin, country,
         f"Added to your support network: {' '.join(name.split())}.")


@app.command("rate")
def rate(skill_id: int = typer.Argument(..., help="The skill's id (see `resilience list`)."),
         rating: str = typer.Argument(..., help="How much it helped this time: 1 (not much) to 5 (a lot)."),
         email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN):
    """You used a skill just now: note how much it helped."""
    if not rating.strip().isdigit() or not 1 <= int(rating) <= 5:
        fail("How much did it help? Choose from 1 (not much) to 5 (a lot).", code=2)
    with database() as db:
        user = _client(db, email, password_stdin)
        try:
            toolbox.rate_skill(db, user, skill_id, rating)
        except NotFound:
            fail(f"There's no skill {skill_id} in your toolbox. `holdspace resilience list` shows them.", code=2)
        db.commit()
        skill = next(i for i in toolbox.items(db, user.id, "skill") if i.id == skill_id)
    _say(f"Noted: {skill.body['name']} helped {rating} out of 5 this time. On average {skill.average} out of 5, "
         f"over {len(skill.ratings)} time{'s' if len(skill.ratings) != 1 else ''}.", "green")


def _struggling(best, people, situation: str, labels: dict[str, str]) -> None:
    _say("When you're struggling" + (f": {labels[situation]}" if situation else ""), "bold")
    if best:
        _say(f"These have helped you most{' with this' if situation else ''}:")
        for n, s in enumerate(best, 1):
            how = f": {s.body['how']}" if s.body.get("how") else ""
            times = len(s.ratings)
            _say(f"  {n}. {s.body['name']}{how} (helped {s.average} out of 5 on average, {times} "
                 f"time{'s' if times != 1 else ''})")
    else:
        _say("Once you've rated a few skills after using them, the ones that help most will show up here.", "dim")
    if people:
        _say(f"You could also reach out to: {', '.join(p.body['name'] for p in people)}.")


@app.command("list")
def list_(situation: str = typer.Option("", "--situation", "-s", help="What's hard right now (see "
                                        "`resilience situations`): what has helped with it comes first."),
          email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN,
          as_json: bool = typer.Option(False, "--json", help="Print JSON lines.")):
    """Everything in one place: what has helped most when you're struggling, your toolbox, strengths and people."""
    situation = _situation_keys([situation])[0] if situation.strip() else ""
    with database() as db:
        user = _client(db, email, password_stdin)
        everything = toolbox.items(db, user.id)
    if as_json:
        for i in everything:
            print(json.dumps({"id": i.id, "kind": i.kind, "created_at": i.created_at.isoformat(), **i.body,
                              "ratings": i.ratings}, ensure_ascii=False))
        return
    labels = {s.key: s.label for s in toolbox.situations()}
    skills = [i for i in everything if i.kind == "skill"]
    strengths = [i for i in everything if i.kind == "strength"]
    people = [i for i in everything if i.kind == "person"]
    _struggling(toolbox.best_skills(skills, situation or None), people, situation, labels)

    console.print()
    _say("Coping toolbox", "bold")
    for s in skills:
        _say(f"  [{s.id}] {s.body['name']}", "bold cyan")
        if s.body.get("how"):
            _say(f"      {s.body['how']}")
        if s.body.get("situations"):
            _say(f"      For: {'; '.join(labels.get(t, t) for t in s.body['situations'])}", "dim")
        times = len(s.ratings)
        _say(f"      Helped {s.average} out of 5 on average, over {times} time{'s' if times != 1 else ''}."
             if s.ratings else "      Not rated yet.", "dim")
    if not skills:
        _say("  Nothing in your toolbox yet. A skill can be anything that helps: a walk, a song, cold water on your "
             'face, texting a friend. holdspace resilience skill "a walk round the block" --for anxious')

    console.print()
    _say("Strengths", "bold")
    for s in strengths:
        _say(f"  [{s.id}] {s.body['name']}" + (f": {s.body['example']}" if s.body.get("example") else ""))
    if not strengths:
        _say("  Which strengths do you have? Name one, and a time it showed up in your life. Some people name: "
             f"{', '.join(toolbox.strength_suggestions()[:8])}.")

    console.print()
    _say("Support network", "bold")
    for p in people:
        _say(f"  [{p.id}] {p.body['name']}" + (f": {p.body['helps']}" if p.body.get("helps") else "")
             + (f" (last talked {p.body['last_talked']})" if p.body.get("last_talked") else ""))
    if not people:
        _say("  Who is on your side? Friends, family, neighbours, a group, a helpline. Anyone who helps counts.")
