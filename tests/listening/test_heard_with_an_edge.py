"""Words said with an edge and two feelings at once, with the real emotion model: sarcasm heard as an edge, never as
gladness ("Oh sure, it's fine. I love coming home to an empty house."), and both sides of a mixed feeling heard
("i miss him but im also kinda glad hes gone")."""

import pytest

from tests.listening.stand_ins import talk



@pytest.fixture
def listener(real_listener):
    return real_listener


# --- words said with an edge, and two feelings at once (session 17, round 8) ------------------------------------------

GLAD_REPLIES = ("good to hear", "made you smile", "felt best", "worth holding on to", "build on it", "nicest part")


def test_an_empty_house_said_with_an_edge_is_not_heard_as_love(listener):
    # "Oh sure, it's fine. I love coming home to an empty house" got "you're feeling loving ... It's good to hear something
    # has felt this way for you. What made you smile most about it?", and "loving" in the summary after
    said = talk(listener, "my wife moved out in the spring and took the kids with her",
                "nobody at work asks how i'm doing",
                "Oh sure, it's fine. I love coming home to an empty house.", "i just want someone to notice")
    assert said[2].feeling is None or said[2].feeling.label not in ("love", "joy"), said[2].reply
    assert not any(words in said[2].reply for words in GLAD_REPLIES), said[2].reply
    assert "doesn't sit easy" in said[2].reply or "more under those words" in said[2].reply
    assert "loving" not in said[3].reply


@pytest.mark.parametrize("line", [
    "oh great, another thing to be anxious about. being happy",
    "oh great, just what i needed, the boiler's broken",
    "He's got a new girlfriend already. Good for him.",
    # session 19: gushing words around a plain misfortune were heard as "loving ... good to hear"
    "oh great, i just love coming home to an empty house",
    "yeah because being ignored all day is SO much fun",
    "fantastic, the car broke down again. love that",
    "wonderful. another rejection email. my favourite",
])
def test_sarcasm_is_heard_as_an_edge_not_as_gladness(listener, line):
    said = talk(listener, line)[-1]
    assert said.feeling is None or said.feeling.label not in ("joy", "love", "excitement", "pride"), said.reply
    assert "happy and anxious" not in said.reply and not any(words in said.reply for words in GLAD_REPLIES), said.reply
    assert "doesn't sit easy" in said.reply or "more under those words" in said.reply


@pytest.mark.parametrize("line", ["oh great, i passed!", "oh wonderful, my sister had her baby",
                                  "brilliant, i finally fixed the broken shelf"])
def test_genuine_oh_great_news_is_not_taken_for_sarcasm(listener, line):
    said = talk(listener, line)[-1]
    assert "doesn't sit easy" not in said.reply and "more under those words" not in said.reply
    # a small win is not a load ("brilliant, i finally fixed the broken shelf" got "down ... a lot to carry")
    assert "a lot to carry" not in said.reply and (said.feeling is None or said.feeling.label != "sadness"), said.reply


@pytest.mark.parametrize("line", [
    "Part of me is relieved it's all out and part of me wishes I'd kept quiet.",
    "i'm glad i sent it but i also wish i could take it back",
])
def test_two_sides_at_once_are_heard_as_torn_not_as_the_glad_one(listener, line):
    # "part of me is relieved it's out and part of me wishes I never said it" got "relieved ... That sounds like a moment
    # worth holding on to. How would you like to build on it?"; "glad ... but wish i could take it back" got "hopeful"
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.word == "torn", said.reply
    assert not any(words in said.reply for words in GLAD_REPLIES), said.reply


def test_love_and_resentment_for_the_same_person_are_both_heard(listener):
    # "i love her but some days i resent her" got "loving ... It's good to hear something has felt this way for you"
    said = talk(listener, "i love my mum but some days i resent her")[-1]
    assert said.feeling is not None and "resentful" in said.feeling.word and "loving" in said.feeling.word, said.reply
    assert not any(words in said.reply for words in GLAD_REPLIES), said.reply


def test_kindness_that_made_it_worse_is_not_relief(listener):
    # after a relapse, "he was kind about it which somehow made it worse" got "relieved ... What part of it has felt best?"
    said = talk(listener, "i had a drink on saturday after a year sober",
                "my wife was really understanding about it which just made it worse")[-1]
    assert said.feeling is None or said.feeling.label not in ("relief", "joy", "gratitude"), said.reply
    assert not any(words in said.reply for words in GLAD_REPLIES), said.reply


def test_missing_someone_and_glad_they_are_gone_is_heard_as_both(real_listener):
    said = talk(real_listener, "my brother moved out on sunday",
                "i miss him already but im also kind of relieved hes gone")[-1]
    assert said.feeling is not None and said.feeling.word == "torn", said.reply
    assert "down" not in said.reply


def test_relief_and_then_guilt_is_not_the_happiness_of_the_years_before(real_listener):
    said = talk(real_listener, "We used to be happy. These days when she's away for work I feel relieved, "
                               "and then guilty about it.")[-1]
    assert said.feeling is not None and said.feeling.word == "relieved, and then guilty", said.reply
    assert "happy and guilty" not in said.reply


# session 17, round 10: "love that for me" about the rent going up was heard as "loving ... good news"
def test_love_that_for_me_after_bad_news_is_heard_with_its_edge(real_listener):
    said = talk(real_listener, "my boss just cancelled my holiday. again", "love that for me")[-1]
    assert said.feeling is None or said.feeling.label not in ("love", "joy"), said.reply
    assert "good news" not in said.reply and "loving" not in said.reply and "nicest" not in said.reply, said.reply


# session 17, round 10: "i feel like a fraud" amid congratulations was heard as "surprised ... something unexpected"
@pytest.mark.parametrize("lines", [
    ("They made me head of department this week.", "Everyone keeps congratulating me and I feel like a fraud."),
    ("my teachers keep telling me how well i'm doing and i feel like such an impostor",),
])
def test_feeling_a_fraud_is_said_back_as_theirs(real_listener, lines):
    said = talk(real_listener, *lines)[-1]
    assert "fraud" in said.reply or "impostor" in said.reply, said.reply
    assert not any(w in said.reply for w in ("surprised", "unexpected", "let down", "excited")), said.reply


# session 19: "love that for me" after good news in the same message was heard as "full of love"; after bad news in the
# same message it was "loving ... It's good to hear something has felt this way for you"; and either way it was said back
# as "you love that for you"
@pytest.mark.parametrize("line", ["got the job!! love that for me", "passed my driving test, love that for me"])
def test_love_that_for_me_after_good_news_is_heard_as_gladness_not_love(real_listener, line):
    said = talk(real_listener, line)[-1]
    assert said.feeling is not None and said.feeling.word == "proud and happy", said.reply
    assert "love" not in said.reply.lower(), said.reply


def test_love_that_for_me_after_bad_news_in_the_same_message_keeps_its_edge(real_listener):
    said = talk(real_listener, "rent went up again. love that for me")[-1]
    assert said.feeling is None or said.feeling.label not in ("love", "joy", "pride"), said.reply
    assert "love" not in said.reply.lower() and "good to hear" not in said.reply, said.reply
    assert "rent went up again" in said.reply


# session 19: sarcasm in texting words ("cool cool cool", "yeah cos that went well") was heard as excitement or not at
# all; "lol my life is a joke" as "amused ... It's good to hear something has felt this way for you"
@pytest.mark.parametrize("line", ["my ex is getting married. cool cool cool", "yeah cos that went well",
                                  "happy birthday to me i guess"])
def test_sarcasm_in_texting_words_is_heard_as_an_edge(real_listener, line):
    said = talk(real_listener, line)[-1]
    assert said.feeling is None or said.feeling.label not in ("joy", "excitement", "love", "pride"), said.reply
    assert "doesn't sit easy" in said.reply or "more under those words" in said.reply, said.reply
    assert "cos that" not in said.reply and "happy birthday to you" not in said.reply, said.reply


def test_a_life_called_a_joke_is_heard_as_discouraged_not_amused(real_listener):
    said = talk(real_listener, "lol my life is a joke")[-1]
    assert said.feeling is not None and said.feeling.word == "discouraged", said.reply
    assert "amused" not in said.reply and "good to hear" not in said.reply, said.reply
