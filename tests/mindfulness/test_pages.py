"""The breathing, guided and log pages, and the breathing API."""

from holdspace.mindfulness import log


def test_a_pattern_that_cant_be_paced_comes_back_filled_in_with_the_range(personas, sign_in):
    page = sign_in(personas.alice).get("/practices/breathing?pattern=60-60&minutes=5")
    assert page.status_code == 400
    assert "breathing in is 60 seconds" in page.text and "1 to 20 seconds" in page.text
    assert 'value="60-60"' in page.text and 'class="pacer"' not in page.text


def test_the_breathing_page_carries_the_pattern_for_the_circle_and_a_plain_plan(personas, sign_in):
    page = sign_in(personas.alice).get("/practices/breathing?pattern=4-7-8&minutes=2").text
    assert 'data-durations="4.0,7.0,8.0,0.0"' in page and 'data-cycles="6"' in page
    assert "Breathe in for 4 seconds, hold for 7 seconds, breathe out for 8 seconds. Repeat 6 times." in page


def test_guided_practices_list_every_timed_step(personas, sign_in):
    page = sign_in(personas.alice).get("/practices/grounding").text
    assert "name five things you can see" in page and "(45 seconds)" in page
    assert "Body scan" in sign_in(personas.alice).get("/practices/body-scan").text


def test_logging_a_practice_keeps_what_was_typed_when_something_is_off(personas, sign_in, db):
    alice = sign_in(personas.alice)
    bad = alice.submit("/practices/log", {"kind": "breathing", "minutes": "lots", "before": "11", "after": "6"},
                       page="/practices/log")
    assert bad.status_code == 400
    assert "How many minutes did you practise?" in bad.text and "from 0 (not at all calm)" in bad.text
    assert 'value="lots"' in bad.text and 'value="11"' in bad.text
    ok = alice.submit("/practices/log", {"kind": "breathing", "detail": "4-6", "minutes": "5", "before": "3",
                                         "after": "6"}, page="/practices/log")
    assert ok.headers["location"] == "/practices/log?done=practice"
    [row] = log.sessions(db, personas.alice.id)
    assert (row.kind, row.detail, row.seconds, row.before, row.after) == ("breathing", "4-6", 300, 3, 6)
    hub = alice.get("/practices").text
    assert "This week: 1 practice, 5 minutes in all; on average you felt 3 points calmer afterwards." in hub


def test_the_timeline_api_gives_every_phase_its_exact_start(personas, sign_in):
    plan = sign_in(None).get("/api/v1/breathing/timeline?pattern=box&cycles=2").json()
    assert plan["total_seconds"] == 32 and [p["start"] for p in plan["phases"]][:5] == [0, 4, 8, 12, 16]
    bad = sign_in(None).get("/api/v1/breathing/timeline?pattern=abc")
    assert bad.status_code == 400 and "isn't a breathing pattern" in bad.json()["error"]


def test_the_logged_detail_is_only_ever_a_pattern_never_free_text(db, personas):
    kept = log.record_session(db, personas.alice, "breathing", 5, detail="box")
    dropped = log.record_session(db, personas.alice, "breathing", 5, detail="my secret words")
    other = log.record_session(db, personas.alice, "grounding", 5, detail="4-6")
    assert (kept.detail, dropped.detail, other.detail) == ("4-4-4-4", "", "")
