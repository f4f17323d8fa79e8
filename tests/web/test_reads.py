"""Reading pages while someone else writes, on SQLite (PostgreSQL has no single write lock)."""

from __future__ import annotations

import sqlite3
import time

import pytest
from sqlalchemy import event, func, select

from holdspace.privacy.audit import AuditEvent

pytestmark = pytest.mark.skipif(bool(__import__("os").environ.get("HOLDSPACE_TEST_DATABASE_URL")),
                                reason="SQLite's write lock only")


def _sqlite_file(app) -> str:
    return app.state.engine.url.database


def test_a_client_reads_their_check_ins_while_another_request_holds_the_write_lock(personas, api_token, web, app):
    alice = api_token(personas.alice)
    web.post("/api/v1/checkins", json={"mood": 4, "note": "Walked by the river."}, headers=alice)
    writer = sqlite3.connect(_sqlite_file(app), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # someone else's long write, still open
    try:
        started = time.monotonic()
        read = web.get("/api/v1/checkins", headers=alice)
        waited = time.monotonic() - started
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert read.status_code == 200 and read.json()[0]["note"] == "Walked by the river."
    assert waited < 5, f"the read waited {waited:.1f} s for a write it doesn't need"


def test_a_therapists_read_is_audited_even_when_another_write_lands_between_reading_and_auditing(
        personas, api_token, web, app, db):
    alice, carol = api_token(personas.alice), api_token(personas.carol)
    web.post("/api/v1/checkins", json={"mood": 3}, headers=alice)
    alice_id, bob_id = personas.alice.id, personas.bob.id
    audited_before = db.scalar(select(func.count()).select_from(AuditEvent))
    interrupted = []

    def someone_writes_first(conn, cursor, statement, parameters, context, executemany):
        # The moment this request is about to append to the audit chain, another client's
        # write commits: the request's reading snapshot is now older than the database.
        if statement.startswith("INSERT INTO audit_events") and not interrupted:
            other = sqlite3.connect(_sqlite_file(app), isolation_level=None)
            other.execute("UPDATE users SET display_name = 'Bob B.' WHERE id = ?", (bob_id,))
            other.close()
            interrupted.append(True)

    event.listen(app.state.engine, "before_cursor_execute", someone_writes_first)
    try:
        read = web.get(f"/api/v1/clients/{alice_id}/checkins", headers=carol)
    finally:
        event.remove(app.state.engine, "before_cursor_execute", someone_writes_first)
    assert interrupted, "the read never reached its audit entry"
    assert read.status_code == 200 and read.json()[0]["mood"] == 3
    db.rollback()  # read the database as it is now
    audited = db.scalars(select(AuditEvent).where(AuditEvent.seq > audited_before)).all()
    assert [e.action for e in audited].count("read") >= 1
