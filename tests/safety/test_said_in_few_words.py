"""Danger told in few words, and everyday lines that borrow risk's words (session 20), in our own paraphrases.

The urgent lines are forms dev's urgent rows used that the product read as nothing: a place known for suicide
reached now, a big dose looked up beside someone's insulin, loose ends tied off at work, a time chosen for when the
family is out, petrol cans and a target's closing time, one's own eulogy left with the will, tablets counted out for
a night when the house goes quiet. The everyday lines are what dev's everyday rows used that the rules read as risk;
each has a danger line beside it that must stay flagged.
"""

import pytest

from holdspace.safety import risk
from holdspace.safety.risk import assess


@pytest.mark.parametrize("text", [
    "heading to beachy head now",
    "on my way to beachy head, nearly there",
    "driving up to the golden gate bridge right now",
    "my nans insulin pens are in the fridge. i read online what a big dose would do to someone who isnt diabetic",
    "dads insulin is in the fridge door. looked up what a large dose does to someone without diabetes",
    "Told work I won't be in next week, or the week after. Handed my keys back. Just tying off the loose ends.",
    "wont need my school stuff anyway. doing it saturday while theyre at the match",
    "filled the boot with petrol cans. my ex's flat is empty after six",
    "got jerry cans of petrol in the van and my boss's house goes dark by ten",
    "wrote my own eulogy and left it with my will. nothing else on the list now",
    "the tablets are all counted out. it'll be tonight when the house goes quiet",
])
def test_danger_told_in_few_words_is_urgent_from_the_rules(text):
    assert risk.rules_layer(text, float("inf")).level == "urgent", text


@pytest.mark.parametrize("text", [
    "driving to beachy head now for a walk with the dog",
    "we're at beachy head now, the view is unreal",
    "keep my insulin pens in the fridge, looked up what dose to take before a run with my diabetes nurse",
    "handed my notice in and gave back my work boots, tying off loose ends before I start the new job on Monday",
    "loaded the van with petrol cans for the generator at the festival",
    "my therapist had me write my own eulogy as a values exercise, it made me cry in a good way",
    "my tablets are counted out into the dosette for the week",
    "fell over in front of the whole canteen and wanted to die on the spot",
    "bye tiktok, last post from me, deactivating my account tonight",
    "counting out all my tablets into the weekly organiser on a sunday, oddly soothing",
    "bought a better razor, no more nicks and no more rash",
    "this is the last message you'll get from me about the wedding playlist i promise",
    "theyll be better off when im gone to college, my sister gets my room",
    "I'll be gone to Portugal by then so please cancel my sessions",
    "i punch the bag in the garage when i mess up so no one sees me cry",
    "bit my tongue till it bled at parents evening so i wouldnt say something",
    "my laptop just wants to stop existing, it crashes every hour",
    "night shifts done, going to bed and not coming back out of my room till dinner",
    "put the rope swing up over the creek today",
    "bye everyone, home time for me",
    "im locked in the bathroom cause the kids keep barging in, five minutes peace please",
    "scratched my legs until they bled walking through brambles on the hike",
    "bye facebook, this is my last post ever, closing my account tonight",
    "some weeks it would be easier if I just disappeared into a cottage with no wifi for a few days",
    "I've decided when I'm going to cancel my gym membership and I've picked the day, feels good",
    "can someone water the tomatoes on friday? I won't be here, I'm at my sister's in Cork",
])
def test_everyday_lines_with_risk_words_stay_none_for_the_rules(text):
    assert risk.rules_layer(text, float("inf")).level == "none", text


@pytest.mark.parametrize("text", [
    "wanted to die on the spot, and honestly i still want to die",
    "goodbye instagram. this is my last post, tonight i end it",
    "no more pain after tonight, the pills are ready",
    "i punch myself in the head and punch the bag so no one sees",
    "bit my arm till it bled because i deserve it",
    "scratched my arms until they bled on purpose",
    "im locked in the bathroom, he has a knife, the kids are asleep",
    "theyll all be better off when im gone",
    "going to sleep and not coming back",
    "it would be easier for everyone if i just disappeared",
    "this is my last post. goodbye everyone, tonight i end it",
    "I have decided how I am going to end it and I have picked the day",
    "i won't be around, i'm done with everything",
])
def test_the_same_words_beside_danger_are_still_flagged(text):
    assert assess(text).level != "none", text


@pytest.mark.parametrize("text", [
    "eight years ago i tried to take my life. last week i held my first grandchild and i'm so glad i stayed",
    "fifteen years ago i took an overdose. glad every day that it didn't work, my garden is my joy now",
    "the winter i wanted to die feels like another lifetime. i'm in a good place now",
    "went through a bad patch at uni where i didnt want to be here. that lifted a long time ago",
    "a while back i self harmed most nights. i'm doing fine now, i actually like my life",
])
def test_a_past_told_as_behind_them_is_not_a_present_risk(text):
    assert risk.rules_layer(text, float("inf")).level == "none", text


@pytest.mark.parametrize("text", [
    "i'm glad i stayed last time but the thoughts are back and i want to die",
    "the winter i wanted to die feels like another lifetime, but tonight i have the pills ready",
    "years ago i tried to end my life and lately i think about trying again",
    "years ago i wanted to die and got help, but tonight i have the pills ready",
])
def test_a_past_beside_a_present_risk_is_still_flagged(text):
    assert assess(text).level != "none", text


@pytest.mark.parametrize("text", [
    "my husband died this morning and i want to be with him",
    "since mum passed i just want to be with her again",
    "dad's gone and all i want is to join him",
])
def test_wanting_to_be_with_someone_who_has_died_is_a_concern(text):
    assert risk.rules_layer(text, float("inf")).level == "concern", text


@pytest.mark.parametrize("text", [
    "my dad died this morning and i want to be with my mum tonight",
    "grandad passed and i want to be with him at the chapel of rest before the funeral",
    "my sister's husband died, i want to be with her this week",
])
def test_being_with_the_family_or_the_body_after_a_death_stays_none(text):
    assert risk.rules_layer(text, float("inf")).level == "none", text
