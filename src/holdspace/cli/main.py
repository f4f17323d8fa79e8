"""The holdspace command line."""

from __future__ import annotations

import typer

from holdspace.cli import (analyze, audit, backups, breathe, checkin, demo, feedback, goals, guided, homework, journal,
                           keys, measures, practices, records, report, resilience, selfcompassion, serve, settings,
                           talk, users)
from holdspace.cli.common import err_console
from holdspace.errors import HoldspaceError

app = typer.Typer(name="holdspace", no_args_is_help=True, add_completion=False,
                  help="A local-first companion for compassionate therapy.",
                  pretty_exceptions_enable=False)
app.command("serve")(serve.serve)
app.command("demo")(demo.demo)
app.command("talk")(talk.talk)
app.add_typer(users.app, name="users")
app.add_typer(checkin.app, name="checkin")
app.add_typer(journal.app, name="journal")
app.add_typer(goals.app, name="goals")
app.add_typer(homework.app, name="homework")
app.add_typer(measures.app, name="measures")
app.add_typer(resilience.app, name="resilience")
app.add_typer(practices.app, name="practices")
app.add_typer(keys.app, name="keys")
app.add_typer(audit.app, name="audit")
app.command("analyze")(analyze.analyze)
app.command("breathe")(breathe.breathe)
app.command("ground")(guided.ground)
app.command("body-scan")(guided.body_scan)
app.command("challenge")(selfcompassion.challenge)
app.command("thought-record")(selfcompassion.thought_record)
app.command("letter")(selfcompassion.letter)
app.command("feedback")(feedback.feedback)
app.command("report")(report.report)
app.command("export")(records.export_command)
app.command("import")(records.import_command)
app.command("backup")(backups.backup_command)
app.command("restore")(backups.restore_command)
app.command("settings")(settings.show)


def main() -> None:
    try:
        app()
    except HoldspaceError as exc:
        # Settings that can't be parsed, a database that isn't safe: one line, never a trace.
        err_console.print(f"[bold red]holdspace:[/] {exc.message}", highlight=False, soft_wrap=True)
        raise SystemExit(1) from None


if __name__ == "__main__":  # `python -m holdspace.cli.main`, as well as the `holdspace` script
    main()
