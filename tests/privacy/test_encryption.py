"""Encryption at rest: what a thief with the database file (or its backups) can and can't read."""

import shutil
from dataclasses import replace

import pytest
from sqlalchemy import select, text, update

from holdspace.journey import mood
from holdspace.privacy import crypto, keys
from holdspace.privacy.crypto import CryptoError, KeyringError
from holdspace.store.tables import all_tables

CANARY = "canary-7f3a-my-brother-must-never-know"

# Every column is either sealed (encrypted) or plaintext metadata that reveals no one's words.
SEALED = {"checkins.note_sealed", "data_keys.wrapped", "second_factors.secret_sealed",
          "journal_entries.body_sealed", "conversation_messages.text_sealed",
          "conversation_messages.reply_sealed", "measure_administrations.answers_sealed",
          "selfcompassion_records.body_sealed", "resilience_items.body_sealed",
          "session_transcripts.title_sealed", "session_transcripts.body_sealed", "session_transcripts.report_sealed",
          "practice_attempts.response_sealed", "practice_attempts.feedback_sealed",
          "goals.text_sealed", "goals.why_sealed", "goals.wish_sealed",
          "goal_checkins.note_sealed", "goal_proposals.text_sealed", "goal_calendar_feeds.token_sealed",
          "safety_plans.body_sealed", "safety_alerts.words_sealed", "homework.note_sealed",
          "journal_entries.prompt_sealed", "art_pieces.words_sealed", "art_pieces.image_sealed",
          "art_pieces.thumb_sealed"}
PLAINTEXT_METADATA = {
    "users.id", "users.email", "users.display_name", "users.role", "users.password_hash", "users.created_at",
    "login_failures.id", "login_failures.email", "login_failures.at",
    "sessions.id", "sessions.user_id", "sessions.created_at", "sessions.last_seen_at",
    "invitations.id", "invitations.therapist_id", "invitations.code_hash", "invitations.label",
    "invitations.created_at", "invitations.expires_at", "invitations.used_at",
    "care_links.id", "care_links.client_id", "care_links.therapist_id", "care_links.created_at",
    "shares.link_id", "shares.category", "shares.created_at",
    "checkins.id", "checkins.owner_id", "checkins.mood", "checkins.feelings", "checkins.created_at",
    "data_keys.id", "data_keys.user_id", "data_keys.kek_id", "data_keys.created_at",
    "second_factors.user_id", "second_factors.confirmed_at", "second_factors.last_step",
    "recovery_codes.id", "recovery_codes.user_id", "recovery_codes.code_hash", "recovery_codes.used_at",
    "journal_entries.id", "journal_entries.owner_id", "journal_entries.created_at",
    "journal_entries.private", "journal_entries.salt",
    "conversations.id", "conversations.owner_id", "conversations.created_at", "conversations.updated_at",
    "conversations.message_count", "conversations.level",
    "conversation_messages.id", "conversation_messages.conversation_id", "conversation_messages.turn",
    "conversation_messages.created_at", "conversation_messages.level",
    "measure_administrations.id", "measure_administrations.owner_id", "measure_administrations.instrument",
    "measure_administrations.status", "measure_administrations.total", "measure_administrations.band",
    "measure_administrations.prorated", "measure_administrations.risk_level",
    "measure_administrations.created_at", "measure_administrations.completed_at",
    "measure_assignments.id", "measure_assignments.client_id", "measure_assignments.therapist_id",
    "measure_assignments.instrument", "measure_assignments.every_days", "measure_assignments.starts_on",
    "measure_assignments.created_at", "measure_assignments.ended_at",
    # practices: what kind, how long, 0-10 scores, a breathing pattern's label or one of our prompts'
    # keys, 1-5 ratings
    "practice_sessions.id", "practice_sessions.owner_id", "practice_sessions.kind", "practice_sessions.detail",
    "practice_sessions.seconds", "practice_sessions.before", "practice_sessions.after",
    "practice_sessions.created_at",
    "selfcompassion_records.id", "selfcompassion_records.owner_id", "selfcompassion_records.kind",
    "selfcompassion_records.created_at",
    "resilience_items.id", "resilience_items.owner_id", "resilience_items.kind", "resilience_items.created_at",
    "skill_ratings.id", "skill_ratings.item_id", "skill_ratings.rating", "skill_ratings.created_at",
    "session_transcripts.id", "session_transcripts.owner_id", "session_transcripts.created_at",
    "session_transcripts.utterances",
    # the practice statement's id in the bank, and the 0–100 score for the progress chart
    "practice_attempts.id", "practice_attempts.owner_id", "practice_attempts.created_at",
    "practice_attempts.statement", "practice_attempts.score",
    # goals: the plan (days, dates, reminder time, 0-10 confidence) and outcomes, never the words
    "goals.id", "goals.owner_id", "goals.created_at", "goals.updated_at", "goals.days", "goals.starts_on",
    "goals.ends_on", "goals.remind_at", "goals.confidence", "goals.status", "goals.completed_on",
    "goals.proposed_by_id",
    "goal_checkins.id", "goal_checkins.goal_id", "goal_checkins.owner_id", "goal_checkins.day",
    "goal_checkins.outcome", "goal_checkins.created_at",
    "goal_proposals.id", "goal_proposals.client_id", "goal_proposals.therapist_id", "goal_proposals.goal_id",
    "goal_proposals.days", "goal_proposals.ends_on", "goal_proposals.status", "goal_proposals.created_at",
    "goal_proposals.decided_at",
    "goal_calendar_feeds.client_id", "goal_calendar_feeds.token_hash", "goal_calendar_feeds.created_at",
    "care_links.alerts", "care_links.alert_words",
    "safety_plans.id", "safety_plans.owner_id", "safety_plans.created_at", "safety_plans.updated_at",
    "safety_plans.updated_by",
    # an alert's level, where (a place name like "checkin") and the therapist's page for it
    "safety_alerts.id", "safety_alerts.link_id", "safety_alerts.client_id", "safety_alerts.therapist_id",
    "safety_alerts.level", "safety_alerts.place", "safety_alerts.item_id", "safety_alerts.path",
    "safety_alerts.created_at", "safety_alerts.seen_at",
    # a suggested practice: which one from our list, its plan, and the suggesting therapist's display name
    "homework.id", "homework.client_id", "homework.therapist_id", "homework.from_name", "homework.kind",
    "homework.detail", "homework.repeat", "homework.days", "homework.every_days", "homework.starts_on",
    "homework.ends_on", "homework.created_at", "homework.ended_at",
    # a picture's kind (png, jpeg, webp), its size in pixels and bytes, so the gallery can lay itself out
    "art_pieces.id", "art_pieces.owner_id", "art_pieces.created_at", "art_pieces.kind", "art_pieces.width",
    "art_pieces.height", "art_pieces.size",
    # who did what to whose data: ids, kinds and hashes, never what anyone wrote
    "audit_events.seq", "audit_events.at", "audit_events.actor_id", "audit_events.action",
    "audit_events.subject_id", "audit_events.detail", "audit_events.prev_hash", "audit_events.hash",
}


def test_every_column_is_classified_as_sealed_or_plaintext_metadata():
    columns = {f"{t.name}.{c.name}" for t in all_tables().sorted_tables for c in t.columns}
    unclassified = columns - SEALED - PLAINTEXT_METADATA
    assert not unclassified, f"decide whether these hold someone's words: {sorted(unclassified)}"
    assert not (SEALED | PLAINTEXT_METADATA) - columns, "the classification names columns that are gone"


def test_a_note_is_stored_sealed_and_read_back_whole(db, personas):
    saved = mood.record_checkin(db, personas.alice, 4, ["sad"], CANARY)
    db.commit()
    raw = db.execute(text("SELECT note_sealed FROM checkins WHERE id = :i"), {"i": saved.id}).scalar()
    assert CANARY.encode() not in bytes(raw)
    assert crypto.key_id_of(bytes(raw)) == keys.data_key(db, personas.alice.id)[0]
    assert mood.list_checkins(db, personas.alice.id)[0].note == CANARY


def test_a_sealed_note_moved_to_another_row_or_person_does_not_open(db, personas):
    first = mood.record_checkin(db, personas.alice, 4, [], "first note")
    second = mood.record_checkin(db, personas.alice, 5, [], "second note")
    bobs = mood.record_checkin(db, personas.bob, 5, [], "bob's note")
    db.commit()
    db.execute(update(mood.CheckIn).where(mood.CheckIn.id == second.id).values(note_sealed=first.note_sealed))
    with pytest.raises(CryptoError):
        mood.list_checkins(db, personas.alice.id)
    db.rollback()
    db.execute(update(mood.CheckIn).where(mood.CheckIn.id == bobs.id).values(note_sealed=first.note_sealed))
    with pytest.raises(CryptoError):
        mood.list_checkins(db, personas.bob.id)


@pytest.mark.parametrize("position", [0, 5, 25, -1])
def test_flipping_one_bit_anywhere_is_rejected(db, personas, position):
    saved = mood.record_checkin(db, personas.alice, 4, [], "a private thought")
    db.commit()
    tampered = bytearray(saved.note_sealed)
    tampered[position] ^= 0x01
    db.execute(update(mood.CheckIn).where(mood.CheckIn.id == saved.id).values(note_sealed=bytes(tampered)))
    with pytest.raises((CryptoError, KeyringError)):
        mood.list_checkins(db, personas.alice.id)


def test_a_copy_of_the_data_dir_alone_decrypts_nothing(app, db, personas, settings, tmp_path):
    if not settings.is_sqlite:
        pytest.skip("the data dir holds the database only on SQLite")
    mood.record_checkin(db, personas.alice, 4, ["sad"], CANARY)
    db.commit()
    app.state.engine.dispose()
    stolen = tmp_path / "stolen"
    shutil.copytree(settings.data_dir, stolen)
    everything = b"".join(p.read_bytes() for p in stolen.rglob("*") if p.is_file())
    assert CANARY.encode() not in everything

    from holdspace.database import open_database

    thief = replace(settings, data_dir=stolen, database_url=f"sqlite:///{stolen / 'holdspace.sqlite3'}",
                    key_file=tmp_path / "thief" / "guessed.key")
    with pytest.raises(KeyringError, match="missing"):
        open_database(thief)  # no key file: holdspace refuses rather than make a new key

    keys.write_keyring(thief.key_file, crypto.new_keyring())  # a key, just not the right one
    opened = open_database(thief)
    with opened.sessionmaker() as session, pytest.raises((CryptoError, KeyringError)):
        mood.list_checkins(session, personas.alice.id)
    opened.dispose()


def test_a_key_file_inside_the_data_dir_is_refused(settings):
    from holdspace.database import open_database

    with pytest.raises(KeyringError, match="inside the data folder"):
        open_database(replace(settings, key_file=settings.data_dir / "holdspace.key"))


def test_a_damaged_key_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "bad.key"
    path.write_text("not a key\n")
    with pytest.raises(KeyringError, match="Line 1 of the key file"):
        keys.read_keyring(path)


def test_the_key_file_is_readable_by_its_owner_only(app, settings):
    assert settings.key_file.stat().st_mode & 0o077 == 0


def test_rotation_rewraps_data_keys_and_leaves_the_data_alone(cli, db, personas, settings):
    saved = mood.record_checkin(db, personas.alice, 4, [], "still here after rotation")
    db.commit()
    before_note = bytes(saved.note_sealed)
    old_id = keys.read_keyring(settings.key_file).current_id
    result = cli("keys", "rotate")
    assert result.exit_code == 0, result.output
    keyring = keys.read_keyring(settings.key_file)
    assert keyring.current_id != old_id and len(keyring.keys) == 1
    db.expire_all()
    assert set(db.scalars(select(keys.DataKey.kek_id))) == {keyring.current_id}
    raw = db.execute(text("SELECT note_sealed FROM checkins WHERE id = :i"), {"i": saved.id}).scalar()
    assert bytes(raw) == before_note  # data untouched: only the wrapping changed
    db.info["keyring"] = keyring
    assert mood.list_checkins(db, personas.alice.id)[0].note == "still here after rotation"
