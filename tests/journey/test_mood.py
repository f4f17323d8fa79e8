from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed
from holdspace.journey import mood


def test_a_check_in_keeps_mood_feelings_in_list_order_and_the_note(db, personas):
    checkin = mood.record_checkin(db, personas.alice, "6", ["hopeful", "Tired"], "  slept badly  ")
    assert (checkin.mood, checkin.feeling_list, checkin.note) == (6, ["tired", "hopeful"], "slept badly")
    assert checkin.mood_word == "okay"


@given(st.integers(min_value=0, max_value=10))
def test_every_point_on_the_scale_is_accepted_and_named(value):
    assert mood.parse_mood(value) == value
    assert mood.mood_word(value)


@pytest.mark.parametrize("raw", [-1, 11, "7.5", "", None, "seven", True])
def test_moods_off_the_scale_get_a_kind_message(raw):
    with pytest.raises(InvalidInput) as caught:
        mood.parse_mood(raw)
    assert "0" in caught.value.fields["mood"] and "10" in caught.value.fields["mood"]


def test_every_problem_is_reported_together():
    with pytest.raises(InvalidInput) as caught:
        mood.check_checkin(42, ["sad", "bananas"], "x" * (mood.NOTE_LIMIT + 1))
    assert set(caught.value.fields) == {"mood", "feelings", "note"}
    assert "bananas" in caught.value.fields["feelings"]


def test_therapists_do_not_check_in(db, personas):
    with pytest.raises(NotAllowed):
        mood.record_checkin(db, personas.carol, 5)


def test_listing_is_newest_first_and_limited_to_the_owner_and_days(db, personas):
    now = clock.now()
    for days_ago, value in [(40, 1), (10, 4), (1, 7)]:
        mood.record_checkin(db, personas.alice, value, at=now - timedelta(days=days_ago))
    mood.record_checkin(db, personas.bob, 9)
    assert [c.mood for c in mood.list_checkins(db, personas.alice.id)] == [7, 4, 1]
    assert [c.mood for c in mood.list_checkins(db, personas.alice.id, days=28)] == [7, 4]


def test_the_summary_gives_average_range_and_common_feelings(db, personas):
    rows = [mood.record_checkin(db, personas.alice, v, f) for v, f in
            [(3, ["sad"]), (5, ["sad", "calm"]), (7, ["calm"]), (6, ["calm"])]]
    summary = mood.summarise(rows)
    assert (summary.count, summary.average, summary.lowest, summary.highest) == (4, 5.2, 3, 7)
    assert summary.common_feelings[:2] == ("calm", "sad")
