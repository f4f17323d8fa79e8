"""Sticky flags: a bare "I'm fine" does not clear a flag within the conversation."""

import pytest

from holdspace.safety.conversation import ConversationSafety, is_retraction
from holdspace.safety.risk import classifier_only


def talk(*messages: str) -> ConversationSafety:
    state = ConversationSafety()
    for message in messages:
        state = state.observe(message)
    return state


@pytest.mark.parametrize("retraction", ["I'm fine", "im fine", "nvm", "never mind", "forget it",
                                        "forget I said anything", "lol jk", "honestly I'm okay now",
                                        "I'm fine, forget it", "nvm, all good honestly", "im fine. dont worry about me"])
def test_a_bare_reassurance_keeps_the_flag_raised(retraction):
    state = talk("hello", "I want to kill myself", retraction)
    assert state.level == "urgent"
    assert state.last.level == "none"
    assert state.raised_at == 2 and state.retracted_at == (3,)


def test_each_message_is_still_judged_on_its_own():
    state = talk("I want to kill myself", "I'm fine", "this traffic is killing me")
    assert state.last.level == "none" and state.level == "urgent"


def test_a_flag_raised_at_turn_300_is_the_same_as_at_turn_1():
    chatter = ["nice weather", "had toast", "work was busy"] * 100
    late = talk(*chatter[:299], "I have enough pills saved to end it")
    early = talk("I have enough pills saved to end it")
    assert late.turns == 300 and late.raised_at == 300
    assert late.level == early.level == "urgent" and late.last.reasons == early.last.reasons


def test_a_concern_can_rise_to_urgent_but_never_falls_by_talk_alone():
    state = talk("I wish I wasn't here", "I'm going to do it tonight", "ok", "all good", "whatever")
    assert state.level == "urgent"


def test_only_an_explicit_confirmation_steps_urgent_down_to_concern():
    state = talk("I'm going to kill myself").confirm_safe()
    assert state.level == "concern" and state.confirmed_safe_at == 1
    assert talk("hi").confirm_safe().level == "none"


def test_a_reassurance_with_more_in_it_is_not_a_bare_retraction():
    assert not is_retraction("I'm fine but I still have the pills")
    assert not is_retraction("I'm fine with pizza tonight")
    assert not is_retraction("I'm fine, forget it, I still have the rope")
    assert is_retraction("ok :)")


def test_the_state_is_immutable():
    first = ConversationSafety()
    second = first.observe("I want to die")
    assert first.level == "none" and second.level == "concern"


@pytest.mark.parametrize("follow_up", ["Tonight is the night.", "I picked the date. It's the 14th.",
                                       "I'm going to do it.", "thank you for everything x"])
def test_in_a_flagged_conversation_preparations_alone_are_urgent(follow_up):
    alone = talk(follow_up)
    after = talk("some days I wish I wasn't here", follow_up)
    # alone, at most the risk model hears it (the gentle check-in); after a wish to be gone it is the crisis response
    assert alone.level != "urgent" or classifier_only(alone.last)
    assert after.last.level == "urgent" and after.level == "urgent" and not classifier_only(after.last)


def test_playing_it_down_after_a_flag_does_not_clear_it():
    for text in ("i'm fine though, it's not that bad", "it wasn't that bad honestly"):
        assert is_retraction(text)
    assert not is_retraction("it's not that bad but i hate him")


@pytest.mark.parametrize("insisting", ["i mean it", "I really mean it this time.", "no im not joking", "im serious"])
def test_in_a_flagged_conversation_insisting_alone_is_urgent(insisting):
    from holdspace.safety.conversation import INSISTENCE_REASON

    state = ConversationSafety().observe("Some days I wish I could just not wake up").observe(insisting)
    assert state.last.level == "urgent" and INSISTENCE_REASON in state.last.reasons
    assert ConversationSafety().observe(insisting).level == "none"  # nothing to insist on
    assert ConversationSafety().observe("Some days I wish I could just not wake up") \
        .observe("i mean it about my sister being annoying").last.level == "none"
