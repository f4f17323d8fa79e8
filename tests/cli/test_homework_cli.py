"""`holdspace homework`: the client's list in the home page's words; a therapist suggests and follows,
through the same access policy and audit as the web page."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from holdspace import clock
from holdspace.homework import assignments
from holdspace.homework.assignments import Homework
from holdspace.mindfulness import log
from holdspace.privacy import audit, consent, second_factor

from ..conftest import TOTP_SECRET

PASSWORD = "correct horse battery\n"
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
ALICE = ("--email", "alice@example.org", "--password-stdin")


NOW = {"at": MONDAY}


@pytest.fixture(autouse=True)
def monday(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("HOLDSPACE_TIME_ZONE", "UTC")
    NOW["at"] = MONDAY
    monkeypatch.setattr(clock, "now", lambda: NOW["at"])


def as_therapist(name: str = "carol") -> tuple[str, ...]:
    """A therapist's sign-in with a fresh code: each code works once, so the clock moves on a step."""
    NOW["at"] += timedelta(seconds=second_factor.STEP)
    code = second_factor.code_at(TOTP_SECRET, second_factor.current_step())
    return ("--email", f"{name}@example.org", "--code", code, "--password-stdin")


def count(db) -> int:
    db.rollback()
    return db.scalar(select(func.count(Homework.id)))


def test_a_suggestion_from_the_terminal_is_on_the_clients_list_in_the_home_pages_words(cli, personas, db):
    result = cli("homework", "suggest", "alice@example.org", "breathing:4-7-8", "--day", "mon", "--day", "thu",
                 "--note", "Before bed, if it helps.", *as_therapist(), input=PASSWORD)
    assert result.exit_code == 0, result.output
    assert "Suggested to Alice: Breathing with the pacer: 4-7-8, on Monday and Thursday." in result.output
    [hw] = assignments.of_client(db, personas.alice.id)
    assert (hw.kind, hw.detail, hw.days, hw.note) == ("breathing", "4-7-8", "1001000", "Before bed, if it helps.")

    mine = cli("homework", *ALICE, input=PASSWORD)
    assert mine.exit_code == 0, mine.output
    out = mine.output
    assert out.index("For today, whenever you're ready") < out.index("Breathing with the pacer: 4-7-8")
    assert "Suggested by Carol" in out and "“Before bed, if it helps.”" in out
    assert "In the terminal: holdspace breathe 4-7-8, then: holdspace practices log breathing MINUTES" in out
    assert "Walk for 20 minutes three times a week" in out and "A check-in on your goal, planned for today" in out
    assert "nobody keeps count of days you let pass" in out
    assert "For this week from Carol" in out and "On Monday and Thursday. Whenever you're ready." in out

    log.record_session(db, personas.alice, "breathing", 5, 3, 6, "4-7-8")
    db.commit()
    after = cli("homework", *ALICE, input=PASSWORD).output
    assert "Done today. Thank you for making the time. Next: Thursday 3 December." in after
    assert "Suggested by Carol" not in after  # no longer waiting today


def test_following_shows_done_only_where_the_client_shares_it_and_the_read_is_audited(cli, personas, db):
    assignments.assign(db, personas.carol, personas.alice.id, "grounding", "once", by="2026-12-04",
                       note="When the office gets loud.")
    log.record_session(db, personas.alice, "grounding", 3, 4, 7)
    db.commit()
    hidden = cli("homework", "follow", "alice@example.org", *as_therapist(), input=PASSWORD)
    assert hidden.exit_code == 0, hidden.output
    assert "5-4-3-2-1 grounding" in hidden.output and "Once, by Friday 4 December." in hidden.output
    assert "Your note: When the office gets loud." in hidden.output
    assert "Alice doesn't share exercises with you, so you won't see whether it was done." in hidden.output
    assert "Done once" not in hidden.output

    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    shown = cli("homework", "follow", "alice@example.org", *as_therapist(), input=PASSWORD)
    assert "Done once since 30 November; most recently Monday 30 November." in shown.output
    db.rollback()
    assert "exercises" in {e.detail for e in audit.events_about(db, personas.alice.id)
                           if e.actor_id == personas.carol.id}


def test_an_unrelated_therapist_can_neither_suggest_nor_follow(cli, personas, db):
    suggest = cli("homework", "suggest", "alice@example.org", "journal", "--by", "2026-12-04", *as_therapist("dave"),
                  input=PASSWORD)
    assert suggest.exit_code == 2 and "alice@example.org is not one of your clients here." in suggest.output
    follow = cli("homework", "follow", "alice@example.org", *as_therapist("dave"), input=PASSWORD)
    assert follow.exit_code == 2 and "not one of your clients" in follow.output
    assert count(db) == 0


def test_a_plan_that_cannot_be_used_is_one_kind_line_and_nothing_is_saved(cli, personas, db):
    cases = [(("journal",), "Say how often with one of"),
             (("journal", "--by", "2026-12-04", "--every", "3"), "Say how often with one of"),
             (("journal", "--day", "someday"), "'someday' isn't a day of the week here"),
             (("yoga", "--by", "2026-12-04"), "`holdspace homework practices` lists the keys"),
             (("journal", "--by", "2026-11-01"), "That day comes before the first day"),
             (("journal", "--every", "200"), "a number of days from 1 to 90"),
             (("journal", "--day", "mon", "--from", "2026-11-02"), "That day has already passed")]
    for args, message in cases:
        result = cli("homework", "suggest", "alice@example.org", *args, *as_therapist(), input=PASSWORD)
        assert result.exit_code in (1, 2) and message in result.output, (args, result.output)
        assert "Traceback" not in result.output
    assert count(db) == 0


def test_the_second_step_and_the_right_kind_of_account_are_asked_for(cli, personas):
    no_code = cli("homework", "follow", "alice@example.org", "--email", "carol@example.org", "--password-stdin",
                  input=PASSWORD)
    assert no_code.exit_code == 2 and "--code" in no_code.output
    client = cli("homework", "follow", "bob@example.org", *ALICE, input=PASSWORD)
    assert client.exit_code == 2 and "for therapists" in client.output
    therapist = cli("homework", "--email", "carol@example.org", "--password-stdin", input=PASSWORD)
    assert therapist.exit_code == 2 and "holdspace homework follow CLIENT" in therapist.output


def test_nothing_waiting_is_said_kindly(cli, personas, db, monkeypatch):
    NOW["at"] = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)  # a Tuesday
    result = cli("homework", *ALICE, input=PASSWORD)
    assert result.exit_code == 0 and "Nothing waiting for you today." in result.output


def test_a_client_puts_a_suggestion_aside_and_a_therapist_stops_another(cli, personas, db):
    breathing = assignments.assign(db, personas.carol, personas.alice.id, "breathing:4-6", "every", every_days=1)
    journal = assignments.assign(db, personas.carol, personas.alice.id, "journal", "once", by="2026-12-04")
    db.commit()
    listed = cli("homework", *ALICE, input=PASSWORD).output
    assert f"[{breathing.id}] Breathing with the pacer: In 4, out 6" in listed and "homework aside ID" in listed

    mine = cli("homework", "aside", str(breathing.id), *ALICE, input=PASSWORD)
    assert mine.exit_code == 0 and "Breathing with the pacer: In 4, out 6 is off your list." in mine.output
    again = cli("homework", "aside", str(breathing.id), *ALICE, input=PASSWORD)
    assert again.exit_code == 2 and f"There's no suggestion {breathing.id} on your list" in again.output

    not_theirs = cli("homework", "stop", "alice@example.org", str(journal.id), *as_therapist("dave"), input=PASSWORD)
    assert not_theirs.exit_code == 2 and "There's no suggestion" in not_theirs.output
    stopped = cli("homework", "stop", "alice@example.org", str(journal.id), *as_therapist(), input=PASSWORD)
    assert stopped.exit_code == 0, stopped.output
    assert "Stopped suggesting A journal entry; alice@example.org no longer sees it." in stopped.output

    db.rollback()
    assert assignments.for_client(db, personas.alice) == []
    followed = cli("homework", "follow", "alice@example.org", *as_therapist(), input=PASSWORD).output
    assert "No longer in Alice's list since 30 November." in followed
