"""`holdspace settings`: every setting, its variable and its default."""

from __future__ import annotations

import typer

from holdspace.settings import SETTINGS, settings_table_markdown


def show(markdown: bool = typer.Option(False, "--markdown", help="Print the table as in the README.")):
    """List every HOLDSPACE_* setting with its default and what it does."""
    if markdown:
        print(settings_table_markdown())
        return
    for setting in SETTINGS:
        extra = f" (or {setting.env}_FILE)" if setting.secret else ""
        print(f"{setting.env}{extra} = {setting.default!r}\n    {setting.help}")
