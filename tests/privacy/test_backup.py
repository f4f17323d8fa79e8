"""Encrypted backups: restore brings back exactly what was there; a backup alone opens nothing."""

import pytest

from holdspace.errors import InvalidInput
from holdspace.journey import mood
from holdspace.privacy import backup, crypto
from holdspace.privacy.crypto import KeyringError

CANARY = "canary-backup-5k2w"


@pytest.fixture
def filled(db, personas):
    mood.record_checkin(db, personas.alice, 4, ["sad"], CANARY)
    db.commit()
    personas.alice.display_name = "Alice " + CANARY
    db.commit()
    return personas


def test_a_restore_brings_back_exactly_what_was_backed_up(app, db, filled, cli, tmp_path):
    engine = app.state.engine
    before = backup.content_hash(engine)
    result = cli("backup", "--folder", str(tmp_path / "backups"))
    assert result.exit_code == 0, result.output
    made = next((tmp_path / "backups").iterdir())
    mood.record_checkin(db, filled.bob, 9, [], "written after the backup")
    db.commit()
    db.close()
    assert backup.content_hash(engine) != before
    restored = cli("restore", str(made), "--yes")
    assert restored.exit_code == 0, restored.output
    assert backup.content_hash(engine) == before


def test_a_backup_alone_holds_no_readable_text_and_needs_the_key(app, filled, tmp_path):
    made = backup.make_backup(app.state.engine, app.state.database.keyring, tmp_path)
    assert made.stat().st_mode & 0o077 == 0
    assert CANARY.encode() not in made.read_bytes()
    assert b"alice@example.org" not in made.read_bytes()
    with pytest.raises(KeyringError):
        backup.restore_backup(app.state.engine, crypto.new_keyring(), made)


@pytest.mark.parametrize("damage", ["flip", "cut", "junk"])
def test_a_damaged_backup_is_refused_and_nothing_changes(app, filled, tmp_path, damage):
    engine = app.state.engine
    made = backup.make_backup(engine, app.state.database.keyring, tmp_path)
    blob = bytearray(made.read_bytes())
    if damage == "flip":
        blob[len(blob) // 2] ^= 1
    elif damage == "cut":
        blob = blob[: len(blob) - 40]
    else:
        blob = bytearray(b"not a backup at all")
    made.write_bytes(bytes(blob))
    before = backup.content_hash(engine)
    with pytest.raises(InvalidInput):
        backup.restore_backup(engine, app.state.database.keyring, made)
    assert backup.content_hash(engine) == before
