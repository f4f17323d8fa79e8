"""Messages heard at the size they were told (session 15, round 3), with the real emotion model: a small thing not
made heavy, a heavy thing not made small."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


@pytest.mark.parametrize("lines", [("i've been sleeping really badly",), ("i've been sleeping really badly", "3 hours a night"),
                                   ("im barely sleeping at the moment",)])
def test_sleeping_badly_is_heard_as_worn_out_not_as_sadness(listener, lines):
    # session 15: "i've been sleeping really badly" got "sad. That's a lot to carry", "3 hours a night" "really heavy"
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word in {"exhausted", "worn out", "tired", "drained"}, said.reply
    assert not any(w in said.reply for w in ("a lot to carry", "really heavy", "hurts", " sad", "down."))


def test_sleeping_badly_since_a_death_is_still_grief(listener):
    said = talk(listener, "i've been sleeping really badly since my wife died")[-1]
    assert said.feeling is not None and said.feeling.label == "grief" and "exhausted" not in said.reply, said.reply


@pytest.mark.parametrize("answer", ["ok", "okay", "fine", "i'm fine", "nah"])
def test_ok_after_hello_is_invited_in_not_seen_off(listener, answer):
    # session 15: "ok" after "hi" got "That's alright. If any of it is still on your mind later, I'm here to listen."
    said = talk(listener, "hi", answer)[-1]
    assert "later" not in said.reply and "no pressure to say more" not in said.reply
    assert said.reply.rstrip().endswith("?")


@pytest.mark.parametrize("before", [0, 1, 2, 3])
def test_irritation_is_not_asked_about_as_anger(listener, before):
    # session 15: "my flatmate keeps eating my food" was named "irritated", then asked "How does that anger show up for
    # you?" (which question comes depends on how far into the conversation it is told)
    said = talk(listener, *["hi"] * before, "my flatmate keeps eating my food")[-1]
    assert said.feeling is not None and said.feeling.word == "irritated"
    assert "anger" not in said.reply


@pytest.mark.parametrize("before, message, topic", [(("hi",), "just work", "work"), (("hi", "fine thanks"), "just work", "work"),
                                                     (("hi",), "just school", "study")])
def test_a_topic_named_plainly_is_not_asked_what_weighs_on_them(listener, before, message, topic):
    # session 15: "just work" got "What's been happening at work that weighs on you most?": a weight never told
    said = talk(listener, *before, message)[-1]
    assert said.topic == topic, said.reply
    assert not any(w in said.reply for w in ("weigh", "affecting", "pressure")), said.reply


@pytest.mark.parametrize("lines", [("my mind just won't switch off",), ("i've been sleeping really badly", "my mind just won't switch off")])
def test_a_mind_that_wont_switch_off_is_heard_as_worry_not_tiredness(listener, lines):
    # session 15: after sleeping badly, "my mind just won't switch off" got "That kind of tiredness deserves to be taken
    # seriously", with no feeling named
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.label in {"nervousness", "fear"}, said.reply
    assert "tiredness" not in said.reply and "worn out" not in said.reply


@pytest.mark.parametrize("message", ["i got my results back and i didn't get into my first choice", "i didn't get into my first choice"])
def test_not_getting_into_a_first_choice_is_a_let_down_not_excitement(listener, message):
    # session 16, round 2, talked through: got "excited. That sounds like it really matters to you."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "disappointment", said.reply


def test_a_son_moving_back_home_is_not_guessed_as_down(listener):
    # session 16, round 4: "It sounds like you might be feeling down ... with things in your family as they are?"
    said = talk(listener, "my son is moving back home next month")[-1].reply
    assert "down" not in said and "as they are" not in said


def test_a_husband_who_never_listens_names_a_feeling(listener):
    said = talk(listener, "my husband never listens to me")[-1]
    assert said.feeling is not None, said.reply


def test_fine_i_guess_is_no_good_news_and_flat_after_it_is_not_a_moment_to_hold_on_to(listener):
    # session 16, round 4 (talked through): "work is fine i guess" was named hopeful ("what does this mean to you?"), and
    # "just feel kind of flat" after it "a moment worth holding on to"
    fine, flat = talk(listener, "work is fine i guess", "just feel kind of flat")
    assert fine.feeling is None or fine.feeling.label not in {"optimism", "joy", "approval"}, fine.reply
    assert flat.feeling is not None and flat.feeling.word == "flat", flat.reply
    assert "holding on to" not in flat.reply and "build on" not in flat.reply


def test_playing_down_a_hurt_just_told_is_not_asked_what_brought_it_up(listener):
    # session 16, round 4 (talked through): "it's not a big deal i guess", after "my partner forgot my birthday"
    said = talk(listener, "my partner forgot my birthday", "it's not a big deal i guess")[-1]
    assert "brought this up" not in said.question, said.reply


def test_not_even_knowing_how_to_tell_a_wife_about_a_redundancy_is_worry_not_confusion(listener):
    # session 16, round 4 (talked through): "confused ... it's alright if it doesn't make sense yet"
    said = talk(listener, "i got made redundant today", "i've been there 15 years", "i don't even know how to tell my wife")[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply
