"""`holdspace audit verify`: check that no audit event was edited or deleted."""

from __future__ import annotations

import typer

from holdspace.cli.common import console, database, fail
from holdspace.privacy import audit

app = typer.Typer(no_args_is_help=True, help="The append-only audit trail.")


@app.command("verify")
def verify():
    """Walk the hash chain; exit 1 and name the first event that isn't as written."""
    with database() as db:
        verdict = audit.verify(db)
    if not verdict.ok:
        fail(f"The audit trail has been tampered with: {verdict.problem}.")
    console.print(f"The audit trail is intact: {verdict.events} events, each following the last.")
