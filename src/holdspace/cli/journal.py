"""`holdspace journal`: write and read your journal, and its prompt library, from the terminal.

A thin edge over creativity/journal.py, as the web page is: the same risk check and alert, the
same sealing, and a private entry locked with its own passphrase that only that passphrase opens.
"""

from __future__ import annotations

import json
import sys
from getpass import getpass

import typer
from rich.markup import escape
from rich.table import Table

from holdspace.cli.asking import END_MARK, Stopped, show_crisis
from holdspace.cli.common import console, database, err_console, fail, local, read_password, run_safely, sign_in
from holdspace.creativity import journal, prompts
from holdspace.errors import InvalidInput, NotFound

app = typer.Typer(no_args_is_help=True, help="The journal: write, list and read entries; prompts to write from.")


def _known(value: str, known: dict[str, str], what: str) -> str:
    value = value.strip().lower()
    if value and value not in known:
        err_console.print(f"holdspace doesn't know the {what} {value!r}. Choose one of: {', '.join(known)}.",
                          highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    return value


@app.command("prompts")
def list_prompts(feeling: str = typer.Option("", "--feeling", "-f", help="anxious, low, angry, lonely, "
                                             "overwhelmed, numb, hopeful or grateful."),
                 strategy: str = typer.Option("", "--strategy", "-s", help="e.g. self-compassion, mindfulness, "
                                              "resilience, meaning."),
                 suggest: bool = typer.Option(False, "--suggest", help="Just one, chosen gently at random.")):
    """Show journal prompts that suit a feeling or a strategy (or all of them)."""
    feeling = _known(feeling, prompts.feelings(), "feeling")
    strategy = _known(strategy, prompts.strategies(), "strategy")
    found = prompts.journal_prompts(feeling=feeling, strategy=strategy)
    if not found:
        console.print("No prompt fits both of those yet. Try just one of them.")
        return
    if suggest:
        found = (prompts.suggest(found),)
    for p in found:
        console.print(f"[bold]{p.key}[/]  [dim]{', '.join(prompts.strategies()[s] for s in p.strategies)}[/]",
                      highlight=False)
        console.print(f"  {p.text}\n", highlight=False, soft_wrap=True)


# --- writing and reading entries ----------------------------------------------------------------

EMAIL = typer.Option(..., envvar="HOLDSPACE_EMAIL", help="Your sign-in email.")
PASSWORD_STDIN = typer.Option(False, help="Read your password (and a private entry's passphrase, on the next "
                                          "line) from standard input.")
COUNTRY = typer.Option("", "--country", help="Country whose crisis lines are shown (default: HOLDSPACE_COUNTRY).")


def _passphrase(from_stdin: bool) -> str:
    """A new private entry's passphrase: asked twice at a terminal, once from stdin; checked before the text."""
    while True:
        first = run_safely(read_password, from_stdin, "Passphrase for this entry (at least "
                                                     f"{journal.PASSPHRASE_MIN} characters): ")
        again = first if from_stdin else getpass("The passphrase again: ")
        try:
            journal.check_entry("-", True, first, again)
            return first
        except InvalidInput as exc:
            if from_stdin:
                fail(" ".join(exc.fields.values()) + " Nothing was saved.")
            err_console.print(" ".join(exc.fields.values()), highlight=False, soft_wrap=True)


def _read_body(interactive: bool) -> str:
    """The entry: from a pipe, everything that arrives; at a terminal, lines until a lone full stop or Ctrl+D."""
    if not interactive:
        return sys.stdin.read().strip()
    lines: list[str] = []
    while True:
        try:
            line = console.input("[dim]›[/] ")
        except EOFError:
            console.print()
            break
        except KeyboardInterrupt:
            console.print()
            raise Stopped() from None
        if line.strip() == END_MARK:
            break
        lines.append(line)
    return "\n".join(lines).strip()


@app.command("write")
def write(prompt: str = typer.Option("", "--prompt", "-p", help="The key of the prompt you write from "
                                     "(see `journal prompts`)."),
          private: bool = typer.Option(False, "--private", help="Lock this entry with a passphrase of its own: "
                                       "nobody else can read it, even if you share your journal. If you forget "
                                       "the passphrase, this entry can't be opened by anyone, ever."),
          email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN, country: str = COUNTRY):
    """Write a journal entry: type it, or pipe it in. It is checked for risk and kept sealed."""
    # The prompt is checked before anything is asked or typed, so a typo costs nothing.
    chosen = run_safely(journal.chosen_prompt, prompt)
    interactive = sys.stdin.isatty()
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        if not user.is_client:
            fail("The journal is for client accounts.", code=2)
        passphrase = _passphrase(password_stdin) if private else ""
        if chosen is not None:
            console.print(f"[dim]Writing from the prompt:[/] {escape(chosen.text)}", highlight=False, soft_wrap=True)
        if interactive:
            console.print("This is your space. Write as much or as little as you like; end with a line holding "
                          f"only {END_MARK} (or Ctrl+D). Ctrl+C stops without saving.", highlight=False)
        try:
            while True:
                body = _read_body(interactive)
                if body or not interactive:
                    break
                console.print("There's nothing written yet. Even a line is enough.", style="yellow")
        except (Stopped, KeyboardInterrupt):
            console.print("Stopped. Nothing was saved; come back to it whenever you like.")
            return
        entry = run_safely(journal.write_entry, db, user, body, private=private, passphrase=passphrase,
                           confirm=passphrase, prompt=chosen)
        db.commit()
        console.print("Your entry is saved" + (", locked with your passphrase." if private else ".")
                      + f" (entry {entry.id})", highlight=False)
        show_crisis(db, user, entry.assessment, country)


def _first_line(text: str, width: int = 72) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= width else line[:width - 1].rstrip() + "…"


@app.command("list")
def list_entries(email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN,
                 as_json: bool = typer.Option(False, "--json", help="Print JSON lines (no private text).")):
    """Your journal, newest first. A private entry shows only that it is locked: `journal read ID` opens it."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        if not user.is_client:
            fail("The journal is for client accounts.", code=2)
        found = journal.entries(db, user.id)
    if as_json:
        for e in found:
            print(json.dumps({"id": e.id, "created_at": e.created_at.isoformat(), "private": e.private,
                              "body": None if e.private else e.body,
                              "prompt": e.prompt.text if e.prompt else None,
                              "prompt_key": e.prompt.key if e.prompt else None}, ensure_ascii=False))
        return
    if not found:
        console.print("Nothing here yet. Write whatever is on your mind, a sentence is enough: "
                      "holdspace journal write", highlight=False)
        return
    table = Table("id", "when", "entry", "from the prompt")
    for e in found:
        table.add_row(str(e.id), f"{local(e.created_at):%a %-d %b %Y, %H:%M}",
                      "[dim]Private, locked with your passphrase.[/]" if e.private else escape(_first_line(e.body)),
                      escape(_first_line(e.prompt.text, 48)) if e.prompt else "")
    console.print(table)
    if any(e.private for e in found):
        console.print("[dim]`holdspace journal read ID` opens an entry; a private one asks for its passphrase.[/]")


@app.command("read")
def read(entry_id: int = typer.Argument(..., help="The entry's id (see `journal list`)."),
         email: str = EMAIL, password_stdin: bool = PASSWORD_STDIN):
    """Read one entry in full; a private entry opens with its passphrase and stays locked afterwards."""
    with database() as db:
        user = run_safely(sign_in, db, email, password_stdin)
        try:
            entry = journal.own_entry(db, user, entry_id)
            if entry.private:
                passphrase = run_safely(read_password, password_stdin, "This entry is private. Its passphrase: ")
                entry = run_safely(journal.own_entry, db, user, entry_id, passphrase)
        except NotFound:
            fail(f"There's no entry {entry_id} in your journal. `holdspace journal list` shows them.", code=2)
    console.print(f"[bold]{local(entry.created_at):%A %-d %B %Y, %H:%M}[/]", highlight=False)
    if entry.prompt is not None:
        console.print(f"[dim]Written from the prompt:[/] {escape(entry.prompt.text)}", highlight=False,
                      soft_wrap=True)
    console.print()
    console.print(escape(entry.body), highlight=False, soft_wrap=True)
