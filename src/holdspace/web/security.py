"""Keeping an account safe: two-step sign-in and changing the password."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request

from holdspace.errors import HoldspaceError, InvalidInput
from holdspace.privacy import accounts, second_factor, sessions
from holdspace.web.deps import (SESSION_COOKIE, CheckCsrf, Db, SignedIn, done_url, redirect, render,
                                set_cookie, settings_of)

pages = APIRouter()

WRONG_CURRENT = "That isn't your current password. Please try it again."


def _second_factor_page(request: Request, db: Db, user, status_code: int = 200, **context):
    enabled = second_factor.is_enabled(db, user.id)
    secret = None
    if not enabled:
        secret = second_factor.pending_secret(db, user) or second_factor.begin_setup(db, user)
        db.commit()
    return render(request, "account/second_factor.html", status_code=status_code, enabled=enabled,
                  secret=secret, uri=second_factor.provisioning_uri(secret, user.email) if secret else "",
                  required=second_factor.requires_second_factor(user), **context)


@pages.get("/account/second-factor")
def second_factor_page(request: Request, db: Db, user: SignedIn, done: str = ""):
    return _second_factor_page(request, db, user, done=done)


@pages.post("/account/second-factor", dependencies=[CheckCsrf])
def confirm_second_factor(request: Request, db: Db, user: SignedIn, code: str = Form("")):
    try:
        codes = second_factor.confirm_setup(db, user, code)
    except HoldspaceError as exc:
        db.rollback()
        return _second_factor_page(request, db, user, status_code=exc.status,
                                   errors=getattr(exc, "fields", {}) or {"code": exc.message})
    db.commit()
    return render(request, "account/recovery_codes.html", codes=codes)


@pages.post("/account/second-factor/recovery-codes", dependencies=[CheckCsrf])
def new_recovery_codes(request: Request, db: Db, user: SignedIn):
    if not second_factor.is_enabled(db, user.id):
        return redirect("/account/second-factor")
    codes = second_factor.new_recovery_codes(db, user)
    db.commit()
    return render(request, "account/recovery_codes.html", codes=codes)


@pages.post("/account/second-factor/off", dependencies=[CheckCsrf])
def second_factor_off(request: Request, db: Db, user: SignedIn):
    try:
        second_factor.turn_off(db, user)
    except HoldspaceError as exc:
        db.rollback()
        return _second_factor_page(request, db, user, status_code=exc.status, message=exc.message)
    db.commit()
    return redirect("/account/second-factor")


@pages.get("/account/password")
def password_page(request: Request, user: SignedIn, done: str = ""):
    return render(request, "account/password.html", done=done)


@pages.post("/account/password", dependencies=[CheckCsrf])
def change_password(request: Request, db: Db, user: SignedIn, current: str = Form(""),
                    new: str = Form("")):
    try:
        try:
            accounts.authenticate(db, user.email, current)
        except InvalidInput:
            # The sign-in words ("That email and password...") would puzzle here: there is no email field.
            raise InvalidInput(WRONG_CURRENT) from None
        accounts.set_password(db, user, new)
    except HoldspaceError as exc:
        db.rollback()
        errors = getattr(exc, "fields", {})
        errors = {"new": errors["password"]} if "password" in errors else {"current": exc.message}
        return render(request, "account/password.html", status_code=exc.status, errors=errors)
    # Every session ends, on every device; this browser gets a fresh one.
    sessions.end_all_sessions(db, user.id)
    token = sessions.start_session(db, user)
    db.commit()
    response = redirect(done_url("/account/password", "password"))
    set_cookie(request, response, SESSION_COOKIE, token,
               max_age=settings_of(request).session_max_hours * 3600)
    return response
