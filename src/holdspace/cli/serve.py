"""`holdspace serve`: the web app and API."""

from __future__ import annotations

import typer

from holdspace.cli.common import console, database, load_settings
from holdspace.web.app import ensure_secret_key


def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          workers: int = typer.Option(1, min=1, help="Worker processes (PostgreSQL for more than 1)."),
          forwarded_allow_ips: str = typer.Option("127.0.0.1", help="Proxies trusted for X-Forwarded-* headers.")):
    """Serve the web app and the JSON API."""
    import uvicorn

    settings = load_settings()
    if workers > 1 and settings.is_sqlite:
        console.print("[yellow]Note:[/] several workers on SQLite work, but PostgreSQL suits them better.")
    with database(settings):
        pass  # migrate once here, so workers start on a current schema
    ensure_secret_key(settings)  # and make the shared key file once, before any worker races for it
    console.print(f"holdspace is listening on http://{host}:{port}  (Ctrl+C to stop)")
    uvicorn.run("holdspace.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips,
                log_level="warning", access_log=False)
