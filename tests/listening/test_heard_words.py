"""Conversations as people write them, with the real emotion model: the words said back (questions asked
of life, fillers, harsh thoughts that stay theirs, painful news said gently), fixed and kept fixed."""

import pytest

from holdspace.listening.memory import Conversation
from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


def test_what_is_the_point_of_even_trying_is_heard_as_discouragement_not_as_a_puzzle(listener):
    replies = talk(listener, "i've been applying for jobs for months", "every rejection stings",
                   "what's the point of even trying?")
    said = replies[-1]
    assert "what's the point of even trying" in said.reply.lower()
    assert said.feeling is not None and said.feeling.label not in {"confusion", "curiosity"}
    assert "unsure" not in said.reply and "where to start" not in said.reply


def test_why_do_i_even_bother_is_never_said_back_as_the_listeners_own_flat_statement(listener):
    replies = talk(listener, "i've been applying for jobs for months", "why do i even bother")
    said = replies[-1].reply
    assert "why do you even bother" not in said.lower()  # the listener would seem to be asking it of them
    assert '"why do i even bother"' in said.lower()  # their question, quoted as theirs


def test_im_tired_too_honestly_is_said_back_as_tiredness_without_too_honestly(listener):
    replies = talk(listener, "work was long today", "I'm tired too honestly")
    said = replies[-1].reply
    assert "tired" in said
    assert "too honestly" not in said and "tired too" not in said


def test_a_closing_to_be_honest_or_as_well_is_not_said_back_as_content(listener):
    reply = listener.respond(Conversation(), "my sister never calls me back to be honest")
    assert "your sister never calls you back" in reply.reply and "to be honest" not in reply.reply
    reply = listener.respond(Conversation(), "i cant sleep at night as well")
    assert "sleep at night" in reply.reply and "as well" not in reply.reply


def test_a_sister_acting_like_i_was_the_problem_is_her_judgement_not_a_painful_thought_about_oneself(listener):
    reply = listener.respond(Conversation(), "and when i said something she acted like i was the problem")
    assert "painful thought about yourself" not in reply.reply and "part of you believes" not in reply.reply
    assert "she acted like you were the problem" in reply.reply


def test_maybe_theres_something_wrong_with_me_is_never_agreed_with(listener):
    reply = listener.respond(Conversation(), "maybe there's something wrong with me")
    assert not reply.reply.startswith("So ") and "It sounds like maybe there's something wrong" not in reply.reply
    assert "unsure" not in reply.reply and "where to start" not in reply.reply


def test_not_smart_enough_is_said_back_as_what_they_tell_themselves(listener):
    reply = listener.respond(Conversation(), "i dunno, maybe i'm just not smart enough for this")
    assert "you dunno" not in reply.reply
    assert "not smart enough" in reply.reply and any(
        w in reply.reply for w in ("part of you", "telling yourself", "painful thought", "voice", "You're saying",
                                   "hearing"))
    assert "where to start" not in reply.reply


def test_idk_why_they_hate_me_keeps_not_knowing_why(listener):
    reply = listener.respond(Conversation(), "idk why they hate me so much")
    assert "that why they hate you" not in reply.reply
    assert "you don't know why they hate you so much" in reply.reply or '"' in reply.reply
    assert "furious" not in reply.reply


def test_a_harsh_thought_is_held_lightly_once_not_hedged_twice(listener):
    reply = listener.respond(Conversation(), "I think I'm useless")
    assert "you think you're useless" not in reply.reply and "you're useless" in reply.reply


def test_a_reply_never_opens_two_of_its_sentences_with_the_same_words(listener):
    for text in ("maybe there's something wrong with me", "I think I'm useless",
                 "my dad has dementia and i've been looking after him for two years"):
        conversation = Conversation()
        for _ in range(6):
            said = listener.respond(conversation, text).reply
            openings = [" ".join(s.lower().split()[:3]) for s in said.replace("?", ".").split(". ") if s]
            assert len(openings) == len(set(openings)), said


def test_painful_news_is_never_said_back_with_a_brisk_so_or_let_me_see_if_i_have_this(listener):
    replies = talk(listener, "work was long today", "my sister called", "my mum died on tuesday",
                   "i cried in the shower again this morning", "i dont want to go to school tomorrow",
                   "the business went under last month", "he didn't know who i was yesterday")
    for reply in replies[2:]:
        assert not reply.reply.startswith(("So ", "Let me see if I have this")), reply.reply


def test_i_just_feel_dot_dot_dot_flat_keeps_the_flat_and_is_not_named_gratitude(listener):
    replies = talk(listener, "got the promotion i've been working towards for 3 years",
                   "everyone is congratulating me and i just feel... flat")
    said = replies[-1]
    assert "flat" in said.reply and not said.reply.split(".")[0].endswith("you just feel")
    assert "grateful" not in said.reply and "build on" not in said.reply and "holding on to" not in said.reply


def test_twelve_years_of_my_life_after_the_business_went_under_keeps_the_business(listener):
    reply = listener.respond(Conversation(), "the business went under last month. 12 years of my life.")
    assert "the business went under" in reply.reply and "12 years of your life" in reply.reply


def test_a_mother_calling_her_carer_a_terrible_daughter_is_her_words_not_the_clients_thought(listener):
    reply = listener.respond(Conversation(), "Yesterday she told me I'm a terrible daughter.")
    assert "painful thought about yourself" not in reply.reply and "part of you believes" not in reply.reply
    assert "she told you you're a terrible daughter" in reply.reply


def test_i_feel_like_such_a_failure_is_said_back_whole(listener):
    reply = listener.respond(Conversation(), "i feel like such a failure")
    assert "you feel like such a failure" in reply.reply  # not "part of you believes such a failure"


def test_knowing_its_the_illness_talking_but_it_still_stings_keeps_the_sting(listener):
    reply = listener.respond(Conversation(), "I know it's the illness talking. Still stings.")
    assert "it's the illness talking, and it still stings" in reply.reply


def test_a_leading_whatever_is_not_said_back(listener):
    reply = listener.respond(Conversation(), "whatever, i'm used to it by now")
    assert "whatever" not in reply.reply.lower()


def test_a_few_words_are_never_thanked_as_a_single_word(listener):
    conversation = Conversation()
    for text in ("6 months sober today", "miss her", "so tired", "can't sleep", "not great"):
        said = listener.respond(conversation, text).reply
        assert "in a word" not in said, said


def test_i_meant_is_not_cut_as_the_filler_i_mean(listener):
    reply = listener.respond(Conversation(), "how am i meant to face everyone on monday")
    assert "am I meant to face everyone" in reply.reply or "are you meant to face everyone" in reply.reply
    reply = listener.respond(Conversation(), "i meant to call her back and never did")
    assert "you meant to call her back" in reply.reply


def test_lowkey_been_crying_gets_a_subject_and_loses_the_lowkey(listener):
    reply = listener.respond(Conversation(), "lowkey been crying every day this week")
    assert "you've been crying every day this week" in reply.reply and "lowkey" not in reply.reply


def test_not_knowing_what_one_wants_is_not_told_about_where_to_start(listener):
    replies = talk(listener, "and now i dont know what to do with myself", "i don't know what i actually want anymore")
    assert all("where to start" not in r.reply for r in replies)


def test_a_setback_and_the_feeling_they_name_are_said_back_as_what_happened_and_their_own_feeling(listener):
    # session 14: "It sounds like part of you believes you failed your driving test again and now you feel worthless.
    # I imagine you may be feeling disappointed."
    said = talk(listener, "failed my driving test again and now i feel worthless")[-1]
    assert "believes you failed" not in said.reply and "telling yourself that you failed" not in said.reply, said.reply
    assert "worthless" in said.reply, said.reply
    assert "disappointed" not in said.reply and "let down" not in said.reply, said.reply


@pytest.mark.parametrize("message, kept, dropped", [
    ("it went ok actually, people were nice", "it went ok, people were nice", "actually"),
    ("it was fine tbh, nobody noticed", "it was fine, nobody noticed", "tbh"),
    ("it was like so embarrassing lol", "it was so embarrassing", "like so"),
])
def test_discourse_fillers_are_not_said_back(listener, message, kept, dropped):
    # session 16, round 4: "It sounds like it went ok actually, people were nice."
    said = talk(listener, message)[-1].reply
    assert kept in said and dropped not in said


def test_actually_that_carries_meaning_keeps_the_sense(listener):
    said = talk(listener, "i don't actually want to go")[-1].reply
    assert "don't" in said and "want to go" in said


# session 19: "Feel like such a failure" got "worried" or "down": a failure, in their words and said once, and the shame in it
@pytest.mark.parametrize("lines", [
    ("Feel like such a failure",),
    ("i didn't get the promotion", "Feel like such a failure"),
    ("im such a failure",),
    ("my exams went badly", "i feel like such a failure tbh"),
])
def test_feeling_a_failure_is_heard_as_theirs_not_as_worry(real_listener, lines):
    said = talk(real_listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == "ashamed", said.reply
    assert said.reply.count("failure") == 1, said.reply
    assert not any(w in said.reply for w in ("worried", "down", "sad", "disappointed")), said.reply


# session 19: news told with its label first ("bad news, my car failed its MOT") was said back "you're bad news, your car
# failed", and an edge before bad news ("oh brilliant, my flight got cancelled") as "brilliant, your flight got cancelled"
@pytest.mark.parametrize("line, said_back, never", [
    ("bad news, my car failed its MOT", "your car failed its MOT", "bad news"),
    ("sad news today. our cat died", "your cat died", "sad news"),
    ("great news, i got the job", "you got the job", "great news"),
    ("oh brilliant, my flight got cancelled", "your flight got cancelled", "brilliant"),
])
def test_the_label_or_the_edge_before_the_news_is_not_said_back_as_content(real_listener, line, said_back, never):
    said = talk(real_listener, line)[-1].reply
    assert said_back in said and never not in said.lower(), said


@pytest.mark.parametrize("lines, said_back", [
    (("my grandma died on monday", "the funeral is friday"), "the funeral is Friday"),
    (("the gp says its probably nothing",), "the GP says"),
    (("my son has adhd and the school wont listen",), "your son has ADHD"),
])
def test_days_and_the_likes_of_gp_get_their_capitals_when_said_back(real_listener, lines, said_back):
    said = talk(real_listener, *lines)[-1].reply
    assert said_back in said, said
