"""What several commands share: settings, a database session, signing in, and kind errors."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime
from getpass import getpass

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from holdspace import clock
from holdspace.errors import HoldspaceError, InvalidInput
from holdspace.privacy import accounts
from holdspace.privacy.accounts import User
from holdspace.settings import Settings
from holdspace.database import open_database

console = Console()
err_console = Console(stderr=True)


def load_settings() -> Settings:
    return Settings.from_env()


def local(at: datetime) -> datetime:
    """A stored time as the practice's clock showed it (HOLDSPACE_TIME_ZONE), as the web pages show it."""
    return clock.local(at, clock.zone_named(load_settings().time_zone))


@contextmanager
def database(settings: Settings | None = None):
    """Open the configured database, migrated and checked; close it afterwards."""
    opened = open_database(settings or load_settings())
    try:
        db: Session = opened.sessionmaker()
        try:
            yield db
        finally:
            db.close()
    finally:
        opened.dispose()


def read_password(password_stdin: bool, prompt: str = "Password: ") -> str:
    """Read a password from the first line of stdin, or ask without echoing it."""
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise InvalidInput("No terminal to ask for a password; pass --password-stdin and pipe it in.")
    return getpass(prompt)


def sign_in(db: Session, email: str, password_stdin: bool) -> User:
    user = accounts.authenticate(db, email, read_password(password_stdin))
    db.commit()
    return user


def sign_in_therapist(db: Session, email: str, password_stdin: bool, code: str, what: str) -> User:
    """A therapist's sign-in with the second step, as on the web; `what` names the thing asked for."""
    from holdspace.privacy import second_factor

    user = accounts.authenticate(db, email, read_password(password_stdin))
    if not user.is_therapist:
        db.commit()
        fail(f"{what} is for therapists: sign in with a therapist account.", code=2)
    if second_factor.is_enabled(db, user.id):
        if not code:
            db.commit()
            fail("This account uses two-step sign-in: add --code with the six-digit code from your app.", code=2)
        second_factor.check_code(db, user, code)
    db.commit()
    return user


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]holdspace:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def run_safely(fn, *args, **kwargs):
    """Turn a HoldspaceError into one clear line on stderr and a non-zero exit."""
    try:
        return fn(*args, **kwargs)
    except HoldspaceError as exc:
        fields = getattr(exc, "fields", {})
        fail(" ".join(fields.values()) if fields else exc.message)


def weekdays_option(day: list[str]) -> str:
    """--day values (mon..sun, daily) as the seven-day mask; an unknown one stops with a clear message."""
    from holdspace.goals import schedule

    unknown = [d for d in day if d.strip().lower() not in ("daily", *schedule.DAY_KEYS)
               and d.strip().lower()[:3] not in schedule.DAY_KEYS]
    if unknown:
        fail(f"{unknown[0]!r} isn't a day of the week here. Use mon, tue, wed, thu, fri, sat, sun or daily.", code=2)
    return schedule.days_from_keys(day) if day else ""
