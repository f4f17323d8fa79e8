"""Homework kept in the database: suggested, done by doing the practice, seen only where shared."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from holdspace import clock
from holdspace.creativity import journal
from holdspace.errors import InvalidInput, NotFound
from holdspace.homework import assignments
from holdspace.homework.due import due_now
from holdspace.journey import questionnaires
from holdspace.mindfulness import log
from holdspace.privacy import consent, deletion, export
from holdspace.privacy.audit import AuditEvent
from holdspace.selfcompassion import records

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def frozen(monkeypatch):
    """frozen(at) sets holdspace's clock; it starts on Monday 30 November 2026, 09:00 UTC."""
    now = {"at": MONDAY}
    monkeypatch.setattr(clock, "now", lambda: now["at"])

    def move(at: datetime) -> None:
        now["at"] = at
    return move


def _breathing_mon_thu(db, personas, note="Before bed, if it helps."):
    hw = assignments.assign(db, personas.carol, personas.alice.id, "breathing:4-7-8", "days", days="1001000",
                            note=note)
    db.commit()
    return hw


def test_the_note_is_sealed_with_the_clients_key(db, personas, frozen):
    _breathing_mon_thu(db, personas, note="canary-homework-note")
    raw = db.execute(text("SELECT note_sealed FROM homework")).scalar_one()
    assert b"canary-homework-note" not in raw
    assert assignments.of_client(db, personas.alice.id)[0].note == "canary-homework-note"


def test_doing_the_practice_is_what_marks_it_done(db, personas, frozen):
    _breathing_mon_thu(db, personas)
    [due] = [d for d in due_now(db, personas.alice) if d.what == "homework"]
    assert (due.title, due.href) == ("Breathing with the pacer: 4-7-8", "/practices/breathing?pattern=4-7-8&minutes=5")
    assert due.why == "Suggested by Carol" and due.note == "Before bed, if it helps."
    session = log.record_session(db, personas.alice, "breathing", 5, 3, 6, "4-7-8")
    db.commit()
    [status] = assignments.for_client(db, personas.alice)
    assert not status.is_due
    assert [(d.what, d.record_id) for d in status.done] == [("practice_log", session.id)]
    assert "homework" not in [d.what for d in due_now(db, personas.alice)]


def test_a_practice_of_another_kind_does_not_count(db, personas, frozen):
    _breathing_mon_thu(db, personas)
    log.record_session(db, personas.alice, "body-scan", 10)
    records.save_challenge(db, personas.alice, "I always fail.", "Sometimes I struggle.")
    db.commit()
    assert assignments.for_client(db, personas.alice)[0].is_due


def test_a_round_that_passes_without_practice_is_never_counted(db, personas, frozen):
    _breathing_mon_thu(db, personas)
    frozen(MONDAY + timedelta(days=1))  # Tuesday: Monday's round is still open, gently
    assert assignments.for_client(db, personas.alice)[0].is_due
    frozen(MONDAY + timedelta(days=3))  # Thursday: a new round; Monday's simply went by
    [status] = assignments.for_client(db, personas.alice)
    assert status.is_due and status.round.begins == date(2026, 12, 3)
    log.record_session(db, personas.alice, "breathing", 4)
    db.commit()
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    [followed] = assignments.for_therapist(db, personas.carol, personas.alice.id)
    assert followed.times_done == 1  # counted up from what was done; the Monday is nowhere
    assert not followed.status.is_due


def test_the_therapist_sees_done_only_when_the_client_shares_exercises(db, personas, frozen):
    _breathing_mon_thu(db, personas)
    log.record_session(db, personas.alice, "breathing", 5)
    db.commit()
    [hidden] = assignments.for_therapist(db, personas.carol, personas.alice.id)
    assert not hidden.status.visible and hidden.times_done == 0 and hidden.status.done == []
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    [seen] = assignments.for_therapist(db, personas.carol, personas.alice.id)
    db.commit()
    assert seen.status.visible and seen.times_done == 1
    reads = db.scalars(select(AuditEvent.detail).where(AuditEvent.actor_id == personas.carol.id,
                                                       AuditEvent.action == "read")).all()
    assert "exercises" in reads


def test_a_private_journal_entry_counts_for_the_client_but_is_never_revealed_to_the_therapist(db, personas, frozen):
    assignments.assign(db, personas.carol, personas.alice.id, "journal", "once", by="2026-12-04")
    consent.set_shares(db, personas.alice, personas.link_id, ["journal"])
    journal.write_entry(db, personas.alice, "just for me", private=True, passphrase="long enough pass",
                        confirm="long enough pass")
    db.commit()
    assert assignments.for_client(db, personas.alice)[0].done
    [followed] = assignments.for_therapist(db, personas.carol, personas.alice.id)
    assert followed.status.visible and followed.times_done == 0
    journal.write_entry(db, personas.alice, "one I share")
    db.commit()
    assert assignments.for_therapist(db, personas.carol, personas.alice.id)[0].times_done == 1


def test_a_done_one_off_stays_a_week_to_be_thanked_then_rests(db, personas, frozen):
    assignments.assign(db, personas.carol, personas.alice.id, "thought-record", "once", by="2026-12-04")
    records.save_thought_record(db, personas.alice, situation="At work.", thought="I'll fail.", feelings=[])
    db.commit()
    assert assignments.for_client(db, personas.alice)[0].done
    frozen(MONDAY + timedelta(days=9))
    assert assignments.for_client(db, personas.alice) == []


def test_a_one_off_past_its_day_waits_without_reproach(db, personas, frozen):
    assignments.assign(db, personas.carol, personas.alice.id, "grounding", "once", by="2026-12-01")
    db.commit()
    frozen(MONDAY + timedelta(days=20))
    [status] = assignments.for_client(db, personas.alice)
    assert status.is_due and not status.round.over


def test_only_a_linked_therapist_can_suggest_or_stop(db, personas, frozen):
    with pytest.raises(NotFound):
        assignments.assign(db, personas.dave, personas.alice.id, "journal", "once", by="2026-12-04")
    with pytest.raises(NotFound):
        assignments.assign(db, personas.carol, personas.bob.id, "journal", "once", by="2026-12-04")
    hw = _breathing_mon_thu(db, personas)
    with pytest.raises(NotFound):
        assignments.stop(db, personas.dave, hw.id)
    assignments.stop(db, personas.carol, hw.id)
    db.commit()
    assert assignments.for_client(db, personas.alice) == []


def test_a_bad_plan_saves_nothing(db, personas, frozen):
    with pytest.raises(InvalidInput) as caught:
        assignments.assign(db, personas.carol, personas.alice.id, "breathing:4-6", "days", days="0000000")
    assert "days" in caught.value.fields
    db.rollback()
    assert assignments.of_client(db, personas.alice.id) == []


def test_home_due_gathers_homework_goal_check_ins_and_questionnaires(frozen, db, personas):
    # the clock is frozen before the personas exist: alice's goal starts on that Monday, whatever today is
    _breathing_mon_thu(db, personas)
    questionnaires.assign(db, personas.carol, personas.alice.id, "gad7", 14)
    db.commit()
    found = {(d.what, d.title) for d in due_now(db, personas.alice)}
    # alice's goal is planned Monday, Wednesday and Friday; today is Monday.
    assert found == {("homework", "Breathing with the pacer: 4-7-8"),
                     ("goal", "Walk for 20 minutes three times a week"), ("questionnaire", "GAD-7")}


def test_deleting_the_client_removes_their_homework_and_a_therapist_leaving_keeps_it(db, personas, frozen):
    _breathing_mon_thu(db, personas)
    deletion.delete_account(db, personas.carol)
    db.commit()
    [kept] = assignments.of_client(db, personas.alice.id)
    assert kept.therapist_id is None and kept.from_name == "Carol" and kept.note == "Before bed, if it helps."
    deletion.delete_account(db, personas.alice)
    db.commit()
    assert db.execute(text("SELECT count(*) FROM homework")).scalar_one() == 0


def test_export_and_import_carry_homework_and_what_was_done(db, personas, frozen, app):
    _breathing_mon_thu(db, personas)
    log.record_session(db, personas.alice, "breathing", 5)
    db.commit()
    data = export.export_data(db, personas.alice)
    [row] = data["homework"]
    assert (row["practice"], row["from"], row["note"], row["days"]) == ("breathing:4-7-8", "Carol",
                                                                         "Before bed, if it helps.", "1001000")
    deletion.delete_account(db, personas.alice)
    db.commit()
    export._check(data)
    restored = export.import_data(db, data)
    db.commit()
    [status] = assignments.for_client(db, restored)
    assert status.homework.from_name == "Carol" and status.homework.note == "Before bed, if it helps."
    assert status.done and not status.is_due


def test_a_damaged_homework_row_stops_the_import_by_name(db, personas, frozen):
    data = export.export_data(db, personas.alice)
    data["homework"] = [{"practice": "knitting", "repeat": "once", "starts_on": "2026-11-30",
                         "ends_on": "2026-12-04", "created_at": MONDAY.isoformat()}]
    with pytest.raises(InvalidInput) as caught:
        export._check(data)
    assert "suggested practice 1" in caught.value.message
