"""`holdspace report`: the session report for one of a therapist's clients, in the terminal or as PDF."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from holdspace.cli.common import console, database, fail, local, run_safely, sign_in_therapist


def report(client: str = typer.Argument(..., help="The client's sign-in email."),
           email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your (the therapist's) sign-in email."),
           since: str = typer.Option("", help="The last session's date, YYYY-MM-DD (default: 14 days ago)."),
           pdf: Path | None = typer.Option(None, help="Also write the report as a PDF to this file."),
           code: str = typer.Option("", help="The six-digit code from your authenticator app, if you use one."),
           password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Since the last session: questionnaires and their change, risk flags, mood, themes, goals, homework."""
    from sqlalchemy import select

    from holdspace import clock
    from holdspace.errors import NotFound
    from holdspace.journey import report as session_report
    from holdspace.privacy.accounts import User, normalise_email

    if pdf is not None and pdf.is_dir():
        fail(f"{pdf} is a folder: give a file name for the PDF, e.g. {pdf / 'report.pdf'}.", code=2)
    with database() as db:
        therapist = run_safely(sign_in_therapist, db, email, password_stdin, code, "The session report")
        client_id = db.scalar(select(User.id).where(User.email == normalise_email(client)))
        try:
            chosen = run_safely(session_report.parse_since, since, clock.today(db))
            built = session_report.build(db, therapist, client_id or -1, chosen, now=clock.now())
        except NotFound:
            fail(f"{client} is not one of your clients here.", code=2)
        db.commit()  # the reads are audited
        _print(built)
        if pdf is not None:
            from holdspace.web import report_pdf

            pdf.write_bytes(report_pdf.render(built, local=local))
            console.print(f"Written to {pdf}.")


def _print(built) -> None:
    console.print(f"[bold]Session report: {built.client.display_name}[/] — since {built.since:%-d %B %Y} "
                  f"({built.days} days)", highlight=False)
    if built.not_shared:
        console.print(f"[dim]Not shared with you, so not included: {', '.join(built.not_shared)}.[/]")
    console.print("\n[bold]Risk flags[/]")
    for r in built.risks:
        console.print(f"  {local(r.at):%d %b %H:%M}  {r.source} · {r.level}: {'; '.join(r.reasons)}",
                      highlight=False)
    if not built.risks:
        console.print("  None found in what is shared.")
    if built.measures:
        table = Table("questionnaire", "before", "latest", "change", title="Questionnaires", title_justify="left")
        for line in built.measures:
            table.add_row(line.instrument.name, line.baseline.total_text if line.baseline else "",
                          line.latest.total_text if line.latest else "nothing new",
                          line.change.words if line.change else "")
        console.print(table)
    if built.mood is not None:
        console.print(f"\n[bold]Mood[/]\n  {built.mood.words}", highlight=False)
    if built.goals is not None:
        console.print("\n[bold]Goals[/]")
        for g in built.goals:
            console.print(f"  {g.text} (check in {g.schedule}): {g.words}", highlight=False)
        if not built.goals:
            console.print("  No goals yet.")
    if built.homework:
        console.print("\n[bold]Homework you suggested[/]")
        for h in built.homework:
            console.print(f"  {h.practice} ({h.plan}): {h.words}", highlight=False)
