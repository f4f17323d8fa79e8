"""`holdspace measures`: score, take and look back over questionnaires from the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.panel import Panel
from rich.table import Table

from holdspace.cli.common import console, database, fail, load_settings, local, run_safely, sign_in
from holdspace.errors import InvalidInput
from holdspace.journey import fhir, measures, questionnaires
from holdspace.safety.response import GENTLE, crisis_response, variant_for

app = typer.Typer(no_args_is_help=True, help="Questionnaires: PHQ-9, GAD-7, WHO-5, SCS-SF and BRS.")

ANSWERS_HELP = "Answers in question order, separated by commas; leave one empty for no answer (e.g. 1,2,,0)."


def _parse(inst: measures.Instrument, text: str) -> dict[str, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != len(inst.items):
        raise InvalidInput(f"{inst.name} has {len(inst.items)} questions; {len(parts)} answers were given. "
                           "Leave an answer empty (two commas) to skip it.")
    return {str(n): p for n, p in enumerate(parts, start=1)}


@app.command("list")
def list_():
    """List the questionnaires, their answers and where their wording comes from."""
    table = Table("key", "name", "questions", "answers", "wording")
    for inst in measures.all_instruments():
        answers = ", ".join(f"{o.value} {o.label.lower()}" for o in inst.options)
        table.add_row(inst.key, inst.full_name, str(len(inst.items)), answers, inst.wording)
    console.print(table)


@app.command("score")
def score(key: str = typer.Argument(..., help="Questionnaire key, e.g. phq9."),
          answers: str = typer.Argument(..., help=ANSWERS_HELP),
          as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Score answers by the published rules without saving anything."""
    inst = run_safely(measures.instrument, key)
    checked = run_safely(measures.check_answers, inst, run_safely(_parse, inst, answers))
    result = measures.score(inst, checked)
    if as_json:
        print(json.dumps({"instrument": key, "total": result.total, "band": result.band and result.band.key,
                          "prorated": result.prorated, "missing": list(result.missing),
                          "subscales": result.subscales, "reason": result.reason}))
        return
    if not result.scored:
        fail(result.reason)
    note = " (prorated: some questions unanswered)" if result.prorated else ""
    console.print(f"{inst.name}: {result.total:g}, {result.band.label.lower()}{note}")


@app.command("change")
def change(key: str = typer.Argument(..., help="Questionnaire key, e.g. phq9."),
           before: float = typer.Argument(..., help="The earlier total."),
           after: float = typer.Argument(..., help="The later total.")):
    """Judge the change between two totals: reliable (Jacobson-Truax) and clinically significant?"""
    inst = run_safely(measures.instrument, key)
    found = measures.compare(inst, before, after)
    console.print(f"{inst.name} {before:g} → {after:g}: {found.words}", soft_wrap=True)
    if found.rci is not None:
        console.print(f"RCI {found.rci:+.2f} ({found.category}); "
                      f"source: {inst.reliable_change.source}", highlight=False, soft_wrap=True)


@app.command("take")
def take(key: str = typer.Argument(..., help="Questionnaire key, e.g. phq9."),
         answers: str = typer.Option(..., help=ANSWERS_HELP),
         accept_missing: bool = typer.Option(False, help="Score with unanswered questions where the published rule allows."),
         email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
         password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Fill in a questionnaire and see your result and the change since last time."""
    inst = run_safely(measures.instrument, key)
    raw = run_safely(_parse, inst, answers)
    run_safely(measures.check_answers, inst, raw)  # a typo costs no password
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        saved = run_safely(questionnaires.save, db, user, key, raw, accept_missing=accept_missing)
        db.commit()
        adm = saved.administration
        before = questionnaires.previous(db, adm) if saved.finished else None
        found = questionnaires.change_between(before, adm)
    if not saved.finished:
        console.print("Kept as a draft: " + " ".join(saved.problems.values()), soft_wrap=True)
        raise typer.Exit(1)
    console.print(f"{inst.name}: {adm.total_text}, {adm.band_label.lower()}. {adm.band_words}", soft_wrap=True)
    console.print(f"Since last time: {found.words}" if found else "Your first one here.", soft_wrap=True)
    variant = variant_for(adm.assessment)
    if variant is not None:
        response = crisis_response(load_settings().country, has_safety_plan=False, variant=variant)
        gentle = variant == GENTLE  # only the classifier heard it: asked lightly, not the full response
        console.print(Panel("\n\n".join(response.sentences), title="A gentle check-in" if gentle else "Before you go on",
                            border_style="yellow" if gentle else "red", padding=(1, 2)))


@app.command("history")
def history(email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
            as_json: bool = typer.Option(False, "--json", help="Print JSON lines."),
            password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Show every questionnaire you finished, with the change from the one before."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        done = questionnaires.history(db, user.id)
        rows, last = [], {}
        for adm in done:
            found = questionnaires.change_between(last.get(adm.instrument), adm)
            last[adm.instrument] = adm
            rows.append((adm, found))
    if as_json:
        for adm, found in rows:
            print(json.dumps({"id": adm.id, "instrument": adm.instrument, "total": adm.total, "band": adm.band,
                              "completed_at": adm.completed_at.isoformat(),
                              "change": found and {"difference": found.difference, "rci": found.rci,
                                                   "category": found.category}}))
        return
    if not rows:
        console.print("No questionnaires yet. Try: holdspace measures take who5 --answers 3,3,3,3,3")
        return
    table = Table("when", "questionnaire", "score", "band", "change")
    for adm, found in rows:
        table.add_row(adm.completed_at.strftime("%d %b %Y"), adm.definition.name, adm.total_text,
                      adm.band_label, found.words if found else "first")
    console.print(table)


@app.command("journey")
def journey(email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
            password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Look back: this month in warm words, your milestones, and each month's counts."""
    from holdspace import clock
    from holdspace.journey import gather

    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        built, _, _ = gather.journey_of(db, user, now=clock.now(),
                                        categories=gather.EVERYTHING)
    console.print(Panel("\n".join(built.summary), title="Look how far you've come", padding=(1, 2)))
    if built.milestones:
        latest = built.milestones[-1]
        console.print(f"[bold]{latest.title}[/] ({local(latest.at):%d %b %Y}): {latest.prompt}", soft_wrap=True)
    table = Table("month", "check-ins", "average mood", "journal", "practices", "goal check-ins", "questionnaires")
    for m in built.months:
        table.add_row(m.label, str(m.checkins), f"{m.average_mood}" if m.average_mood is not None else "",
                      str(m.journal), f"{m.practices} ({m.practice_minutes} min)" if m.practices else "0",
                      str(m.goal_checkins), ", ".join(f"{p.name} {p.total_text}" for p in m.measures))
    console.print(table)


@app.command("fhir")
def fhir_export(output: Path = typer.Option(..., help="Where to write the FHIR R4 Bundle (JSON)."),
                email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
                password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Write your questionnaires as a FHIR R4 Bundle (QuestionnaireResponse + Observation, LOINC-coded)."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        done = [questionnaires.open_answers(db, a) for a in questionnaires.history(db, user.id)]
        data = fhir.bundle(user, done)
    output.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    console.print(f"Wrote {len(done)} questionnaire{'s' if len(done) != 1 else ''} to {output}.")
