"""Export and import lose nothing; deletion leaves nothing readable."""

import io
import itertools
import json
import zipfile
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func, select

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.journey import mood
from holdspace.privacy import export, keys
from holdspace.privacy.accounts import User

from ..conftest import PASSWORD

notes = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=120)
checkin_lists = st.lists(st.tuples(st.integers(0, 10), st.lists(st.sampled_from(mood.all_feelings()),
                                                                 max_size=3, unique=True), notes),
                         max_size=6)


def strip_volatile(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("exported_at",)}


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=checkin_lists)
def test_export_then_import_into_a_fresh_installation_loses_nothing(db, second_installation, rows):
    person = _quick_client(db, next(_numbers), len(rows))
    start = clock.now() - timedelta(days=30)
    for i, (value, feelings, note) in enumerate(rows):
        mood.record_checkin(db, person, value, feelings, note, at=start + timedelta(hours=i))
    db.commit()
    first = export.export_data(db, person)
    archive = export.export_archive(db, person)
    db.commit()
    with second_installation.sessionmaker() as other:
        restored = export.import_data(other, export.read_archive(archive))
        other.commit()
        again = export.export_data(other, restored)
    first["connections"] = again["connections"] = []  # links can't travel between installations
    assert strip_volatile(again) == strip_volatile(first)


_numbers = itertools.count()


def _quick_client(db, number: int, size: int) -> User:
    from ..conftest import persona_hash

    user = User(email=f"p{number}-{size}@example.org", display_name="Pat", role="client",
                password_hash=persona_hash(), created_at=clock.now())
    db.add(user)
    db.flush()
    return user


def test_the_web_download_holds_everything_and_is_audited(personas, sign_in, db):
    mood.record_checkin(db, personas.alice, 6, ["calm"], "walked by the canal")
    db.commit()
    response = sign_in(personas.alice).get("/account/export")
    assert response.headers["content-type"] == "application/zip"
    assert "attachment" in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("export.json"))
        assert "holdspace import" in archive.read("README.txt").decode()
    assert data["checkins"][0]["note"] == "walked by the canal"
    assert data["connections"][0]["therapist"] == "Carol" and data["connections"][0]["shares"] == ["mood"]
    from holdspace.privacy.audit import AuditEvent

    db.rollback()
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "export")).subject_id == personas.alice.id


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return buffer.getvalue()


GOOD = {"format": "holdspace-export", "version": 1, "exported_at": "2026-11-01T10:00:00+00:00",
        "account": {"email": "kim@example.org", "display_name": "Kim", "role": "client",
                    "created_at": "2026-10-01T10:00:00+00:00", "password_hash": "$argon2id$v=19$x"},
        "checkins": [{"mood": 5, "feelings": ["calm"], "note": "fine", "created_at": "2026-10-02T10:00:00+00:00"}],
        "connections": []}


@pytest.mark.parametrize("blob,words", [
    (b"just some bytes", "isn't a holdspace export"),
    (_zip({"other.json": "{}"}), "isn't a holdspace export"),
    (_zip({"export.json": "{not json"}), "damaged"),
    (_zip({"export.json": json.dumps({**GOOD, "format": "something-else"})}), "wasn't made by holdspace"),
    (_zip({"export.json": json.dumps({**GOOD, "version": 9})}), "version 9"),
    (_zip({"export.json": json.dumps({**GOOD, "checkins": GOOD["checkins"] + [
        {"mood": 14, "feelings": [], "note": "", "created_at": "2026-10-03T10:00:00+00:00"}]})}), "check-in 2"),
    (_zip({"export.json": json.dumps({**GOOD, "account": {**GOOD["account"], "role": "admin"}})}), "only client"),
])
def test_a_bad_archive_is_refused_by_name_and_nothing_is_imported(db, blob, words):
    before = db.scalar(select(func.count(User.id)))
    with pytest.raises(InvalidInput, match=words):
        export.import_data(db, export.read_archive(blob))
    assert db.scalar(select(func.count(User.id))) == before


def test_importing_over_an_existing_account_changes_nothing(db, personas):
    data = json.loads(json.dumps(GOOD))
    data["account"]["email"] = "alice@example.org"
    from holdspace.errors import Conflict

    with pytest.raises(Conflict, match="already exists"):
        export.import_data(db, export.read_archive(_zip({"export.json": json.dumps(data)})))


def test_the_cli_exports_and_imports_into_another_installation(cli, personas, db, tmp_path, monkeypatch, settings):
    mood.record_checkin(db, personas.alice, 3, ["tired"], "long day")
    db.commit()
    target = tmp_path / "alice.zip"
    result = cli("export", "--output", str(target), "--email", "alice@example.org", "--password-stdin",
                 input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o077 == 0
    monkeypatch.setenv("HOLDSPACE_DATA_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("HOLDSPACE_KEY_FILE", str(tmp_path / "elsewhere.key"))
    monkeypatch.delenv("HOLDSPACE_DATABASE_URL", raising=False)
    imported = cli("import", str(target))
    assert imported.exit_code == 0, imported.output
    listed = cli("checkin", "list", "--json", "--email", "alice@example.org", "--password-stdin",
                 input=PASSWORD + "\n")
    assert json.loads(listed.output.splitlines()[0])["note"] == "long day"
    assert cli("import", str(target)).exit_code == 1  # a second time: already there, nothing changes


def test_a_therapist_exports_only_what_is_shared(personas, sign_in, db):
    mood.record_checkin(db, personas.alice, 4, ["sad"], "shared note")
    db.commit()
    record = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/export").json()
    assert record["shared"] == ["mood"] and record["checkins"][0]["note"] == "shared note"
    from holdspace.privacy import consent

    consent.set_shares(db, personas.alice, personas.link_id, ["journal"])
    db.commit()
    record = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/export").json()
    assert "checkins" not in record
    assert sign_in(personas.dave).get(f"/clients/{personas.alice.id}/export").status_code == 404


def test_the_shared_record_download_is_an_audited_read_of_every_category_it_holds(personas, sign_in, db):
    from holdspace.privacy import audit, consent

    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises", "art", "goals"])
    db.commit()
    sign_in(personas.carol).get(f"/clients/{personas.alice.id}/export")
    read = {e.detail for e in audit.events_about(db, personas.alice.id) if e.actor_id == personas.carol.id}
    assert {"mood", "exercises", "art", "goals"} <= read


def test_a_client_with_a_name_beyond_latin_1_can_still_be_downloaded(personas, sign_in, db):
    personas.alice.display_name = "Łucja Żak 杨"
    db.commit()
    response = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/export")
    assert response.status_code == 200
    assert 'filename="holdspace-lucja-zak-' in response.headers["content-disposition"]


def test_deleting_an_account_leaves_no_readable_trace(app, personas, sign_in, db, settings):
    canary, alice_id = "canary-name-q7z9x", personas.alice.id
    personas.alice.display_name = canary
    db.commit()
    mood.record_checkin(db, personas.alice, 2, ["sad"], "canary-note-q7z9x")
    db.commit()
    alice = sign_in(personas.alice)
    refused = alice.submit("/account/delete", {"password": PASSWORD, "confirm": "yes"}, page="/account/delete")
    assert refused.status_code == 400 and "Type the word delete" in refused.text
    done = alice.submit("/account/delete", {"password": PASSWORD, "confirm": "delete"}, page="/account/delete")
    assert done.status_code == 200 and "Your account is deleted" in done.text
    db.rollback()
    db.expire_all()
    assert db.get(User, alice_id) is None
    assert db.scalar(select(func.count(keys.DataKey.id)).where(keys.DataKey.user_id == alice_id)) == 0
    assert alice.get("/checkins", follow_redirects=False).status_code == 303
    if settings.is_sqlite:
        db.close()
        app.state.engine.dispose()
        files = [p for p in settings.data_dir.iterdir() if p.name.startswith("holdspace.sqlite3")]
        everything = b"".join(p.read_bytes() for p in files)
        assert b"canary-name-q7z9x" not in everything and b"alice@example.org" not in everything
