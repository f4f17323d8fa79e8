"""A death met at work by the one whose job it was to care (a nurse's patient, a paramedic's call, a teacher's pupil),
with the real emotion model (session 17, round 9): shaken by it and carrying it, never a bereavement of their own to ask
memories of, nor a worry."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


@pytest.mark.parametrize("message", ["Just got in from nights. A patient died around 4am.",
                                     "we lost a kid on a call today. we did everything we could",
                                     "One of my pupils passed away on Saturday."])
def test_a_death_at_work_is_heard_as_shaken_not_worry_or_a_bereavement(listener, message):
    # "A patient died at 3am." got "nervous ... so much is uncertain. What do you find yourself remembering about them?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "shaken", said.reply
    assert "nervous" not in said.reply and "uncertain" not in said.reply, said.reply
    assert "remembering about" not in said.reply and "miss most" not in said.reply, said.reply


def test_the_story_after_a_patients_death_stays_the_nurses_not_her_own_grief(listener):
    # "Her son got there too late." got "lost without her ... What do you miss most about her?", and the next
    # "How have you been carrying this loss day to day?", as if the patient were the nurse's own mother
    said = talk(listener, "I'm a nurse and a patient died on my shift last night.", "He was 61. His son got there too late.",
                "I sat with him at the end so he wasn't on his own.")
    for reply in said[1:]:
        assert "lost without" not in reply.reply and "miss most" not in reply.reply, reply.reply
        assert "this loss day to day" not in reply.reply and "remembering about" not in reply.reply, reply.reply
        assert reply.topic == "workloss", reply.reply


def test_a_teachers_class_after_a_pupils_death_is_not_asked_about_as_studies(listener):
    # "I have to stand in front of his class tomorrow" got "What has the pressure of it been like for you?"
    said = talk(listener, "one of my students died in a crash at the weekend",
                "tomorrow i have to go in and face his class")[-1]
    assert "studies" not in said.reply and "pressure of it" not in said.reply, said.reply


def test_ones_own_dog_put_down_is_still_ones_own_loss(listener):
    said = talk(listener, "We had our dog put down this morning.")[-1]
    assert said.topic == "loss" and "shaken" not in said.reply, said.reply


def test_not_being_able_to_switch_off_after_it_is_not_named_as_nerves(listener):
    # "I'm fine, it's part of the job. I just can't switch off." got "nervous ... It takes courage to put these worries into
    # words."
    said = talk(listener, "Lost a patient on the ward this afternoon.", "It's part of the job, I know. I just cant switch off.")[-1]
    assert "nervous" not in said.reply and "worries" not in said.reply and "anxious" not in said.reply, said.reply
