"""`holdspace analyze TASK`: JSON Lines in, one JSON object out per line, in order."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from holdspace.batch import all_tasks, dumps, run_batch
from holdspace.cli.common import err_console, fail


def analyze(task: str = typer.Argument("", help="The task to run; leave empty to list them."),
            input: Path | None = typer.Option(None, "--input", "-i", help="Read JSON Lines from this file (default: stdin)."),
            output: Path | None = typer.Option(None, "--output", "-o", help="Write JSON Lines here (default: stdout).")):
    """Run a language task over JSON Lines. A bad line yields {"error": ...}; the rest go on."""
    tasks = all_tasks()
    if not task:
        if not tasks:
            print("No analysis tasks are installed in this version yet.")
        for t in tasks.values():
            print(f"{t.name}: {t.help}  (fields: {', '.join(t.required + t.optional)})")
        return
    if task not in tasks:
        known = ", ".join(tasks) or "none yet in this version"
        fail(f"There is no task called {task!r}. Available: {known}.", code=2)
    if input is not None and not input.is_file():
        fail(f"Can't read {input}: no such file.", code=2)
    source = input.open(encoding="utf-8", errors="replace") if input else sys.stdin
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    total = sum(1 for _ in input.open(encoding="utf-8", errors="replace")) if input else None
    try:
        results = run_batch(tasks[task], source)
        if total and output and err_console.is_terminal:
            from rich.progress import track

            results = track(results, total=total, description=f"analyze {task}", console=err_console)
        for result in results:
            sink.write(dumps(result) + "\n")
            if not output:
                sink.flush()
    finally:
        if input:
            source.close()
        if output:
            sink.close()
