"""Request latency on this machine, in-process on a fresh database (SQLite unless a URL is given).

    python benchmarks/requests.py [--rounds 300] [--database-url postgresql+psycopg://...]

Prints p50 / p95 / max in milliseconds for the pages and API calls a client and a therapist
make most. One process, one request at a time: this measures holdspace's own work, not a
server under load (that is a separate, bounded load test).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from holdspace import demo
from holdspace.settings import Settings
from holdspace.web import create_app


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="holdspace-bench-"))
    # The demo practice, in demo mode (its therapist has no authenticator to type codes from).
    app = create_app(Settings.from_env({}, data_dir=folder / "data", key_file=folder / "bench.key",
                                       database_url=args.database_url, demo=True,
                                       secret_key="benchmark"))
    db = app.state.sessionmaker()
    demo.seed(db)
    db.close()
    people = demo.people()
    web = TestClient(app)

    def token(email: str, password: str) -> dict[str, str]:
        got = web.post("/api/v1/session", json={"email": email, "password": password}).json()
        return {"Authorization": f"Bearer {got['token']}"}

    sam = token(people["client"][0]["email"], people["client"][0]["password"])
    maya = token(people["therapist"]["email"], people["therapist"]["password"])
    sam_id = web.get("/api/v1/me", headers=sam).json()["id"]
    cases = {
        "GET /crisis (no sign-in)": lambda: web.get("/crisis"),
        "GET / (client home, chart)": lambda: web.get("/", headers=sam),
        "GET /checkins (client list)": lambda: web.get("/checkins", headers=sam),
        "POST /api/v1/checkins": lambda: web.post("/api/v1/checkins", json={"mood": 6, "feelings": ["calm"],
                                                                             "note": "benchmark"}, headers=sam),
        "GET /caseload (therapist)": lambda: web.get("/caseload", headers=maya),
        "GET /clients/{id} (therapist)": lambda: web.get(f"/clients/{sam_id}", headers=maya),
    }
    print(f"holdspace request latency, {args.rounds} rounds each, "
          f"{'PostgreSQL' if args.database_url else 'SQLite (WAL, synchronous=FULL)'}")
    print(f"{'request':36} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, call in cases.items():
        call()  # warm up
        timings = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            response = call()
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code in (200, 201), (name, response.status_code)
        print(f"{name:36} {statistics.median(timings):8.1f} {percentile(timings, 95):8.1f} {max(timings):8.1f}")
    app.state.engine.dispose()


if __name__ == "__main__":
    main()
