"""Kill -9 in the middle of many concurrent writers: nothing acknowledged is lost, nothing is half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

from sqlalchemy import select, text

from holdspace.database import open_database
from holdspace.journey.mood import CheckIn, list_checkins
from holdspace.privacy.accounts import Role

from tests.conftest import make_user

WRITERS = 4
ROUNDS = 3

# One writer: check-ins with a sealed note, one transaction each; it prints a note only after
# its commit returned, which is the acknowledgement a user would have seen.
WRITER = r"""
import json, sys
from holdspace.database import open_database
from holdspace.journey.mood import record_checkin
from holdspace.privacy.accounts import User
from holdspace.settings import Settings

config = json.loads(sys.argv[1])
settings = Settings.from_env({}, data_dir=config["data_dir"], database_url=config["database_url"],
                             key_file=config["key_file"], secret_key="crash-test")
database = open_database(settings)
n = 0
while True:
    n += 1
    note = f"{config['name']}-{n}"
    with database.sessionmaker() as db:
        client = db.get(User, config["client_id"])
        record_checkin(db, client, n % 11, ["calm"], note)
        db.commit()
    print(note, flush=True)
"""


def _writer(settings, client_id: int, name: str) -> subprocess.Popen:
    config = {"data_dir": str(settings.data_dir), "database_url": settings.database_url,
              "key_file": str(settings.key_file), "client_id": client_id, "name": name}
    return subprocess.Popen([sys.executable, "-c", WRITER, json.dumps(config)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _collect(process: subprocess.Popen, acknowledged: list[str]) -> None:
    for line in process.stdout:
        acknowledged.append(line.strip())


def test_no_acknowledged_check_in_is_lost_when_writers_are_killed_mid_write(settings, db):
    client = make_user(db, "crash", Role.CLIENT)
    db.commit()
    acknowledged: list[str] = []
    for round_number in range(ROUNDS):
        writers = [_writer(settings, client.id, f"r{round_number}w{i}") for i in range(WRITERS)]
        readers = [threading.Thread(target=_collect, args=(w, acknowledged)) for w in writers]
        for reader in readers:
            reader.start()
        # Let them start up (model-free, but the import takes a moment) and write for a while.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(a.startswith(f"r{round_number}") for a in acknowledged) < 40:
            time.sleep(0.05)
        for writer in writers:
            writer.send_signal(signal.SIGKILL)
        for writer in writers:
            writer.wait(timeout=10)
            assert writer.returncode == -signal.SIGKILL, writer.stderr.read()
        for reader in readers:
            reader.join(timeout=10)
        assert sum(a.startswith(f"r{round_number}") for a in acknowledged) >= 40, "the writers never got going"

        # Restart: open the database as the app would after a crash.
        reopened = open_database(settings)
        try:
            with reopened.sessionmaker() as check:
                if reopened.engine.dialect.name == "sqlite":
                    assert check.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                saved = list_checkins(check, client.id)
                notes = {c.note for c in saved}
                # Every acknowledged write is there, and each row is whole: its sealed note opens.
                assert set(acknowledged) <= notes
                assert all(c.note and c.note_sealed for c in saved)
                assert check.scalar(select(CheckIn.id).where(CheckIn.note_sealed.is_(None))) is None
        finally:
            reopened.dispose()
