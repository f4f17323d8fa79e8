"""Alerts on the web: chosen in plain words when connecting, shown on the caseload at once, marked seen."""

import re

from sqlalchemy import select

from holdspace.journey import mood
from holdspace.privacy import audit, consent
from holdspace.privacy.consent import CareLink
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert

URGENT = "I've saved up my pills and I'm going to take them all tonight"
CONSENT_WORDS = "Yes: if something I write here suggests I may not be safe, let my therapist know"


def test_connecting_offers_the_alert_choice_in_plain_words_and_says_it_is_not_watched(personas, sign_in):
    page = sign_in(personas.bob).get("/sharing").text
    assert CONSENT_WORDS in page
    assert "Yes, include what I wrote" in page
    assert "isn't watched around the clock" in page
    # No is chosen until the client says otherwise, for alerts and for words alike.
    assert re.search(r'name="alerts" value="no" checked', page)
    assert re.search(r'name="alert_words" value="no" checked', page)


def test_a_client_who_says_yes_on_connecting_is_recorded_and_audited(db, personas, sign_in):
    _, code = consent.create_invitation(db, personas.dave, "Bob")
    db.commit()
    bob = sign_in(personas.bob)
    response = bob.submit("/sharing/accept", {"code": code, "alerts": "yes", "alert_words": "no"},
                          page="/sharing")
    assert response.status_code == 303
    link = db.scalar(select(CareLink).where(CareLink.client_id == personas.bob.id))
    assert (link.alerts, link.alert_words) == (True, False)
    created = next(e for e in audit.events_about(db, personas.bob.id) if e.action == "link_created")
    assert "alerts=yes" in created.detail


def test_a_bad_code_keeps_the_alert_choice(personas, sign_in):
    bob = sign_in(personas.bob)
    page = bob.submit("/sharing/accept", {"code": "ZZZZ-ZZZZ", "alerts": "yes", "alert_words": "yes"},
                      page="/sharing").text
    assert re.search(r'name="alerts" value="yes" checked', page)
    assert re.search(r'name="alert_words" value="yes" checked', page)


def test_the_choice_can_be_changed_on_the_sharing_page_and_is_audited(db, personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit(f"/sharing/{personas.link_id}/alerts", {"alerts": "yes", "alert_words": "yes"},
                            page="/sharing")
    assert response.status_code == 303 and "done=alerts" in response.headers["location"]
    db.expire_all()
    link = db.get(CareLink, personas.link_id)
    assert (link.alerts, link.alert_words) == (True, True)
    assert audit.events_about(db, personas.alice.id)[0].action == "alerts_changed"
    page = alice.get("/privacy/activity").text
    assert "changed safety alerts" in page


def test_an_alert_shows_on_the_caseload_at_once_and_can_be_marked_seen(db, personas, sign_in):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    db.commit()
    alice = sign_in(personas.alice)
    alice.submit("/checkins", {"mood": "1", "note": URGENT}, page="/checkins/new")
    carol = sign_in(personas.carol)
    page = carol.get("/caseload").text
    assert "1 new" in page and "urgent" in page and "a check-in note" in page
    assert URGENT not in page  # no words: Alice didn't include them
    alert = db.scalar(select(Alert))
    seen = carol.submit(f"/alerts/{alert.id}/seen", {"next": "/caseload"}, page="/caseload")
    assert seen.status_code == 303
    page = carol.get(seen.headers["location"]).text
    assert "The alert is marked as seen." in page and "1 new" not in page and "seen " in page
    db.rollback()  # see what the requests committed
    assert "alert_seen" in [e.action for e in audit.events_about(db, personas.alice.id)]


def test_the_crisis_response_says_who_is_told(db, personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.submit("/checkins", {"mood": "1", "note": URGENT}, page="/checkins/new").text
    assert "Nobody else is told about this" in page and "around the clock" in page
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    db.commit()
    page = alice.submit("/checkins", {"mood": "1", "note": URGENT}, page="/checkins/new").text
    assert "Because you asked for this, Carol will get a note" in page
    assert "nobody is told" not in page.lower()


def test_words_the_client_included_are_shown_to_their_therapist_and_the_read_is_audited(db, personas, sign_in):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    page = sign_in(personas.carol).get("/caseload").text
    assert URGENT.replace("'", "&#39;") in page
    assert any(e.action == "read" and e.detail == "alert words" for e in audit.events_about(db, personas.alice.id))


def test_an_unrelated_therapist_sees_no_alert_and_cannot_mark_it(db, personas, sign_in):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    alert = db.scalar(select(Alert))
    dave = sign_in(personas.dave)
    page = dave.get("/caseload").text
    assert "Alice" not in page and URGENT not in page and "No alerts" in page
    assert dave.submit(f"/alerts/{alert.id}/seen", {}, page="/caseload").status_code == 404
    assert dave.get("/api/v1/alerts").json() == []


def test_the_api_lists_and_marks_alerts(db, personas, web, api_token):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    headers = api_token(personas.carol)
    [item] = web.get("/api/v1/alerts", headers=headers).json()
    assert item["level"] == "urgent" and item["words"] is None and item["seen_at"] is None
    marked = web.post(f"/api/v1/alerts/{item['id']}/seen", headers=headers).json()
    assert marked["seen_at"] is not None
    link = web.put(f"/api/v1/links/{personas.link_id}/alerts", json={"alerts": False},
                   headers=api_token(personas.alice)).json()
    assert link["alerts"] is False and link["alert_words"] is False
