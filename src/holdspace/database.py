"""Open the configured database ready for use: checked, its key loaded, its schema current.

The web app, the CLI and the tests all start here, so every session carries the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from holdspace.privacy import audit, keys
from holdspace.privacy.crypto import Keyring
from holdspace.settings import Settings
from holdspace.store import migrate
from holdspace.store.engine import check_engine, make_engine


@dataclass
class Database:
    engine: Engine
    sessionmaker: sessionmaker[Session]
    keyring: Keyring

    def dispose(self) -> None:
        self.engine.dispose()


def _has_wrapped_keys(engine: Engine) -> bool:
    if not inspect(engine).has_table("data_keys"):
        return False
    with Session(engine) as db:
        return bool(db.scalar(select(func.count(keys.DataKey.id))))


def open_database(settings: Settings) -> Database:
    # The data folder holds more than SQLite's file (the audit trail's head, backups): make it
    # on PostgreSQL too.
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine = make_engine(settings.database_url)
    try:
        check_engine(engine)
        keyring = keys.open_keyring(settings.key_file, settings.data_dir, _has_wrapped_keys(engine))
        migrate.upgrade(engine, keyring=keyring)
    except Exception:
        engine.dispose()
        raise
    maker = sessionmaker(engine, expire_on_commit=False,
                         info={"keyring": keyring, "data_dir": str(settings.data_dir),
                               "time_zone": settings.time_zone})
    event.listen(maker, "after_commit", audit.write_head)
    return Database(engine, maker, keyring)
