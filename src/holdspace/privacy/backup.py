"""Encrypted backups of the whole database, and restoring them.

SQLite is copied with its online backup API (consistent while the app runs); PostgreSQL with
pg_dump. The copy is then sealed in 1 MiB chunks with AES-256-GCM under a key derived from the
key file, so a backup alone, like the database alone, decrypts nothing. Each chunk's associated
data carries its position and whether it is the last, so reordering or cutting short is caught.

File layout: b"HSBK1" | kek id (8) | kind (1: b"s" SQLite, b"p" pg_dump) | chunks, each
    length (4, big-endian) | nonce (12) | ciphertext+tag
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from holdspace.errors import HoldspaceError, InvalidInput
from holdspace.privacy.crypto import Keyring

MAGIC = b"HSBK1"
CHUNK = 1024 * 1024


class BackupError(HoldspaceError):
    status = 500
    message = "The backup couldn't be made."


def _backup_key(kek: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"holdspace backup v1").derive(kek)


def _aad(kek_id: str, kind: bytes, index: int, last: bool) -> bytes:
    return b"holdspace-backup|v1|" + kek_id.encode() + b"|" + kind + f"|{index}|{int(last)}".encode()


def _seal_file(plain: Path, target: Path, keyring: Keyring, kind: bytes) -> None:
    key, kek_id = AESGCM(_backup_key(keyring.current)), keyring.current_id
    size, index = plain.stat().st_size, 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with plain.open("rb") as source, os.fdopen(fd, "wb") as out:
        out.write(MAGIC + bytes.fromhex(kek_id) + kind)
        done = 0
        while True:
            chunk = source.read(CHUNK)
            done += len(chunk)
            last = done >= size
            nonce = os.urandom(12)
            sealed = key.encrypt(nonce, chunk, _aad(kek_id, kind, index, last))
            out.write(struct.pack(">I", len(sealed)) + nonce + sealed)
            index += 1
            if last:
                break


def _open_file(sealed: Path, target: Path, keyring: Keyring) -> bytes:
    """Decrypt a backup into target; return its kind. Any damage is a clear InvalidInput."""
    damaged = InvalidInput(f"{sealed.name} is damaged or was changed after it was made, so it can't "
                           "be restored. Nothing was changed; try an older backup.")
    with sealed.open("rb") as source, target.open("wb") as out:
        header = source.read(len(MAGIC) + 9)
        if len(header) != len(MAGIC) + 9 or not header.startswith(MAGIC):
            raise InvalidInput(f"{sealed.name} isn't a holdspace backup.")
        kek_id, kind = header[len(MAGIC):-1].hex(), header[-1:]
        key = AESGCM(_backup_key(keyring.get(kek_id)))
        index, finished = 0, False
        while True:
            length = source.read(4)
            if not length:
                break
            if finished:
                raise damaged
            (size,) = struct.unpack(">I", length)
            nonce, body = source.read(12), source.read(size)
            if len(body) != size:
                raise damaged
            for last in (False, True):
                try:
                    out.write(key.decrypt(nonce, body, _aad(kek_id, kind, index, last)))
                    finished = last
                    break
                except InvalidTag:
                    continue
            else:
                raise damaged
            index += 1
        if not finished:
            raise damaged
    return kind


def make_backup(engine: Engine, keyring: Keyring, folder: Path) -> Path:
    """Write an encrypted backup into folder and return its path."""
    from holdspace import clock

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"holdspace-{clock.now():%Y%m%d-%H%M%S-%f}.hsbak"
    with tempfile.TemporaryDirectory() as work:
        plain = Path(work) / "copy"
        if engine.dialect.name == "sqlite":
            source = sqlite3.connect(make_url(engine.url).database)
            copy = sqlite3.connect(plain)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
            kind = b"s"
        else:
            _pg(["pg_dump", "--format=custom", "--no-owner", "--file", str(plain)], engine)
            kind = b"p"
        _seal_file(plain, target, keyring, kind)
    return target


def restore_backup(engine: Engine, keyring: Keyring, backup: Path) -> None:
    """Replace the database's contents with the backup's, all at once or not at all."""
    if not backup.is_file():
        raise InvalidInput(f"Can't read {backup}: no such file.")
    with tempfile.TemporaryDirectory() as work:
        plain = Path(work) / "copy"
        kind = _open_file(backup, plain, keyring)
        if kind == b"s":
            if engine.dialect.name != "sqlite":
                raise InvalidInput("This backup is of a SQLite database; the configured one is PostgreSQL.")
            source = sqlite3.connect(plain)
            try:
                if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise InvalidInput("The database inside this backup fails SQLite's integrity check.")
                engine.dispose()
                live = sqlite3.connect(make_url(engine.url).database)
                try:
                    source.backup(live)  # page by page under SQLite's own lock: all or nothing
                finally:
                    live.close()
            finally:
                source.close()
        elif kind == b"p":
            if engine.dialect.name != "postgresql":
                raise InvalidInput("This backup is of a PostgreSQL database; the configured one is SQLite.")
            engine.dispose()
            _pg(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--exit-on-error", str(plain)], engine, dbname_flag=True)
        else:
            raise InvalidInput(f"{backup.name} isn't a holdspace backup.")


def _pg(command: list[str], engine: Engine, dbname_flag: bool = False) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} isn't installed; install PostgreSQL's client tools.")
    url = make_url(engine.url)
    env = {**os.environ, "PGPASSWORD": url.password or "", "PGHOST": url.host or "",
           "PGPORT": str(url.port or 5432), "PGUSER": url.username or ""}
    args = command + (["--dbname", url.database] if dbname_flag else [url.database])
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else 'no message'}")


def content_hash(engine: Engine) -> str:
    """A digest of every row of every table, to compare a database before and after a restore."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in sorted(inspect(engine).get_table_names()):
            digest.update(table.encode())
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                digest.update(repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode())
    return digest.hexdigest()
