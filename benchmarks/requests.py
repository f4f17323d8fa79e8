"""Request latency on this machine, in-process on a fresh database (SQLite unless a URL is given).

    python benchmarks/requests.py [--rounds 300] [--database-url postgresql+psycopg://...]

Prints p50 / p95 / max in milliseconds for the pages and API calls a client and a therapist
make most. A message to the listener is timed as a person meets it: the form is posted, the
reply is worked out (risk check, emotions, memory rebuilt from the sealed history) and the page
comes back; once in a conversation of ten messages at most, once in one of 300 (which is put
back to 300 after each round, outside the timing). One process, one request at a time: this measures holdspace's own work, not a
server under load (that is a separate, bounded load test).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete

from starlette.testclient import TestClient

from holdspace import demo
from holdspace.listening import chat
from holdspace.listening.listener import Listener
from holdspace.privacy.accounts import User
from holdspace.settings import Settings
from holdspace.web import create_app


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# What a client might say, round and round (our own words).
SAYINGS = ["Work has been piling up and my manager keeps adding more.",
           "I stayed late again and missed dinner with my partner.",
           "My sister called and we actually laughed for once.",
           "I can't stop thinking about the exam results on Friday.",
           "I feel like I'm letting everyone down at once.",
           "Went for a walk at lunch and the air helped a little.",
           "My flatmate keeps leaving dishes and I snapped at him.",
           "I miss how things were before we moved.",
           "Slept badly. Woke up at four with my heart racing.",
           "I said no to an extra project and I'm proud of that.",
           "Nobody at the party really talked to me.",
           "I don't know, it's just a grey kind of day."]


def long_conversation(app, email: str, turns: int) -> int:
    """A conversation of `turns` messages with the real listener, made in-process."""
    with app.state.sessionmaker() as db:
        from sqlalchemy import select

        client = db.scalar(select(User).where(User.email == email))
        talk = chat.start_chat(db, client)
        for turn in range(turns):
            chat.send(db, client, talk, SAYINGS[turn % len(SAYINGS)], app.state.listener)
        db.commit()
        return talk.id


def trim(app, conversation_id: int, turns: int) -> None:
    """Put a conversation back to `turns` messages (benchmark only: the app never drops a message)."""
    with app.state.sessionmaker() as db:
        db.execute(delete(chat.ChatMessage).where(chat.ChatMessage.conversation_id == conversation_id,
                                                  chat.ChatMessage.turn > turns))
        db.get(chat.Chat, conversation_id).message_count = turns
        db.commit()


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
    app.state.listener = Listener(country=app.state.settings.country)  # the one the app would make
    long_id = long_conversation(app, people["client"][0]["email"], 300)
    said = iter(range(10**9))
    short = {"id": 0, "turns": 10}

    def talk_short():
        short["turns"] += 1
        return web.post(f"/talk/{short['id']}", data={"text": SAYINGS[next(said) % len(SAYINGS)]}, headers=sam)

    def fresh_when_ten():
        if short["turns"] >= 10:  # a fresh conversation every ten messages, started outside the timing
            short["id"] = int(web.post("/talk", headers=sam, follow_redirects=False)
                              .headers["location"].rsplit("/", 1)[1])
            short["turns"] = 0

    def talk_long():
        return web.post(f"/talk/{long_id}", data={"text": SAYINGS[next(said) % len(SAYINGS)]}, headers=sam)

    fresh_when_ten()
    after = {"POST /talk/{id} → page (≤10 turns)": fresh_when_ten,
             "POST /talk/{id} → page (300 turns)": lambda: trim(app, long_id, 300)}
    cases = {
        "GET /crisis (no sign-in)": lambda: web.get("/crisis"),
        "GET / (client home, chart)": lambda: web.get("/", headers=sam),
        "GET /checkins (client list)": lambda: web.get("/checkins", headers=sam),
        "POST /api/v1/checkins": lambda: web.post("/api/v1/checkins", json={"mood": 6, "feelings": ["calm"],
                                                                             "note": "benchmark"}, headers=sam),
        "GET /caseload (therapist)": lambda: web.get("/caseload", headers=maya),
        "GET /clients/{id} (therapist)": lambda: web.get(f"/clients/{sam_id}", headers=maya),
        "GET /talk (client's conversations)": lambda: web.get("/talk", headers=sam),
        "GET /talk/{id} (300 turns, last 60)": lambda: web.get(f"/talk/{long_id}", headers=sam),
        "POST /talk/{id} → page (≤10 turns)": talk_short,
        "POST /talk/{id} → page (300 turns)": talk_long,
    }
    print(f"holdspace request latency, {args.rounds} rounds each, "
          f"{'PostgreSQL' if args.database_url else 'SQLite (WAL, synchronous=FULL)'}")
    print(f"{'request':38} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, call in cases.items():
        call()  # warm up
        (after.get(name) or (lambda: None))()
        timings = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            response = call()
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code in (200, 201), (name, response.status_code)
            (after.get(name) or (lambda: None))()
        print(f"{name:38} {statistics.median(timings):8.1f} {percentile(timings, 95):8.1f} {max(timings):8.1f}")
    app.state.engine.dispose()


if __name__ == "__main__":
    main()
