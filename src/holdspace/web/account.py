"""Signing up, in and out: pages and API."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field

from holdspace import clock
from holdspace.errors import HoldspaceError, InvalidInput, NotSignedIn
from holdspace.privacy import accounts, audit, second_factor, sessions
from holdspace.privacy.accounts import Role
from holdspace.web.deps import (PENDING_COOKIE, SESSION_COOKIE, CheckCsrf, Db, OptionalUser,
                                SignedIn, done_url, pending_user_id, pending_value, redirect,
                                render, set_cookie, settings_of)

pages = APIRouter()
api = APIRouter(tags=["account"])
PENDING_SECONDS = 300


def _safe_next(target: str) -> str:
    # Only same-site paths, so a crafted link can't bounce someone to another site after sign-in.
    return target if target.startswith("/") and not target.startswith("//") else "/"


def _sign_in_response(request: Request, db: Db, user: accounts.User, target: str):
    token = sessions.start_session(db, user)
    db.commit()
    response = redirect(target)
    set_cookie(request, response, SESSION_COOKIE, token,
               max_age=settings_of(request).session_max_hours * 3600)
    return response


@pages.get("/signup")
def signup_page(request: Request, user: OptionalUser):
    if user is not None:
        return redirect("/")
    return render(request, "account/signup.html")


@pages.post("/signup", dependencies=[CheckCsrf])
def signup(request: Request, db: Db, user: OptionalUser, email: str = Form(""),
           display_name: str = Form(""), password: str = Form("")):
    if user is not None:
        return redirect("/")  # already signed in: never make a second account by accident
    try:
        user = accounts.create_user(db, email=email, display_name=display_name, password=password)
    except HoldspaceError as exc:
        db.rollback()
        errors = getattr(exc, "fields", {}) or {"email": exc.message}
        return render(request, "account/signup.html", status_code=exc.status, errors=errors,
                      values={"email": email, "display_name": display_name})
    return _sign_in_response(request, db, user, done_url("/", "signed-up"))


@pages.get("/login")
def login_page(request: Request, user: OptionalUser, next: str = "/"):
    if user is not None:
        return redirect(_safe_next(next))
    return render(request, "account/login.html", values={"next": next})


@pages.post("/login", dependencies=[CheckCsrf])
def login(request: Request, db: Db, email: str = Form(""), password: str = Form(""),
          next: str = Form("/")):
    try:
        user = accounts.authenticate(db, email, password)
    except HoldspaceError as exc:
        db.rollback()
        return render(request, "account/login.html", status_code=exc.status, message=exc.message,
                      values={"email": email, "next": next})
    if second_factor.is_enabled(db, user.id):
        db.commit()
        expires = int(clock.now().timestamp()) + PENDING_SECONDS
        response = redirect(f"/login/code?next={quote(_safe_next(next))}")
        set_cookie(request, response, PENDING_COOKIE, pending_value(request, user.id, expires),
                   max_age=PENDING_SECONDS)
        return response
    return _sign_in_response(request, db, user, _safe_next(next))


def _pending(request: Request, db: Db) -> accounts.User:
    user_id = pending_user_id(request, int(clock.now().timestamp()))
    user = accounts.get_user(db, user_id) if user_id else None
    if user is None:
        raise NotSignedIn("Please sign in again: the second step has to follow the password within five minutes.")
    return user


@pages.get("/login/code")
def code_page(request: Request, db: Db, next: str = "/"):
    _pending(request, db)
    return render(request, "account/code.html", values={"next": next})


@pages.post("/login/code", dependencies=[CheckCsrf])
def code_step(request: Request, db: Db, code: str = Form(""), next: str = Form("/")):
    user = _pending(request, db)
    try:
        second_factor.check_code(db, user, code)
    except HoldspaceError as exc:
        db.rollback()
        errors = getattr(exc, "fields", {}) or {"code": exc.message}
        return render(request, "account/code.html", status_code=exc.status, errors=errors,
                      values={"next": next})
    response = _sign_in_response(request, db, user, _safe_next(next))
    response.delete_cookie(PENDING_COOKIE, path="/")
    return response


@pages.post("/logout", dependencies=[CheckCsrf])
def logout(request: Request, db: Db, user: OptionalUser):
    # Signing out ends every session of this person, on every device (SAFETY.md).
    if user is not None:
        sessions.end_all_sessions(db, user.id)
        audit.record(db, "logout", actor_id=user.id, subject_id=user.id)
        db.commit()
    response = redirect(done_url("/login", "signed-out"))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- API --------------------------------------------------------------------------------------

class Credentials(BaseModel):
    email: str = Field(max_length=254)
    password: str = Field(max_length=256)
    code: str = Field("", max_length=40, description="The six-digit code (or a recovery code) "
                      "when the account uses two-step sign-in")


class NewClient(Credentials):
    display_name: str = Field(max_length=200)


class Me(BaseModel):
    id: int
    email: str
    display_name: str
    role: Role


class Token(BaseModel):
    token: str
    user: Me


def _me(user: accounts.User) -> Me:
    return Me(id=user.id, email=user.email, display_name=user.display_name, role=Role(user.role))


@api.post("/session", response_model=Token, status_code=201,
          responses={400: {"description": "Wrong email or password"}, 429: {"description": "Throttled"}})
def api_sign_in(body: Credentials, db: Db):
    """Sign in and receive a bearer token for the other calls."""
    user = accounts.authenticate(db, body.email, body.password)
    if second_factor.is_enabled(db, user.id):
        if not body.code:
            db.commit()
            raise InvalidInput(fields={"code": "This account uses two-step sign-in: send the "
                                               "six-digit code from your app as `code`."})
        second_factor.check_code(db, user, body.code)
    token = sessions.start_session(db, user)
    db.commit()
    return Token(token=token, user=_me(user))


@api.delete("/session", status_code=204, dependencies=[CheckCsrf])
def api_sign_out(db: Db, user: SignedIn):
    """Sign out everywhere: this token and every other session of yours stop working at once."""
    sessions.end_all_sessions(db, user.id)
    audit.record(db, "logout", actor_id=user.id, subject_id=user.id)
    db.commit()


@api.post("/users", response_model=Token, status_code=201, dependencies=[CheckCsrf],
          responses={400: {"description": "Invalid details"}, 409: {"description": "Email taken"}})
def api_sign_up(body: NewClient, db: Db):
    """Create a client account and sign it in."""
    user = accounts.create_user(db, email=body.email, display_name=body.display_name,
                                password=body.password)  # clients only: staff are made by an admin
    token = sessions.start_session(db, user)
    db.commit()
    return Token(token=token, user=_me(user))


@api.get("/me", response_model=Me)
def api_me(user: SignedIn):
    """Who the token belongs to."""
    return _me(user)


__all__ = ["pages", "api"]
