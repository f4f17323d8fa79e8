"""`holdspace talk`: a conversation with the reflective listener in the terminal. Nothing is saved."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from holdspace.cli.common import console, fail, load_settings

QUIT = {"quit", "exit", "/quit", "/exit", ":q"}


def _crisis_lines(out: Console, country: str) -> None:
    """The country's crisis lines, in full: the terminal has no /crisis page to point to."""
    from holdspace.safety.crisis_lines import lines_for

    here = lines_for(country)
    rows = [(line.name, line.call, f"{line.text_word} to {line.text}" if line.text_word and line.text else line.text,
             line.web, line.hours) for line in here.lines]
    columns = [i for i in range(5) if i == 0 or any(row[i] for row in rows)]  # no empty columns
    table = Table(title=f"Support in {here.name}", title_justify="left")
    for i in columns:
        table.add_column(("who", "call", "text", "web", "hours")[i], overflow="fold")
    for row in rows:
        table.add_row(*(row[i] for i in columns))
    out.print(table)
    out.print(f"In danger right now: call {here.emergency}.", highlight=False)


def _for_terminal(reply: str) -> tuple[str, bool]:
    """A reply as the terminal shows it, and whether it points to the crisis lines: the web app's crisis page is
    not here, so its note is dropped and "the crisis page (/crisis)" becomes the support list printed after it."""
    from holdspace.listening.listener import CRISIS_PAGE_NOTE

    text = reply.replace(CRISIS_PAGE_NOTE, "")
    points = "(/crisis)" in text
    return text.replace("the crisis page (/crisis)", "the support list below").replace(" (/crisis)", ""), points


def talk(llm: bool = typer.Option(False, "--llm", help="Let the local LLM set in HOLDSPACE_LLM_URL write "
                                  "replies (checked by holdspace's guardrails; the built-in listener "
                                  "answers whenever it fails)."),
         country: str = typer.Option("", "--country", help="Country whose crisis lines are shown "
                                     "(default: HOLDSPACE_COUNTRY).")):
    """Talk with the reflective listener in this terminal. Nothing is saved."""
    from holdspace.listening.listener import Listener
    from holdspace.listening.memory import Conversation
    from holdspace.listening.responder import responder_from_settings

    settings = load_settings()
    where = (country or settings.country).upper()
    if llm and not settings.llm_url:
        fail("No local LLM is set up. Set HOLDSPACE_LLM_URL (and HOLDSPACE_LLM_MODEL) to an "
             "OpenAI-compatible server such as Ollama or llama.cpp, or talk without --llm.")
    listener = Listener(country=where)
    responder = responder_from_settings(settings, use_llm=llm, listener=listener)
    with console.status("Getting ready…"):
        listener.warm()

    opening = listener.opening()
    note = ("Nothing you write here is saved: the conversation lives only in this window and is gone "
            "when you close it. Type quit (or press Ctrl+D) to stop.")
    if llm:
        note += (f" Replies may be written by the local model {settings.llm_model or '(unnamed)'} at "
                 f"{settings.llm_url}, which receives what you write; holdspace checks every reply first.")
    console.print(Panel(f"{opening}\n\n[dim]{note}[/]", title="holdspace listener", title_align="left"),
                  highlight=False)

    conversation = Conversation()
    while True:
        try:
            text = console.input("[bold]you ›[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        if text.strip().lower() in QUIT:
            break
        reply = responder.respond(conversation, text)
        said, points_to_lines = _for_terminal(reply.reply)
        if reply.crisis:
            # plain words, no styling that could hide them, and the lines themselves
            console.print(said, highlight=False, markup=False)
            _crisis_lines(console, where)
        else:
            console.print("[bold cyan]listener ›[/] ", end="", highlight=False)
            console.print(said, highlight=False, markup=False)
            if reply.source == "llm":
                console.print("[dim](written by the local model, checked by holdspace)[/]", highlight=False)
            if points_to_lines:
                _crisis_lines(console, where)
        console.print()

    if conversation.safety is not None and conversation.safety.flagged:
        _crisis_lines(console, where)
    console.print("Take care of yourself. Nothing from this conversation was saved.", highlight=False)
