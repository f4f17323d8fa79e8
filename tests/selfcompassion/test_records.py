"""Challenged thoughts and thought records: sealed, risk-checked, the client's own words kept."""

import html
import re
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from holdspace.database import open_database
from holdspace.errors import InvalidInput
from holdspace.mindfulness import log
from holdspace.privacy import consent, export
from holdspace.selfcompassion import records


def test_a_challenged_thought_is_sealed_at_rest_and_read_back(db, personas):
    saved = records.save_challenge(db, personas.alice, "I always ruin everything.", "I got one thing wrong today.",
                                   ["overgeneralising", "not-a-trap"])
    db.commit()
    raw = db.execute(text("SELECT body_sealed FROM selfcompassion_records WHERE id = :i"), {"i": saved.id}).scalar()
    assert b"ruin everything" not in bytes(raw)
    [opened] = records.records(db, personas.alice.id, "challenge")
    assert opened.body == {"thought": "I always ruin everything.", "kinder": "I got one thing wrong today.",
                           "traps": ["overgeneralising"]}


def test_every_field_of_a_thought_record_is_checked_for_risk(db, personas):
    saved = records.save_thought_record(db, personas.alice, situation="Alone at home after the call.",
                                        thought="Nobody would notice.", feelings=[],
                                        evidence_for="I have pills saved up to kill myself tonight.")
    assert saved.assessment.level == "urgent"


def test_a_thought_record_with_a_bad_intensity_says_so_and_needs_its_two_boxes(db, personas):
    with pytest.raises(InvalidInput) as caught:
        records.save_thought_record(db, personas.alice, situation="", thought="",
                                    feelings=[{"name": "scared", "before": "140", "after": ""}])
    assert set(caught.value.fields) == {"situation", "thought", "feelings"}


def test_the_challenger_names_traps_with_words_and_questions_and_leaves_the_rewrite_to_the_client(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/practices/challenger/look", {"thought": "I always mess things up. I'm such an idiot."},
                        page="/practices/challenger")
    assert page.status_code == 200
    assert "Overgeneralising" in page.text and "Labelling" in page.text
    assert "“I always mess things up”" in page.text and "“I&#39;m such an idiot”" in page.text
    assert "Can you remember a time, even one, when it went differently?" in page.text
    kinder_box = re.search(r'<textarea id="f-kinder"[^>]*>(.*?)</textarea>', page.text, re.S)
    assert kinder_box and kinder_box.group(1) == ""  # never rewritten for them


def test_saving_without_kinder_words_comes_back_with_the_thought_kept(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/practices/challenger", {"thought": "I'm a failure.", "kinder": " "},
                        page="/practices/challenger")
    assert page.status_code == 400
    assert "Your kinder version is still empty" in page.text
    assert 'name="thought" value="I&#39;m a failure."' in page.text


def test_a_saved_challenge_appears_in_the_list_and_opens(personas, sign_in, db):
    alice = sign_in(personas.alice)
    done = alice.submit("/practices/challenger", {"thought": "I'm a failure.", "kinder": "I'm learning.",
                                                  "traps": ["labelling"]}, page="/practices/challenger")
    assert done.status_code == 303 and done.headers["location"] == "/practices/challenger?done=challenge"
    [saved] = records.records(db, personas.alice.id, "challenge")
    page = alice.get(f"/practices/challenger/{saved.id}").text
    assert "I&#39;m learning." in page and "Traps it showed: Labelling." in page
    assert sign_in(personas.bob).get(f"/practices/challenger/{saved.id}").status_code == 404


def test_a_thought_at_risk_gets_the_crisis_response_before_any_analysis(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/practices/challenger/look", {"thought": "I'm going to kill myself tonight."},
                        page="/practices/challenger")
    assert "Before you go on" in page.text and "Nothing has been saved." in page.text


def test_a_thought_record_form_with_mistakes_comes_back_filled_in(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/practices/thought-records", {"situation": "At the bus stop.", "thought": "",
                                                       "feeling": ["worried"], "before": ["300"], "after": [""]},
                        page="/practices/thought-records/new")
    assert page.status_code == 400
    assert "The thought is still empty" in page.text and "a number from 0 to 100" in page.text
    assert "At the bus stop." in page.text and 'value="worried"' in page.text and 'value="300"' in page.text


def test_a_bad_strength_names_the_feeling_and_whether_before_or_after(personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/practices/thought-records", {"situation": "At the bus stop.", "thought": "They'll laugh.",
                                                       "feeling": ["worried", "ashamed"], "before": ["80", "lots"],
                                                       "after": ["150", "20"]},
                        page="/practices/thought-records/new")
    assert page.status_code == 400
    text = html.unescape(page.text)
    assert "please look again at worried (after), ashamed (before)." in text
    # The letters stay where they were typed, in a field that takes them.
    assert 'value="lots"' in page.text and 'type="number"' not in page.text


def test_a_thought_record_is_saved_and_shown_with_its_feelings(personas, sign_in, db):
    alice = sign_in(personas.alice)
    done = alice.submit("/practices/thought-records", {
        "situation": "At the bus stop.", "thought": "Everyone is staring at me.", "feeling": ["worried", ""],
        "before": ["80", ""], "after": ["40", ""], "evidence_against": "Most people were on their phones.",
        "balanced": "People are busy with their own day."}, page="/practices/thought-records/new")
    assert done.status_code == 303
    [saved] = records.records(db, personas.alice.id, "thought_record")
    assert saved.body["feelings"] == [{"name": "worried", "before": 80, "after": 40}]
    page = alice.get(f"/practices/thought-records/{saved.id}").text
    assert "Most people were on their phones." in page and "People are busy with their own day." in page


def test_the_therapist_sees_practices_only_while_exercises_are_shared(db, personas, sign_in):
    records.save_challenge(db, personas.alice, "I'm hopeless.", "I'm having a hard week.")
    log.record_session(db, personas.alice, "breathing", 5, 3, 6, "4-6")
    db.commit()
    carol, dave = sign_in(personas.carol), sign_in(personas.dave)
    assert carol.get(f"/clients/{personas.alice.id}/practices").status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    page = carol.get(f"/clients/{personas.alice.id}/practices")
    assert page.status_code == 200 and "I&#39;m having a hard week." in page.text and "Breathing (In 4, out 6)" in page.text
    assert f'href="/clients/{personas.alice.id}/practices"' in carol.get(f"/clients/{personas.alice.id}").text
    api = carol.get(f"/api/v1/clients/{personas.alice.id}/practices").json()
    assert api["sessions"][0]["minutes"] == 5 and api["records"][0]["body"]["kinder"] == "I'm having a hard week."
    assert dave.get(f"/clients/{personas.alice.id}/practices").status_code == 404
    assert dave.get(f"/api/v1/clients/{personas.alice.id}/practices").status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["mood"])
    db.commit()
    assert carol.get(f"/clients/{personas.alice.id}/practices").status_code == 404


def test_practices_travel_in_the_export_and_come_back_on_import(db, personas, settings, tmp_path):
    records.save_challenge(db, personas.alice, "I'm hopeless.", "I'm having a hard week.", ["labelling"])
    records.save_thought_record(db, personas.alice, situation="Work.", thought="I'll be fired.",
                                feelings=[{"name": "afraid", "before": 70, "after": None}], balanced="Maybe not.")
    log.record_session(db, personas.alice, "body-scan", 7.5, None, 8)
    db.commit()
    first = export.export_data(db, personas.alice)
    assert [r["kind"] for r in first["selfcompassion"]] == ["challenge", "thought_record"]
    assert first["practice_log"][0] | {"created_at": ""} == {"kind": "body-scan", "detail": "", "minutes": 7.5,
                                                             "before": None, "after": 8, "created_at": ""}
    archive = export.export_archive(db, personas.alice)
    other = open_database(replace(settings, data_dir=tmp_path / "other", key_file=tmp_path / "other.key",
                                  database_url=f"sqlite:///{tmp_path / 'other' / 'h.sqlite3'}"))
    with other.sessionmaker() as odb:
        restored = export.import_data(odb, export.read_archive(archive))
        odb.commit()
        again = export.export_data(odb, restored)
    other.dispose()
    assert again["selfcompassion"] == first["selfcompassion"] and again["practice_log"] == first["practice_log"]


def test_deleting_the_account_takes_practices_with_it(db, personas):
    from holdspace.privacy.deletion import delete_account

    records.save_challenge(db, personas.alice, "I'm hopeless.", "I'm having a hard week.")
    log.record_session(db, personas.alice, "grounding", 4)
    db.commit()
    alice_id = personas.alice.id
    delete_account(db, personas.alice)
    db.commit()
    for table in (records.SelfCompassionRecord, log.PracticeSession):
        assert db.scalar(select(func.count()).select_from(table).where(table.owner_id == alice_id)) == 0
