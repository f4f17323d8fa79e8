"""Connect to SQLite (the default) or PostgreSQL, and check the connection is safe to use."""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from holdspace.errors import HoldspaceError, InvalidInput

# How long a connection waits for another one's write before giving up: a person waiting a few seconds
# more on a crowded machine beats an error that loses what they wrote.
BUSY_TIMEOUT_MS = 20000

# What every SQLite connection must report before holdspace trusts it with a client's words.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "secure_delete": 1,
}


# How a SQLite transaction begins when its connection doesn't say: IMMEDIATE, unless the code running
# has asked for DEFERRED (the web app does for GET requests: see web/reads.py).
BEGIN_MODE: ContextVar[str] = ContextVar("sqlite_begin", default="IMMEDIATE")


def is_stale_read(exc: Exception) -> bool:
    """True when SQLite refused a write because this transaction began reading before another's write.

    A DEFERRED transaction that has read can't take the write lock once someone else has committed;
    SQLite says "database is locked" at once, without waiting. Starting again fixes it.
    """
    return "database is locked" in str(getattr(exc, "orig", exc))


class StorageError(HoldspaceError):
    message = "The database isn't set up safely, so holdspace won't start."


class UnstorableText(InvalidInput):
    message = ("Some of the text contains a hidden NUL character, which can't be stored. "
               "Please remove it and try again; nothing was saved.")


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
    return False


def _refuse_nul(conn, cursor, statement, parameters, context, executemany):
    # PostgreSQL can't hold NUL in text at all; refuse it on every database alike, kindly.
    # Parameters come as a dict, a tuple, or (for many rows) a list of either.
    if _has_nul(parameters):
        raise UnstorableText()


def make_engine(database_url: str) -> Engine:
    """Create an engine; on SQLite make the folder and set WAL, FULL sync, foreign keys."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
        event.listen(engine, "before_cursor_execute", _refuse_nul)
        return engine
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        # Driver autocommit: the "begin" hook below decides when transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Deleted rows are overwritten with zeros, so what someone deleted doesn't linger.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # IMMEDIATE takes the write lock up front, so a transaction never has to upgrade
        # a read lock mid-way (which SQLite answers with "database is locked", not a wait).
        # A connection may ask for DEFERRED (read-mostly tools, tests reading beside the app), and so
        # may the code running (BEGIN_MODE): reads then share the database instead of queueing.
        mode = conn.get_execution_options().get("sqlite_begin") or BEGIN_MODE.get()
        conn.exec_driver_sql(f"BEGIN {'DEFERRED' if mode == 'DEFERRED' else 'IMMEDIATE'}")

    event.listen(engine, "before_cursor_execute", _refuse_nul)
    return engine


def check_engine(engine: Engine) -> dict[str, object]:
    """Read back the SQLite pragmas and refuse to start if any is unsafe; return what was read."""
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return {}
    found: dict[str, object] = {}
    with engine.connect() as conn:
        for pragma in SQLITE_PRAGMAS:
            found[pragma] = conn.exec_driver_sql(f"PRAGMA {pragma}").scalar()
    wrong = {k: v for k, v in found.items() if str(v).lower() != str(SQLITE_PRAGMAS[k]).lower()}
    if wrong:
        raise StorageError(f"SQLite settings are not as required: {wrong} (wanted {SQLITE_PRAGMAS}).")
    return found
