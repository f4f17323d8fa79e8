"""After a break-up, and when someone says they aren't meant to feel this much: what a person would feel as heard."""

import pytest

from holdspace.language.emotions import LABELS, Emotions
from holdspace.listening.listener import Listener
from holdspace.listening.signals import roadblocks_in
from holdspace.listening.templates import responses
from tests.listening.stand_ins import bag_of_words, rules_only, talk

CUES = {"sad": "sadness", "upset": "sadness", "crying": "sadness", "loved": "love", "good time": "joy",
        "got the job": "joy", "arguing": "annoyance"}


def cued(texts):
    """A stand-in emotion model: a label for each cue word, so these tests run in milliseconds."""
    found = []
    for text in texts:
        scores = {label: 0.01 for label in LABELS}
        for cue, label in CUES.items():
            if cue in text.lower():
                scores[label] = 0.7
        if max(scores.values()) < 0.5:
            scores["neutral"] = 0.8
        labels = tuple(sorted((l for l, s in scores.items() if s >= 0.5), key=lambda l: -scores[l]))
        found.append(Emotions(scores, labels, "neutral"))
    return found


@pytest.fixture
def listener():
    return Listener(emotions=cued, embed=bag_of_words, risk=rules_only)




def texts(group: str, section: str = "validation") -> set[str]:
    return {t["text"] for t in responses()[section][group]}


ABOUT_THE_RELATIONSHIP = ("in this relationship", "between the two of you")


@pytest.mark.parametrize("opening", ["we broke up last week", "my girlfriend left me on sunday",
                                     "my boyfriend dumped me on saturday", "we split up after ten years",
                                     "we're getting divorced"])
def test_after_a_break_up_no_question_asks_about_the_relationship_as_if_it_went_on(listener, opening):
    replies = talk(listener, opening, "i keep checking her instagram", "she was my girlfriend for three years",
                   "i can't stop crying", "everyone keeps asking how i am")
    for reply in replies:
        assert not any(words in reply.question for words in ABOUT_THE_RELATIONSHIP), (opening, reply.reply)
    # (a divorce under way is asked about as it happens, not "since it ended": test_heard_where_they_are.py)
    assert replies[0].question in {q["text"] for topic in ("breakup", "separating")
                                   for q in responses()["topics"][topic]["questions"]}


def test_a_relationship_that_goes_on_still_gets_asked_about(listener):
    reply = talk(listener, "my boyfriend and i keep arguing about money")[0]
    assert reply.question in {q["text"] for q in responses()["topics"]["relationship"]["questions"]}


@pytest.mark.parametrize("said", ["i'm not even meant to be this upset", "I shouldn't be this upset",
                                  "honestly i know i should be over it by now",
                                  "im not supposed to feel like this"])
def test_a_rule_about_how_much_to_feel_is_said_back_as_theirs_and_the_feeling_gets_room(listener, said):
    reply = talk(listener, said)[0]
    assert reply.reply.startswith(("It sounds like you're telling yourself you're", "Part of you seems to feel you're",
                                   "You're holding yourself to the idea that you're")), reply.reply
    assert "not even meant" not in reply.reply
    assert reply.validation in texts("permission")
    assert not roadblocks_in(reply.reply)


def test_the_rule_in_the_middle_of_a_message_is_theirs_too(listener):
    reply = talk(listener, "we broke up last week and i'm not meant to be this upset")[0]
    assert "you broke up last week and you feel you're not meant to be this upset" in reply.reply
    assert reply.validation in texts("permission")


def test_someone_elses_rule_is_said_back_as_theirs_with_room_for_the_feeling(listener):
    reply = talk(listener, "everyone says i should be over it by now")[0]
    assert "everyone says you're meant to be over it by now" in reply.reply
    assert "telling yourself" not in reply.reply
    assert reply.validation in texts("permission")


def test_regret_is_not_taken_for_a_rule_about_feelings(listener):
    reply = talk(listener, "I should have called her back")[0]
    assert "you wish you had called her back" in reply.reflection
    assert "telling yourself" not in reply.reflection and reply.validation not in texts("permission")


@pytest.mark.parametrize("memory", ["i loved her so much", "we had such a good time in paris last summer"])
def test_love_remembered_after_a_break_up_is_not_answered_as_todays_joy(listener, memory):
    opening, reply = talk(listener, "we split up after ten years", memory)
    joy = texts("joy") | {q["text"] for q in responses()["questions"]["joy"]}
    assert reply.validation not in joy and reply.question not in joy, reply.reply
    assert reply.feeling is None  # not "It sounds like you might be feeling full of love"
    assert reply.validation in texts("remembering")
    assert reply.question in {q["text"] for q in responses()["topics"]["breakup"]["questions"]}


def test_good_news_of_another_kind_after_a_break_up_is_still_good_news(listener):
    reply = talk(listener, "we broke up in june", "i got the job i applied for!")[1]
    assert reply.feeling is not None and reply.feeling.label == "joy"
    assert reply.validation not in texts("remembering")


def test_the_break_up_conversation_with_the_real_models_is_heard():
    replies = talk(Listener(), "we broke up last week", "i keep checking her instagram",
                   "everyone says i should be over it by now", "i'm not even meant to be this upset")
    for reply in replies:
        assert not reply.crisis and not roadblocks_in(reply.reply)
        assert not any(words in reply.reply for words in ABOUT_THE_RELATIONSHIP), reply.reply
    assert "you're not even meant to be this upset" not in replies[-1].reply
    assert "telling yourself you're not meant to be this upset" in replies[-1].reply \
        or "seems to feel you're not meant to be this upset" in replies[-1].reply \
        or "the idea that you're not meant to be this upset" in replies[-1].reply
