"""`holdspace demo`: the web app on a fresh SQLite database filled with a demo practice."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import typer
from rich.table import Table

from holdspace import demo as demo_data
from holdspace.cli.common import console, database
from holdspace.settings import Settings


def demo(host: str = typer.Option("127.0.0.1", help="Address to listen on."),
         port: int = typer.Option(8000, help="Port to listen on."),
         data_dir: Path | None = typer.Option(None, help="Keep the demo here (default: a new temporary folder)."),
         no_serve: bool = typer.Option(False, "--no-serve", help="Only create the demo data, then stop.")):
    """Start holdspace with a demo therapist and two demo clients (never touches your real data)."""
    folder = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="holdspace-demo-")) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder.parent / f"{folder.name}.key"  # beside the demo data, never inside it
    db_path = folder / "holdspace.sqlite3"
    if db_path.exists():
        console.print(f"Using the existing demo in {folder}.")
    else:
        settings = Settings.from_env({k: v for k, v in os.environ.items() if k == "HOLDSPACE_COUNTRY"},
                                     data_dir=folder, key_file=key_file)
        with console.status("Creating the demo practice…"), database(settings) as db:
            demo_data.seed(db)
    # The workers read settings from the environment; point them at the demo, not real data.
    os.environ["HOLDSPACE_DATA_DIR"] = str(folder)
    os.environ["HOLDSPACE_KEY_FILE"] = str(key_file)
    os.environ["HOLDSPACE_DEMO"] = "true"  # a banner on every page; staff skip the second step
    os.environ.pop("HOLDSPACE_DATABASE_URL", None)
    os.environ.pop("HOLDSPACE_DATABASE_URL_FILE", None)
    people = demo_data.people()
    table = Table("who", "email", "password", title="Demo sign-ins")
    table.add_row("therapist", people["therapist"]["email"], people["therapist"]["password"])
    for person in people["client"]:
        shares = ", ".join(person["shares"])
        table.add_row(f"client ({person['name']}, shares {shares})", person["email"], person["password"])
    table.add_row("admin", people["admin"]["email"], people["admin"]["password"])
    console.print(table)
    console.print(f"Demo data is in {folder}. In the demo, therapist and admin sign in without "
                  "the second step that real staff accounts need.")
    if no_serve:
        return
    console.print(f"\nOpen [bold]http://{host}:{port}[/] in your browser.  (Ctrl+C to stop)\n")
    import uvicorn

    uvicorn.run("holdspace.web.app:create_app", factory=True, host=host, port=port,
                log_level="warning", access_log=False)
