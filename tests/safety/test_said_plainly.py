"""What dev's urgent rows said plainly and the product read as nothing at all (session 15), in our own paraphrases.

Each urgent line was none before the session-15 rules; each everyday line shares its words and must stay none for the
rules (the risk model raises two of them on its own: the pill organiser and the level crossing).
"""

import pytest

from holdspace.safety import risk
from holdspace.safety.risk import assess


@pytest.mark.parametrize("text", [
    # an act with its purpose, a means held and meant for oneself
    "tonight im swallowing the whole week from my pill organiser at once to end it",
    "the shotguns under my bed now, found the key to dads gun cabinet",
    "asked the farmer where he keeps the rifle cartridges. didnt say theyre for me",
    "bought paracetamol in three different shops so no one would notice. theyre all for me",
    "kept the razor blade, its in my drawer, i know exactly what its for",
    "found the old co-codamol in the cupboard. keeping them, theyre my way out",
    "mixed bleach and the other stuff in a glass, its ready for tonight",
    "im taking all of dads morphine myself when the nurse leaves on friday",
    # a plan told as logistics
    "the plan is to drive off the cliff road after the match",
    "its going to be the charcoal bbq inside the tent, nobody camps there in winter",
    "sunday at dawn i go over the edge at the cliffs",
    "gonna park the car across the level crossing and wait for the train",
    "got the tablets all together in one place. doing it on saturday when the house is empty",
    "booked a train to the sea, not buying a return",
    # goodbyes said in passing
    "please dont blame yourself for what i do this weekend",
    "the passwords are written out for my husband. hell cope better without me. i wont see christmas",
    "sorted my will and cancelled my gym membership, wont be needing either after this month",
    "gave my little sister my phone and my games, told her theyre hers forever. she doesnt know why",
    "i'll be with nan by morning. she passed last year. ive made my peace with going",
    "letters for the kids are with the will. tonight i finally get to rest for good",
    "this is the last page ill ever write in you diary. theyll understand after tonight",
    "no drama, im going to fade out, just gone by tomorrow morning",
    "it ends tonight. do it after the late film finishes",
    # hurting someone else, soon
    "going to wait for him after work on thursday and put him in hospital",
    # a method of one's own, kept and waiting
    "the method isnt going anywhere, its still there every night",
    "got my method, just waiting for the house to be empty",
    "my method is hidden in my locker at work and i think about it all day",
    # session 19: a named bridge, fire and a car turned on someone, a weapon carried in, an overdose minutes ago,
    # a car on the line now, gas left on to die by
    "made up my mind, im going to jump off the Clifton Suspension bridge on saturday",
    "gonna set his van on fire tonight while hes asleep upstairs",
    "i'll ram my car into her new fella when he comes out of the gym",
    "bringing my brother's kitchen knife to work tomorrow and the supervisor is going to regret it",
    "downed the whole packet of my sleeping tablets about ten minutes ago",
    "my car's on the train line now and i'm not getting out",
    "gonna leave the gas on when everyone's away, doors shut, i won't wake up",
    # session 19, a second pass
    "gonna drive up to the viaduct on sunday and jump",
    "after my final shift on the 3rd im gone. at least nobody has to cover for me again",
    "i worked out the dose i need from the boxes in the bathroom",
    "been saving my tablets for months, got about sixty now. that should do it",
    "what would it take with insulin to stop a heart, asking for no reason",
    "sorry it'll be one of you who finds me.",
    "left the letters under my pillow where dad will find them on sunday",
    "checked whether my life insurance still pays out after two years. it does",
    "a man from the bus followed me home and he's waiting outside now",
    "hes kicking the door in right now, the kids are upstairs",
])
def test_said_plainly_is_urgent_from_the_rules(text):
    assert assess(text, layers=[risk.rules_layer]).level == "urgent"
    assert assess(text).level == "urgent"


def test_someone_else_collapsed_and_not_waking_is_danger_for_them():
    result = assess("my mate collapsed after taking something at the party, her lips are going blue and she wont wake up",
                    layers=[risk.rules_layer])
    assert result.level == "urgent"
    assert any("someone else" in r.lower() for r in result.reasons), result.reasons


@pytest.mark.parametrize("text", [
    "swallowing my vitamins from the pill organiser every morning to end the week right",
    "the shotgun is in the cabinet for the clay shoot on saturday",
    "bought paracetamol from three different shops because they were all out of stock",
    "i know exactly what it's for, it's a garlic press",
    "this new job is my way out of debt",
    "mixed the bleach and water in a bucket for the kitchen floor",
    "taking all of my meds as the doctor said",
    "the plan is to drive along the coast road after the match",
    "we lit the disposable bbq outside the tent at the campsite",
    "went way over the edge of my budget this month",
    "parked the car by the level crossing to wait for the train to pass",
    "got all the receipts together in one place, doing it when the house is empty",
    "booked a train to the coast, day return",
    "please don't blame yourself for what happened at the party",
    "the passwords are written out for my husband while im away",
    "cancelled my phone contract, wont be needing it after i switch next month",
    "gave my nephew my old guitar, its his now forever",
    "i'll be with nan by morning, driving up tonight",
    "letters for the kids are with the will at the solicitors",
    "the sale ends tonight so i need to decide",
    "this is the last page of my diary, i need a new one",
    "the snow will be gone by tomorrow morning",
    "the baby won't wake up for his feed, is that normal",
    "my lips are going blue its so cold at the bus stop",
    "gonna put him in his place at the meeting on thursday",
    "i've got my method down for folding fitted sheets",
    "I have my method, it works every time for the crossword",
    "my method is ready to share with the team tomorrow",
    "my method isn't going anywhere until the grant comes in",
    "the method is set out in section two of my dissertation",
    "we're going to jump off the old harbour wall with the kids for a swim",
    "taking my dad's shotgun to the clay club tomorrow, going to shoot better than last time",
    "the car is on the level crossing right now, barrier stuck, waiting for the guard",
    "leaving the gas on low tonight with the windows shut for the stew",
    "running the car in the garage for a minute to warm it up",
    "smashed his face in with a snowball lol",
    "doing it tonight, not telling you where we're going for the surprise",
    "after my last exam im gone travelling for a month",
    "i'm sorry it'll be you that finds me so boring at the party",
    "left the letters on my desk where mum will find them for her birthday",
    "tidy up so nobody has to deal with the mess after the party",
    "my life insurance pays out after two years of cover, the broker said",
    "the wind is kicking the door in right now lol",
    "the ball is getting hit by my car every time i reverse",
    "acid reflux is bad, i know his gym times though",
    "the insulin pens need to go back in the fridge at once",
])
def test_the_same_words_about_everyday_things_stay_none_for_the_rules(text):
    assert assess(text, layers=[risk.rules_layer]).level == "none"


@pytest.mark.parametrize("text", ["my landlord is kicking us out at the end of the month", "my mum is kicking me out"])
def test_being_told_to_leave_a_home_is_not_read_as_violence(text):
    # "kicking us out" had the crisis response for being hurt right now (found by the listener's helper, session 19)
    assert assess(text).level == "none"


@pytest.mark.parametrize("text", ["my dad keeps kicking me", "my boyfriend kicks me when he's drunk"])
def test_being_kicked_is_still_heard_as_being_hurt(text):
    result = assess(text)
    assert result.level != "none"
    assert any("hurt" in r for r in result.reasons), result.reasons
