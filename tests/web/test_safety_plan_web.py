"""The safety plan on the web: two clicks from every page, printable, in the crisis response, shared by choice."""

import re

from holdspace.privacy import audit, consent
from holdspace.safety import plan

URGENT = "I've saved up my pills and I'm going to take them all tonight"


def test_a_client_reaches_the_plan_from_every_page_in_two_clicks(personas, sign_in):
    alice = sign_in(personas.alice)
    for path in ("/", "/checkins", "/journal", "/sharing", "/privacy/activity", "/crisis"):
        page = alice.get(path).text
        assert 'href="/crisis"' in page and 'href="/safety-plan"' in page, path
    crisis = alice.get("/crisis").text
    assert "Your safety plan" in crisis


def test_the_crisis_page_offers_no_plan_to_someone_signed_out(web):
    assert 'href="/safety-plan"' not in web.get("/crisis").text


def test_a_new_plan_starts_with_the_countrys_lines_in_step_five(personas, sign_in):
    page = sign_in(personas.alice).get("/safety-plan/edit").text
    assert "Step 5.</span> Professionals and crisis lines" in page
    step_five = re.search(r'<textarea id="f-professionals"[^>]*>([^<]*)</textarea>', page).group(1)
    assert "988 Suicide &amp; Crisis Lifeline: call 988 or text 988" in step_five
    assert "Emergency services: 911" in step_five


def test_writing_the_plan_saves_it_and_shows_it_with_a_print_view(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit("/safety-plan", {"warning_signs": "I stop answering messages",
                                             "coping": "A hot shower\nWalk round the block",
                                             "helpers": "Ana, 07700 900123"}, page="/safety-plan/edit")
    assert response.status_code == 303 and response.headers["location"] == "/safety-plan?done=safety-plan"
    page = alice.get(response.headers["location"]).text
    assert "Your safety plan is saved." in page
    assert "<li>Walk round the block</li>" in page and "Last changed" in page and "by you" in page
    printed = alice.get("/safety-plan/print").text
    assert "My safety plan" in printed and "<li>Ana, 07700 900123</li>" in printed
    assert "Print command" in printed


def test_a_mistake_brings_the_form_back_filled_in(personas, sign_in):
    alice = sign_in(personas.alice)
    too_many = "\n".join(f"idea {i}" for i in range(14))
    response = alice.submit("/safety-plan", {"coping": too_many, "helpers": "Ana"}, page="/safety-plan/edit")
    assert response.status_code == 400
    assert "can hold up to 12 lines; it has 14" in response.text
    assert "idea 13" in response.text and ">Ana</textarea>" in response.text
    assert 'aria-invalid="true"' in response.text


def test_the_crisis_response_shows_the_plan_once_it_exists(db, personas, sign_in):
    alice = sign_in(personas.alice)
    before = alice.submit("/checkins", {"mood": "1", "note": URGENT}, page="/checkins/new").text
    assert "make a safety plan together" in before and 'href="/safety-plan/edit"' in before
    plan.save(db, personas.alice, {"coping": "Breathe out slowly", "helpers": "Ana"})
    db.commit()
    after = alice.submit("/journal", {"body": URGENT}, page="/journal/new").text
    assert "open your own safety plan" in after
    assert "<li>Breathe out slowly</li>" in after and 'href="/safety-plan/print"' in after


def test_an_urgent_line_in_the_plan_brings_the_crisis_response(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit("/safety-plan", {"coping": URGENT}, page="/safety-plan/edit")
    assert response.status_code == 200 and "Your safety plan is saved." in response.text
    assert "Before you go on" in response.text


def test_a_therapist_sees_and_edits_the_plan_only_when_it_is_shared(db, personas, sign_in):
    plan.save(db, personas.alice, {"coping": "Tea"})
    db.commit()
    carol = sign_in(personas.carol)
    url = f"/clients/{personas.alice.id}/safety-plan"
    assert carol.get(url).status_code == 404
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "safety_plan"])
    db.commit()
    assert "<li>Tea</li>" in carol.get(url).text
    assert f'href="{url}"' in carol.get(f"/clients/{personas.alice.id}").text
    saved = carol.submit(url, {"coping": "Tea\nRing Ana"}, page=url + "/edit")
    assert saved.status_code == 303
    db.expire_all()
    assert plan.load(db, personas.alice.id).items["coping"] == ["Tea", "Ring Ana"]
    mine = sign_in(personas.alice).get("/safety-plan").text
    assert "by Carol" in mine
    actions = [e.action for e in audit.events_about(db, personas.alice.id)]
    assert "safety_plan_changed" in actions and "read" in actions


def test_an_unrelated_therapist_cannot_see_or_change_the_plan(db, personas, sign_in):
    plan.save(db, personas.alice, {"coping": "only for alice and carol"})
    consent.set_shares(db, personas.alice, personas.link_id, ["safety_plan"])
    db.commit()
    dave = sign_in(personas.dave)
    url = f"/clients/{personas.alice.id}/safety-plan"
    for response in (dave.get(url), dave.get(url + "/edit"), dave.submit(url, {"coping": "x"}, page="/caseload")):
        assert response.status_code == 404 and "only for alice and carol" not in response.text
    db.expire_all()
    assert plan.load(db, personas.alice.id).items["coping"] == ["only for alice and carol"]


def test_the_api_reads_and_writes_the_plan(db, personas, web, api_token):
    headers = api_token(personas.alice)
    empty = web.get("/api/v1/safety-plan", headers=headers).json()
    assert empty["exists"] is False and [s["key"] for s in empty["steps"]][0] == "warning_signs"
    saved = web.put("/api/v1/safety-plan", json={"steps": {"coping": ["Tea"]}}, headers=headers).json()
    assert saved["exists"] and saved["level"] == "none" and saved["crisis_response"] is None
    urgent = web.put("/api/v1/safety-plan", json={"steps": {"coping": [URGENT]}}, headers=headers).json()
    assert urgent["level"] == "urgent" and "988" in urgent["crisis_response"][0]
    bad = web.put("/api/v1/safety-plan", json={"steps": {"coping": ["x" * 400]}}, headers=headers)
    assert bad.status_code == 400 and "coping" in bad.json()["fields"]


def test_the_crisis_page_names_each_line_once_in_a_sentence(web):
    page = web.get("/crisis").text
    assert "to reach the Suicide &amp; Crisis Lifeline, or text" in page
    assert "(988 Suicide" not in page
