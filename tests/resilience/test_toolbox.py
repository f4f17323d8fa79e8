"""Strengths, the coping toolbox and the support network: sealed, rated, the best surfaced."""

import pytest
from sqlalchemy import text

from holdspace.errors import InvalidInput
from holdspace.privacy import consent, export
from holdspace.resilience import toolbox


def test_items_are_sealed_at_rest_and_opened_for_their_owner(db, personas):
    item = toolbox.add_item(db, personas.alice, "person", {"name": "Aunt Ruth", "helps": "Listens without fixing"})
    db.commit()
    raw = db.execute(text("SELECT body_sealed FROM resilience_items WHERE id = :i"), {"i": item.id}).scalar()
    assert b"Aunt Ruth" not in bytes(raw)
    assert toolbox.items(db, personas.alice.id, "person")[0].body["helps"] == "Listens without fixing"


def test_the_skills_that_helped_most_are_surfaced_for_the_situation(db, personas):
    walk = toolbox.add_item(db, personas.alice, "skill", {"name": "A walk", "situations": ["low", "anxious"]})
    music = toolbox.add_item(db, personas.alice, "skill", {"name": "Loud music", "situations": ["angry"]})
    water = toolbox.add_item(db, personas.alice, "skill", {"name": "Cold water", "situations": ["anxious"]})
    toolbox.add_item(db, personas.alice, "skill", {"name": "Never tried", "situations": ["anxious"]})
    for item, ratings in ((walk, [3, 4]), (music, [5]), (water, [5, 4])):
        for r in ratings:
            toolbox.rate_skill(db, personas.alice, item.id, r)
    db.commit()
    skills = toolbox.items(db, personas.alice.id, "skill")
    assert [s.body["name"] for s in toolbox.best_skills(skills, "anxious")] == ["Cold water", "A walk"]
    assert [s.body["name"] for s in toolbox.best_skills(skills)] == ["Loud music", "Cold water", "A walk"]


def test_bad_input_says_what_is_wrong_with_each_field(db, personas):
    with pytest.raises(InvalidInput) as caught:
        toolbox.add_item(db, personas.alice, "person", {"name": " ", "last_talked": "next week"})
    assert set(caught.value.fields) == {"name", "last_talked"}
    skill = toolbox.add_item(db, personas.alice, "skill", {"name": "Breathing"})
    with pytest.raises(InvalidInput, match="1 \\(not much\\) to 5"):
        toolbox.rate_skill(db, personas.alice, skill.id, 9)


def test_the_page_surfaces_the_best_skill_and_keeps_a_bad_form_filled_in(personas, sign_in):
    alice = sign_in(personas.alice)
    alice.submit("/resilience/skills", {"name": "Texting Sam", "situations": ["lonely"]}, page="/resilience")
    page = alice.get("/resilience").text
    assert "Not rated yet." in page
    skill_id = int(page.split('action="/resilience/skills/')[1].split("/")[0])
    rated = alice.submit(f"/resilience/skills/{skill_id}/ratings", {"rating": "5"}, page="/resilience")
    assert rated.status_code == 303
    best = alice.get("/resilience?situation=lonely").text
    assert "These have helped you most with this:" in best and "Texting Sam" in best
    bad = alice.submit("/resilience/people", {"name": "", "helps": "Always picks up"}, page="/resilience")
    assert bad.status_code == 400 and "Their name is still empty." in bad.text and "Always picks up" in bad.text
    assert sign_in(personas.bob).submit(f"/resilience/skills/{skill_id}/ratings", {"rating": "5"},
                                        page="/resilience").status_code == 404


def test_a_therapist_sees_the_toolbox_only_while_exercises_are_shared(db, personas, sign_in):
    toolbox.add_item(db, personas.alice, "strength", {"name": "Persistence", "example": "Finished my course"})
    db.commit()
    carol = sign_in(personas.carol)
    assert carol.get(f"/clients/{personas.alice.id}/resilience").status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["exercises"])
    db.commit()
    assert "Finished my course" in carol.get(f"/clients/{personas.alice.id}/resilience").text
    assert sign_in(personas.dave).get(f"/api/v1/clients/{personas.alice.id}/resilience").status_code == 404


def test_the_toolbox_travels_in_the_export_with_its_ratings(db, personas):
    skill = toolbox.add_item(db, personas.alice, "skill", {"name": "A walk", "situations": ["low"]})
    toolbox.rate_skill(db, personas.alice, skill.id, 4)
    db.commit()
    rows = export.export_data(db, personas.alice)["resilience"]
    assert rows[0] | {"created_at": ""} == {"kind": "skill", "name": "A walk", "how": "", "situations": ["low"],
                                            "ratings": [4], "created_at": ""}
    export._check({**export.export_data(db, personas.alice)})  # a fresh export always passes the import check
