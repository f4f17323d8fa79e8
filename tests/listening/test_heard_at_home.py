"""Family, partners and the people around them as clients tell them, with the real emotion model (session 19): a parent
in their care forgetting what keeps her safe, a child gone quiet, the nights lost after a partner left, a birthday no one
marked; each heard as the worry, the heartbreak or the hurt it is, never as irritation, a plain thanks or a load to
carry."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


@pytest.mark.parametrize("lines", [
    ("my mum is 82 and lives on her own", "she keeps forgetting her tablets"),
    ("she keeps forgetting her tablets",),
    ("my dad forgot to turn the cooker off again",),
    ("my mum has dementia", "she keeps forgetting to take her pills"),
    ("my mum lives on her own and keeps forgetting things",),
    ("my dad has alzheimer's", "he keeps getting lost when he goes out"),
])
def test_a_parent_forgetting_what_keeps_her_safe_is_heard_as_worry(listener, lines):
    # "she keeps forgetting her tablets" got "irritated ... What about it gets to you most?" (the model hears "keeps")
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and "worried" in said.feeling.word, said.reply
    assert not any(w in said.reply for w in ("irritated", "let down", "gets to you", "got to you")), said.reply


@pytest.mark.parametrize("line", [
    "My son is 14 and he's stopped talking to us",
    "my daughter won't talk to me",
    "our teenager has stopped talking to us",
    "my son is 16 and he barely speaks to me anymore",
])
def test_a_child_gone_quiet_is_heard_as_a_parents_worry_and_hurt(listener, line):
    # "My son is 14 and he's stopped talking to us" got a flat "Thank you for sharing that with me."
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.word == "worried and shut out", said.reply
    assert "Thank you for sharing" not in said.reply and "let down" not in said.reply, said.reply


@pytest.mark.parametrize("lines", [
    ("my wife left me last month", "i haven't slept properly since she left"),
    ("my husband left me", "cant sleep since he left"),
    ("my wife left", "i haven't slept properly in weeks"),
])
def test_sleep_lost_after_a_partner_left_is_heard_as_heartbreak_and_exhaustion(listener, lines):
    # it got "exhausted ... It makes sense to feel that way with so much asked of you" (or "nervous ... worry")
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == "heartbroken and exhausted", said.reply
    assert "so much asked of you" not in said.reply and "nervous" not in said.reply, said.reply


def test_sleep_lost_with_no_one_gone_is_still_heard_as_tiredness(listener):
    said = talk(listener, "work has been mental this month", "i haven't slept properly in weeks")[-1]
    assert said.feeling is None or "heartbroken" not in said.feeling.word, said.reply


def test_a_grandmother_forgetting_who_they_are_is_heard_as_sadness_not_worry_or_a_let_down(listener):
    # "she forgot who i was today" got "let down", as of a birthday forgotten
    said = talk(listener, "my nan is 90", "she forgot who i was today")[-1]
    assert said.feeling is not None and said.feeling.word == "sad", said.reply


# --- session 19, talking with it: family in hospital, at home, and between partners ------------------------------------

def test_family_who_have_not_visited_are_heard_as_a_let_down_not_a_worry(listener):
    # "my brother hasn't visited once" (their dad in hospital) got no feeling and "It takes courage to put these worries
    # into words"
    said = talk(listener, "my dad's been in and out of hospital all month", "i'm scared he won't come home this time",
                "my brother hasn't visited once")[-1]
    assert said.feeling is not None and said.feeling.word == "let down", said.reply
    assert "worries" not in said.reply, said.reply


def test_someone_in_and_out_of_hospital_is_heard_as_worry_not_as_down(listener):
    said = talk(listener, "my dad's been in and out of hospital all month")[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply


@pytest.mark.parametrize("line", ["some good news this week: my mum is home from hospital",
                                  "my dad came home from hospital yesterday"])
def test_someone_home_from_hospital_is_heard_as_relief_not_a_plain_thanks(listener, line):
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.word == "relieved", said.reply
    assert "Thank you for sharing" not in said.reply, said.reply


@pytest.mark.parametrize("lines", [("my flatmate never cleans up",),
                                   ("my flatmate never cleans up", "i've asked her like five times")])
def test_asking_and_asking_is_heard_as_fed_up_not_a_plain_thanks(listener, lines):
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == "fed up", said.reply
    assert "Thank you for sharing" not in said.reply, said.reply


def test_arguing_again_and_again_is_heard_as_wearing_not_a_plain_thanks(listener):
    said = talk(listener, "my partner and i keep arguing about money")[-1]
    assert said.feeling is not None and said.feeling.word == "worn down by the arguing", said.reply
    assert "Thank you for sharing" not in said.reply, said.reply


def test_a_birthday_no_one_marked_is_heard_as_a_let_down_not_happy(listener):
    # "nobody at work even said happy birthday" got "happy ... It's good to hear something has felt this way for you"
    said = talk(listener, "nobody at work even said happy birthday")[-1]
    assert said.feeling is not None and said.feeling.word == "let down and forgotten", said.reply
    assert "good to hear" not in said.reply, said.reply


def test_a_sister_who_makes_everything_about_her_is_heard_as_frustrating(listener):
    said = talk(listener, "my sister always makes everything about her")[-1]
    assert said.feeling is not None and said.feeling.word == "frustrated", said.reply
    assert "Thank you for sharing" not in said.reply, said.reply


# --- session 19, short messages as people text them ------------------------------------------------------------------

@pytest.mark.parametrize("line, word", [
    ("my friends all have partners and im still single", "left behind"),
    ("got dumped over text lol", "hurt"),
    ("i finally said no to my mum and shes not speaking to me now", "torn"),
    ("i messed up at work and everyone knows", "embarrassed"),
])
def test_short_texts_about_the_people_around_them_are_heard_as_meant(listener, line, word):
    # each got "fond ... good to hear", a plain thanks, "relieved ... what does this mean to you?" or "let down"
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.word == word, said.reply
    assert not any(w in said.reply for w in ("fond", "good to hear", "Thank you for sharing", "relieved")), said.reply


def test_their_own_word_for_being_dumped_comes_first(listener):
    said = talk(listener, "my boyfriend dumped me and im gutted")[-1]
    assert said.feeling is not None and said.feeling.word == "gutted", said.reply
