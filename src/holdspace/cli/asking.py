"""What the terminal practices share: asking for a line or a few, reading it for risk, and the crisis response.

Everything typed is read for risk the moment it arrives, as in the web app; when it calls for
it, the fixed crisis response and the country's lines are shown in full (a terminal has no
/crisis page to point to). Ctrl+C or Ctrl+D raises Stopped, so each practice can end kindly.
"""

from __future__ import annotations

from rich.panel import Panel
from sqlalchemy.orm import Session

from holdspace.cli.common import console, load_settings
from holdspace.cli.talk import _crisis_lines
from holdspace.privacy.accounts import User
from holdspace.safety import alerts, plan
from holdspace.safety.response import GENTLE, crisis_response, variant_for
from holdspace.safety.risk import assess

END_MARK = "."


class Stopped(Exception):
    """The person pressed Ctrl+C or Ctrl+D."""


def ask(prompt: str) -> str:
    try:
        return console.input(f"[bold]{prompt}[/] ").strip()
    except (EOFError, KeyboardInterrupt):
        console.print()
        raise Stopped() from None


def ask_lines(prompt: str) -> list[str]:
    """Several lines, until a line holding only a full stop. Stopped carries what was typed."""
    console.print(f"[bold]{prompt}[/] [dim](end with a line holding only {END_MARK})[/]", highlight=False)
    lines: list[str] = []
    while True:
        try:
            line = console.input("[dim]›[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            raise Stopped("\n".join(lines).strip()) from None
        if line.strip() == END_MARK:
            return lines
        lines.append(line)


def ask_yes(prompt: str, default: bool = False) -> bool:
    answer = ask(f"{prompt} [{'Y/n' if default else 'y/N'}]").lower()
    return default if not answer else answer in ("y", "yes")


def read_for_risk(db: Session, user: User, text: str, country: str = "") -> bool:
    """Show the crisis response if this text calls for it; True when it was shown."""
    return show_crisis(db, user, assess(text), country)


def show_crisis(db: Session, user: User, assessment, country: str = "") -> bool:
    """Show the fixed crisis response for a risk already assessed (by the service that saved it)."""
    variant = variant_for(assessment)
    if variant is None:
        return False
    where = (country or load_settings().country).upper()
    response = crisis_response(where, has_safety_plan=plan.exists(db, user.id), variant=variant,
                               told=tuple(alerts.alerted_therapists(db, user)))
    gentle = response.variant == GENTLE  # only the classifier heard it: asked lightly, not the full response
    console.print(Panel("\n\n".join(response.sentences), title="A gentle check-in" if gentle else "Before you go on",
                        border_style="yellow" if gentle else "red", padding=(1, 2)), highlight=False, markup=False)
    _crisis_lines(console, where)
    return True
