"""A risk word explained by the rest of the text (session 21), in our own paraphrases.

A goodbye said before a flight, a year abroad or a week with no signal is a journey; the same goodbye beside
"not coming back", a one-way ticket or a clinic abroad is not. "If I hear that song once more I'll top myself" is a
small annoyance turned into a threat, and stays none; one more day like this, or a person, is not small. A clinic
abroad that helps people die, as the writer's own plan, is urgent.
"""

import pytest

from holdspace.safety import risk


def rules(text: str) -> str:
    return risk.rules_layer(text, float("inf")).level


@pytest.mark.parametrize("text", [
    "dropped the dog at my brother's for the fortnight and said my goodbyes. airport at five, just needed to tell someone",
    "giving away my things this month. my sister gets the bike. won't need any of it in vietnam for a whole year",
    "soon none of this will be my problem. going off-grid in the highlands, no signal till sunday ⛺",
    "said goodbye to everyone at the leaving do. flight to melbourne is at 7 tomorrow",
    "if i hear that advert song once more on the radio i'll top myself",
    "if i have to sit through another powerpoint again this week i will kill myself lol",
    "if i get one more email about the rota i'm going to top myself",
])
def test_a_risk_word_the_rest_of_the_text_explains_stays_none_for_the_rules(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "dropped the dog at my brother's and said my goodbyes. just needed to tell someone before i go",
    "said my goodbyes. booked a one-way flight and i'm not coming back",
    "giving away my things this month. won't need any of it once i'm gone for good. flight is friday",
    "said my goodbyes. going somewhere with no signal, forever",
    "if i have to get through one more day like this i'll kill myself",
    "if i see him one more time i'm going to kill myself",
    "if i hear that song again i'm going to kill myself tonight, the pills are ready",
])
def test_the_same_words_without_the_explanation_are_still_flagged(text):
    assert rules(text) != "none", text


@pytest.mark.parametrize("text", [
    "booked my flight to zurich, the clinic has said yes. saying goodbye to the kids at the weekend",
    "dignitas has accepted me. flying out on the 14th",
    "got my appointment at the clinic in switzerland, it's all arranged",
])
def test_a_clinic_abroad_that_helps_people_die_as_ones_own_plan_is_urgent(text):
    assert rules(text) == "urgent", text


@pytest.mark.parametrize("text", [
    "flying to zurich for a ski week with the lads",
    "watched a documentary about dignitas last night, very moving",
])
def test_switzerland_as_a_holiday_or_a_documentary_stays_none(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "my little girl tripped on the kerb and hurt herself, lots of tears but she's fine",
    "he slipped on the wet floor and cut himself on the glass",
    "the council plans to start cutting away at the hedges along our road",
    "giving my rabbit away because my son turned out to be allergic to him",
    "my cat is fifteen now. one day she won't be around anymore and i try not to think about it",
])
def test_an_accident_a_rehomed_pet_or_an_old_pet_stays_none_for_the_rules(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "i fell apart and hurt myself again last night",
    "i've started cutting away at my arms again",
    "giving my cat away, she deserves better than me. i won't be around much longer",
    "i know one day soon i won't be around anymore",
])
def test_the_same_words_as_self_harm_or_a_farewell_are_still_flagged(text):
    assert rules(text) != "none", text
