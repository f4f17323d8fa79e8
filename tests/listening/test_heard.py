"""Conversations as people write them (grief, burnout, loneliness after a death), with the real
emotion model: replies a person would feel misheard by, fixed and kept fixed."""

import pytest

from holdspace.listening.listener import Listener
from holdspace.listening.memory import Conversation


@pytest.fixture(scope="module")
def listener():
    return Listener(country="US")  # the real one: ONNX emotions and embeddings, real risk detection


def talk(listener, *lines):
    conversation = Conversation()
    return [listener.respond(conversation, line) for line in lines]


def test_a_widower_saying_his_wife_passed_away_is_heard_not_told_to_write_in_english(listener):
    reply = listener.respond(Conversation(), "my wife passed away two years ago")
    assert "English" not in reply.reply
    assert "your wife passed away two years ago" in reply.reply and not reply.crisis


def test_burning_out_at_work_is_reflected_not_met_with_a_self_harm_check(listener):
    reply = listener.respond(Conversation(), "i'm a nurse and i think i'm burning out")
    assert not reply.crisis and "ending your life" not in reply.reply
    assert "burning out" in reply.reply


def test_burning_oneself_still_gets_the_direct_check_in(listener):
    reply = listener.respond(Conversation(), "i've been burning myself again")
    assert reply.crisis and "ending your life" in reply.reply


def test_a_job_they_used_to_love_and_now_dread_is_not_named_as_love_to_build_on(listener):
    reply = listener.respond(Conversation(), "i used to love this job. now i dread going in")
    assert reply.feeling is None or reply.feeling.label not in {"love", "joy", "admiration", "caring"}
    assert "full of love" not in reply.reply and "build on" not in reply.reply


def test_two_cups_set_out_after_a_death_called_silly_is_not_named_delight(listener):
    replies = talk(listener, "my wife passed away two years ago",
                   "i still set out two cups in the morning sometimes. silly really")
    said = replies[-1].reply
    assert "delighted" not in said and "felt best" not in said and "amused" not in said
    assert "two cups" in said


def test_married_51_years_after_she_died_asks_about_the_loss_not_the_relationship_and_says_it_once(listener):
    replies = talk(listener, "my wife passed away two years ago",
                   "the house is so quiet now. some days i dont speak to anyone at all",
                   "my children phone on sundays but they have busy lives, i dont want to be a burden to them",
                   "we were married 51 years")
    said = replies[-1].reply
    assert "relationship" not in said
    assert said.count("passed away") <= 1  # a link back and a summary in one reply would say it twice
