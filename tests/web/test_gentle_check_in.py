"""A concern only the classifier heard, in something a client wrote, gets a gentle check-in, not the crisis page.

The classifier is swapped through the layer contract (`risk.default_layers`): these tests hold whichever
sentences the real classifier flags. The rules layer is the real one.
"""

import pytest
from sqlalchemy import select

from holdspace.creativity import journal
from holdspace.safety import alerts, classifier, crisis_lines, risk
from holdspace.safety.alerts import Alert
from holdspace.safety.assessment import NO_RISK, Assessment

# Nothing in the rules reads risk in these words; the stand-in classifier below hears it.
HEARD = "Most days lately feel like wading through grey water and I can't see the other side."
RULED = "I wish I wasn't alive anymore."  # the rules read this as a concern themselves


class HearsOneSentence:
    """A classifier layer, by the contract `assess` uses: runs only where the rules found nothing."""

    only_when_none = True

    def __call__(self, text: str, deadline: float) -> Assessment:
        return Assessment("concern", [classifier.REASON]) if HEARD in text else NO_RISK


@pytest.fixture(autouse=True)
def classifier_hears_one_sentence(monkeypatch):
    monkeypatch.setattr(risk, "default_layers", lambda: [risk.rules_layer, HearsOneSentence()])


def _thought_record(thought: str) -> dict:
    return {"situation": "At home after work.", "thought": thought, "feeling": ["low", ""], "before": ["80", ""],
            "after": ["60", ""], "evidence_against": "A friend texted me today.", "balanced": "Some days are lighter."}


# (what the client writes, where it is sent, the form it comes from, the fields, what the saved page says)
KINDS = {
    "journal entry": ("/journal", "/journal/new", lambda words: {"body": words}, "Your entry is saved."),
    "check-in note": ("/checkins", "/checkins/new", lambda words: {"mood": "3", "note": words},
                      "Your check-in is saved."),
    "thought record": ("/practices/thought-records", "/practices/thought-records/new", _thought_record,
                       "Your thought record is saved."),
    "goal": ("/goals", "/goals/new", lambda words: {"text": "Walk to the park", "why": words, "days": ["daily"]},
             "Your goal is saved."),
}


def test_the_words_used_here_are_read_as_the_tests_need():
    assert risk.classifier_only(risk.assess(HEARD))
    ruled = risk.assess(RULED)
    assert ruled.level == "concern" and not risk.classifier_only(ruled)


@pytest.mark.parametrize("kind", KINDS)
def test_a_text_only_the_classifier_heard_gets_the_gentle_check_in_with_call_and_text_routes(kind, personas, sign_in,
                                                                                             settings):
    url, form, fields, saved = KINDS[kind]
    page = sign_in(personas.alice).submit(url, fields(HEARD), page=form)
    assert page.status_code == 200
    html = page.text
    assert saved in html
    assert "A gentle check-in" in html and "Before you go on" not in html
    assert "we may be reading too much into it, but we&#39;d rather ask than miss it" in html
    assert "Are you having any thoughts of ending your life, or of not being here?" in html
    here = crisis_lines.lines_for(settings.country)
    assert f'href="{here.call_line.call_href}"' in html and f'href="{here.text_line.text_href}"' in html
    assert 'href="/safety-plan/edit">Start a safety plan' in html  # Alice has no plan yet
    assert 'href="/crisis"' in html


@pytest.mark.parametrize("kind", KINDS)
def test_a_text_the_rules_flagged_still_gets_the_full_crisis_response(kind, personas, sign_in):
    url, form, fields, saved = KINDS[kind]
    html = sign_in(personas.alice).submit(url, fields(RULED), page=form).text
    assert saved in html
    assert "Before you go on" in html and "A gentle check-in" not in html
    assert "Thank you for trusting me with this" in html


def test_an_urgent_text_gets_the_full_response_even_beside_words_the_classifier_heard(personas, sign_in):
    html = sign_in(personas.alice).submit(
        "/journal", {"body": HEARD + " I'm going to kill myself tonight."}, page="/journal/new").text
    assert "Before you go on" in html and "A gentle check-in" not in html


def test_the_entry_is_kept_and_the_check_in_offers_the_clients_own_plan(db, personas, sign_in):
    from holdspace.safety import plan

    plan.save(db, personas.alice, {"coping": "a hot shower"})
    db.commit()
    alice = sign_in(personas.alice)
    html = alice.submit("/journal", {"body": HEARD}, page="/journal/new").text
    assert 'href="/safety-plan">Open your safety plan' in html
    db.rollback()  # see what the request committed
    newest = journal.entries(db, personas.alice.id)[0]
    assert newest.body == HEARD
    assert HEARD.replace("'", "&#39;") in alice.get("/journal").text


def test_the_therapist_the_client_chose_is_still_alerted_and_the_note_says_so(db, personas, sign_in):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    db.commit()
    html = sign_in(personas.alice).submit("/checkins", {"mood": "3", "note": HEARD}, page="/checkins/new").text
    assert "A gentle check-in" in html
    assert "Because you asked for this, Carol will get a note that something you wrote might need a check-in" in html
    db.rollback()
    [alert] = db.scalars(select(Alert)).all()
    assert alert.level == "concern" and alert.place == "checkin"


def test_the_api_gives_the_gentle_check_in_and_keeps_the_level(personas, web, api_token):
    headers = api_token(personas.alice)
    gentle = web.post("/api/v1/journal", json={"body": HEARD}, headers=headers).json()
    assert gentle["level"] == "concern"
    assert gentle["crisis_response"][1] == "Are you having any thoughts of ending your life, or of not being here?"
    full = web.post("/api/v1/journal", json={"body": RULED}, headers=headers).json()
    assert full["level"] == "concern" and full["crisis_response"][0].startswith("Thank you for trusting me")
