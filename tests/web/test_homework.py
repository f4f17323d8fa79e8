"""Homework on the web and API: a therapist suggests, the client sees it due and does it, sharing decides."""

from __future__ import annotations

import html

from holdspace.homework import assignments
from holdspace.mindfulness import log
from holdspace.privacy import consent


def _suggest(carol, alice_id, **fields):
    data = {"practice": "breathing:4-7-8", "repeat": "days", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            "note": "Before bed, if it helps.", **fields}
    return carol.submit(f"/clients/{alice_id}/homework", data)


def test_a_therapist_suggests_a_practice_and_the_client_sees_it_on_home_and_practices(personas, sign_in):
    carol, alice = sign_in(personas.carol), sign_in(personas.alice)
    sent = _suggest(carol, personas.alice.id)
    assert sent.status_code == 303
    page = carol.get(sent.headers["location"]).text
    assert "Breathing with the pacer: 4-7-8" in page and "Every day" in page
    assert "doesn&#39;t share exercises with you" in page or "doesn't share exercises with you" in html.unescape(page)
    home = html.unescape(alice.get("/").text)
    assert "For today, whenever you're ready" in home
    assert 'href="/practices/breathing?pattern=4-7-8&amp;minutes=5"' in alice.get("/").text
    assert "Suggested by Carol" in home and "Before bed, if it helps." in home
    practices = html.unescape(alice.get("/practices").text)
    assert "For this week from Carol" in practices and "Whenever you're ready." in practices


def test_doing_it_marks_it_done_and_the_therapist_sees_that_only_when_exercises_are_shared(personas, sign_in, db):
    carol, alice = sign_in(personas.carol), sign_in(personas.alice)
    _suggest(carol, personas.alice.id)
    alice.submit("/practices/log", {"kind": "breathing", "detail": "4-7-8", "minutes": "5"})
    practices = html.unescape(alice.get("/practices").text)
    assert "Thank you for making the time." in practices
    assert "Suggested by Carol" not in html.unescape(alice.get("/").text)
    hidden = carol.get(f"/clients/{personas.alice.id}/homework").text
    assert "Done once" not in hidden
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    assert "Done once since" in carol.get(f"/clients/{personas.alice.id}/homework").text


def test_nothing_on_either_page_counts_or_names_a_missed_day(personas, sign_in, db):
    carol, alice = sign_in(personas.carol), sign_in(personas.alice)
    _suggest(carol, personas.alice.id)
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    for page in (alice.get("/").text, alice.get("/practices").text,
                 carol.get(f"/clients/{personas.alice.id}/homework").text):
        lowered = html.unescape(page).lower()
        for word in ("missed", "overdue", "streak", "late", "behind", "failed"):
            assert word not in lowered, word


def test_a_bad_plan_comes_back_filled_in_with_a_kind_word(personas, sign_in):
    carol = sign_in(personas.carol)
    sent = _suggest(carol, personas.alice.id, days=[], note="Keep this note, please.")
    assert sent.status_code == 400
    page = html.unescape(sent.text)
    assert "Please tick at least one day of the week." in page
    assert "Keep this note, please." in page and 'value="breathing:4-7-8" selected' in sent.text
    assert "Nothing suggested yet." in page


def test_a_therapist_can_stop_a_suggestion_and_the_client_no_longer_sees_it(personas, sign_in, db):
    carol, alice = sign_in(personas.carol), sign_in(personas.alice)
    _suggest(carol, personas.alice.id)
    [hw] = assignments.of_client(db, personas.alice.id)
    sent = carol.submit(f"/clients/{personas.alice.id}/homework/{hw.id}/stop", {})
    assert sent.status_code == 303
    assert "stopped" in carol.get(sent.headers["location"]).text
    assert "For this week from Carol" not in alice.get("/practices").text


def test_an_unrelated_therapist_can_neither_see_nor_suggest(personas, sign_in):
    carol, dave = sign_in(personas.carol), sign_in(personas.dave)
    _suggest(carol, personas.alice.id, note="canary-for-dave")
    page = dave.get(f"/clients/{personas.alice.id}/homework")
    assert page.status_code == 404 and "canary-for-dave" not in page.text
    assert _suggest(dave, personas.alice.id).status_code == 404


def test_the_api_lists_suggests_and_shows_what_is_due(personas, sign_in, api_token, db):
    web = sign_in(None)
    carol_h, alice_h = api_token(personas.carol), api_token(personas.alice)
    catalogue = web.get("/api/v1/homework/practices").json()
    assert {"key": "grounding", "shows_done_with": "exercises"}.items() <= next(
        p for p in catalogue if p["key"] == "grounding").items()
    made = web.post(f"/api/v1/clients/{personas.alice.id}/homework", headers=carol_h,
                    json={"practice": "grounding", "repeat": "every", "every_days": 2, "note": "Try it on the bus."})
    assert made.status_code == 201, made.text
    assert made.json()["schedule"]["words"] == "every 2 days" and made.json()["done"] is None
    bad = web.post(f"/api/v1/clients/{personas.alice.id}/homework", headers=carol_h,
                   json={"practice": "grounding", "repeat": "never"})
    assert bad.status_code == 400
    [mine] = web.get("/api/v1/homework", headers=alice_h).json()
    assert mine["is_due"] and mine["note"] == "Try it on the bus." and mine["done"] == []
    due = web.get("/api/v1/due", headers=alice_h).json()
    assert {"what": "homework", "title": "5-4-3-2-1 grounding", "href": "/practices/grounding",
            "why": "Suggested by Carol", "note": "Try it on the bus."} in due
    log.record_session(db, personas.alice, "grounding", 3)
    db.commit()
    [mine] = web.get("/api/v1/homework", headers=alice_h).json()
    assert not mine["is_due"] and mine["done"][0]["what"] == "practice_log"
    [theirs] = web.get(f"/api/v1/clients/{personas.alice.id}/homework", headers=carol_h).json()
    assert theirs["done"] is None and theirs["times_done"] is None  # exercises not shared
    stopped = web.post(f"/api/v1/clients/{personas.alice.id}/homework/{mine['id']}/stop", headers=carol_h)
    assert stopped.status_code == 200 and stopped.json()["ended_at"]
    assert web.get("/api/v1/homework", headers=alice_h).json() == []


def test_the_client_can_put_a_suggestion_aside_without_giving_a_reason(personas, sign_in, db):
    carol, alice = sign_in(personas.carol), sign_in(personas.alice)
    _suggest(carol, personas.alice.id)
    [hw] = assignments.of_client(db, personas.alice.id)
    sent = alice.submit(f"/homework/{hw.id}/aside", {})
    assert sent.status_code == 303
    page = html.unescape(alice.get(sent.headers["location"]).text)
    assert "It's off your list." in page and "For this week from Carol" not in page
    assert "No longer in Alice's list since" in html.unescape(carol.get(f"/clients/{personas.alice.id}/homework").text)
    assert alice.submit(f"/homework/{hw.id}/aside", {}).status_code == 404  # already off the list
