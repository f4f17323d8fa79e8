"""The journal: sealed entries, private ones only the writer's passphrase opens."""

import pytest
from sqlalchemy import text

from holdspace.creativity import journal
from holdspace.errors import InvalidInput
from holdspace.privacy import consent, export


def test_an_entry_is_stored_sealed_and_read_back(db, personas):
    entry = journal.write_entry(db, personas.alice, "Today the sea was grey and so was I.")
    db.commit()
    raw = db.execute(text("SELECT body_sealed FROM journal_entries WHERE id = :i"), {"i": entry.id}).scalar()
    assert b"sea was grey" not in bytes(raw)
    assert journal.entries(db, personas.alice.id)[0].body == "Today the sea was grey and so was I."


def test_a_private_entry_opens_only_with_its_passphrase(db, personas):
    entry = journal.write_entry(db, personas.alice, "something only I may read", private=True,
                                passphrase="blue heron at dawn", confirm="blue heron at dawn")
    db.commit()
    listed = journal.entries(db, personas.alice.id)[0]
    assert listed.private and listed.body == ""
    with pytest.raises(InvalidInput, match="doesn't open"):
        journal.own_entry(db, personas.alice, entry.id, "blue heron at dusk")
    assert journal.own_entry(db, personas.alice, entry.id, "blue heron at dawn").body == "something only I may read"


def test_a_private_entry_needs_a_passphrase_typed_twice_alike(db, personas):
    with pytest.raises(InvalidInput) as caught:
        journal.write_entry(db, personas.alice, "x", private=True, passphrase="short", confirm="short")
    assert "passphrase" in caught.value.fields
    with pytest.raises(InvalidInput) as caught:
        journal.write_entry(db, personas.alice, "x", private=True, passphrase="long enough one",
                            confirm="long enough two")
    assert "confirm" in caught.value.fields


def test_the_therapist_sees_shared_entries_but_never_private_ones(db, personas, sign_in):
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "journal"])
    journal.write_entry(db, personas.alice, "an entry for carol to read")
    journal.write_entry(db, personas.alice, "a private one", private=True, passphrase="my own words",
                        confirm="my own words")
    db.commit()
    carol = sign_in(personas.carol)
    page = carol.get(f"/clients/{personas.alice.id}").text
    assert "an entry for carol to read" in page and "a private one" not in page
    api = carol.get(f"/api/v1/clients/{personas.alice.id}/journal").json()
    assert [e["body"] for e in api] == ["an entry for carol to read"]
    consent.set_shares(db, personas.alice, personas.link_id, ["mood"])
    db.commit()
    assert "an entry for carol to read" not in carol.get(f"/clients/{personas.alice.id}").text
    assert carol.get(f"/api/v1/clients/{personas.alice.id}/journal").status_code == 404


def test_writing_and_unlocking_in_the_browser_flow(personas, sign_in):
    alice = sign_in(personas.alice)
    short = alice.submit("/journal", {"body": "keep me", "private": "yes", "passphrase": "abc",
                                      "confirm": "abc"}, page="/journal/new")
    assert short.status_code == 400 and "keep me" in short.text
    saved = alice.submit("/journal", {"body": "a locked thought", "private": "yes",
                                      "passphrase": "quiet forest path", "confirm": "quiet forest path"},
                         page="/journal/new")
    assert saved.status_code == 303
    listing = alice.get("/journal").text
    assert "Private entry" in listing and "a locked thought" not in listing
    import re

    entry_id = max(int(n) for n in re.findall(r'href="/journal/(\d+)"', listing))
    wrong = alice.submit(f"/journal/{entry_id}/unlock", {"passphrase": "loud forest path"}, page="/journal")
    assert wrong.status_code == 400 and "a locked thought" not in wrong.text
    right = alice.submit(f"/journal/{entry_id}/unlock", {"passphrase": "quiet forest path"}, page="/journal")
    assert "a locked thought" in right.text


def test_private_entries_travel_in_an_export_still_locked(db, personas, tmp_path, settings):
    from dataclasses import replace

    from holdspace.database import open_database

    journal.write_entry(db, personas.alice, "open words")
    journal.write_entry(db, personas.alice, "sealed words", private=True, passphrase="river stones",
                        confirm="river stones")
    db.commit()
    archive = export.export_archive(db, personas.alice)
    db.commit()
    assert b"sealed words" not in archive
    other = open_database(replace(settings, data_dir=tmp_path / "o", key_file=tmp_path / "o.key",
                                  database_url=f"sqlite:///{tmp_path / 'o' / 'h.sqlite3'}"))
    with other.sessionmaker() as session:
        user = export.import_data(session, export.read_archive(archive))
        session.commit()
        restored = journal.entries(session, user.id)
        private = next(e for e in restored if e.private)
        assert journal.own_entry(session, user, private.id, "river stones").body == "sealed words"
        assert any(e.body == "open words" for e in restored)
    other.dispose()


def test_the_client_page_title_is_just_the_clients_name(db, personas, sign_in):
    consent.set_shares(db, personas.alice, personas.link_id, ["journal"])
    journal.write_entry(db, personas.alice, "an entry")
    db.commit()
    page = sign_in(personas.carol).get(f"/clients/{personas.alice.id}").text
    assert "<title>Alice · holdspace</title>" in page
    assert page.count("an entry") == 1
