"""Authenticated encryption for everything a person writes: pure functions, no database.

Layout of a sealed value (bytes):  version (1) | key id (8) | nonce (12) | AES-256-GCM ciphertext+tag.
The associated data names what the value is (table, field, record id, owner, schema version),
so a ciphertext moved to another row, field or person fails to open.
Keys: a key-encryption key (KEK) from a keyring outside the database wraps one data key per
person; the KEK never touches the database, so a database file alone opens nothing.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from holdspace.errors import HoldspaceError

VERSION = 1
KEY_BYTES = 32
KEY_ID_BYTES = 8
NONCE_BYTES = 12
SCHEMA = "v1"
_HEADER = 1 + KEY_ID_BYTES + NONCE_BYTES


class CryptoError(HoldspaceError):
    status = 500
    message = ("Some stored text couldn't be opened: it may have been altered, or the key that "
               "protects it is missing. Nothing was changed; please tell whoever runs holdspace.")


class KeyringError(HoldspaceError):
    status = 500
    message = "The encryption key can't be used."


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_key_id() -> str:
    return secrets.token_hex(KEY_ID_BYTES)


def associated_data(table: str, field: str, record_id: int | str, owner_id: int | str) -> bytes:
    """What a sealed value belongs to; checked when it is opened."""
    return f"holdspace|{SCHEMA}|{table}.{field}|id={record_id}|owner={owner_id}".encode()


def seal(key_id: str, key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return bytes([VERSION]) + bytes.fromhex(key_id) + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def key_id_of(sealed: bytes) -> str:
    if len(sealed) < _HEADER + 16 or sealed[0] != VERSION:
        raise CryptoError()
    return sealed[1:1 + KEY_ID_BYTES].hex()


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Return the plaintext, or raise CryptoError if anything about it is not as sealed."""
    key_id_of(sealed)
    nonce = sealed[1 + KEY_ID_BYTES:_HEADER]
    try:
        return AESGCM(key).decrypt(nonce, sealed[_HEADER:], aad)
    except InvalidTag:
        raise CryptoError() from None


def wrap_aad(user_id: int, data_key_id: str) -> bytes:
    return f"holdspace|{SCHEMA}|data-key|user={user_id}|key={data_key_id}".encode()


# --- the keyring: key-encryption keys, newest first --------------------------------------------
# Text form, one key per line: "hk1:<16 hex id>:<base64url key>". The first line is current;
# older lines stay only until `holdspace keys rotate` has re-wrapped every data key.

@dataclass(frozen=True)
class Keyring:
    keys: tuple[tuple[str, bytes], ...]

    @property
    def current_id(self) -> str:
        return self.keys[0][0]

    @property
    def current(self) -> bytes:
        return self.keys[0][1]

    def get(self, key_id: str) -> bytes:
        for kid, key in self.keys:
            if kid == key_id:
                return key
        raise KeyringError(f"The key {key_id} that protects some data isn't in the keyring. "
                           "Restore the key file that was in use, then try again.")

    def text(self) -> str:
        return "".join(f"hk1:{kid}:{base64.urlsafe_b64encode(key).decode()}\n" for kid, key in self.keys)

    def with_new_key(self) -> Keyring:
        return Keyring(((new_key_id(), new_key()),) + self.keys)

    def only_current(self) -> Keyring:
        return Keyring(self.keys[:1])

    def fingerprint(self) -> str:
        return hashlib.sha256(self.current).hexdigest()[:12]


def new_keyring() -> Keyring:
    return Keyring(((new_key_id(), new_key()),))


def parse_keyring(text: str) -> Keyring:
    keys = []
    for number, line in enumerate(text.strip().splitlines(), start=1):
        parts = line.strip().split(":")
        try:
            if len(parts) != 3 or parts[0] != "hk1":
                raise ValueError
            key = base64.urlsafe_b64decode(parts[2])
            bytes.fromhex(parts[1])
            if len(key) != KEY_BYTES or len(parts[1]) != 2 * KEY_ID_BYTES:
                raise ValueError
        except ValueError:
            raise KeyringError(f"Line {number} of the key file isn't a holdspace key "
                               "(expected hk1:<id>:<key>). Restore the key file from your safe copy.") from None
        keys.append((parts[1], key))
    if not keys:
        raise KeyringError("The key file is empty. Restore it from your safe copy.")
    return Keyring(tuple(keys))
