"""Two-step sign-in: time-based one-time codes (RFC 6238) and single-use recovery codes.

Required for therapists and admins, optional for clients. The shared secret is sealed with the
person's data key; recovery codes are kept only as hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from datetime import datetime
from urllib.parse import quote

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.privacy import accounts, audit, keys
from holdspace.privacy.accounts import Role, User
from holdspace.store.base import Base, UTCDateTime

STEP = 30
DIGITS = 6
RECOVERY_CODES = 10
WRONG_CODE = "That code didn't match. Use the newest code from your app, or a recovery code."


class SecondFactor(Base):
    __tablename__ = "second_factors"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    secret_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_step: Mapped[int] = mapped_column(Integer, default=0)  # a code works once


class RecoveryCode(Base):
    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


# --- RFC 6238, pure ---------------------------------------------------------------------------------

def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode()


def code_at(secret: str, step: int) -> str:
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10 ** DIGITS).zfill(DIGITS)


def current_step(at: datetime | None = None) -> int:
    return int((at or clock.now()).timestamp()) // STEP


def matching_step(secret: str, code: str, at: datetime | None = None) -> int | None:
    """The time step this code belongs to (now, or one step either side for clock drift)."""
    code = "".join(ch for ch in code if ch.isdigit())
    now = current_step(at)
    for step in (now, now - 1, now + 1):
        if len(code) == DIGITS and hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def provisioning_uri(secret: str, email: str) -> str:
    return f"otpauth://totp/holdspace:{quote(email)}?secret={secret}&issuer=holdspace&digits={DIGITS}&period={STEP}"


def _hash_recovery(code: str) -> str:
    return hashlib.sha256("".join(code.lower().split("-")).strip().encode()).hexdigest()


# --- stored factors ---------------------------------------------------------------------------------

def requires_second_factor(user: User) -> bool:
    return user.role in (Role.THERAPIST, Role.ADMIN)


def is_enabled(db: Session, user_id: int) -> bool:
    factor = db.get(SecondFactor, user_id)
    return factor is not None and factor.confirmed_at is not None


def _secret(db: Session, factor: SecondFactor) -> str:
    return keys.open_text(db, factor.user_id, SecondFactor.__tablename__, "secret", factor.user_id,
                          factor.secret_sealed)


def begin_setup(db: Session, user: User) -> str:
    """Start (or restart) setting up an authenticator; returns the secret to show once."""
    if is_enabled(db, user.id):
        raise InvalidInput("Two-step sign-in is already on for this account.")
    secret = new_secret()
    sealed = keys.seal_text(db, user.id, SecondFactor.__tablename__, "secret", user.id, secret)
    factor = db.get(SecondFactor, user.id)
    if factor is None:
        db.add(SecondFactor(user_id=user.id, secret_sealed=sealed, last_step=0))
    else:
        factor.secret_sealed = sealed
    db.flush()
    return secret


def pending_secret(db: Session, user: User) -> str | None:
    factor = db.get(SecondFactor, user.id)
    return _secret(db, factor) if factor is not None and factor.confirmed_at is None else None


def confirm_setup(db: Session, user: User, code: str) -> list[str]:
    """Turn the factor on once a first code matches; return fresh recovery codes (shown once)."""
    factor = db.get(SecondFactor, user.id)
    if factor is None or factor.confirmed_at is not None:
        raise InvalidInput("Please start setting up two-step sign-in again.")
    step = matching_step(_secret(db, factor), code)
    if step is None:
        raise InvalidInput(fields={"code": "That code didn't match. Check the clock on your phone "
                                           "and enter the newest six digits."})
    factor.confirmed_at, factor.last_step = clock.now(), step
    audit.record(db, "second_factor_on", actor_id=user.id, subject_id=user.id)
    return new_recovery_codes(db, user)


def new_recovery_codes(db: Session, user: User) -> list[str]:
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = ["-".join(secrets.token_hex(3) for _ in range(2)) for _ in range(RECOVERY_CODES)]
    db.add_all(RecoveryCode(user_id=user.id, code_hash=_hash_recovery(c)) for c in codes)
    db.flush()
    return codes


def check_code(db: Session, user: User, code: str) -> None:
    """Accept a current authenticator code (once) or an unused recovery code; else refuse.

    Failures count towards the same throttle as passwords, so six digits can't be guessed.
    """
    factor = db.get(SecondFactor, user.id)
    if factor is None or factor.confirmed_at is None:
        return
    throttle_key = f"second-step:{user.id}"
    accounts.check_throttle(db, throttle_key)
    step = matching_step(_secret(db, factor), code)
    if step is not None and step > factor.last_step:
        factor.last_step = step
        accounts.clear_failures(db, throttle_key)
        return
    spare = db.scalar(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash_recovery(code),
        RecoveryCode.used_at.is_(None)))
    if spare is not None:
        spare.used_at = clock.now()
        accounts.clear_failures(db, throttle_key)
        return
    accounts.note_failure(db, throttle_key)
    audit.record(db, "login_failed", actor_id=None, subject_id=user.id, detail="second step")
    db.commit()
    raise InvalidInput(fields={"code": WRONG_CODE})


def turn_off(db: Session, user: User) -> None:
    if requires_second_factor(user):
        raise InvalidInput("Therapist and admin accounts keep two-step sign-in on.")
    db.execute(delete(SecondFactor).where(SecondFactor.user_id == user.id))
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit.record(db, "second_factor_off", actor_id=user.id, subject_id=user.id)
