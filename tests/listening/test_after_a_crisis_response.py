"""After the crisis response: the listener stays present without reading the same text out again.

Risk raised again in the same conversation gets the shorter response (lines still first); "Are you safe
right now?" answered "no" or "idk" gets the response for not being safe, and "yes" a thank-you; "i mean it"
makes the earlier words urgent; pushing back on the lines, or having reached someone, is heard. The flag
stays through all of it (SAFETY.md, clinical points 5 and 7).
"""

import pytest

from holdspace.listening.listener import Listener
from holdspace.listening.memory import Conversation
from holdspace.listening.signals import roadblocks_in
from tests.listening.stand_ins import bag_of_words, rules_only, stand_in, talk


@pytest.fixture
def uk():
    return Listener(emotions=stand_in, embed=bag_of_words, risk=rules_only, country="GB")


def test_risk_raised_again_gets_the_shorter_response_not_the_same_text_again(uk):
    first, again = talk(uk, "I want to kill myself", "I just want it all to stop")
    assert first.variant == "urgent" and again.crisis and again.variant == "again"
    assert again.reply != first.reply and len(again.reply) < len(first.reply)
    # the call route in its first sentence, the text route in its second, as in every crisis response
    one, two = again.reply.split(". ")[:2]
    assert "116 123" in one and "85258" in two and "999" in two
    assert again.reply.count("Are you safe right now?") == 1


def test_a_concern_response_then_urgent_words_get_the_urgent_response_in_full(uk):
    concern, urgent = talk(uk, "Sometimes I wish I could just not wake up", "I'm going to kill myself tonight")
    assert concern.variant == "concern"
    assert urgent.level == "urgent" and urgent.variant == "urgent"
    assert urgent.reply.startswith("Thank you for telling me, and I'm really glad you did")


@pytest.mark.parametrize("answer", ["no", "not really", "idk", "no im not", "i dont feel safe"])
def test_no_or_idk_to_are_you_safe_right_now_is_not_being_safe(uk, answer):
    conversation = Conversation()
    for line in ("I want to kill myself", "I just want it all to stop"):
        uk.respond(conversation, line)
    reply = uk.respond(conversation, answer)
    assert reply.level == "urgent" and reply.variant == "not_safe"
    assert "116 123" in reply.reply and "999" in reply.reply
    assert "out of reach" in reply.reply
    assert conversation.safety.level == "urgent"


@pytest.mark.parametrize("answer", ["yes", "yeah im safe for now", "i think so"])
def test_yes_to_are_you_safe_right_now_is_thanked_and_not_asked_again(uk, answer):
    conversation = Conversation()
    for line in ("I want to kill myself", "I just want it all to stop"):
        uk.respond(conversation, line)
    reply = uk.respond(conversation, answer)
    assert reply.crisis and "glad" in reply.reply.lower() and "are you safe" not in reply.reply.lower()
    assert "/crisis" in reply.reply
    assert conversation.safety.level == "urgent"  # sticky: a yes does not clear the flag


def test_after_the_not_safe_response_a_short_answer_keeps_reaching_a_person_in_front(uk):
    *_, reply = talk(uk, "I want to kill myself", "I just want it all to stop", "no", "yes")
    assert reply.crisis and reply.level == "urgent" and "999" in reply.reply
    assert not reply.reply.startswith('"yes"')


@pytest.mark.parametrize("insisting", ["i mean it", "I'm not joking.", "im serious", "this isn't a joke"])
def test_insisting_after_risk_makes_it_urgent(uk, insisting):
    conversation = Conversation()
    uk.respond(conversation, "Sometimes I wish I could just not wake up")
    reply = uk.respond(conversation, insisting)
    assert reply.level == "urgent" and reply.variant == "urgent"


def test_insisting_means_nothing_in_a_conversation_without_risk(uk):
    reply, = talk(uk, "i mean it")
    assert not reply.crisis and reply.level == "none"


def test_i_already_told_you_after_the_question_is_a_yes_and_is_not_reflected(uk):
    first, reply = talk(uk, "I want to kill myself", "i already told you")
    assert reply.crisis and reply.level != "none" and reply.variant == "again"
    assert "already told me" not in reply.reply


def test_i_dont_know_what_to_do_is_heard_as_itself_not_as_a_yes(uk):
    conversation = Conversation()
    uk.respond(conversation, "Sometimes I wish I could just not wake up")
    reply = uk.respond(conversation, "i dont know what to do")
    assert reply.variant == "" and "what to do" in reply.reply
    assert conversation.safety.level == "concern"


@pytest.mark.parametrize("pushback", ["why do you keep saying the same thing", "i dont want to call anyone",
                                      "stop sending me numbers", "hotlines dont help"])
def test_pushing_back_on_the_lines_is_heard_and_the_lines_stay(uk, pushback):
    conversation = Conversation()
    uk.respond(conversation, "I want to kill myself")
    reply = uk.respond(conversation, pushback)
    assert reply.crisis and "/crisis" in reply.reply and reply.reply.endswith("?")
    assert "116 123" not in reply.reply  # not the lines read out again
    assert roadblocks_in(reply.reply) == []
    assert conversation.safety.level == "urgent"


@pytest.mark.parametrize("reached", ["i called them", "ok i texted shout", "my sister is coming over"])
def test_having_reached_someone_is_met_with_gladness(uk, reached):
    conversation = Conversation()
    uk.respond(conversation, "I want to kill myself")
    reply = uk.respond(conversation, reached)
    assert reply.crisis and ("glad you reached out" in reply.reply or "reaching someone" in reply.reply)
    assert conversation.safety.level == "urgent"


def test_a_stored_conversation_resumes_with_the_shorter_response(uk):
    conversation = Conversation()
    uk.respond(conversation, "I want to kill myself")
    resumed = Conversation.from_history([(t.text, t.reply.as_dict()) for t in conversation.turns])
    assert uk.respond(resumed, "I just want it all to stop").variant == "again"


def test_what_follows_an_urgent_response_is_never_reflected_as_an_ordinary_message(uk):
    *_, after, dizzy = talk(uk, "I've taken all my pills", "like 20 minutes ago", "i feel a bit dizzy")
    for reply in (after, dizzy):
        assert reply.crisis and reply.level == "urgent" and reply.reflection == ""
        assert '"like 20 minutes ago"' not in reply.reply and "glad you're telling me" not in reply.reply
    assert "999" in after.reply + dizzy.reply and "taken something" in after.reply + dizzy.reply


def test_yes_the_person_who_hurt_them_is_near_is_met_with_their_safety_from_them(uk):
    first, *_, near = talk(uk, "my boyfriend hit me last night", "yes he is in the next room")
    assert first.variant == "hurt_by_someone"
    assert near.crisis and "999" in near.reply and "person who hurt you" in near.reply
    assert "next room" not in near.reply


def test_the_same_kind_of_danger_told_again_is_stayed_with_not_read_out_again(uk):
    first, second = talk(uk, "my boyfriend hit me last night", "he says if i leave he will kill me")
    assert second.crisis and second.reply != first.reply and "999" in second.reply
    worried, again = talk(uk, "my best friend told me she wants to kill herself",
                          "i think my friend is going to kill herself")
    assert worried.variant == "someone_else" and again.crisis and again.reply != worried.reply


def test_nothing_after_risk_is_met_as_good_news(real_listener):
    *_, reply = talk(real_listener, "i cut myself again tonight", "it helps me cope",
                     "i dont want to die i just needed to feel something")
    assert "worth holding on to" not in reply.reply and "build on it" not in reply.reply


def test_a_second_im_fine_is_not_asked_are_you_safe_again(uk):
    *_, asked, fine = talk(uk, "i'm going to kill myself", "jk lol", "no seriously i'm fine")
    assert "are you safe right now?" in asked.reply
    assert "are you safe" not in fine.reply.lower() and "/crisis" in fine.reply
    assert fine.level == "urgent"  # sticky


def test_thoughts_of_hurting_ones_child_are_not_answered_with_questions_about_ending_ones_life(uk):
    first, after = talk(uk, "i keep having thoughts of hurting my son", "i would never actually do it")
    assert first.variant == "harm_to_others" and "ending your life" not in first.reply
    assert "might act on these thoughts" in first.reply and "116 123" in first.reply
    assert after.crisis or "never actually do it" in after.reply  # listened to, never met as good news
    assert "worth holding on to" not in after.reply


@pytest.mark.parametrize("text", ["my son has been hitting other kids at school and the head wants a meeting",
                                  "she keeps scratching him when they fight over the ipad"])
def test_someone_elses_hitting_or_scratching_is_not_taken_for_self_harm(uk, text):
    reply, = talk(uk, text)
    assert not reply.crisis and reply.level == "none"


def test_having_called_after_the_not_safe_response_is_met_with_gladness(uk):
    *_, reply = talk(uk, "I want to kill myself", "I just want it all to stop", "no", "i called them")
    assert "glad you reached out" in reply.reply or "reaching someone" in reply.reply
    assert "Please keep going with reaching someone" not in reply.reply
