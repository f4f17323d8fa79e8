"""Fixtures: a fresh database per test (SQLite, or PostgreSQL when asked), the app, and personas.

The personas, in the manner of Healthchecks:
    alice  a client; works with carol and shares her mood (not her journal)
    bob    another client, not linked to anyone
    carol  alice's therapist
    dave   a therapist with no link to alice
    erin   an admin
    anon   nobody signed in
Set HOLDSPACE_TEST_DATABASE_URL (a PostgreSQL URL whose database may be wiped) to run every
test on PostgreSQL instead of SQLite.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, replace
from functools import cache

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from holdspace import clock
from holdspace.creativity import journal
from holdspace.database import open_database
from holdspace.goals import reminders
from holdspace.goals.goal import check_goal, create_goal
from holdspace.goals.proposals import propose
from holdspace.privacy import consent, keys, passwords, second_factor, sessions
from holdspace.privacy.accounts import Role, User
from holdspace.cli.main import app as cli_app
from holdspace.settings import Settings
from holdspace.web import create_app

PASSWORD = "correct horse battery"
PASSPHRASE = "alice keeps this one"
TEST_DATABASE_URL = os.environ.get("HOLDSPACE_TEST_DATABASE_URL", "")


@cache
def persona_hash() -> str:
    # Hash once per run: Argon2id is slow by design, and every test makes five accounts.
    return passwords.hash_password(PASSWORD)


def _wipe_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def settings(tmp_path) -> Settings:
    if TEST_DATABASE_URL:
        _wipe_postgres(TEST_DATABASE_URL)
    return Settings.from_env({}, data_dir=tmp_path / "data", database_url=TEST_DATABASE_URL,
                             key_file=tmp_path / "keys" / "holdspace.key",
                             secret_key="test-secret-key-not-for-production")


@pytest.fixture
def app(settings):
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def db(app):
    # DEFERRED: a test reading between requests must not hold SQLite's write lock.
    session = app.state.sessionmaker(bind=app.state.engine.execution_options(sqlite_begin="DEFERRED"))
    yield session
    session.close()


@pytest.fixture
def second_installation(settings, tmp_path):
    """A separate, fresh holdspace with its own database and key (SQLite)."""
    other = replace(settings, data_dir=tmp_path / "other", key_file=tmp_path / "other.key",
                    database_url=f"sqlite:///{tmp_path / 'other' / 'holdspace.sqlite3'}")
    opened = open_database(other)
    yield opened
    opened.dispose()


@pytest.fixture
def web(app):
    """An anonymous browser-like client that keeps cookies."""
    with TestClient(app, raise_server_exceptions=False) as client:
        yield WebClient(client)


class WebClient:
    """A TestClient that fills in the form token the way a browser would from the page."""

    def __init__(self, client: TestClient):
        self.client = client

    def __getattr__(self, name):
        return getattr(self.client, name)

    def form_token(self, page: str = "/login") -> str:
        # /login has a form for visitors; signed-in people land on their home page, whose
        # sign-out form carries the same token as every other form of theirs.
        html = self.client.get(page, follow_redirects=True).text
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        assert match, f"no form token on {page}"
        return match.group(1)

    def submit(self, url: str, data: dict | None = None, page: str | None = None, **kwargs):
        """POST a form as the page at `page` (default: the same url) would."""
        fields = dict(data or {})
        fields.setdefault("csrf_token", self.form_token(page or _page_for(url)))
        return self.client.post(url, data=fields, follow_redirects=False, **kwargs)


def _page_for(url: str) -> str:
    # Every signed-in page carries the sign-out form, so any of them yields a valid token.
    return {"/signup": "/signup"}.get(url, "/login")


@dataclass
class Personas:
    alice: User
    bob: User
    carol: User
    dave: User
    erin: User
    link_id: int  # alice ↔ carol
    invitation_id: int  # an open invitation of carol's
    entry_id: int  # alice's private journal entry (passphrase: PASSPHRASE)
    goal_id: int = 0  # alice's goal
    proposal_id: int = 0  # carol's open suggestion of a goal to alice
    feed_token: str = ""  # alice's secret calendar address

    def all(self) -> dict[str, User | None]:
        return {"alice": self.alice, "bob": self.bob, "carol": self.carol, "dave": self.dave,
                "erin": self.erin, "anon": None}


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # staff personas' authenticator, for tests only


def make_user(db, name: str, role: Role) -> User:
    user = User(email=f"{name}@example.org", display_name=name.title(), role=role.value,
                password_hash=persona_hash(), created_at=clock.now())
    db.add(user)
    db.flush()
    if second_factor.requires_second_factor(user):
        sealed = keys.seal_text(db, user.id, "second_factors", "secret", user.id, TOTP_SECRET)
        db.add(second_factor.SecondFactor(user_id=user.id, secret_sealed=sealed,
                                          confirmed_at=clock.now(), last_step=0))
        db.flush()
    return user


@pytest.fixture
def personas(db) -> Personas:
    alice, bob = make_user(db, "alice", Role.CLIENT), make_user(db, "bob", Role.CLIENT)
    carol, dave = make_user(db, "carol", Role.THERAPIST), make_user(db, "dave", Role.THERAPIST)
    erin = make_user(db, "erin", Role.ADMIN)
    _, code = consent.create_invitation(db, carol, "Alice")
    link = consent.accept_invitation(db, alice, code, ["mood"])
    invitation, _ = consent.create_invitation(db, carol, "Someone new")
    entry = journal.write_entry(db, alice, "only alice may read this", private=True,
                                passphrase=PASSPHRASE, confirm=PASSPHRASE)
    goal = create_goal(db, alice, check_goal("Walk for 20 minutes three times a week",
                                             "1010100", None))
    proposal = propose(db, carol, alice, check_goal("Call a friend every Sunday", "0000001", None))
    feed_token = reminders.feed_token(db, alice)
    db.commit()
    return Personas(alice, bob, carol, dave, erin, link.id, invitation.id, entry.id, goal.id, proposal.id,
                    feed_token)


@pytest.fixture
def sign_in(app, db):
    """sign_in(user) -> a WebClient signed in as that user (None: anonymous)."""
    opened: list[TestClient] = []

    def _sign_in(user: User | None) -> WebClient:
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        opened.append(client)
        if user is not None:
            token = sessions.start_session(db, user)
            db.commit()
            client.cookies.set("hs_session", token)
        return WebClient(client)

    yield _sign_in
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def api_token(db):
    """api_token(user) -> headers with a bearer token for that user."""
    def _token(user: User) -> dict[str, str]:
        token = sessions.start_session(db, user)
        db.commit()
        return {"Authorization": f"Bearer {token}"}
    return _token


@pytest.fixture
def cli(settings, monkeypatch):
    """cli(*args, input=None) -> result, run in-process against this test's database."""
    monkeypatch.setenv("HOLDSPACE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("HOLDSPACE_KEY_FILE", str(settings.key_file))
    if settings.database_url and not settings.is_sqlite:
        monkeypatch.setenv("HOLDSPACE_DATABASE_URL", settings.database_url)
    else:
        monkeypatch.delenv("HOLDSPACE_DATABASE_URL", raising=False)
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(cli_app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def analyze(tmp_path, monkeypatch):
    """analyze(task, lines) -> one parsed JSON object per output line, run in-process."""
    import json

    monkeypatch.setenv("HOLDSPACE_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()

    def run(task: str, lines: list) -> list[dict]:
        text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
        result = runner.invoke(cli_app, ["analyze", task], input=text, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines()]

    return run


@pytest.fixture
def server_in_tokyo(monkeypatch):
    """This computer's own clock on Tokyo time (UTC+9): far from a practice in Chicago, so their days differ."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
