"""Questionnaires on the web and API: filling in, drafts, results and change, safety, sharing, assignments."""

from __future__ import annotations

import re
from datetime import date, timedelta

from holdspace.journey import questionnaires
from holdspace.privacy import consent

PHQ9_MODERATE = {f"item-{n}": v for n, v in zip(range(1, 10), (2, 2, 2, 1, 1, 1, 1, 1, 0))}  # 11


def checked(html: str, name: str) -> str | None:
    found = re.search(rf'name="{name}" value="(\d)" checked', html)
    return found.group(1) if found else None


def test_a_client_fills_in_a_phq9_and_sees_the_score_band_and_answers(personas, sign_in):
    alice = sign_in(personas.alice)
    form = alice.get("/measures/phq9")
    assert form.status_code == 200
    assert "Over the last 2 weeks, how often have you been bothered" in form.text
    assert form.text.count('type="radio" name="item-9"') == 4
    sent = alice.submit("/measures/phq9", {**PHQ9_MODERATE, "action": "finish"})
    assert sent.status_code == 303 and sent.headers["location"].startswith("/measures/results/")
    result = alice.get(sent.headers["location"])
    assert "Your PHQ-9 result" in result.text and ">11<" in result.text and "Moderate" in result.text
    assert "This is your first PHQ-9 here" in result.text
    assert "More than half the days" in result.text


def test_a_missing_answer_gets_a_kind_error_and_keeps_every_other_answer_as_a_draft(personas, sign_in, db):
    alice = sign_in(personas.alice)
    partial = {k: v for k, v in PHQ9_MODERATE.items() if k != "item-4"}
    sent = alice.submit("/measures/phq9", {**partial, "action": "finish"})
    assert sent.status_code == 400
    assert "Question 4 has no answer yet." in sent.text and "nothing is lost" in sent.text
    assert checked(sent.text, "item-1") == "2" and checked(sent.text, "item-4") is None
    # The draft is there when she comes back later.
    again = alice.get("/measures/phq9")
    assert "Your earlier answers are kept here" in again.text and checked(again.text, "item-3") == "2"
    assert questionnaires.history(db, personas.alice.id) == []
    # She may leave it out: one missing item is prorated by the published rule (10 * 9 / 8 = 11.25 -> 11).
    scored = alice.submit("/measures/phq9", {**partial, "action": "finish", "accept_missing": "1"})
    assert scored.status_code == 303
    page = alice.get(scored.headers["location"]).text
    assert ">11<" in page and "worked out from the others" in page


def test_too_many_missing_answers_cannot_be_scored_even_when_accepted(personas, sign_in):
    alice = sign_in(personas.alice)
    sent = alice.submit("/measures/gad7", {"item-1": "1", "item-2": "2", "action": "finish", "accept_missing": "1"})
    assert sent.status_code == 400 and "At least 5 of the 7 questions" in sent.text
    assert checked(sent.text, "item-2") == "2"


def test_an_answer_out_of_range_is_refused_kindly_with_the_rest_kept(personas, sign_in):
    alice = sign_in(personas.alice)
    sent = alice.submit("/measures/gad7", {"item-1": "9", "item-2": "1", "action": "finish"})
    assert sent.status_code == 400 and "Question 1 needs one of the answers listed" in sent.text
    assert checked(sent.text, "item-2") == "1"


def test_phq9_question_9_above_zero_always_shows_the_crisis_response(personas, sign_in, db):
    alice = sign_in(personas.alice)
    answers = {**PHQ9_MODERATE, "item-9": "1", "action": "finish"}
    sent = alice.submit("/measures/phq9", answers)
    assert sent.status_code == 200 and "Before you go on" in sent.text
    assert "PHQ-9 question 9" in sent.text and "/measures/results/" in sent.text
    [adm] = questionnaires.history(db, personas.alice.id)
    assert adm.risk_level == "concern"


def test_the_second_result_shows_the_change_and_whether_it_is_reliable(personas, sign_in):
    alice = sign_in(personas.alice)
    alice.submit("/measures/phq9", {**{f"item-{n}": "2" for n in range(1, 9)}, "item-9": "0", "action": "finish"})
    later = alice.submit("/measures/phq9", {**{f"item-{n}": "1" for n in range(1, 9)}, "item-9": "0",
                                            "action": "finish"})
    page = alice.get(later.headers["location"]).text
    assert "your score was 16" in page and "8 points better: a reliable improvement, out of the clinical range" in page
    listing = alice.get("/measures").text
    assert "8 points better" in listing and "<svg" in listing and "Moderately severe" in listing


def test_a_change_within_chance_names_the_size_it_takes_as_a_person_writes_it(personas, sign_in):
    alice = sign_in(personas.alice)
    alice.submit("/measures/phq9", {**{f"item-{n}": "1" for n in range(1, 9)}, "item-9": "0", "action": "finish"})
    later = alice.submit("/measures/phq9", {**{f"item-{n}": "1" for n in range(1, 8)}, "item-8": "0", "item-9": "0",
                                            "action": "finish"})
    page = alice.get(later.headers["location"]).text
    assert "1 point better" in page
    assert re.search(r"it takes more than \d+(\.\d)? points", page), "not '3.50 points'"


def test_saving_a_draft_on_purpose_says_so_and_keeps_it(personas, sign_in):
    alice = sign_in(personas.alice)
    sent = alice.submit("/measures/who5", {"item-1": "3", "action": "draft"})
    assert sent.status_code == 303
    listing = alice.get(sent.headers["location"]).text
    assert "kept as a draft" in listing and "draft kept" in listing


def test_the_therapist_sees_results_only_when_questionnaires_are_shared(personas, sign_in, db):
    alice = sign_in(personas.alice)
    alice.submit("/measures/gad7", {**{f"item-{n}": "1" for n in range(1, 8)}, "action": "finish"})
    carol, dave = sign_in(personas.carol), sign_in(personas.dave)
    hidden = carol.get(f"/clients/{personas.alice.id}/measures")
    assert hidden.status_code == 200 and "doesn't share questionnaires" in hidden.text and "Mild" not in hidden.text
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "measures"])
    db.commit()
    shown = carol.get(f"/clients/{personas.alice.id}/measures")
    assert "Mild" in shown.text and ">7" in shown.text
    assert dave.get(f"/clients/{personas.alice.id}/measures").status_code == 404
    assert dave.get(f"/api/v1/clients/{personas.alice.id}/measures").status_code in (401, 404)


def test_a_therapist_asks_for_a_phq9_every_two_weeks_and_the_client_sees_it_due(personas, sign_in):
    carol = sign_in(personas.carol)
    sent = carol.submit(f"/clients/{personas.alice.id}/assignments",
                        {"instrument": "phq9", "every_days": "14", "starts_on": date.today().isoformat()})
    assert sent.status_code == 303
    assert "every 2 weeks" in carol.get(sent.headers["location"]).text
    alice = sign_in(personas.alice)
    assert "PHQ-9</strong> is ready for you" in alice.get("/measures").text
    alice.submit("/measures/phq9", {**PHQ9_MODERATE, "action": "finish"})
    after = alice.get("/measures").text
    next_due = (date.today() + timedelta(days=14)).strftime("%-d %B")
    assert f"next on {next_due}" in after


def test_a_start_date_in_the_past_gets_a_kind_message_and_the_form_back(personas, sign_in):
    carol = sign_in(personas.carol)
    past = (date.today() - timedelta(days=3)).isoformat()
    sent = carol.submit(f"/clients/{personas.alice.id}/assignments",
                        {"instrument": "gad7", "every_days": "7", "starts_on": past})
    assert sent.status_code == 400 and "That date has already passed" in sent.text
    assert f'value="{past}"' in sent.text


def test_the_api_scores_answers_and_returns_the_crisis_response_for_question_9(personas, api_token, web):
    headers = api_token(personas.alice)
    answers = {str(n): 1 for n in range(1, 10)}
    sent = web.post("/api/v1/measures/phq9", json={"answers": answers}, headers=headers)
    assert sent.status_code == 201
    body = sent.json()
    assert body["total"] == 9 and body["band"] == "mild" and body["level"] == "concern"
    assert body["crisis_response"]
    bad = web.post("/api/v1/measures/phq9", json={"answers": {"1": 4}}, headers=headers)
    assert bad.status_code == 400 and "Question 1" in bad.json()["fields"]["item-1"]
    draft = web.post("/api/v1/measures/gad7", json={"answers": {"1": 2}}, headers=headers)
    assert draft.json()["status"] == "draft" and "item-2" in draft.json()["problems"]


def test_the_fhir_export_uses_loinc_codes_for_phq9(personas, api_token, web):
    headers = api_token(personas.alice)
    web.post("/api/v1/measures/phq9", json={"answers": {str(n): 2 for n in range(1, 10)}}, headers=headers)
    web.post("/api/v1/measures/who5", json={"answers": {str(n): 3 for n in range(1, 6)}}, headers=headers)
    bundle = web.get("/api/v1/measures/fhir", headers=headers).json()
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    resources = [e["resource"] for e in bundle["entry"]]
    kinds = [r["resourceType"] for r in resources]
    assert kinds == ["Patient", "QuestionnaireResponse", "Observation", "QuestionnaireResponse", "Observation"]
    phq_obs = resources[2]
    assert phq_obs["code"]["coding"][0] == {"system": "http://loinc.org", "code": "44261-6",
                                             "display": "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"}
    assert phq_obs["valueQuantity"]["value"] == 18 and phq_obs["interpretation"][0]["text"] == "Moderately severe"
    response = resources[1]
    assert response["questionnaire"] == "http://loinc.org/q/44249-1"
    assert response["item"][8]["linkId"] == "44260-8"
    assert response["item"][0]["answer"][0]["valueCoding"]["code"] == "LA6570-1"
    who_obs = resources[4]
    assert who_obs["code"]["coding"][0]["system"] == "urn:holdspace:measures"
    assert who_obs["valueQuantity"] == {"value": 60, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}
    assert phq_obs["derivedFrom"][0]["reference"] == bundle["entry"][1]["fullUrl"]
