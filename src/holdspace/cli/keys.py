"""`holdspace keys`: where the key file is, and rotating the key that wraps everyone's data keys."""

from __future__ import annotations

import typer

from holdspace.cli.common import console, database, load_settings
from holdspace.privacy import keys

app = typer.Typer(no_args_is_help=True, help="The key file that protects everything people write.")


@app.command("show")
def show():
    """Say where the key file is and which key is current (never the key itself)."""
    settings = load_settings()
    with database(settings) as db:
        keyring = db.info["keyring"]
    console.print(f"Key file: {settings.key_file}\nCurrent key id: {keyring.current_id} "
                  f"({len(keyring.keys)} key{'s' if len(keyring.keys) > 1 else ''} in the file)")
    console.print("Keep a copy of this file somewhere safe and apart from your backups.")


@app.command("rotate")
def rotate():
    """Make a new key-encryption key and re-wrap every data key with it (the data is untouched)."""
    settings = load_settings()
    with database(settings) as db:
        old = db.info["keyring"]
        both = old.with_new_key()
        # 1. The file holds new and old keys before any data key moves, so a crash loses nothing.
        keys.write_keyring(settings.key_file, both)
        db.info["keyring"] = both
        moved = keys.rewrap_all(db, both)
        db.commit()
        # 2. Only once every data key is under the new key does the old key leave the file.
        keys.write_keyring(settings.key_file, both.only_current())
    console.print(f"Rotated: {moved} data key{'s' if moved != 1 else ''} re-wrapped under key "
                  f"{both.current_id}. Replace your safe copy of {settings.key_file} now.")
