"""The application factory: nothing is built until create_app is called."""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import replace
from datetime import datetime
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from holdspace import __version__, clock
from holdspace.errors import HoldspaceError, NotFound, NotSignedIn
from holdspace.privacy.consent import CATEGORIES
from holdspace.settings import Settings
from holdspace.database import open_database
from holdspace.web import deps
from holdspace.web.reads import ReadsBeginDeferred

log = logging.getLogger("holdspace.web")

API_DESCRIPTION = """The holdspace JSON API. Sign in with `POST /api/v1/session` to get a bearer
token, then send `Authorization: Bearer <token>`. Errors are JSON: `{"error": "...", "fields": {}}`."""


def ensure_secret_key(settings: Settings) -> Settings:
    """Use the configured key, or the one kept in the data dir, made once (owner-only)."""
    if settings.secret_key:
        return settings
    path = Path(settings.data_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:
            # A hard link appears whole or not at all, and fails if another worker won the race.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    return replace(settings, secret_key=path.read_text().strip())


def local_time_in(time_zone: str):
    """A filter showing a stored UTC time in the configured zone (empty: this computer's)."""
    zone = clock.zone_named(time_zone)

    def local_time(value: datetime | None) -> datetime | None:
        return clock.local(value, zone) if value is not None else None
    return local_time


def category_label(key: str) -> str:
    """What a sharing category is called on the page ("mood" -> "Mood check-ins")."""
    return next((c.label for c in CATEGORIES if c.key == key), key)


def minutes_text(value: float) -> str:
    """Minutes as a person says them: 5 (not 5.0), 2.5, 28."""
    return f"{round(float(value), 1):g}"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the web app on a migrated, checked database."""
    settings = ensure_secret_key(settings or Settings.from_env())
    database = open_database(settings)

    app = FastAPI(title="holdspace", version=__version__, description=API_DESCRIPTION,
                  openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.database = database
    app.state.engine = database.engine
    app.state.sessionmaker = database.sessionmaker
    templates = Jinja2Templates(directory=str(resources.files("holdspace.web") / "templates"))
    templates.env.globals.update(done_messages=deps.DONE_MESSAGES, version=__version__)
    templates.env.filters.update(local=local_time_in(settings.time_zone), category_label=category_label,
                                 minutes=minutes_text)
    app.state.templates = templates

    app.mount("/static", StaticFiles(directory=str(resources.files("holdspace.web") / "static")),
              name="static")
    _add_anon_cookie(app)
    _add_error_handlers(app)
    app.add_middleware(ReadsBeginDeferred)

    from holdspace.web import (account, admin, art, caseload, chat, crisis, goal_builder, goal_calendar,
                               goal_proposals, goals, goals_api, home, homework, journal, journey, letters, measures,
                               mood, music_movement, practice, practices, privacy, resilience, safety_plan, security,
                               selfcompassion, sharing)

    # The builder's and the calendar's fixed paths (/goals/new, /goals/calendar) come before /goals/{goal_id}.
    for area in (home, account, security, crisis, mood, journal, goal_builder, goal_calendar, goals, goal_proposals,
                 goals_api, chat, practices, selfcompassion, letters, resilience, homework, measures, journey, sharing,
                 privacy, caseload, practice, admin, safety_plan, art, music_movement):
        if hasattr(area, "pages"):
            app.include_router(area.pages, include_in_schema=False)
        if hasattr(area, "api"):
            app.include_router(area.api, prefix="/api/v1")
    return app


def _add_anon_cookie(app: FastAPI) -> None:
    @app.middleware("http")
    async def anon_cookie(request: Request, call_next):
        # Before sign-in, forms are tied to a random cookie so their tokens can be checked.
        fresh = None
        if not request.cookies.get(deps.SESSION_COOKIE) and not request.cookies.get(deps.ANON_COOKIE):
            fresh = request.state.anon = deps.new_anon_value()
        response = await call_next(request)
        response.headers.setdefault("x-content-type-options", "nosniff")
        response.headers.setdefault("referrer-policy", "same-origin")
        response.headers.setdefault("x-frame-options", "DENY")
        if not request.url.path.startswith("/static/"):
            # Pages carry people's words: no browser or proxy may keep a copy.
            response.headers.setdefault("cache-control", "no-store")
        if fresh:
            deps.set_cookie(request, response, deps.ANON_COOKIE, fresh, max_age=None)
        return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _add_error_handlers(app: FastAPI) -> None:
    def error_response(request: Request, status: int, message: str,
                       fields: dict[str, str] | None = None) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message, "fields": fields or {}}, status_code=status)
        return deps.render(request, "error.html", status_code=status, message=message,
                           status=status)

    @app.exception_handler(HoldspaceError)
    async def holdspace_error(request: Request, exc: HoldspaceError):
        if isinstance(exc, NotSignedIn) and not _wants_json(request):
            from urllib.parse import quote

            return deps.redirect(f"/login?next={quote(request.url.path)}")
        if isinstance(exc, deps.SecondFactorNeeded) and not _wants_json(request):
            return deps.redirect("/account/second-factor")
        return error_response(request, exc.status, exc.message, getattr(exc, "fields", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        fields = {}
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "body"
            fields[where] = _kind_validation_message(error)
        return error_response(request, 422, "Some of what was sent can't be used: "
                              + "; ".join(f"{k}: {v}" for k, v in fields.items()), fields)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return error_response(request, 404, NotFound.message)
        if exc.status_code == 405:
            return error_response(request, 405, "That address doesn't accept this kind of request.")
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        # Log the type only: messages can carry what a client wrote. HOLDSPACE_DEBUG=true
        # adds the traceback, for a developer's own terminal.
        log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path,
                  exc_info=exc if request.app.state.settings.debug else None)
        return error_response(request, 500, HoldspaceError.message)


def _kind_validation_message(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "this is needed"
    if kind.startswith("int"):
        return "please use a whole number"
    if kind.startswith("string_too_long"):
        return "this is longer than we can take"
    if "json" in kind:
        return "the body isn't valid JSON"
    return "this value can't be used"
