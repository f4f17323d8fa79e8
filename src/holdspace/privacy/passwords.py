"""Password hashing with Argon2id, and the few checks a new password must pass."""

from __future__ import annotations

from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from holdspace.errors import InvalidInput

MIN_LENGTH = 8
MAX_LENGTH = 256


@cache
def hasher() -> PasswordHasher:
    # argon2-cffi's defaults (RFC 9106 low-memory: m=64 MiB, t=3, p=4) exceed OWASP's floor.
    return PasswordHasher()


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files("holdspace.privacy").joinpath("common_passwords.txt").read_text()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def check_new_password(password: str, *, email: str = "") -> None:
    """Refuse passwords that are too short, too long, or among the commonly guessed ones."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(fields={"password": f"Please use at least {MIN_LENGTH} characters."})
    if len(password) > MAX_LENGTH:
        raise InvalidInput(fields={"password": f"Please use at most {MAX_LENGTH} characters."})
    lowered = password.lower()
    local_part = email.split("@")[0].lower()
    if (lowered in _common_passwords() or len(set(lowered)) <= 2
            or (local_part and len(local_part) >= 4 and local_part in lowered)):
        raise InvalidInput(fields={"password": "That password is one people often guess. "
                                               "A few unrelated words together work well."})


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)


@cache
def dummy_hash() -> str:
    """A hash to verify against for unknown emails, so both answers take the same time."""
    return hasher().hash("holdspace-no-such-account")
