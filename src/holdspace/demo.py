"""Sample data for `holdspace demo`: a therapist, two clients, four weeks of check-ins, a journal, a talk."""

from __future__ import annotations

import random
import tomllib
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

from sqlalchemy.orm import Session

from holdspace import clock
from holdspace.creativity import journal
from holdspace.goals import checkins as goal_checkins
from holdspace.goals.goal import GoalFields, create_goal
from holdspace.goals.proposals import propose
from holdspace.homework import assignments
from holdspace.mindfulness import log as practice_log
from holdspace.practice import records as practice_records
from holdspace.practice.report import analyse
from holdspace.practice.transcripts import parse
from holdspace.journey import measures, mood, questionnaires
from holdspace.listening import chat
from holdspace.privacy import accounts, consent
from holdspace.privacy.accounts import Role

DAYS = 28


@cache
def people() -> dict:
    return tomllib.loads(resources.files("holdspace").joinpath("demo.toml").read_text())


def _talk(db: Session, client, messages: list[str], start) -> None:
    """A conversation with the real listener: the replies are its own, not written here."""
    from holdspace.listening.listener import Listener

    listener, talk = Listener(), chat.start_chat(db, client, at=start)
    for number, text in enumerate(messages):
        chat.send(db, client, talk, text, listener, at=start + timedelta(minutes=2 * number + 1))


def _goal(db: Session, client, goal: dict, rng: random.Random, now) -> None:
    """A goal set some weeks ago, checked in on most of its days (the missed ones are simply missing)."""
    started = clock.day_of(now - timedelta(days=goal["started_days_ago"]), db)
    fields = GoalFields(text=goal["text"], days=goal["days"], ends_on=started + timedelta(days=goal["weeks"] * 7),
                        confidence=goal.get("confidence"), why=goal.get("why", ""), wish=goal.get("wish", ""))
    made = create_goal(db, client, fields, at=now - timedelta(days=goal["started_days_ago"]), starts_on=started)
    notes = list(goal.get("notes", []))
    for back in range(goal["started_days_ago"], 0, -1):
        day = clock.day_of(now - timedelta(days=back), db)
        if goal["days"][day.weekday()] != "1" or rng.random() < 0.25:
            continue
        outcome = rng.choices(["done", "partly", "not_this_time"], weights=[6, 3, 1])[0]
        note = notes.pop(0) if notes and rng.random() < 0.4 else ""
        goal_checkins.record_checkin(db, client, made, outcome, note, day=day,
                                     at=_waking_hours(db, now - timedelta(days=back), rng))


def _waking_hours(db: Session, on: datetime, rng: random.Random) -> datetime:
    """A moment between 8 am and 10 pm, where the practice is, on the day `on` falls on."""
    start = clock.midnight(clock.day_of(on, db), clock.zone(db))
    return start + timedelta(hours=rng.randint(8, 21), minutes=rng.randint(0, 59))


def seed(db: Session, *, seed_value: int = 7) -> None:
    """Fill an empty database with the demo practice described in demo.toml."""
    data = people()
    rng = random.Random(seed_value)
    therapist = accounts.create_user(db, email=data["therapist"]["email"], role=Role.THERAPIST,
                                     display_name=data["therapist"]["name"],
                                     password=data["therapist"]["password"])
    accounts.create_user(db, email=data["admin"]["email"], role=Role.ADMIN,
                         display_name=data["admin"]["name"], password=data["admin"]["password"])
    now = clock.now()
    for session in data["therapist"].get("transcript", []):
        report = analyse(parse(session["text"].strip())).as_dict()
        practice_records.save_transcript(db, therapist, session["title"], session["text"].strip(), report,
                                         at=_waking_hours(db, now - timedelta(days=2), rng))
    for person in data["client"]:
        client = accounts.create_user(db, email=person["email"], display_name=person["name"],
                                      password=person["password"])
        _, code = consent.create_invitation(db, therapist, person["name"])
        link = consent.accept_invitation(db, client, code, person["shares"])
        link.created_at = now - timedelta(days=DAYS + 2)  # they began together before the four weeks of check-ins
        notes = {"low": list(person["notes_low"]), "high": list(person["notes_high"])}
        for day in range(DAYS, -1, -1):
            at = _waking_hours(db, now - timedelta(days=day), rng)
            if rng.random() < 0.3 or at > now:
                continue  # people don't check in every day, and that's fine
            progress = (DAYS - day) / DAYS
            base = person["start_mood"] + (person["end_mood"] - person["start_mood"]) * progress
            value = max(0, min(10, round(base + rng.gauss(0, 1.1))))
            pool = "low" if value < 5 else "high"
            feelings = rng.sample(person[f"feelings_{pool}"], k=rng.randint(1, 2))
            note = notes[pool].pop(0) if notes[pool] and rng.random() < 0.45 else ""
            mood.record_checkin(db, client, value, feelings, note, at=at)
        for number, body in enumerate(person.get("journal", [])):
            journal.write_entry(db, client, body, at=_waking_hours(db, now - timedelta(days=20 - 7 * number), rng))
        if person.get("conversation"):
            _talk(db, client, person["conversation"], _waking_hours(db, now - timedelta(days=3), rng))
        for goal in person.get("goals", []):
            _goal(db, client, goal, rng, now)
        for proposal in person.get("proposals", []):
            propose(db, therapist, client, GoalFields(text=proposal["text"], days=proposal["days"], ends_on=None))
        for item in person.get("homework", []):
            suggested = assignments.assign(db, therapist, client.id, item["practice"], "days", days=item["days"],
                                           note=item["note"])
            suggested.starts_on = clock.day_of(now - timedelta(days=item["started_days_ago"]), db)
            suggested.created_at = now - timedelta(days=item["started_days_ago"])
            kind, _, detail = item["practice"].partition(":")
            for ago in item["done_days_ago"]:
                practice_log.record_session(db, client, kind, rng.choice([3, 5, 5, 8]), rng.randint(3, 6),
                                            rng.randint(5, 8), detail=detail, at=_waking_hours(db, now - timedelta(days=ago), rng))
        for key, totals in person.get("measures", {}).items():
            n = len(measures.instrument(key).items)
            for week, total in enumerate(totals):
                answers = {str(i): total // (n - 1) + (1 if i <= total % (n - 1) else 0) for i in range(1, n)}
                # whole weeks back from now, so the one two weeks ago falls inside a report's default fortnight
                # at any hour (two hours earlier, it fell before the fortnight between midnight and 2 a.m.)
                questionnaires.save(db, client, key, {**answers, str(n): 0},
                                    at=now - timedelta(days=7 * (len(totals) - 1 - week)))
    db.commit()
