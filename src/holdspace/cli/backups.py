"""`holdspace backup` and `holdspace restore`: encrypted copies of the whole database."""

from __future__ import annotations

from pathlib import Path

import typer

from holdspace.cli.common import console, fail, load_settings, run_safely
from holdspace.database import open_database
from holdspace.privacy import backup


def backup_command(folder: Path = typer.Option(None, "--folder", help="Where to put it (default: <data_dir>/backups).")):
    """Make an encrypted backup; it needs the key file to be restored."""
    settings = load_settings()
    opened = open_database(settings)
    try:
        path = run_safely(backup.make_backup, opened.engine, opened.keyring, folder or settings.data_dir / "backups")
    finally:
        opened.dispose()
    console.print(f"Backup written to {path}. It can only be restored with the key file "
                  f"{settings.key_file}: keep a copy of that key somewhere apart from the backups.")


def restore_command(file: Path = typer.Argument(..., help="A .hsbak file made by `holdspace backup`."),
                    yes: bool = typer.Option(False, "--yes", help="Don't ask for confirmation.")):
    """Replace everything in the database with a backup (stop the web app first)."""
    if not yes and not typer.confirm("This replaces everything in the database with the backup. Continue"):
        fail("Nothing was changed.")
    settings = load_settings()
    opened = open_database(settings)
    try:
        run_safely(backup.restore_backup, opened.engine, opened.keyring, file)
    finally:
        opened.dispose()
    console.print(f"Restored from {file}.")
