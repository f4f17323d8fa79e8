"""Daily life as clients write of it (session 21), with the real emotion model: a partner off to work, a child's pet
lost, going without for the children, being adrift after a death, a friend's pregnancy, no tears at a funeral; each
heard for what it is, and asked about in a way that fits."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


_ENDED = ("since it ended", "it ending", "missing most", "getting through the days since")


@pytest.mark.parametrize("message", ["my wife left for work early", "my husband left the house at 6 this morning",
                                     "my partner left for his shift before i woke up"])
def test_a_partner_leaving_for_the_day_is_not_asked_about_a_break_up(listener, message):
    said = talk(listener, message)[-1]
    assert said.topic not in ("breakup", "separating"), said.reply
    assert not any(words in said.reply for words in _ENDED), said.reply


def test_a_partner_who_left_for_someone_else_is_still_heard_as_an_ending(listener):
    said = talk(listener, "my wife left for someone else")[-1]
    assert said.topic == "breakup", said.reply


@pytest.mark.parametrize("message, them", [
    ("my son's hamster died", "hamster"),
    ("my daughters cat died this morning", "cat"),
    ("my mum's dog died last week", "dog"),
])
def test_a_pet_of_someone_close_is_the_one_who_died_not_the_person_it_belonged_to(listener, message, them):
    said = talk(listener, message)[-1]
    assert not any(f"about {who}" in said.reply for who in ("him", "her")), said.reply
    assert "remembering" not in said.reply and "miss most" not in said.reply or them in said.question, said.reply


def test_a_child_crying_over_a_lost_pet_is_not_heard_as_missing_the_child(listener):
    said = talk(listener, "my son's hamster died", "he's been crying all night")[-1]
    assert "without him" not in said.reply and "miss most about him" not in said.reply, said.reply


def test_a_pet_put_down_already_is_not_a_goodbye_still_to_come(listener):
    said = talk(listener, "my mum's dog had to be put down")[-1]
    assert said.topic != "ahead" and "ahead" not in said.reply and "coming" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i've been skipping meals so the kids can eat",
                                     "im going without so my kids dont have to",
                                     "i skip dinner most nights so theres enough for the children"])
def test_going_without_for_ones_children_is_heard_as_strain_not_being_let_down(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is None or said.feeling.label not in ("disappointment", "joy", "love", "pride"), said.reply
    assert "let down" not in said.reply, said.reply
    assert said.topic == "goingwithout" and "family" not in said.question, said.reply


@pytest.mark.parametrize("lines", [
    ("my dad died last month", "i dont know what to do with myself"),
    ("my mum passed away on sunday", "i just dont know what to do with myself"),
    ("my mum died last week and i dont know what to do with myself",),
])
def test_not_knowing_what_to_do_with_oneself_after_a_death_is_heard_as_adrift_not_confused(listener, lines):
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.label == "grief", said.reply
    assert "lost" in said.feeling.word or "adrift" in said.feeling.word, said.reply
    assert not any(w in said.reply for w in ("confused", "unsure", "unclear", "figured out")), said.reply


def test_not_knowing_what_to_do_with_oneself_with_no_death_told_is_left_as_it_was(listener):
    said = talk(listener, "i dont know what to do with myself")[-1]
    assert said.feeling is None or said.feeling.label != "grief", said.reply


@pytest.mark.parametrize("message", ["my best friend just announced she's pregnant", "my sister told me she's pregnant",
                                     "my best mate is having a baby", "my best friend just got engaged"])
def test_someone_elses_pregnancy_or_engagement_told_plainly_names_no_feeling_for_them(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is None, said.reply
    assert not any(w in said.reply for w in ("pleased", "excited", "happy", "good to hear", "good news")), said.reply


def test_a_friends_pregnancy_after_trying_for_a_baby_is_not_heard_as_hope(listener):
    said = talk(listener, "we've been trying for ages and my best friend just announced she's pregnant")[-1]
    assert said.feeling is None or said.feeling.label not in ("optimism", "joy", "excitement", "pride"), said.reply
    assert not any(w in said.reply for w in ("hopeful", "pleased", "excited", "good to hear")), said.reply


def test_a_friends_pregnancy_told_as_glad_stays_glad(listener):
    said = talk(listener, "my best friend just announced she's pregnant!! so happy for her")[-1]
    assert said.feeling is not None and said.feeling.label in ("joy", "excitement"), said.reply


@pytest.mark.parametrize("lines", [("i didn't cry at the funeral",), ("my nan died last month and i havent cried once",),
                                   ("my dad died in march", "i didnt even cry at the funeral")])
def test_not_crying_after_a_death_is_asked_about_not_met_with_memories(listener, lines):
    said = talk(listener, *lines)[-1]
    assert not any(w in said.question for w in ("remembering", "miss most")), said.reply
    assert "cry" in said.question or "tears" in said.question, said.reply


def test_not_crying_is_said_back_without_garbling_who_died(listener):
    said = talk(listener, "my nan died and i havent cried once")[-1]
    assert "you and your nan" not in said.reply and "your nan died" in said.reply, said.reply


def test_a_partner_off_to_work_told_plainly_is_not_asked_what_has_been_happening_between_them(listener):
    said = talk(listener, "my wife left for work early")[-1]
    assert "What has been happening" not in said.question and "needing in this relationship" not in said.question, said.reply


def test_the_school_run_done_alone_is_not_asked_about_loneliness(listener):
    said = talk(listener, "my wife left for work early", "and i had to get the kids to school on my own")[-1]
    assert said.topic != "loneliness" and "connection" not in said.reply and "lonely" not in said.reply, said.reply
