"""The journey page with five years of daily check-ins, on SQLite (target: 300 ms).

    python benchmarks/journey.py [--years 5] [--rounds 30] [--database-url ...]

Builds one client with a check-in every day (a note on every third), a PHQ-9 and a GAD-7 every
two weeks and a journal entry every week, all through the real services (notes sealed, risk
checked), then times GET /journey and the therapist's session report in-process, one request at
a time. Prints p50 / p95 / max wall-clock milliseconds, and the median CPU time this process
spent per request (less sensitive to other work on a shared machine; the target is on wall time).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from starlette.testclient import TestClient

from holdspace import clock
from holdspace.creativity import journal
from holdspace.journey import mood, questionnaires
from holdspace.privacy import consent, sessions
from holdspace.privacy.accounts import Role, create_user
from holdspace.settings import Settings
from holdspace.web import create_app

TARGET_MS = 300


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def seed(db, years: int):
    client = create_user(db, email="longtime@example.org", display_name="Jo", password="a long calm passphrase",
                         role=Role.CLIENT)
    therapist = create_user(db, email="therapist@example.org", display_name="Dr Lee",
                            password="a long calm passphrase", role=Role.THERAPIST)
    start = clock.now() - timedelta(days=365 * years)
    for day in range(365 * years + 1):
        at = start + timedelta(days=day, hours=(day % 5))
        note = f"day {day}: a walk, some work, an early night" if day % 3 == 0 else ""
        mood.record_checkin(db, client, 3 + (day * 7) % 6 + min(2, day // 400), ["calm"] if day % 2 else ["tired"],
                            note, at=at)
        if day % 14 == 0:
            questionnaires.save(db, client, "phq9", {str(n): (day // 14 + n) % 3 for n in range(1, 10)}, at=at)
            questionnaires.save(db, client, "gad7", {str(n): (day // 14 + n) % 2 for n in range(1, 8)}, at=at)
        if day % 7 == 0:
            journal.write_entry(db, client, f"Week {day // 7}: noticed the light on the way home.", at=at)
        if day % 200 == 0:
            db.commit()
    _, code = consent.create_invitation(db, therapist, "Jo")
    consent.accept_invitation(db, client, code, ["mood", "journal", "measures"])
    db.commit()
    return client, therapist


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", action="store_true", help="Print where GET /journey spends its time.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="holdspace-journey-bench-"))
    app = create_app(Settings.from_env({}, data_dir=folder / "data", key_file=folder / "bench.key",
                                       database_url=args.database_url, demo=True, secret_key="benchmark"))
    started = time.perf_counter()
    with app.state.sessionmaker() as db:
        client, therapist = seed(db, args.years)
        counts = (mood.CheckIn, questionnaires.Administration, journal.JournalEntry)
        from sqlalchemy import func, select
        sizes = [db.scalar(select(func.count()).select_from(t)) for t in counts]
        client_token, therapist_token = sessions.start_session(db, client), sessions.start_session(db, therapist)
        client_id = client.id
        db.commit()
    seeded = time.perf_counter() - started
    web = TestClient(app)
    since = (clock.now() - timedelta(days=28)).date().isoformat()
    cases = {"GET /journey (client)": ("/journey", client_token)}
    report = f"/clients/{client_id}/report?since={since}"
    cases["GET session report (therapist)"] = (report, therapist_token)
    cases["GET session report PDF"] = (report.replace("/report?", "/report.pdf?"), therapist_token)
    database = "SQLite" if not args.database_url else args.database_url.split(":")[0]
    print(f"{args.years} years on {database}: {sizes[0]} check-ins, {sizes[1]} questionnaires, "
          f"{sizes[2]} journal entries (seeded in {seeded:.0f} s)")
    print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p50':>8}  {'bytes':>8}  target")
    for name, (path, token) in cases.items():
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(3):
            warm = web.get(path, headers=headers)
            assert warm.status_code == 200, (path, warm.status_code, warm.text[:300])
        times, cpu = [], []
        for _ in range(args.rounds):
            began, began_cpu = time.perf_counter(), time.process_time()
            response = web.get(path, headers=headers)
            times.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200
        verdict = "ok" if name.startswith("GET /journey") and percentile(times, 95) <= TARGET_MS else (
            "MISSED" if name.startswith("GET /journey") else "")
        print(f"{name:34} {statistics.median(times):8.1f} {percentile(times, 95):8.1f} {max(times):8.1f} "
              f"{statistics.median(cpu):8.1f}  {len(response.content):8d}  {verdict}")
    if args.profile:
        import cProfile
        import pstats

        headers = {"Authorization": f"Bearer {client_token}"}
        with cProfile.Profile() as profile:
            for _ in range(5):
                web.get("/journey", headers=headers)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(35)
    app.state.engine.dispose()


if __name__ == "__main__":
    main()
