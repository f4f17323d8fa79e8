"""The key file, each person's data key, and sealing text for a record: the vault's plumbing.

The keyring (key-encryption keys) is read from the key file at start-up and carried on each
database session (`db.info["keyring"]`); data keys live in the database only in wrapped form.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import ForeignKey, LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.privacy import crypto
from holdspace.privacy.crypto import Keyring, KeyringError
from holdspace.store.base import Base, UTCDateTime


class DataKey(Base):
    """A person's data key, wrapped by the key-encryption key named in kek_id."""

    __tablename__ = "data_keys"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    kek_id: Mapped[str] = mapped_column(String(16))
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- the key file -------------------------------------------------------------------------------

def read_keyring(path: Path) -> Keyring:
    try:
        return crypto.parse_keyring(path.read_text())
    except FileNotFoundError:
        raise KeyringError(f"The key file {path} is missing. Restore it from your safe copy "
                           "(or point HOLDSPACE_KEY_FILE at it); without it stored text can't be read.") from None
    except PermissionError:
        raise KeyringError(f"The key file {path} can't be read by this user.") from None


def write_keyring(path: Path, keyring: Keyring) -> None:
    """Replace the key file in one step, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    draft = path.with_name(f".{path.name}.{os.getpid()}.new")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(keyring.text())
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(draft, path)


def open_keyring(path: Path, data_dir: Path, has_wrapped_keys: bool) -> Keyring:
    """Read the key file; make one only for a database that holds no wrapped keys yet."""
    path, data_dir = Path(path).resolve(), Path(data_dir).resolve()
    if data_dir == path.parent or data_dir in path.parents:
        raise KeyringError(f"The key file {path} is inside the data folder {data_dir}, where a copy "
                           "of the data would carry its own key. Set HOLDSPACE_KEY_FILE to a path "
                           "outside it.")
    if path.exists():
        return read_keyring(path)
    if has_wrapped_keys:
        read_keyring(path)  # never make a new key for data sealed under a lost one: say so
    keyring = crypto.new_keyring()
    write_keyring(path, keyring)
    return keyring


# --- data keys ----------------------------------------------------------------------------------

def keyring_of(db: Session) -> Keyring:
    keyring = db.info.get("keyring")
    if keyring is None:
        raise KeyringError("No key is loaded for this database session.")
    return keyring


def data_key(db: Session, user_id: int) -> tuple[str, bytes]:
    """This person's data key (made on first use), unwrapped for this moment only."""
    keyring = keyring_of(db)
    row = db.scalar(select(DataKey).where(DataKey.user_id == user_id))
    if row is None:
        key_id, key = crypto.new_key_id(), crypto.new_key()
        wrapped = crypto.seal(keyring.current_id, keyring.current, key, crypto.wrap_aad(user_id, key_id))
        db.add(DataKey(id=key_id, user_id=user_id, kek_id=keyring.current_id, wrapped=wrapped,
                       created_at=clock.now()))
        db.flush()
        return key_id, key
    kek = keyring.get(row.kek_id)
    return row.id, crypto.open_sealed(kek, row.wrapped, crypto.wrap_aad(user_id, row.id))


def rewrap_all(db: Session, keyring: Keyring) -> int:
    """Re-wrap every data key under the keyring's current key; the data itself is untouched."""
    count = 0
    for row in db.scalars(select(DataKey)):
        if row.kek_id == keyring.current_id:
            continue
        aad = crypto.wrap_aad(row.user_id, row.id)
        key = crypto.open_sealed(keyring.get(row.kek_id), row.wrapped, aad)
        row.wrapped = crypto.seal(keyring.current_id, keyring.current, key, aad)
        row.kek_id = keyring.current_id
        count += 1
    db.flush()
    return count


def shred(db: Session, user_id: int) -> None:
    """Destroy a person's data key: everything sealed with it becomes unreadable for good."""
    row = db.scalar(select(DataKey).where(DataKey.user_id == user_id))
    if row is not None:
        db.delete(row)
        db.flush()


# --- sealing a field of a record ------------------------------------------------------------------

def seal_bytes(db: Session, owner_id: int, table: str, field: str, record_id: int, data: bytes) -> bytes:
    """Seal a field of a record with its owner's data key, bound to table, field, id and owner."""
    key_id, key = data_key(db, owner_id)
    return crypto.seal(key_id, key, data, crypto.associated_data(table, field, record_id, owner_id))


def open_bytes(db: Session, owner_id: int, table: str, field: str, record_id: int, sealed: bytes) -> bytes:
    key_id, key = data_key(db, owner_id)
    if crypto.key_id_of(sealed) != key_id:
        raise crypto.CryptoError()
    return crypto.open_sealed(key, sealed, crypto.associated_data(table, field, record_id, owner_id))


def seal_text(db: Session, owner_id: int, table: str, field: str, record_id: int, text: str) -> bytes:
    return seal_bytes(db, owner_id, table, field, record_id, text.encode())


def open_text(db: Session, owner_id: int, table: str, field: str, record_id: int, sealed: bytes) -> str:
    return open_bytes(db, owner_id, table, field, record_id, sealed).decode()
