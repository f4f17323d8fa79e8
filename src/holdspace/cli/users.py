"""`holdspace users`: create therapist and admin accounts, list accounts, reset a password."""

from __future__ import annotations

import typer
from rich.table import Table

from holdspace.cli.common import console, database, fail, read_password, run_safely
from holdspace.privacy import accounts, sessions
from holdspace.privacy.accounts import Role

app = typer.Typer(no_args_is_help=True, help="Manage accounts (therapists and admins are made here).")


@app.command("add")
def add(email: str = typer.Option(..., help="Sign-in email."),
        name: str = typer.Option(..., help="Name shown to others."),
        role: Role = typer.Option(Role.THERAPIST, case_sensitive=False, help="client, therapist or admin."),
        password_stdin: bool = typer.Option(False, help="Read the password from standard input.")):
    """Create an account."""
    password = read_password(password_stdin, "Password for the new account: ")
    with database() as db:
        user = run_safely(accounts.create_user, db, email=email, display_name=name,
                          password=password, role=role)
        db.commit()
        console.print(f"Created {user.role} account {user.email}.")


@app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="Print JSON lines.")):
    """List accounts: name, email, role."""
    import json

    with database() as db:
        users = accounts.list_users(db)
    if as_json:
        for u in users:
            print(json.dumps({"id": u.id, "email": u.email, "display_name": u.display_name,
                              "role": u.role, "created_at": u.created_at.isoformat()}))
        return
    table = Table("email", "name", "role", "since")
    for u in users:
        table.add_row(u.email, u.display_name, u.role, u.created_at.strftime("%Y-%m-%d"))
    console.print(table)


@app.command("set-password")
def set_password(email: str = typer.Option(..., help="Account to change."),
                 password_stdin: bool = typer.Option(False, help="Read the password from standard input.")):
    """Set a new password; every session of that account ends."""
    password = read_password(password_stdin, "New password: ")
    with database() as db:
        user = accounts.find_user(db, email)
        if user is None:
            fail(f"No account uses {email!r}.")
        run_safely(accounts.set_password, db, user, password)
        sessions.end_all_sessions(db, user.id)
        db.commit()
        console.print(f"Password changed for {user.email}; they'll need to sign in again.")


@app.command("delete")
def delete(email: str = typer.Option(..., help="The account to delete."),
           yes: bool = typer.Option(False, "--yes", help="Don't ask for confirmation.")):
    """Delete an account for good: its key is destroyed first, then every row."""
    from holdspace.privacy import deletion

    with database() as db:
        user = accounts.find_user(db, email)
        if user is None:
            fail(f"No account uses {email!r}.")
        if not yes and not typer.confirm(f"Delete {user.email} and everything in it? This can't be undone"):
            fail("Nothing was deleted.")
        deletion.delete_account(db, user)
        db.commit()
        deletion.scrub(db.get_bind())
    console.print(f"Deleted {email}. Its key is destroyed, so nothing it held can be read again.")
