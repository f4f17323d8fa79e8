"""Risk said the way people text, read by the rules alone: explicit statements with their reason in words (the client
gets the crisis response, not the model's gentle check-in), and their everyday twins, which stay none."""

from __future__ import annotations

import pytest

from holdspace.safety import risk
from holdspace.safety.risk import assess


# Explicit statements written the way people text, which the rules used to miss (session 10, dev batch N): the means
# named and then taken up by a pronoun, a countdown before the act, a farewell act. The rules themselves must read
# them as urgent, with a reason in words, so the client gets the crisis response and not the model's gentle check-in.
@pytest.mark.parametrize("text, reason", [
    ("i have the pills here and im going to take them tonight", "access to a means and a time"),
    ("got 2 boxes of paracetamol. taking them after mum goes to bed", "access to a means"),
    ("i wrote letters to everyone. they'll find them tomorrow", "saying goodbye"),
    ("the letters are in my drawer. they'll understand one day", "saying goodbye"),
    ("this is my last weekend alive", "saying goodbye"),
    ("tomorrow nobody will have to worry about me ever again", "saying goodbye"),
    ("one more week and then i kill myself", "an intention to die by suicide and a time"),
    ("3 more days. after that i'm ending it", "an intention to die by suicide and a time"),
    ("if nothing changes by friday then i kill myself", "an intention to die by suicide and a time"),
    ("swallowed the whole packet 10 mins ago", "an attempt"),
    # session 13 (said plainly in dev batch P, and missed)
    ("bought a bbq and some tape, gonna seal the windows in the spare room tonight", "access to a means"),
    ("the tramadol in the cupboard would do it, theres loads", "access to a means"),
    ("i got the razor out again and keep staring at my wrists", "thoughts about a specific method"),
    ("im done after tonight. dont blame any of you", "saying goodbye"),
    ("i dont want to be here anymore. by sunday i wont be.", "an intention to die by suicide"),
    ("if nothing happens to me by christmas im doing it myself", "an intention to die by suicide"),
    ("the next time i close my eyes will be the last", "an intention to die by suicide"),
    ("collecting my prescription and saving them with the rest", "a plan"),
    ("got the antifreeze from the garage. ill drink it later", "access to a means"),
    ("im taking the whole box with whisky tonight", "an intention to die by suicide"),
    # session 14 (a wish, then the plan, the means or the time, said plainly in dev batch Q and missed)
    ("tomorrow night when everyones out im going through with it. i just want to not wake up",
     "an intention to die by suicide"),
    ("i keep wishing i could fade away. im taking the lot when my flatmate leaves", "an intention to die by suicide"),
    ("im going up to the roof of the multi-storey after work and im not coming back down", "a plan"),
    ("an hour ago i swallowed the tablets id been saving", "an attempt"),
    ("got a hose that fits the exhaust", "access to a means"),
    ("found the right spot on the bridge today. i want to be gone", "a plan"),
    ("ive got enough of my mums oxycodone saved in my room", "access to a means"),
    ("the voices keep telling me to jump off the balcony", "danger right now"),
    ("walking to the river later with stones in my pockets, pockets full of stones", "thoughts about a specific method"),
    ("i know where i'll go, the bridge on the bypass has no railing", "a plan"),
    ("after work i'll walk to the station and step in front of the 7:15", "a plan"),
    ("💊💊🍷 mixing them now", "a plan"),
    ("tonight is the night i end it all", "an intention to die by suicide"),
])
def test_explicit_statements_in_texting_register_are_urgent_from_the_rules_with_a_reason(text, reason):
    assert assess(text, layers=[risk.rules_layer]).level == "urgent"
    result = assess(text)
    assert result.level == "urgent" and not risk.classifier_only(result)
    assert any(reason in r.lower() for r in result.reasons), result.reasons


# Their everyday twins: the same words about medicine, cards, exams, holidays and hidden eggs are not flagged at all.
@pytest.mark.parametrize("text", [
    "got my antibiotics from the chemist, taking them tonight",
    "got 2 boxes of paracetamol for the flu, taking them every 4 hours",
    "wrote cards to everyone for my leaving do. they'll find them on their desks tomorrow",
    "hid the easter eggs in the garden, they'll find them in the morning",
    "one more week and then exams are over",
    "3 more days then i'm off to spain",
    "two more weeks and then i'm ending it with my gym contract",
    "by the time i finish this essay i'll be dead",
    "took them all to the park this afternoon, the dogs loved it",
    # a means bought or counted out for an everyday use, then "using it" with a time
    "bought a new knife for the kitchen, using it tonight for the roast",
    "got a rope for the tyre swing, using it tomorrow",
    "bought bleach to clean the bathroom, using it tonight",
    "counted out my pills for the week, taking them with breakfast",
    # session 13
    "took the whole box of cereal with me lol",
    "i took the whole box of biscuits to work",
    "got charcoal for the bbq and taped up the gaps in the shed door",
    "the paracetamol should do it for the headache",
    "sharpened the kitchen knife, looking at my watch, dinner in 10",
    "dont blame yourselves, the match was lost in the first half",
    "by friday i wont be stressed anymore, deadline is thursday",
    "next time i go to sleep will be the last time i stay up this late",
    "saving my coupons with the rest for the big shop",
    # session 14
    "tomorrow morning im going through with it and asking for the raise",
    "im taking the lot to the tip when my flatmate leaves",
    "going up to the roof terrace after work and not coming back down till the sun sets",
    "found the perfect spot on the cliff for our picnic",
    "wish i could not exist in the group chat for a week",
    "i want my life to just stop for one day so i can catch up",
    "measured out enough flour for the cake tonight",
    "the voices in the podcast keep telling me to jump on the trend",
    "pills and wine dont mix, so taking them tomorrow with water",
    "tonights the night i finally do it, asking her out",
    "one way ticket to australia booked, bye everyone, see you at the bridge club reunion",
    "my pockets are full of stones from the beach, the kids keep giving me them",
])
def test_the_same_words_about_everyday_things_stay_none(text):
    assert assess(text).level == "none"


# A passive wish said alone, in words the rules lacked (session 14, dev batch Q and C-SSRS dev): a concern with its
# reason, so the client gets the gentle check-in, never none and never the full emergency response.
@pytest.mark.parametrize("text", [
    "kinda at peace with the idea of not waking up",
    "i want my life to just stop",
    "i half hope the plane goes down every time i fly",
    "i pray every night that god takes me in my sleep",
    "it would be easier not to be here",
    "ive been wishing i wasnt around anymore",
    "meteor pls come and take me",
    "glad you didnt kill yourself, it gives me hope i can make it too",
])
def test_a_passive_wish_alone_is_a_concern_from_the_rules(text):
    assert assess(text, layers=[risk.rules_layer]).level == "concern"
    assert assess(text).level == "concern"
