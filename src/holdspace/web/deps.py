"""What every route needs: the database, the signed-in person, form tokens, and rendering."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from holdspace.errors import HoldspaceError, NotSignedIn
from holdspace.privacy import second_factor, sessions
from holdspace.privacy.accounts import Role, User
from holdspace.privacy.policy import require_role
from holdspace.settings import Settings

SESSION_COOKIE = "hs_session"
PENDING_COOKIE = "hs_pending"  # password accepted, second step still to come
ANON_COOKIE = "hs_anon"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class FormTokenMismatch(HoldspaceError):
    status = 400
    message = ("This form was open for a long time or came from somewhere else, so we didn't "
               "save it. Please go back, reload the page and send it again.")


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    """A database session per request; routes commit what they change, explicitly."""
    db = request.app.state.sessionmaker()
    try:
        yield db
    finally:
        db.close()


Db = Annotated[Session, Depends(get_db)]

# Ids in paths: positive and within a 32-bit column, so no database is asked about the impossible.
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def session_token(request: Request) -> str:
    return _bearer(request) or request.cookies.get(SESSION_COOKIE, "")


def optional_user(request: Request, db: Db) -> User | None:
    """The signed-in person, or None; expired sessions are ended on the way."""
    if hasattr(request.state, "user"):
        return request.state.user
    settings = settings_of(request)
    token = session_token(request)
    if token and not db.in_transaction() and db.get_bind().dialect.name == "sqlite":
        # Who is asking is only read: don't take SQLite's one write lock for it (web/reads.py).
        db.connection(execution_options={"sqlite_begin": "DEFERRED"})
    user = sessions.resume_session(
        db, token, idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_max_hours)) if token else None
    db.commit()  # a request that writes takes the write lock when it first writes, not before
    request.state.user = user
    return user


OptionalUser = Annotated[User | None, Depends(optional_user)]


def signed_in(user: OptionalUser) -> User:
    if user is None:
        raise NotSignedIn()
    return user


def client_user(user: OptionalUser) -> User:
    return require_role(user, Role.CLIENT)


class SecondFactorNeeded(HoldspaceError):
    status = 403
    message = ("Therapist and admin accounts need two-step sign-in before they can see anything. "
               "Set it up at /account/second-factor.")


def _with_second_factor(request: Request, db: Session, user: User) -> User:
    if not settings_of(request).demo and not second_factor.is_enabled(db, user.id):
        raise SecondFactorNeeded()
    return user


def therapist_user(request: Request, user: OptionalUser, db: Db) -> User:
    return _with_second_factor(request, db, require_role(user, Role.THERAPIST))


def admin_user(request: Request, user: OptionalUser, db: Db) -> User:
    return _with_second_factor(request, db, require_role(user, Role.ADMIN))


SignedIn = Annotated[User, Depends(signed_in)]
Client = Annotated[User, Depends(client_user)]
Therapist = Annotated[User, Depends(therapist_user)]
Admin = Annotated[User, Depends(admin_user)]


# --- form tokens (CSRF) ---------------------------------------------------------------------
# A token is an HMAC of the browser's session cookie (or, before sign-in, of a random anonymous
# cookie), so it can't be read or forged from another site and changes at every sign-in.

def _csrf_subject(request: Request) -> str:
    return (request.cookies.get(SESSION_COOKIE) or getattr(request.state, "anon", "")
            or request.cookies.get(ANON_COOKIE, ""))


def csrf_token(request: Request) -> str:
    key = settings_of(request).secret_key.encode()
    return hmac.new(key, b"csrf:" + _csrf_subject(request).encode(), hashlib.sha256).hexdigest()


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request whose form token doesn't match this browser."""
    if _bearer(request):
        return  # API clients holding a bearer token aren't driven by a browser's cookies
    if request.url.path.startswith("/api/") and not request.cookies.get(SESSION_COOKIE):
        return  # JSON calls without a session cookie carry no ambient authority to abuse
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and "form" in request.headers.get("content-type", ""):
        sent = str((await request.form()).get(CSRF_FIELD, ""))
    if not _csrf_subject(request) or not hmac.compare_digest(sent, csrf_token(request)):
        raise FormTokenMismatch()


CheckCsrf = Depends(check_csrf)


def new_anon_value() -> str:
    return secrets.token_urlsafe(24)


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax",
                        secure=settings_of(request).secure_cookies, path="/")


# --- rendering ------------------------------------------------------------------------------

def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    """Render a page with what every page needs: the person, the form token, the crisis link."""
    context.setdefault("user", getattr(request.state, "user", None))
    context.setdefault("errors", {})
    context.setdefault("values", {})
    context["csrf_token"] = csrf_token(request)
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status_code)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# Short confirmations carried to the next page by key, so no user text ever enters a URL.
DONE_MESSAGES = {
    "checkin": "Your check-in is saved. Thank you for taking a moment for yourself.",
    "journal": "Your entry is saved.",
    "conversation-deleted": "The conversation is deleted, for good.",
    "measure-draft": "Your answers are kept as a draft. Come back to finish whenever you like.",
    "assigned": "Asked for. Your client will see it on their questionnaires page when it's due.",
    "assignment-stopped": "You've stopped asking for that questionnaire.",
    "homework": "Suggested. Your client will find it on their home and practices pages.",
    "homework-stopped": "That suggestion is stopped; your client no longer sees it.",
    "homework-aside": "It's off your list. You can always come back to any practice on this page.",
    "practice": "Saved to your practice log. Well done for making the time.",
    "challenge": "Your kinder words are saved. You can come back to them whenever that harsh thought returns.",
    "thought-record": "Your thought record is saved.",
    "letter": "Your letter is saved. Read it slowly; it is here whenever you need it.",
    "letter-draft": "Your letter is kept as a draft. Carry on whenever you're ready.",
    "letter-shared": "Your letter is shared with the therapists you share exercises with.",
    "letter-private": "Your letter is private again: only you can read it.",
    "resilience": "It's saved.",
    "rated": "Thank you. Your rating is saved; the skills that help most will rise to the top.",
    "removed": "It's removed.",
    "signed-up": "Welcome to holdspace. This is your space; take it at your own pace.",
    "linked": "You're now connected. You can change what you share here at any time.",
    "sharing": "Your sharing choices are saved and apply from now on.",
    "ended": "You're no longer connected to that therapist. They can't see anything from now on.",
    "cancelled": "The invitation is cancelled; its code no longer works.",
    "signed-out": "You're signed out. Take care of yourself.",
    "password": "Your password is changed. Every other device has been signed out.",
    "transcript_deleted": "The session and its report are deleted.",
    "safety-plan": "Your safety plan is saved. You can change or print it whenever you like.",
    "safety-plan-client": "The safety plan is saved. Your client will see that you changed it, and when.",
    "alerts": "Your choice about safety alerts is saved and applies from now on.",
    "alert-seen": "The alert is marked as seen.",
    "art": "Your picture is in your gallery.",
    "art-deleted": "The picture is deleted, for good.",
}


def done_url(url: str, key: str) -> str:
    assert key in DONE_MESSAGES, key
    return f"{url}{'&' if '?' in url else '?'}done={key}"


# --- the step between password and code --------------------------------------------------------

def pending_value(request: Request, user_id: int, expires: int) -> str:
    body = f"{user_id}.{expires}"
    key = settings_of(request).secret_key.encode()
    return body + "." + hmac.new(key, b"pending:" + body.encode(), hashlib.sha256).hexdigest()


def pending_user_id(request: Request, now: int) -> int | None:
    """The user whose password was just accepted in this browser, if still fresh and genuine."""
    raw = request.cookies.get(PENDING_COOKIE, "")
    try:
        user_id, expires, _ = raw.split(".")
        if int(expires) < now or not hmac.compare_digest(raw, pending_value(request, int(user_id), int(expires))):
            return None
        return int(user_id)
    except ValueError:
        return None


# Letters that Unicode does not split into a base letter and an accent.
_UNSPLIT = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


def file_slug(name: str, fallback: str = "client") -> str:
    """A person's name as ASCII words for a download's file name (HTTP headers are Latin-1)."""
    plain = unicodedata.normalize("NFKD", name.lower().translate(_UNSPLIT)).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain)) or fallback
