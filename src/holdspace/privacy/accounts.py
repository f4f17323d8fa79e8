"""People and their roles: sign-up, creating staff accounts, and signing in with throttling."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from holdspace import clock
from holdspace.errors import Conflict, InvalidInput, TooManyAttempts
from holdspace.privacy import audit, passwords
from holdspace.store.base import Base, UTCDateTime

# The 10th failure within the window is the first one refused.
MAX_FAILURES = 9
FAILURE_WINDOW = timedelta(minutes=15)
WRONG_LOGIN = "That email and password don't match an account. Please check both and try again."

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Role(StrEnum):
    CLIENT = "client"
    THERAPIST = "therapist"
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def is_client(self) -> bool:
        return self.role == Role.CLIENT

    @property
    def is_therapist(self) -> bool:
        return self.role == Role.THERAPIST

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class LoginFailure(Base):
    """A failed sign-in, kept by email (known or not) so guessing is slowed for everyone alike."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_new_account(email: str, display_name: str, password: str) -> tuple[str, str]:
    """Validate sign-up details; return the cleaned email and name, or raise with every problem."""
    problems: dict[str, str] = {}
    try:
        email, name = check_identity(email, display_name)
    except InvalidInput as exc:
        problems.update(exc.fields)
        name = display_name
    try:
        passwords.check_new_password(password, email=normalise_email(email))
    except InvalidInput as exc:
        problems.update(exc.fields)
    if problems:
        raise InvalidInput(fields=problems)
    return email, name


def check_identity(email: str, display_name: str) -> tuple[str, str]:
    """Validate an email and a display name; return them cleaned, or raise naming each problem."""
    problems: dict[str, str] = {}
    email = normalise_email(email)
    name = " ".join(display_name.split())
    if not _EMAIL.match(email) or len(email) > 254:
        problems["email"] = "Please enter an email address like name@example.org."
    if not name:
        problems["display_name"] = "Please tell us what to call you; a first name is fine."
    elif len(name) > 80:
        problems["display_name"] = "Please keep the name under 80 characters."
    if problems:
        raise InvalidInput(fields=problems)
    return email, name


def create_user(db: Session, *, email: str, display_name: str, password: str,
                role: Role = Role.CLIENT) -> User:
    """Create an account; clients sign themselves up, staff are made with `holdspace users`."""
    email, name = check_new_account(email, display_name, password)
    if db.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict("An account with that email already exists. Try signing in instead.")
    user = User(email=email, display_name=name, role=Role(role).value,
                password_hash=passwords.hash_password(password), created_at=clock.now())
    db.add(user)
    db.flush()
    return user


def check_throttle(db: Session, key: str) -> None:
    """Refuse once a key (an email, or a second step) has failed too often lately."""
    recent = db.scalar(select(func.count(LoginFailure.id)).where(
        LoginFailure.email == key, LoginFailure.at > clock.now() - FAILURE_WINDOW))
    if recent >= MAX_FAILURES:
        raise TooManyAttempts("There have been too many sign-in attempts for this account. "
                              "Please wait 15 minutes, then try again.")


def note_failure(db: Session, key: str) -> None:
    db.add(LoginFailure(email=key, at=clock.now()))


def clear_failures(db: Session, key: str) -> None:
    db.execute(delete(LoginFailure).where(LoginFailure.email == key))


def authenticate(db: Session, email: str, password: str) -> User:
    """Return the user for these credentials, or raise the same error whatever was wrong."""
    email = normalise_email(email)
    check_throttle(db, email)
    user = db.scalar(select(User).where(User.email == email))
    # End the read transaction before the deliberately slow hash check, so no lock is held.
    db.commit()
    ok = passwords.verify_password(user.password_hash if user else passwords.dummy_hash(), password)
    if not (ok and user):
        note_failure(db, email)
        audit.record(db, "login_failed", actor_id=None, subject_id=user.id if user else None)
        db.commit()
        raise InvalidInput(WRONG_LOGIN)
    clear_failures(db, email)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    return user


def get_user(db: Session, user_id: int) -> User | None:
    return db.get(User, user_id)


def find_user(db: Session, email: str) -> User | None:
    return db.scalar(select(User).where(User.email == normalise_email(email)))


def list_users(db: Session) -> list[User]:
    return list(db.scalars(select(User).order_by(User.role, User.email)))


def set_password(db: Session, user: User, password: str) -> None:
    passwords.check_new_password(password, email=user.email)
    user.password_hash = passwords.hash_password(password)
    audit.record(db, "password_changed", actor_id=user.id, subject_id=user.id)


__all__ = ["Role", "User", "LoginFailure", "create_user", "authenticate", "get_user", "find_user",
           "list_users", "set_password", "WRONG_LOGIN"]
