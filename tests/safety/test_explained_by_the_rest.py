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


# Dev batch S (session 21), fresh wording the product read as none or concern: our own paraphrases of its concepts.

@pytest.mark.parametrize("text", [
    "swallowed all my sleeping tablets about half an hour ago, everything is going fuzzy",
    "took the lot from the medicine box 10 mins ago. just wanted to tell someone",
    "the water in the bath has gone red and i feel very cold",
    "sitting on the ledge of the car park roof, top level, nobody around",
    "her boyfriend has his hands round her throat downstairs right now, i can hear her choking",
    "i'm 79, fell in the hall last night and cannot get up, the phone was in my dressing gown",
    "goodbye all 🕊️ it was nice knowing you",
    "sold my bike and gave back the keys. none of this matters after friday",
    "stopped paying the rent. doesn't matter now, it's nearly over for me",
    "cancelled therapy and threw out my meds. taking my life, i've never been surer of anything",
    "got a stash of my grandad's tablets in my wardrobe for when i go",
])
def test_fresh_wordings_of_danger_now_are_urgent_from_the_rules(text):
    assert rules(text) == "urgent", text


@pytest.mark.parametrize("text", [
    "the bath water went pink from the kids' bath bomb, looks like a flamingo",
    "the window cleaner was on the ledge of the tower block all morning, brave man",
    "we had lunch on the edge of the cliff path cafe, lovely views",
    "it was nice knowing you all, last day at this job tomorrow, keep in touch",
    "none of it matters after friday's exam, then i'm free for summer",
    "my shift is nearly over for me, home by six",
    "i'm taking my life back after the divorce, new flat, new job",
    "packed my travel sickness tablets in my bag for when i go to the airport",
])
def test_the_same_words_in_everyday_life_stay_none_for_the_rules(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "the voices keep telling me to jump, i'm on the footbridge now",
    "sending myself off tonight, got everything i need",
    "the loft hatch and the dog lead. tomorrow once everyone's at work",
    "asked the pharmacist how many of my mum's heart tablets would be deadly for an adult. she didn't twig",
])
def test_more_fresh_wordings_of_danger_are_urgent_from_the_rules(text):
    assert rules(text) == "urgent", text


@pytest.mark.parametrize("text", [
    "my singing teacher keeps telling me to jump in on the high note",
    "not seeing 2027 at this rate with these energy prices lol",
    "the kids' rope swing on the big beam in the barn snapped, fixing it saturday",
    "the ref sent me off in the second half, gutted",
])
def test_their_everyday_look_alikes_stay_none_for_the_rules(text):
    assert rules(text) == "none", text


def test_not_living_to_a_date_ahead_is_at_least_a_concern():
    assert rules("i'm not seeing christmas this time. i'm sure of it") != "none"


@pytest.mark.parametrize("text", [
    "my stepdad did stuff to me when i was small and i've never said it out loud before",
    "the swimming coach puts his hands on the girls when he 'corrects' our stroke and nobody says anything",
    "i ended up in a&e after an overdose in year 12, nobody at uni knows",
    "the marks on my arm are from when i tried to kill myself at 15",
    "i've had three attempts over the years, i'm doing a bit better now",
    "five days on only black coffee and i finally feel in control",
    "made myself sick again after dinner, on purpose, third time this week",
    "taking laxatives after every meal so i don't gain",
    "horrible pictures keep coming of me drowning my son in the bath, i'd never, why does my brain do this",
    "many days i think it is better i am not alive, but i will not do something",
    "i wouldn't mind if a gritter took me out on the way to work",
    "my daughter has been giving away her clothes and her phone to her friends, she's 14",
    "mum told us we'd all be better off without her, and she's stopped eating",
    "a boy in year 10 said he's bringing a knife into school on monday to teach them a lesson",
])
def test_fresh_wordings_of_a_concern_are_flagged_by_the_rules(text):
    assert rules(text) != "none", text


@pytest.mark.parametrize("text", [
    "my sister did stuff to me with her make-up kit, i looked like a clown",
    "three days on only water before my colonoscopy, starving",
    "made two attempts at the driving test, third time lucky",
    "my son is giving away his old trainers because he's outgrown them",
    "i wouldn't mind if the snowplough cleared our road for once",
])
def test_the_same_words_in_everyday_life_are_not_flagged_by_the_rules(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "my ex is sat outside in his car, he's already smashed the kitchen window and i'm terrified",
    "gave the house keys and the will to my brother and the cat with the neighbour. thank you for everything",
    "tomorrow i'm sorting out every one of them at the depot. they'll be carrying them out in body bags",
])
def test_danger_outside_a_will_beside_a_rehomed_pet_and_a_grudge_with_stretchers_are_urgent(text):
    assert rules(text) == "urgent", text


@pytest.mark.parametrize("text", [
    "my ex is parked outside to pick the kids up, late again",
    "the comedian was so funny they'll be carrying them out on stretchers",
    "left the dog with my sister for the week while i'm in hospital, and sorted my will while i was at it",
])
def test_their_everyday_look_alikes_are_not_flagged_by_the_rules(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "ive been feeling loads better lately",
    "life seems to be going really well for me at the moment, no complaints",
    "i'm feeling so much happier these days",
])
def test_feeling_well_said_plainly_gets_no_check_in(text):
    assert risk.assess(text).level == "none", text


@pytest.mark.parametrize("text", [
    "i feel so much calmer now that i've made my decision",
    "feeling lighter since i finally made up my mind",
])
def test_calm_after_a_decision_is_a_concern(text):
    assert risk.assess(text).level != "none", text


def test_a_decision_about_everyday_life_is_not():
    assert rules("i feel much better now that i've decided to leave my job") == "none"


@pytest.mark.parametrize("text", [
    "it's six years this week since the night i took an overdose at uni. i've a partner and a job i love now, and it "
    "feels like it happened to someone else",
    "the urges to cut stopped about two years ago, cbt really did help",
    "my gran still says 'committed suicide' but we're meant to say 'died by suicide' now",
])
def test_a_past_told_as_over_and_words_talked_about_as_words_stay_none_for_the_rules(text):
    assert rules(text) == "none", text


@pytest.mark.parametrize("text", [
    "cbt helped, but the thoughts of ending it are back tonight",
    "it's two years since my attempt and i still think about doing it again",
    "my mum said 'i want to die' last night and went to bed",
    "i never once wanted to die until this week, now i do",
])
def test_a_past_with_a_present_and_someone_elses_words_are_still_flagged(text):
    assert rules(text) != "none", text
