"""A conversation stored as (client text, Reply.as_dict()) pairs resumes where it left off."""

import json

import pytest

from holdspace.listening.listener import Listener
from holdspace.listening.memory import NO_REPEAT_TURNS, Conversation, Reply
from holdspace.listening.recall import SUMMARY_EVERY
from tests.listening.stand_ins import bag_of_words, stand_in


@pytest.fixture
def listener():
    return Listener(emotions=stand_in, embed=bag_of_words)


def stored(conversation: Conversation) -> list[tuple[str, dict]]:
    """What a database would hold: the client's text and the reply as JSON, read back."""
    return [(turn.text, json.loads(json.dumps(turn.reply.as_dict()))) for turn in conversation.turns]


def test_a_reply_as_a_dict_carries_what_resuming_needs_and_reads_back_the_same(listener):
    reply = listener.respond(Conversation(), "My boss yelled at me today and I'm so angry.")
    data = json.loads(json.dumps(reply.as_dict()))
    assert data["templates"] and all(isinstance(t, str) for t in data["templates"])
    assert data["key"] == "your boss yelled at you today and you're so angry"
    assert data["topic"] == "work" and data["crisis"] is False and data["rejected"] == []
    assert Reply.from_dict(data) == Reply.from_dict(reply.as_dict())
    back = Reply.from_dict(data)
    assert back.reply == reply.reply and back.templates == reply.templates and back.feeling == reply.feeling


def test_an_old_or_damaged_record_reads_back_as_an_empty_reply_instead_of_failing():
    assert Reply.from_dict({}).reply == ""
    odd = Reply.from_dict({"reply": 3, "feeling": {"word": "sad"}, "emotions": [1, {"label": "joy"}],
                           "level": "panic", "templates": "x"})
    assert odd.feeling is None and odd.emotions == () and odd.level == "none" and odd.templates == ()


def test_a_resumed_conversation_does_not_repeat_the_templates_just_used(listener):
    conversation = Conversation()
    for i in range(7):
        listener.respond(conversation, f"I'm worried about my exam number {i} and I feel sad.")
    resumed = Conversation.from_history(stored(conversation))
    recent = resumed.recent_templates()
    assert recent == conversation.recent_templates() and recent
    for _ in range(3):
        reply = listener.respond(resumed, "I'm worried about the results and I feel sad.")
        window = {t for turn in resumed.turns[-NO_REPEAT_TURNS:-1] for t in turn.reply.templates}
        assert not window & set(reply.templates)


def test_a_resumed_conversation_still_links_back_and_summarises(listener):
    conversation = Conversation()
    listener.respond(conversation, "My sister stopped talking to me after the wedding.")
    listener.respond(conversation, "Work has been busy with the new project.")
    resumed = Conversation.from_history(stored(conversation))
    linked = listener.respond(resumed, "My sister stopped talking to me after the wedding and it still hurts.")
    assert "your sister stopped talking to you" in linked.reply.split(".")[0]
    assert len(resumed.turns) == 3
    summary = listener.respond(resumed, "I'm sad most evenings.")
    assert len(resumed.turns) % SUMMARY_EVERY == 0 and "so far" in summary.reply
    assert "new project" in summary.reply


def test_a_feeling_the_client_rejected_stays_rejected_after_resuming(listener):
    conversation = Conversation()
    first = listener.respond(conversation, "I'm worried about the move next week.")
    listener.respond(conversation, "no, that's not it")
    resumed = Conversation.from_history(stored(conversation))
    assert first.feeling.label in resumed.rejected
    again = listener.respond(resumed, "I'm worried about the move next week.")
    assert again.feeling is None or again.feeling.label != first.feeling.label


def test_a_resumed_conversation_keeps_its_risk_flag(listener):
    conversation = Conversation()
    listener.respond(conversation, "I want to kill myself tonight")
    listener.respond(conversation, "My dog is asleep next to me.")
    resumed = Conversation.from_history(stored(conversation))
    assert resumed.safety.level == "urgent" and resumed.safety.raised_at == 1 and resumed.safety.turns == 2
    reply = listener.respond(resumed, "I'm fine")
    assert reply.crisis and "/crisis" in reply.reply


def test_resuming_three_hundred_turns_embeds_nothing_until_a_link_is_possible_and_then_once(listener):
    calls = []

    def counting_embed(texts):
        calls.append(len(texts))
        return bag_of_words(texts)

    texts = ["I'm worried about my exam.", "My sister called me today.", "I feel sad in the evenings.",
             "Work was long and the bus was late."]
    pairs = []
    source = Conversation()
    quiet = Listener(emotions=stand_in, embed=None)
    for i in range(300):
        quiet.respond(source, texts[i % len(texts)] + f" Day {i}.")
    pairs = stored(source)
    resumed = Conversation.from_history(pairs)
    assert calls == [] and len(resumed.turns) == 300
    Listener(emotions=stand_in, embed=counting_embed).respond(resumed, "I'm worried about my exam again.")
    assert len(calls) == 1 and calls[0] <= 13


def test_crisis_response_mentions_an_existing_safety_plan_when_the_client_has_one(listener):
    with_plan = listener.respond(Conversation(), "I want to kill myself tonight", has_safety_plan=True)
    without = listener.respond(Conversation(), "I want to kill myself tonight")
    assert with_plan.crisis and without.crisis and with_plan.reply != without.reply
    from holdspace.safety.response import crisis_response

    assert crisis_response("INT", has_safety_plan=True, variant="urgent").message in with_plan.reply
