"""The real `holdspace` executable: demo data, serving, and start-up errors."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest

HOLDSPACE = str(Path(sys.executable).with_name("holdspace"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(data_dir, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
    env.update(HOLDSPACE_DATA_DIR=str(data_dir), HOLDSPACE_KEY_FILE=str(data_dir.with_name(data_dir.name + ".key")), **extra)
    return env


def test_serve_answers_home_crisis_and_openapi(tmp_path, settings):
    port = free_port()
    extra = {} if settings.is_sqlite else {"HOLDSPACE_DATABASE_URL": settings.database_url}
    server = subprocess.Popen([HOLDSPACE, "serve", "--port", str(port)], env=env_for(tmp_path, **extra),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        statuses = {}
        deadline = time.monotonic() + 30
        for path in ("/", "/crisis", "/api/v1/openapi.json"):
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                        statuses[path] = r.status
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        assert statuses == {"/": 200, "/crisis": 200, "/api/v1/openapi.json": 200}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_bad_setting_stops_start_up_with_one_clear_line(tmp_path):
    result = subprocess.run([HOLDSPACE, "users", "list"], env=env_for(tmp_path, HOLDSPACE_DEBUG="yes"),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "holdspace: HOLDSPACE_DEBUG='yes' can't be used: use true or false."]


@pytest.mark.skipif(bool(os.environ.get("HOLDSPACE_TEST_DATABASE_URL")), reason="the demo is SQLite by design")
def test_the_demo_builds_a_practice_where_sharing_decides_what_the_therapist_sees(tmp_path):
    result = subprocess.run([HOLDSPACE, "demo", "--no-serve", "--data-dir", str(tmp_path / "demo")],
                            env=env_for(tmp_path / "unused"), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "maya@demo.holdspace" in result.stdout and "sam@demo.holdspace" in result.stdout

    from starlette.testclient import TestClient

    from holdspace.settings import Settings
    from holdspace.web import create_app

    app = create_app(Settings.from_env({}, data_dir=tmp_path / "demo", key_file=tmp_path / "demo.key", demo=True))
    with TestClient(app) as web:
        token = web.post("/api/v1/session", json={"email": "maya@demo.holdspace",
                                                  "password": "gentle-harbour-7"}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        clients = {c["display_name"]: c for c in web.get("/api/v1/caseload", headers=headers).json()}
        assert set(clients["Sam"]["shared"]) == {"mood", "goals", "measures", "exercises", "conversations"}
        assert clients["Alex"]["shared"] == ["journal"]
        sam = web.get(f"/api/v1/clients/{clients['Sam']['id']}/checkins", headers=headers).json()
        assert len(sam) >= 14 and any(c["note"] for c in sam)  # a few weeks of real-looking data
        assert clients["Sam"]["since"] < min(c["created_at"] for c in sam)  # working together before the first check-in
        assert all(8 <= datetime.fromisoformat(c["created_at"]).astimezone().hour < 22 for c in sam)  # not at 2 am
        assert all(c["mood"] >= 5 for c in sam if c["note"] == "Felt like myself for an hour or two today.")
        assert web.get(f"/api/v1/clients/{clients['Alex']['id']}/checkins", headers=headers).status_code == 404
        alex_journal = web.get(f"/api/v1/clients/{clients['Alex']['id']}/journal", headers=headers).json()
        assert len(alex_journal) == 3 and all(e["body"] for e in alex_journal)
        assert web.get(f"/api/v1/clients/{clients['Sam']['id']}/journal", headers=headers).status_code == 404
        [talk] = web.get(f"/api/v1/clients/{clients['Sam']['id']}/conversations", headers=headers).json()
        assert 8 <= datetime.fromisoformat(talk["created_at"]).astimezone().hour < 22  # a talk by day, not at 3 am
        exchanges = web.get(f"/api/v1/clients/{clients['Sam']['id']}/conversations/{talk['id']}",
                            headers=headers).json()["exchanges"]
        assert len(exchanges) == 5 and all(e["reply"]["reply"] and e["level"] == "none" for e in exchanges)
        assert web.get(f"/api/v1/clients/{clients['Alex']['id']}/conversations", headers=headers).status_code == 404
        goals = web.get(f"/api/v1/clients/{clients['Sam']['id']}/goals", headers=headers).json()
        assert [g["status"] for g in goals] == ["active", "active"]
        assert any(m for g in goals for m in g["milestones"])  # weeks of check-ins, celebrated
        assert web.get(f"/api/v1/clients/{clients['Alex']['id']}/goals", headers=headers).status_code == 404
        report = web.get(f"/api/v1/clients/{clients['Sam']['id']}/report", headers=headers).json()
        [breathing] = report["homework"]
        assert breathing["visible"] and breathing["done"] >= 4  # the last fortnight's practice, as shared
        assert any(m["reliable"] for m in report["measures"])  # the PHQ-9's fall is a reliable change
        [session] = web.get("/api/v1/practice/transcripts", headers=headers).json()  # a session to learn from
        coded = web.get(f"/api/v1/practice/transcripts/{session['id']}", headers=headers).json()
        assert len(coded["report"]["utterances"]) == 24 and len(coded["report"]["done_well"]) == 3
    app.state.engine.dispose()


def test_the_cli_runs_as_a_module_too(tmp_path):
    # `python -m holdspace.cli.main talk` printed nothing at all and read no line
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**env_for(tmp_path), "PYTHONPATH": src}
    done = subprocess.run([sys.executable, "-m", "holdspace.cli.main", "--help"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "talk" in done.stdout, done.stdout + done.stderr
