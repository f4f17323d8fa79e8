"""Music and movement prompts on the practices page, logged in the practice log like any practice."""

import html

import pytest

from holdspace.creativity import prompts
from holdspace.errors import InvalidInput
from holdspace.mindfulness import log
from holdspace.privacy import consent, export


def test_a_music_prompt_is_logged_with_its_key_and_read_back_as_its_words(db, personas):
    row = log.record_session(db, personas.alice, "music", 6, 3, 6, "music-hum")
    db.commit()
    assert (row.kind, row.detail, row.before, row.after) == ("music", "music-hum", 3, 6)
    assert row.name == "Music" and row.detail_label == "Hum a long, low note for as long as…"


def test_a_detail_that_isnt_a_prompt_of_that_kind_is_never_stored(db, personas):
    as_movement = log.record_session(db, personas.alice, "movement", 5, detail="music-hum")
    free_text = log.record_session(db, personas.alice, "music", 5, detail="my secret thoughts")
    assert as_movement.detail == "" and free_text.detail == ""


def test_a_log_without_minutes_is_refused_for_music_too(db, personas):
    with pytest.raises(InvalidInput) as caught:
        log.record_session(db, personas.alice, "movement", "", detail="move-shake-out")
    assert "minutes" in caught.value.fields


def test_the_practices_page_offers_one_music_and_one_movement_prompt_with_a_way_to_log_it(personas, sign_in):
    page = html.unescape(sign_in(personas.alice).get("/practices").text)
    music = [p for p in prompts.moving_prompts("music") if p.text in page]
    movement = [p for p in prompts.moving_prompts("movement") if p.text in page]
    assert len(music) == 1 and len(movement) == 1
    assert f"/practices/log?kind=music&detail={music[0].key}" in page
    assert "/practices/music-and-movement" in page


def test_the_music_and_movement_page_filters_by_feeling(personas, sign_in):
    alice = sign_in(personas.alice)
    everything = html.unescape(alice.get("/practices/music-and-movement").text)
    assert all(p.text in everything for p in prompts.moving_prompts())
    angry = html.unescape(alice.get("/practices/music-and-movement?feeling=angry").text)
    shown = [p for p in prompts.moving_prompts() if p.text in angry]
    assert shown and all("angry" in p.feelings for p in shown)


def test_logging_from_a_prompt_shows_it_then_lists_it_in_the_log(personas, sign_in):
    alice = sign_in(personas.alice)
    form = html.unescape(alice.get("/practices/log?kind=movement&detail=move-push-the-wall").text)
    assert "How did it go with this one?" in form and "Place your palms on a wall" in form
    saved = alice.submit("/practices/log", {"kind": "movement", "detail": "move-push-the-wall", "minutes": "3",
                                            "before": "2", "after": "5"}, page="/practices/log")
    assert saved.status_code == 303
    listing = html.unescape(alice.get("/practices/log").text)
    assert "Movement (Place your palms on a wall and…)" in listing
    wrong = html.unescape(alice.submit("/practices/log", {"kind": "movement", "detail": "move-push-the-wall",
                                                          "minutes": "lots"}, page="/practices/log").text)
    assert "Place your palms on a wall" in wrong  # the prompt stays with the form


def test_a_sharing_therapist_sees_music_and_movement_in_the_practice_log(db, personas, sign_in):
    consent.set_shares(db, personas.alice, personas.link_id, ["exercises"])
    log.record_session(db, personas.alice, "music", 10, detail="music-memory-song")
    db.commit()
    page = html.unescape(sign_in(personas.carol).get(f"/clients/{personas.alice.id}/practices").text)
    assert "Music (Play a song from a time in your…)" in page


def test_music_and_movement_logs_travel_in_an_export(db, personas):
    log.record_session(db, personas.alice, "movement", 4, 3, 4, "move-slow-stretch")
    db.commit()
    rows = export.export_data(db, personas.alice)["practice_log"]
    assert rows[-1]["kind"] == "movement" and rows[-1]["detail"] == "move-slow-stretch"
    log.check_export_row(rows[-1])


def test_the_api_lists_music_and_movement_prompts_and_logs_one(personas, sign_in, api_token):
    web = sign_in(None)
    music = web.get("/api/v1/practices/music-and-movement", params={"kind": "music"}).json()
    assert len(music) >= 15 and {p["kind"] for p in music} == {"music"}
    saved = web.post("/api/v1/practice-log", json={"kind": "music", "minutes": 4, "detail": music[0]["key"]},
                     headers=api_token(personas.alice))
    assert saved.status_code == 201 and saved.json()["detail"] == music[0]["key"]
