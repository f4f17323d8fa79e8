"""Deleting an account so that nothing readable is left: keys shredded, rows gone, pages wiped."""

from __future__ import annotations

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from holdspace.privacy import audit, keys
from holdspace.privacy.accounts import LoginFailure, User


def delete_account(db: Session, user: User) -> None:
    """Destroy this person's data key, then their rows, in the caller's transaction."""
    audit.record(db, "account_deleted", actor_id=user.id, subject_id=user.id)
    keys.shred(db, user.id)  # anything sealed that survives anywhere can no longer be opened
    db.execute(delete(LoginFailure).where(LoginFailure.email == user.email))
    db.delete(user)  # the rest follows by ON DELETE CASCADE
    db.flush()


def scrub(engine: Engine) -> None:
    """After a deletion commits: rewrite SQLite's file and empty its WAL, so no old page remains."""
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL reclaims dead rows with autovacuum; the data keys are already gone
    raw = engine.raw_connection()  # holdspace's connections run outside transactions until BEGIN
    try:
        cursor = raw.cursor()
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()
