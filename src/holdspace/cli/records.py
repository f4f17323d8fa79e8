"""`holdspace export` and `holdspace import`: a client's whole record, out and back in."""

from __future__ import annotations

from pathlib import Path

import typer

from holdspace.cli.common import console, database, fail, run_safely, sign_in
from holdspace.privacy import export


def export_command(output: Path = typer.Option(..., "--output", "-o", help="Where to write the .zip."),
                   email: str = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email."),
                   password_stdin: bool = typer.Option(False, help="Read your password from standard input.")):
    """Write everything you have in holdspace to one archive (see README.txt inside)."""
    if output.exists():
        fail(f"{output} already exists; choose another name so nothing is overwritten.")
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        blob = run_safely(export.export_archive, db, user)
        output.write_bytes(blob)
        output.chmod(0o600)
        db.commit()
    console.print(f"Saved everything to {output}. Anyone with this file can read it: keep it safe.")


def import_command(archive: Path = typer.Argument(..., help="An archive made by `holdspace export` or the web app.")):
    """Bring a client's export into this holdspace (all or nothing)."""
    if not archive.is_file():
        fail(f"Can't read {archive}: no such file.", code=2)
    data = run_safely(export.read_archive, archive.read_bytes())
    with database() as db:
        user = run_safely(export.import_data, db, data)
        db.commit()
    console.print(f"Imported {user.email}: {len(data['checkins'])} check-ins. "
                  "They can sign in with the password they had.")
