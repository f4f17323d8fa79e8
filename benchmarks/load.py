"""A bounded load test: `holdspace serve --workers 2` on loopback, many clients at once.

    python benchmarks/load.py [--users 20] [--seconds 30] [--database-url postgresql+psycopg://...]

Each simulated client signs in once, then keeps reading (their home page, their check-ins) and
writing (a check-in with a note, which is sealed and risk-checked), with no pause between
requests. Prints p50 / p95 / max per kind of request and every error a user would have seen;
SAFETY.md asks for p95 under 300 ms (reads) and 500 ms (writes) at 20 users on SQLite, and no
"database is locked" ever reaching a user.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from holdspace.database import open_database
from holdspace.privacy import passwords
from holdspace.privacy.accounts import Role, User
from holdspace.settings import Settings
from holdspace import clock

PASSWORD = "load test password 1"
NOTES = ["A long day but dinner with my sister helped.", "Tired and a bit flat.",
         "Slept badly, worried about the meeting.", "Felt calmer after the walk."]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_clients(settings: Settings, count: int) -> list[str]:
    database = open_database(settings)
    hashed = passwords.hash_password(PASSWORD)
    emails = [f"load{i}@example.org" for i in range(count)]
    with database.sessionmaker() as db:
        for i, email in enumerate(emails):
            db.add(User(email=email, display_name=f"Load {i}", role=Role.CLIENT.value,
                        password_hash=hashed, created_at=clock.now()))
        db.commit()
    database.dispose()
    return emails


class Client(threading.Thread):
    def __init__(self, port: int, email: str, stop_at: float, results, errors, seed: int):
        super().__init__(daemon=True)
        self.port, self.email, self.stop_at = port, email, stop_at
        self.results, self.errors, self.random = results, errors, random.Random(seed)

    def request(self, conn, method: str, path: str, body: dict | None = None, headers=None):
        payload = json.dumps(body).encode() if body is not None else None
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        started = time.perf_counter()
        conn.request(method, path, body=payload, headers=all_headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - started) * 1000

    def sign_in(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        status, data, _ = self.request(conn, "POST", "/api/v1/session",
                                       {"email": self.email, "password": PASSWORD})
        if status != 201:
            raise SystemExit(f"sign-in failed with {status}: {data[:200]!r}")
        self.auth = {"Authorization": f"Bearer {json.loads(data)['token']}"}

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        auth = self.auth
        while time.monotonic() < self.stop_at:
            roll = self.random.random()
            if roll < 0.3:
                kind, method, path = "write: POST /api/v1/checkins", "POST", "/api/v1/checkins"
                body = {"mood": self.random.randint(0, 10), "feelings": ["calm"],
                        "note": self.random.choice(NOTES)}
            elif roll < 0.65:
                kind, method, path, body = "read: GET / (home page, chart)", "GET", "/", None
            else:
                kind, method, path, body = "read: GET /api/v1/checkins", "GET", "/api/v1/checkins", None
            try:
                status, data, ms = self.request(conn, method, path, body, auth)
            except (OSError, http.client.HTTPException) as exc:
                self.errors[f"{kind}: {type(exc).__name__}"] += 1
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            self.results[kind].append(ms)
            if status >= 400:
                locked = " (database is locked)" if b"locked" in data.lower() else ""
                self.errors[f"{kind}: HTTP {status}{locked}"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="holdspace-load-"))
    settings = Settings.from_env({}, data_dir=folder / "data", key_file=folder / "load.key",
                                 database_url=args.database_url, secret_key="load-test")
    emails = make_clients(settings, args.users)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
    env.update(HOLDSPACE_DATA_DIR=str(settings.data_dir), HOLDSPACE_KEY_FILE=str(settings.key_file),
               HOLDSPACE_SECRET_KEY="load-test")
    if args.database_url:
        env["HOLDSPACE_DATABASE_URL"] = args.database_url
    holdspace = str(Path(sys.executable).with_name("holdspace"))
    # The server's log goes to a file: a pipe nobody reads fills up and stalls the server.
    log = open(folder / "serve.log", "w+b")
    server = subprocess.Popen([holdspace, "serve", "--port", str(port), "--workers", str(args.workers)],
                              env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                log.seek(0)
                raise SystemExit(f"the server did not start (exit code {server.poll()}): {log.read().decode()[-2000:]}")
            time.sleep(0.2)
        # Warm each worker (the language engine loads lazily on the first risk check).
        results: dict[str, list[float]] = defaultdict(list)
        errors: Counter[str] = Counter()
        # Sign everyone in first (Argon2id is slow by design; it is not what this measures).
        clients = [Client(port, email, 0, results, errors, 100 + i) for i, email in enumerate(emails)]
        for c in clients:
            c.sign_in()
        warm = [Client(port, c.email, time.monotonic() + 3, defaultdict(list), Counter(), i)
                for i, c in enumerate(clients[:4])]
        for w, c in zip(warm, clients):
            w.auth = c.auth
            w.start()
        for w in warm:
            w.join()
        stop_at = time.monotonic() + args.seconds
        for c in clients:
            c.stop_at = stop_at
            c.start()
        for c in clients:
            c.join()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"holdspace serve --workers {args.workers} on {backend}, {args.users} concurrent clients, "
          f"{args.seconds:g} s, {os.cpu_count()} cores (server and clients on one machine)\n")
    print(f"{'request':40} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in sorted(results):
        values = results[kind]
        print(f"{kind:40} {len(values):6d} {percentile(values, 50):8.1f} {percentile(values, 95):8.1f} "
              f"{max(values):8.1f}")
    total = sum(len(v) for v in results.values())
    print(f"\n{total} requests, {total / args.seconds:.0f} per second")
    print("errors a user saw: " + (", ".join(f"{k} ×{n}" for k, n in errors.items()) if errors else "none"))


if __name__ == "__main__":
    main()
