"""`holdspace feedback FILE`: the listening-skills report for a session transcript, in the terminal or as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from holdspace.cli.common import console, err_console, fail, run_safely

_BAND = {"good": "[green]good[/]", "fair": "[yellow]fair[/]", "below": "[red]below fair[/]", "none": ""}


def feedback(file: Path = typer.Argument(..., help="A transcript: text with T:/C: prefixes, WebVTT, SRT or JSON."),
             therapist: list[str] = typer.Option([], "--therapist", "-t", help="The therapist's name as written in the file (if names are used)."),
             client: list[str] = typer.Option([], "--client", "-c", help="The client's name as written in the file."),
             as_json: bool = typer.Option(False, "--json", help="Print the whole report as JSON."),
             lines: bool = typer.Option(False, "--lines", help="List every therapist line with its code.")):
    """Feedback on the listening skills in a session: codes, MITI measures and moments to learn from."""
    from holdspace.practice.report import analyse
    from holdspace.practice.transcripts import parse

    if not file.is_file():
        fail(f"Can't read {file}: no such file.", code=2)
    names = {n: "therapist" for n in therapist} | {n: "client" for n in client}
    transcript = run_safely(parse, file.read_bytes(), file.name, names)
    report = run_safely(analyse, transcript)
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    for p in transcript.problems:
        err_console.print(f"[yellow]note:[/] {p}", highlight=False, soft_wrap=True)
    n_t = len(report.therapist_lines)
    console.print(f"[bold]Listening skills[/] — {file.name}: {len(transcript.utterances)} turns, "
                  f"{n_t} by the therapist", highlight=False)
    for m in report.measures:
        def fmt(v, key=m.key):
            return "—" if v is None else (f"{v:g}" if key in ("reflection_to_question", "empathy") else f"{v:.0%}")
        bounds = f"(fair {fmt(m.fair)}, good {fmt(m.good)})" if m.fair is not None else "(no threshold)"
        console.print(f"  {m.name + ':':32} {m.display:>8}  {_BAND[m.band]:<24} {bounds}  [dim]{m.counts}[/]",
                      highlight=False, soft_wrap=True)
    console.print("[dim]Fair: basic competence; good: proficiency (MITI 4.2.1 guidelines from expert opinion; "
                  "sources in --json).[/]", highlight=False)
    for title, moments in (("Done well", report.done_well), ("To try differently", report.try_differently)):
        console.print(f"\n[bold]{title}[/]")
        if not moments:
            console.print("  Nothing stood out here in this session.")
        for mo in moments:
            if mo.client:
                console.print(f"  [dim]line {mo.line}, client:[/] {mo.client}", highlight=False, soft_wrap=True)
            console.print(f"  [dim]you said:[/] {mo.said}", highlight=False, soft_wrap=True)
            console.print(f"  → [bold]{mo.label}[/]: {mo.why}", highlight=False, soft_wrap=True)
            if mo.alternative:
                console.print(f"  → try: {mo.alternative}", highlight=False, soft_wrap=True)
            console.print()
    if lines:
        console.print("[bold]Every therapist line[/]")
        for line in report.therapist_lines:
            c = line.coded
            ev = "; ".join(c.evidence)
            console.print(f"  {line.utterance.line:>4}  {c.name:<26} {line.utterance.text[:70]}"
                          + (f"  [dim]({ev})[/]" if ev else ""), highlight=False, soft_wrap=True)
