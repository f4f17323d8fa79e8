"""Browser tests: a real holdspace server on loopback, driven through Debian's chromium.

One server per test module (starting it is the slow part); every test makes its own people
with unique emails, so tests don't depend on each other or on their order.
Set HOLDSPACE_TEST_DATABASE_URL to run them on PostgreSQL, as for the rest of the suite.
Playwright's own browser downloads are never used: only /usr/bin/chromium.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn

from holdspace import clock
from holdspace.privacy import accounts, keys, second_factor
from holdspace.privacy.accounts import Role
from holdspace.settings import Settings
from holdspace.web import create_app

from ..conftest import TOTP_SECRET, _wipe_postgres

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

CHROMIUM = "/usr/bin/chromium"
# The machine has no network: these keep chromium from calling home over and over.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@dataclass
class LiveServer:
    url: str
    app: object

    def db(self):
        """A database session on the server's own database, for setting things up directly."""
        return self.app.state.sessionmaker()

    def make_user(self, *, name: str, email: str, password: str, role: Role) -> accounts.User:
        """An account made straight through the services (detached, safe to read afterwards)."""
        with self.db() as db:
            user = accounts.create_user(db, email=email, display_name=name, password=password,
                                        role=role)
            if second_factor.requires_second_factor(user):
                # Staff sign in in two steps; their authenticator is the shared test secret.
                sealed = keys.seal_text(db, user.id, "second_factors", "secret", user.id, TOTP_SECRET)
                db.add(second_factor.SecondFactor(user_id=user.id, secret_sealed=sealed,
                                                  confirmed_at=clock.now(), last_step=0))
            db.commit()
            db.refresh(user)
            db.expunge(user)
        return user


def server_settings(folder: Path, **changes) -> Settings:
    """Settings for a test server with its data in `folder` (PostgreSQL when asked, wiped first)."""
    database_url = os.environ.get("HOLDSPACE_TEST_DATABASE_URL", "")
    if database_url:
        _wipe_postgres(database_url)
    settings = Settings.from_env({}, data_dir=folder / "data", key_file=folder / "keys" / "holdspace.key",
                                 database_url=database_url,
                                 secret_key="browser-tests-secret-key-not-for-production")
    return replace(settings, **changes)


@contextmanager
def serving(settings: Settings) -> Iterator[LiveServer]:
    """A holdspace for these settings, on a free loopback port until the block ends."""
    app = create_app(settings)
    # Bind first and hand the socket over, so no other process can take the port in between.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="holdspace-live-server")
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the holdspace test server didn't start")
        time.sleep(0.02)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", app=app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.engine.dispose()


@contextmanager
def contexts(chromium, url: str) -> Iterator[Callable[..., BrowserContext]]:
    """new(**options) -> a fresh browser profile (its own cookies) aimed at `url`; all closed at the end."""
    opened = []

    def _new(**options) -> BrowserContext:
        options.setdefault("viewport", {"width": 1280, "height": 800})
        context = chromium.new_context(base_url=url, **options)
        context.set_default_timeout(5000)
        opened.append(context)
        return context

    try:
        yield _new
    finally:
        for context in opened:
            context.close()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    with serving(server_settings(tmp_path_factory.mktemp("browser"))) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        reason = f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run the browser tests", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(chromium, live_server):
    """new_context(**options) -> a fresh browser profile (its own cookies) aimed at the server."""
    with contexts(chromium, live_server.url) as new:
        yield new


@pytest.fixture
def page(new_context):
    """A page in a fresh profile, light colour scheme, desktop width."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
