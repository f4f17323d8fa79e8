"""The safety plan: six steps the client writes, sealed, checked for risk, editable by a sharing therapist."""

import pytest
from sqlalchemy import select

from holdspace.errors import InvalidInput, NotAllowed
from holdspace.privacy import audit
from holdspace.safety import alerts, plan
from holdspace.safety.plan import SafetyPlan


def test_it_has_stanley_and_browns_six_steps_in_order_with_a_prompt_each():
    assert [s.key for s in plan.steps()] == ["warning_signs", "coping", "distractions", "helpers",
                                             "professionals", "safer"]
    assert all(s.prompt and s.question.endswith("?") and s.examples for s in plan.steps())


def test_step_five_starts_with_the_configured_countrys_lines():
    gb = plan.starting_lines("GB")
    assert gb[0] == "Samaritans: call 116 123 (24/7, free)"
    assert "Shout: text SHOUT to 85258 (24/7, free)" in gb and gb[-1] == "Emergency services: 999"
    assert plan.starting_lines("US")[0] == "988 Suicide & Crisis Lifeline: call 988 or text 988 (24/7, free)"
    assert plan.starting_lines("FR")[-1] == "Emergency services: your local emergency number"


def test_a_saved_plan_is_sealed_and_opens_for_its_owner(db, personas):
    plan.save(db, personas.alice, {"coping": "a hot shower\n\n- walk round the block", "helpers": ["Ana"]})
    db.commit()
    row = db.scalar(select(SafetyPlan))
    assert b"hot shower" not in row.body_sealed
    opened = plan.load(db, personas.alice.id)
    assert opened.items["coping"] == ["a hot shower", "walk round the block"]
    assert opened.items["helpers"] == ["Ana"] and opened.items["safer"] == []
    assert plan.exists(db, personas.alice.id) and not plan.exists(db, personas.bob.id)


def test_saving_again_replaces_the_plan(db, personas):
    plan.save(db, personas.alice, {"coping": "tea"})
    plan.save(db, personas.alice, {"coping": "music"})
    assert plan.load(db, personas.alice.id).items["coping"] == ["music"]
    assert db.scalar(select(SafetyPlan.id).where(SafetyPlan.owner_id == personas.alice.id)) is not None


def test_an_empty_plan_does_not_count_as_a_plan(db, personas):
    plan.save(db, personas.alice, {"coping": "  \n "})
    assert not plan.exists(db, personas.alice.id)


def test_too_many_or_too_long_lines_are_refused_kindly_naming_the_step(db, personas):
    with pytest.raises(InvalidInput) as caught:
        plan.save(db, personas.alice, {"coping": "\n".join(f"idea {i}" for i in range(13)),
                                       "safer": "x" * 301})
    assert set(caught.value.fields) == {"coping", "safer"}
    assert "My own ways to cope" in caught.value.fields["coping"]


def test_unknown_steps_are_refused(db, personas):
    with pytest.raises(InvalidInput):
        plan.save(db, personas.alice, {"reasons": "x"})


def test_the_clients_save_is_checked_for_risk_line_by_line(db, personas):
    calm = plan.save(db, personas.alice, {"warning_signs": "I stop answering messages",
                                          "safer": "Ask Ana to keep the medicines for a while"})
    assert calm.assessment.level == "none"
    urgent = plan.save(db, personas.alice, {"coping": "I've saved up my pills and I'm going to take them all tonight"})
    assert urgent.assessment.level == "urgent"


def test_a_therapist_edit_is_recorded_as_theirs_and_audited(db, personas):
    plan.save(db, personas.alice, {"coping": "tea"})
    edited = plan.save(db, personas.alice, {"coping": "tea\nring Ana"}, by=personas.carol)
    db.commit()
    assert edited.updated_by == "Carol" and not edited.by_client
    assert edited.assessment.level == "none"  # a therapist's words aren't the client's risk
    event = audit.events_about(db, personas.alice.id)[0]
    assert (event.action, event.actor_id) == ("safety_plan_changed", personas.carol.id)


def test_only_clients_have_plans_and_only_therapists_edit_others(db, personas):
    with pytest.raises(NotAllowed):
        plan.save(db, personas.carol, {"coping": "tea"})
    with pytest.raises(NotAllowed):
        plan.save(db, personas.alice, {"coping": "tea"}, by=personas.bob)


def test_the_plan_and_alert_choices_travel_in_the_export_and_the_plan_comes_back_on_import(
        db, personas, settings, tmp_path):
    from dataclasses import replace

    from holdspace.database import open_database
    from holdspace.journey import mood
    from holdspace.privacy import export

    plan.save(db, personas.alice, {"coping": "Tea", "helpers": "Ana"})
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    mood.record_checkin(db, personas.alice, 1, [], "I want to die")
    db.commit()
    data = export.export_data(db, personas.alice)
    assert data["safety_plan"]["steps"]["coping"] == ["Tea"]
    assert data["connections"][0]["alerts"] is True and data["connections"][0]["alert_words"] is False
    assert data["alerts"][0]["therapist"] == "Carol" and data["alerts"][0]["where"] == "a check-in note"
    archive = export.export_archive(db, personas.alice)
    other = open_database(replace(settings, data_dir=tmp_path / "other", key_file=tmp_path / "other.key",
                                  database_url=f"sqlite:///{tmp_path / 'other' / 'h.sqlite3'}"))
    try:
        with other.sessionmaker() as second:
            restored = export.import_data(second, export.read_archive(archive))
            second.commit()
            assert plan.load(second, restored.id).items["helpers"] == ["Ana"]
    finally:
        other.dispose()


def test_a_damaged_plan_in_an_export_is_refused_before_anything_is_written(db, personas):
    from holdspace.privacy import export

    data = export.export_data(db, personas.alice)
    data["safety_plan"] = {"steps": {"coping": "not a list"}, "updated_at": data["exported_at"]}
    with pytest.raises(InvalidInput, match="safety plan"):
        export._check(data)


def test_deleting_the_account_removes_the_plan_and_its_alerts(db, personas):
    from holdspace.journey import mood
    from holdspace.privacy import deletion
    from holdspace.safety.alerts import Alert

    plan.save(db, personas.alice, {"coping": "Tea"})
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    mood.record_checkin(db, personas.alice, 1, [], "I want to die")
    db.commit()
    deletion.delete_account(db, personas.alice)
    db.commit()
    assert db.scalar(select(SafetyPlan)) is None and db.scalar(select(Alert)) is None
