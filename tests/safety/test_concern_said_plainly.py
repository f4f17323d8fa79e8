"""What dev's concern rows said plainly and the product read as nothing (session 15), in our own paraphrases.

Each concern line was none before the session-15 rules and must now be flagged (concern or more) by the rules alone;
each everyday line shares its words and must stay none for the rules.
"""

import pytest

from holdspace.safety import risk
from holdspace.safety.risk import assess


@pytest.mark.parametrize("text", [
    # eating
    "eating under 600 a day and i still hate my reflection",
    "my periods stopped ages ago and im losing hair but i still feel huge",
    "binged the whole fridge last night so now i starve myself for two days as punishment",
    "i feel like ive failed if i eat lunch",
    "water fast day 4, dizzy but nearly at my goal weight",
    "day 5 no food, just diet coke, finally in control",
    "want to get under 42kg before the wedding",
    "she goes to the bathroom straight after every meal and runs the tap",
    # self-harm
    "need to hide the cuts before swimming tomorrow",
    "fighting the urge to get the razor out again",
    "took the blade out of my pencil sharpener in case the urges come back",
    "used the sharpener blade on my arm last night, it quiets things",
    "held the lighter to my wrist again when it got too loud",
    "dog scratches on my leg again lol the dog is me",
    # abuse
    "my tutor messages me at midnight and says our chats have to stay between us",
    "my coach makes me keep our messages secret. hes 31 and im 13",
    "when i was small my stepdad used to come into my room at night",
    "something happened with a neighbour when i was seven and ive never told anyone",
    "he goes through all my messages and goes mad if i see my friends without him",
    "she screams at me and throws things when the baby is asleep",
    "the care worker was rough with my gran again, she had a bruise on her arm",
    # someone else
    "my grandad gave away his tools this week and keeps talking about after hes gone",
    "my mum keeps saying shes had enough of it all",
    "my dad said he doesnt see the point in living since mum died",
    "my sister posted something like goodbye and hasnt answered since",
    "my 14 year old told me he thinks about suicide",
    "since we lost dad my mum says shed rather be in the ground with him",
    # a wish not to be, without a plan
    "my family would carry on fine without me, maybe better",
    "i want to press pause on being a person, for good",
    "i want to be erased, be nobody's problem",
    "id be lying if i said i wasnt wishing i could stop existing",
    "everyone in this house would breathe easier with me gone",
    "wouldnt mind if my alarm went off and i just never woke",
    "want to hibernate forever and not come out",
    "part of me hopes the bus mounts the kerb on my way in",
    "just want to fall asleep and stay asleep",
    "want to lie down and never get up again",
    "walking by the quarry i thought i wouldnt mind if i slipped",
    "i cant see any way out of these debts except dying",
    "since my husband died theres nothing left, im only waiting to join him",
    "i cant picture myself at 25",
    "some days it feels more easy to not be here",
    "not sure id still be here if it wasnt for the dog",
    # thoughts
    "the idea of ending it has been a comfort for years",
    "had intrusive thoughts about jumping while i was on the balcony",
    "on the platform today i had a flash of stepping out",
    "had the what if thought again looking at the pill packets",
    "im not going to kill myself but i get why people do",
    "ive started thinking about how id do it, not that i would kill myself",
    # hurting someone, thoughts only
    "i could really hurt someone if they push me today",
    "i keep thinking about how to make my ex suffer",
    "some guy barged into me and i pictured putting him on the floor",
    # a past attempt that still matters
    "the scars from my attempt itch when im stressed",
    "the anniversary of my attempt is on friday and im dreading it",
    "two years since the night i tried to end things and that date still floors me",
    "nearly didnt survive my attempt at college and the heavy feelings are back",
    # session 19, in our own paraphrases of what dev's concern rows said and the rules missed
    "im not suicidal or anything, i just dont see myself being around by spring",
    "i would never actually do it, the kids need me, but i think about it most nights",
    "if my alarm never went off again i'd be fine with that",
    "i keep asking god to call me home, nothing is keeping me here",
    "my cousin keeps posting about not wanting to be alive and nobody is taking it seriously",
    "my partner reads all my messages and keeps my bank card so i have to ask for money",
    "my uncle used to touch me when i stayed over and i never said",
    "this man online keeps asking for pics and says he'll send our chats to my parents if i stop",
    "it's three years since my overdose and this week is hard",
    "fingers down my throat after tea again",
    "still not thin enough for the wedding even though i've barely eaten in a week",
])
def test_said_plainly_is_flagged_by_the_rules(text):
    assert assess(text, layers=[risk.rules_layer]).level != "none"


@pytest.mark.parametrize("text", [
    "eating under 2000 calories a day for my half marathon training",
    "my period stopped for a month when i was training for the marathon",
    "i feel like ive failed if i skip the gym",
    "day 5 of no sugar, going well",
    "want to get under 90kg by summer, doctor says its good for my knees",
    "she goes to the bathroom after every meal to brush her teeth",
    "need to hide the marks on the wall before the landlord visits",
    "took the blade out of the pencil sharpener to clean it",
    "our chats about the surprise party have to stay between us",
    "he goes through all my messages to help me sort my inbox",
    "she screams at the telly when the football is on",
    "my grandad keeps talking about after he retires",
    "shes had enough of her job",
    "he doesnt see the point in cooking for one",
    "posted a goodbye to my old flat on instagram",
    "my family would carry on fine without me for a week while im away",
    "press pause on the film, im getting snacks",
    "want to hibernate all winter with blankets and tea",
    "i just want to fall asleep and stay asleep till noon on saturday",
    "the idea of ending the contract has been on my mind",
    "i get why people do marathons now",
    "i could really hurt my ankle on that trampoline",
    "the anniversary of our wedding is on friday",
    "some days it feels more easy to stay in bed",
    "im not suicidal, im just knackered from nights",
    "my alarm never went off and i was late again",
    "the kids begged me to take them home from the party early",
    "my teenager keeps posting about the concert",
    "she checks my phone for the bus times when hers is dead",
    "my gran used to touch my face when she said goodnight",
    "keeps asking for pics of the puppy lol",
    "after my overdraft the bank called",
    "put my fingers down the drain to get the ring out",
    "not tall enough for the big rollercoaster yet",
])
def test_the_same_words_about_everyday_things_stay_none_for_the_rules(text):
    assert assess(text, layers=[risk.rules_layer]).level == "none"
