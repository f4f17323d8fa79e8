"""Questionnaires travel in exports and imports, reach a therapist's record only when shared, and go
with the account."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.journey import questionnaires
from holdspace.journey.questionnaires import Administration, Assignment
from holdspace.privacy import consent, deletion, export
from holdspace.privacy.accounts import User


def test_export_and_import_keep_answers_scores_drafts_and_times(db, personas, second_installation):
    alice = personas.alice
    earlier = clock.now() - timedelta(days=20)
    questionnaires.save(db, alice, "phq9", {str(n): 2 for n in range(1, 10)}, at=earlier)
    questionnaires.save(db, alice, "gad7", {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "6": 1}, accept_missing=True)
    questionnaires.save(db, alice, "brs", {"1": 4}, finish=False)
    db.commit()
    first = export.export_data(db, alice)
    assert [(m["instrument"], m["status"], m["total"]) for m in first["measures"]] == [
        ("phq9", "done", 18), ("gad7", "done", 7), ("brs", "draft", None)]
    assert first["measures"][1]["answers"]["7"] is None
    archive = export.export_archive(db, alice)
    db.commit()
    with second_installation.sessionmaker() as other:
        restored = export.import_data(other, export.read_archive(archive))
        other.commit()
        again = export.export_data(other, restored)
    assert again["measures"] == first["measures"]


def test_an_export_with_an_impossible_answer_is_refused_whole(db, personas):
    data = export.export_data(db, personas.alice)
    data["account"]["email"] = "someone-new@example.org"
    data["measures"] = [{"instrument": "gad7", "status": "done", "answers": {"1": 7},
                         "created_at": clock.now().isoformat(), "completed_at": clock.now().isoformat()}]
    with pytest.raises(InvalidInput, match="questionnaire 1: Question 1 needs one of the answers"):
        export._check(data)


def test_the_therapists_record_holds_questionnaires_only_when_shared(db, personas, sign_in):
    questionnaires.save(db, personas.alice, "who5", {str(n): 4 for n in range(1, 6)})
    db.commit()
    carol = sign_in(personas.carol)
    assert "measures" not in carol.get(f"/clients/{personas.alice.id}/export").json()
    consent.set_shares(db, personas.alice, personas.link_id, ["measures"])
    db.commit()
    record = carol.get(f"/clients/{personas.alice.id}/export").json()
    assert record["measures"][0]["total"] == 80 and record["measures"][0]["band"] == "good"


def test_deleting_the_account_removes_every_questionnaire_and_assignment(db, personas):
    alice_id = personas.alice.id
    questionnaires.save(db, personas.alice, "phq9", {str(n): 0 for n in range(1, 10)})
    questionnaires.assign(db, personas.carol, alice_id, "gad7", 7)
    db.commit()
    deletion.delete_account(db, db.get(User, alice_id))
    db.commit()
    assert db.scalar(select(func.count(Administration.id)).where(Administration.owner_id == alice_id)) == 0
    assert db.scalar(select(func.count(Assignment.id)).where(Assignment.client_id == alice_id)) == 0


def test_a_therapist_cannot_assign_to_someone_elses_client(db, personas):
    from holdspace.errors import NotFound

    with pytest.raises(NotFound):
        questionnaires.assign(db, personas.dave, personas.alice.id, "phq9", 14)
