"""The letter to yourself as to a friend: one step per page, a draft kept at every step, private
unless shared, risk-checked, in the export and gone with the account."""

import re
from dataclasses import replace

from sqlalchemy import func, select, text

from holdspace.database import open_database
from holdspace.privacy import consent, export
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert
from holdspace.selfcompassion import letter, records

LAST = len(letter.steps())


def _letter_box(html: str) -> str:
    found = re.search(r'<textarea id="f-text"[^>]*>(.*?)</textarea>', html, re.S)
    assert found, "no text box on the page"
    return found.group(1)


def _write_through(client, happened="I snapped at my sister and I keep calling myself a terrible person."):
    """Step 1 to the letter step through the pages; returns the draft's id."""
    first = client.submit("/practices/letters", {"text": happened, "action": "next"}, page="/practices/letters/new")
    assert first.status_code == 303, first.text
    letter_id = int(re.search(r"/practices/letters/(\d+)/steps/2$", first.headers["location"]).group(1))
    for number, words in ((2, "Sam, who has known me since school."), (3, "That I was exhausted and scared for her."),
                          (4, "Everyone loses their temper with people they love."), (5, "That I rest, and say sorry.")):
        moved = client.submit(f"/practices/letters/{letter_id}/steps/{number}", {"text": words, "action": "next"})
        assert moved.headers["location"] == f"/practices/letters/{letter_id}/steps/{number + 1}"
    return letter_id


def test_the_steps_are_our_own_and_end_with_the_letter_itself():
    keys = [s.key for s in letter.steps()]
    assert keys == ["happened", "friend", "notice", "human", "hope", "letter"]
    assert all(s.prompt and s.label and s.hint for s in letter.steps())
    assert "part of being" in letter.step(4).prompt and letter.read_back()["text"]


def test_a_client_walks_the_steps_and_the_draft_keeps_each_one_sealed(personas, sign_in, db):
    alice = sign_in(personas.alice)
    page = alice.get("/practices/letters/new").text
    assert "Step 1 of 6" in page and _letter_box(page) == ""
    letter_id = _write_through(alice)
    raw = db.execute(text("SELECT body_sealed FROM selfcompassion_records WHERE id = :i"), {"i": letter_id}).scalar()
    assert b"terrible person" not in bytes(raw)
    last = alice.get(f"/practices/letters/{letter_id}/steps/{LAST}").text
    # the notes of the earlier steps are there to draw on; the letter box is empty for their own words
    assert "Everyone loses their temper with people they love." in last and _letter_box(last) == ""
    back = alice.get(f"/practices/letters/{letter_id}/steps/3").text
    assert _letter_box(back) == "That I was exhausted and scared for her."
    [draft] = records.records(db, personas.alice.id, "letter")
    assert draft.body["finished"] is False and draft.body["hope"] == "That I rest, and say sorry."


def test_finishing_without_a_letter_keeps_the_draft_and_says_so_kindly(personas, sign_in, db):
    alice = sign_in(personas.alice)
    letter_id = _write_through(alice)
    page = alice.submit(f"/practices/letters/{letter_id}/steps/{LAST}", {"text": "  ", "action": "finish"})
    assert page.status_code == 400 and "The letter is still empty" in page.text
    [draft] = records.records(db, personas.alice.id, "letter")
    assert draft.body["finished"] is False and draft.body["friend"] == "Sam, who has known me since school."


def test_a_letter_over_the_limit_is_kept_whole_in_the_draft_with_a_kind_message(personas, sign_in, db):
    alice = sign_in(personas.alice)
    letter_id = _write_through(alice)
    long_letter = "Dear me, " + "you did your best. " * 1200
    page = alice.submit(f"/practices/letters/{letter_id}/steps/{LAST}", {"text": long_letter, "action": "finish"})
    assert page.status_code == 400
    assert f"can hold up to {letter.LETTER_LIMIT:,} characters" in page.text and "nothing is lost" in page.text
    assert _letter_box(page.text).startswith("Dear me, you did your best.")
    [draft] = records.records(db, personas.alice.id, "letter")
    assert draft.body["letter"] == long_letter.strip() and draft.body["finished"] is False


def test_leaving_half_way_keeps_the_draft_and_the_list_offers_to_carry_on(personas, sign_in):
    alice = sign_in(personas.alice)
    first = alice.submit("/practices/letters", {"text": "I failed the exam.", "action": "later"},
                         page="/practices/letters/new")
    assert first.headers["location"] == "/practices/letters?done=letter-draft"
    listed = alice.get("/practices/letters").text
    assert "Carry on the letter begun" in listed and "I failed the exam." in listed
    letter_id = int(re.search(r"/practices/letters/(\d+)/steps/2", listed).group(1))
    assert alice.get(f"/practices/letters/{letter_id}", follow_redirects=False).headers["location"] == \
        f"/practices/letters/{letter_id}/steps/2"


def test_a_finished_letter_is_read_back_private_by_default_and_can_be_shared(personas, sign_in, db):
    alice, carol = sign_in(personas.alice), sign_in(personas.carol)
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    letter_id = _write_through(alice)
    done = alice.submit(f"/practices/letters/{letter_id}/steps/{LAST}",
                        {"text": "Dear Alice,\nYou were tired, not terrible.", "action": "finish"})
    assert done.headers["location"] == f"/practices/letters/{letter_id}?done=letter"
    page = alice.get(done.headers["location"]).text
    assert "You were tired, not terrible." in page and "Read your letter slowly" in page and "Private:" in page
    assert "tired, not terrible" not in carol.get(f"/clients/{personas.alice.id}/practices").text
    assert all(r["kind"] != "letter" for r in carol.get(f"/api/v1/clients/{personas.alice.id}/practices").json()["records"])
    assert all(r["kind"] != "letter" for r in export.shared_record(db, personas.carol, personas.alice,
                                                                   ["exercises"])["selfcompassion"])
    db.commit()
    shared = alice.submit(f"/practices/letters/{letter_id}/sharing", {"shared": "yes"})
    assert shared.headers["location"] == f"/practices/letters/{letter_id}?done=letter-shared"
    assert "tired, not terrible" in carol.get(f"/clients/{personas.alice.id}/practices").text
    consent.set_shares(db, personas.alice, personas.link_id, ["mood"])
    db.commit()
    assert carol.get(f"/clients/{personas.alice.id}/practices").status_code == 404


def test_an_unrelated_therapist_or_client_never_reaches_a_letter(personas, sign_in, db):
    saved = records.start_letter(db, personas.alice, {"happened": "A hard week."}).record
    records.save_letter(db, personas.alice, saved.id, {"letter": "Dear me."}, finish=True, shared=True)
    db.commit()
    for who in (personas.bob,):
        assert sign_in(who).get(f"/practices/letters/{saved.id}").status_code == 404
        assert sign_in(who).get(f"/practices/letters/{saved.id}/steps/1").status_code == 404
    assert sign_in(personas.dave).get(f"/clients/{personas.alice.id}/practices").status_code == 404


def test_what_is_written_at_a_step_is_risk_checked_kept_and_alerts_without_private_words(personas, sign_in, db):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    db.commit()
    alice = sign_in(personas.alice)
    page = alice.submit("/practices/letters", {"text": "I have pills saved up to kill myself tonight.",
                                               "action": "next"}, page="/practices/letters/new")
    assert "Before you go on" in page.text and "What you wrote is kept in your draft." in page.text
    [draft] = records.records(db, personas.alice.id, "letter")
    assert "pills" in draft.body["happened"]
    [alert] = db.scalars(select(Alert).where(Alert.client_id == personas.alice.id)).all()
    assert alert.level == "urgent" and alert.place == "exercise" and alert.words_sealed is None


def test_the_api_keeps_a_draft_finishes_it_and_lists_it(personas, sign_in, api_token, db):
    alice = sign_in(personas.alice)
    alice.cookies.clear()
    headers = api_token(personas.alice)
    made = alice.post("/api/v1/letters", json={"happened": "I missed the deadline."}, headers=headers)
    assert made.status_code == 201 and made.json()["finished"] is False and made.json()["shared"] is False
    letter_id = made.json()["id"]
    early = alice.patch(f"/api/v1/letters/{letter_id}", json={"finish": True}, headers=headers).json()
    assert early["finished"] is False and "still empty" in early["problems"]["letter"]
    done = alice.patch(f"/api/v1/letters/{letter_id}", json={"letter": "Dear me, deadlines slip.", "finish": True},
                       headers=headers).json()
    assert done["finished"] is True and done["body"]["happened"] == "I missed the deadline."
    assert [r["id"] for r in alice.get("/api/v1/letters", headers=headers).json()] == [letter_id]
    risky = alice.patch(f"/api/v1/letters/{letter_id}", json={"hope": "I want to kill myself tonight."},
                        headers=headers).json()
    assert risky["level"] == "urgent" and risky["crisis_response"]
    assert alice.delete(f"/api/v1/letters/{letter_id}", headers=headers).status_code == 204
    assert records.records(db, personas.alice.id, "letter") == []


def test_letters_and_drafts_travel_in_the_export_and_go_with_the_account(db, personas, settings, tmp_path):
    from holdspace.privacy.deletion import delete_account

    draft = records.start_letter(db, personas.alice, {"happened": "Work was awful."}).record
    done = records.start_letter(db, personas.alice, {"friend": "Gran"}).record
    records.save_letter(db, personas.alice, done.id, {"letter": "Dear me,\nYou are doing fine."}, finish=True,
                        shared=True)
    db.commit()
    first = export.export_data(db, personas.alice)
    letters = [r for r in first["selfcompassion"] if r["kind"] == "letter"]
    assert [(r["finished"], r["shared"]) for r in letters] == [(False, False), (True, True)]
    archive = export.export_archive(db, personas.alice)
    other = open_database(replace(settings, data_dir=tmp_path / "other", key_file=tmp_path / "other.key",
                                  database_url=f"sqlite:///{tmp_path / 'other' / 'h.sqlite3'}"))
    with other.sessionmaker() as odb:
        restored = export.import_data(odb, export.read_archive(archive))
        odb.commit()
        again = export.export_data(odb, restored)
    other.dispose()
    assert again["selfcompassion"] == first["selfcompassion"]
    alice_id = personas.alice.id
    delete_account(db, personas.alice)
    db.commit()
    table = records.SelfCompassionRecord
    assert db.scalar(select(func.count()).select_from(table).where(table.owner_id == alice_id)) == 0
    assert draft.id and done.id


def test_a_finished_letter_emptied_while_changing_it_becomes_a_draft_again(db, personas):
    saved = records.start_letter(db, personas.alice, {"letter": "Dear me, well done."}).record
    assert records.save_letter(db, personas.alice, saved.id, {}, finish=True).record.body["finished"] is True
    again = records.save_letter(db, personas.alice, saved.id, {"letter": ""})
    assert again.record.body["finished"] is False and again.problems == {}
    assert records.shared_records(db, personas.alice.id, "letter") == []


def test_a_shared_letter_alerts_with_its_words_only_once_finished(db, personas):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    saved = records.start_letter(db, personas.alice, {"letter": "I want to die."}).record
    [alert] = db.scalars(select(Alert).where(Alert.client_id == personas.alice.id)).all()
    assert alert.words_sealed is None  # a draft: private
    records.save_letter(db, personas.alice, saved.id, {"letter": "I want to die. I have a plan for tonight."},
                        finish=True, shared=True)
    db.flush()
    db.refresh(alert)
    assert alert.words_sealed is not None
