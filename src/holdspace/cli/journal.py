"""`holdspace journal`: the journal's prompt library, from the terminal."""

from __future__ import annotations

import typer

from holdspace.cli.common import console, err_console
from holdspace.creativity import prompts

app = typer.Typer(no_args_is_help=True, help="The journal: prompts to write from.")


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
