"""A goodbye still to come (a pet's last trip to the vet, a parent with weeks left, a partner who leaves tomorrow) and
the bittersweet milestones beside it (a child grown so fast, off to university), as clients tell them, with the real
emotion model (session 15)."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


def test_what_follows_a_goodbye_still_to_come_keeps_its_sadness_not_the_models_guesses(listener):
    said = talk(listener, "my mum is dying", "her kidneys are failing",
                "i don't know how i'll walk out of there without her", "i just sit with her every day")
    assert said[1].feeling is None or said[1].feeling.label in {"grief", "sadness", "fear", "nervousness"}
    assert said[2].feeling is None or said[2].feeling.label in {"grief", "sadness", "fear", "nervousness"}
    assert not any(word in r.reply for r in said for word in ("let down", "confused", "doesn't make sense"))


@pytest.mark.parametrize("message", ["he leaves tomorrow", "he leaves in september", "she goes next week"])
def test_a_goodbye_told_in_the_plain_present_is_heard_as_one_still_to_come(listener, message):
    said = talk(listener, "my husband is in the army", message)[-1]
    assert said.topic == "ahead"


def test_a_pets_last_trip_to_the_vet_is_heard_as_a_goodbye_still_to_come(listener):
    # session 15: "the vet says it's time" got "really heavy" and a plain question; "we're taking him in on friday"
    # "Thank you for trusting me with something this painful"
    said = talk(listener, "my dog is really old now", "the vet says it's time", "we're taking him in on friday")
    assert [r.topic for r in said[1:]] == ["ahead", "ahead"], [r.reply for r in said]


def test_a_child_grown_so_fast_is_bittersweet_not_a_surprise(listener):
    # session 15: got "surprised ... It makes sense to need a moment with something unexpected"
    said = talk(listener, "my son starts school tomorrow", "i just can't believe how fast it went")[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply
    assert "proud" in said.reply and "sad" in said.reply
    assert "surprised" not in said.reply and "unexpected" not in said.reply


def test_an_illness_that_went_downhill_fast_is_no_bittersweet_milestone(listener):
    said = talk(listener, "my dad has dementia and i can't believe how fast it went downhill")[-1]
    assert "proud" not in said.reply


@pytest.mark.parametrize("message", ["my daughter is going off to university next week", "our youngest leaves for uni on saturday"])
def test_a_child_leaving_for_university_is_bittersweet_not_a_loss_to_carry(listener, message):
    # session 15: got "sad about what's ahead. That's a lot to carry"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply
    assert "proud" in said.reply and "a lot to carry" not in said.reply


@pytest.mark.parametrize("message", ["he leaves for work at six", "she leaves the house at eight every day"])
def test_leaving_for_the_day_is_no_goodbye(listener, message):
    assert talk(listener, message)[-1].topic != "ahead"


@pytest.mark.parametrize("message", ["my son starts school next week", "our daughter is starting nursery on monday"])
def test_a_child_starting_school_is_a_milestone_not_family_trouble(listener, message):
    # session 16: got "What is this like for you, with things in your family as they are?"
    said = talk(listener, message)[-1]
    assert "family" not in said.question, said.reply
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply


def test_a_friend_moving_abroad_is_a_goodbye_to_come_told_mildly(listener):
    # session 16: got "sad about what's ahead. That's a lot to carry."
    said = talk(listener, "my best friend is moving to another country next month")[-1]
    assert said.topic == "ahead" and "sad about what's ahead" in said.reply, said.reply
    assert any(t.startswith("v-light-") for t in said.templates), said.reply



@pytest.mark.parametrize("message", ["my girlfriend is moving in with me next week", "my son is moving back home next month"])
def test_someone_moving_in_is_no_goodbye(listener, message):
    # "my girlfriend is moving in with me next week" got "sad about what's ahead", then "What feels hardest about the time
    # between now and then?"
    said = talk(listener, message)[-1]
    assert said.topic != "ahead" and (said.feeling is None or "ahead" not in said.feeling.word), said.reply


@pytest.mark.parametrize("message", ["my girlfriend is moving in with me next week", "we're moving in together next month"])
def test_moving_in_together_leaves_room_for_nerves_and_excitement(listener, message):
    # after the fix above, "my girlfriend is moving in with me next week" still got "down. That's a lot to carry. What has
    # been happening between the two of you?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "excited, nervous, or a bit of both", said.reply
    assert "a lot to carry" not in said.reply and "between the two of you" not in said.reply, said.reply
