"""Everyday strain and slang with the real emotion model: "my inbox is overflowing", "uni is kicking my ass",
"everyone at skool hates me" heard as overwhelm, worry, hurt or being alone with it, never as a wrong feeling or none."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener

# --- everyday strain and slang, heard as meant -----------------------------------------------------------
# Words that name no feeling ("my inbox is overflowing", "uni is kicking my ass"): the feeling a listener would
# guess, never "irritated" at a to-do list, "angry" at being hated, or nothing at all.

OVERWHELMED = {"overwhelmed", "stressed", "under a lot of pressure", "worn down", "worn out", "burnt out", "exhausted"}
WORRIED = {"worried", "anxious", "nervous", "stressed", "scared", "overwhelmed"}
LEFT_OUT = {"hurt and left out", "lonely", "hurt", "sad", "left out", "down"}
ALONE_WITH_IT = {"alone with it all", "taken for granted", "overwhelmed", "under a lot of pressure", "worn down"}


OVERWHELMING = [
    "my to do list just keeps growing",
    "work keeps piling up and i cant keep up",
    "my boss keeps adding stuff to my plate",
    "got so much on rn",
    "im swamped at work",
    "theres just too much going on",
    "tbh everything is kinda a lot rn",
    "school has been a lot lately",
    "this week has been brutal",
    "work is a lot but its not good",
    "the washing is endless",
    "work is mad busy rn",
    "the laundry is never ending",
    "everything is getting on top of me",
    "i cant even rn",
    "im fried",
    "juggling two jobs and uni",
    "im barely keeping my head above water",
    "im cooked",
    "uni is kicking my ass",
    "lol my life is a mess rn",
    "ngl im lowkey struggling",
    "its giving burnout",
    "looking after mum and the kids is wearing me down",
    "everyone relies on me",
    "my family expects me to get straight As",
]


WORRYING = [
    "the bills keep coming and the money doesnt",
    "cant afford the electric this month",
    "my card got declined at the shop",
    "payday is a week away and i have 12 quid left",
    "i got a letter from the council about arrears",
    "the car broke down and i dont know how ill pay for it",
    "deadass dont know how im gonna pass this",
    "i have three essays due on friday and havent started any",
    "i have a test tomorrow and i havent revised",
    "finals are in two weeks and im so behind",
    "i keep putting it off and now its due tomorrow",
    "im stresd out",
    "im skint till payday",
    "im broke af",
    "my parents will kill me if i fail",
]


LEAVING_OUT = [
    "everyone at skool hates me",
    "everyone left me on read",
    "no1 evr txts me back",
    "everybody in my class hates me",
]


UNHELPED = [
    "im doing all the housework and nobody helps",
    "my partner never helps with the baby",
    "i have to do everything myself",
    "its all on me",
    "im the only one who ever does the washing up",
    "istg nobody in this house helps",
    "i do everything around here and no one notices",
]


@pytest.mark.parametrize("text, heard", [(t, OVERWHELMED) for t in OVERWHELMING] + [(t, WORRIED) for t in WORRYING]
                         + [(t, LEFT_OUT) for t in LEAVING_OUT] + [(t, ALONE_WITH_IT) for t in UNHELPED])
def test_everyday_strain_is_heard_as_the_feeling_it_carries(listener, text, heard):
    """Too much at once as overwhelm, money and work not ready as worry, being hated or ignored as hurt (not
    anger), doing it all unhelped as being alone with it."""
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.word in heard, said.reply


# (these held before the strain words came in; they keep them from reaching good news or the client's own word)
@pytest.mark.parametrize("text, label", [
    ("finally paid off all my debt!!", "relief"),
    ("i was so behind but i passed!!", "pride"),
    ("she relies on me and i love that", "love"),
    ("my sister never helps and it makes me so angry", "anger"),
    ("he keeps coming round without asking", "annoyance"),
    ("ive been learning juggling and im so excited", "excitement"),
    ("today was so busy but so much fun", "joy"),
])
def test_strain_words_leave_good_news_and_their_own_word_alone(listener, text, label):
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.label == label, said.reply
    assert said.feeling.word not in {"worried", "under a lot of pressure", "stressed", "alone with it all"}, said.reply


@pytest.mark.parametrize("text", ["My inbox is overflowing and every time I clear it there's more.",
                                  "idk how much more i can take", "lol my life is a mess rn"])
def test_overwhelm_is_met_as_a_weight_already_there_not_a_worry_to_come(listener, text):
    said = talk(listener, text)[-1]
    assert said.feeling is not None and said.feeling.word == "overwhelmed", said.reply
    assert "uncertain" not in said.reply and "worries you" not in said.reply, said.reply


@pytest.mark.parametrize("first", ["yeah", "mm", "sure"])
def test_a_first_bare_yeah_is_met_as_a_way_in_not_quoted_back_as_saying_a_lot(listener, first):
    said = talk(listener, first)[-1]
    assert "says a lot" not in said.reply and f'"{first}"' not in said.reply, said.reply
    assert said.reply.endswith("?"), said.reply


@pytest.mark.parametrize("text", ["therapy never helps", "crying doesnt help", "my shoes are worn out",
                                  "my meds dont help with the anxiety"])
def test_what_does_not_help_is_no_one_leaving_them_alone_with_it(listener, text):
    said = talk(listener, text)[-1]
    assert said.feeling is None or said.feeling.word not in {"alone with it all", "worn down", "worn out"}, said.reply


def test_worn_out_in_their_words_is_said_back_as_worn_out_not_sad(listener):
    said = talk(listener, "im so worn out")[-1]
    assert said.feeling is not None and said.feeling.word == "worn out", said.reply
    assert "a lot to carry" not in said.reply, said.reply


@pytest.mark.parametrize("text, kept", [
    ("deadass my landlord wants us out", "your landlord wants you out"),
    ("bro im so cooked for this exam", "you're so cooked for this exam"),
])
def test_texting_openers_are_not_said_back_as_what_they_said(listener, text, kept):
    said = talk(listener, text)[-1]
    assert kept in said.reply and "deadass" not in said.reply and "bro " not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i just feel stuck", "i feel like i'm going nowhere", "honestly im so stuck in life"])
def test_feeling_stuck_is_named_as_stuck_not_sad(listener, message):
    # session 16: "i just feel stuck" got "sad ... That's a lot to carry"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "stuck", said.reply
    assert "a lot to carry" not in said.reply and "sad" not in said.reply, said.reply


def test_being_stuck_in_traffic_is_no_feeling_of_being_stuck(listener):
    said = talk(listener, "i got stuck in traffic for two hours")[-1]
    assert said.feeling is None or said.feeling.word != "stuck", said.reply


def test_a_panic_attack_with_everyone_looking_is_frightening_and_embarrassing(listener):
    # session 16: got "scared. It's understandable to feel unsettled when so much is uncertain."
    said = talk(listener, "i had a panic attack on the bus and everyone was looking at me")[-1]
    assert said.feeling is not None and said.feeling.word == "frightened and embarrassed", said.reply
    assert "uncertain" not in said.reply


@pytest.mark.parametrize("message", ["how am i going to pay rent this month", "the bills keep piling up"])
def test_money_worries_are_heard_as_worry_about_money(listener, message):
    # session 16: rent got "You're saying how are you going to pay rent... unsure. It's okay not to have it figured out"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply
    assert said.topic == "money" and "money" in said.question, said.reply
    assert "You're saying how" not in said.reply and "figured out" not in said.reply, said.reply


def test_nobody_listening_is_heard_as_unheard(listener):
    # session 16: got "down. That's a lot to carry."
    said = talk(listener, "i feel like nobody listens to me")[-1]
    assert said.feeling is not None and said.feeling.word == "unheard", said.reply


@pytest.mark.parametrize("message", ["my dad is in hospital again", "my mum's back in hospital"])
def test_someone_close_in_hospital_is_a_worry_not_an_irritation(listener, message):
    # session 16: "my dad is in hospital again" got "irritated. It makes sense that it's got to you."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply


@pytest.mark.parametrize("message", ["the doctor said it's nothing serious", "i said i was being silly",
                                     "my mum works in the hospital", "i can't believe my phone is gone"])
def test_words_only_like_being_brushed_off_or_a_hospital_worry_are_not_heard_as_them(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is None or said.feeling.word not in ("hurt and brushed off", "worried", "shocked and heartbroken"), said.reply


# --- session 16, round 2 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["i got stuck in traffic for two hours", "sat in traffic for an hour this morning",
                                     "my train was cancelled again", "the bus never turned up and i was late for work"])
def test_an_everyday_hassle_is_heard_at_its_size(listener, message):
    # "stuck in traffic for two hours" got "let down. That's a lot to carry. What has been the hardest part of this for you?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word in {"fed up", "frustrated"}, said.reply
    assert "a lot to carry" not in said.reply and "hardest part" not in said.reply, said.reply


def test_a_hassle_with_a_loss_in_it_is_heard_as_the_loss(listener):
    said = talk(listener, "i got stuck in traffic and missed saying goodbye to my dad before he died")[-1]
    assert said.feeling is not None and said.feeling.word not in {"fed up", "frustrated"}, said.reply


@pytest.mark.parametrize("message", ["i keep waking up at 3am and can't get back to sleep", "i keep waking up in the night"])
def test_waking_in_the_night_is_heard_as_worn_out_not_nervous(listener, message):
    # "i keep waking up at 3am and can't get back to sleep" got "nervous ... so much is uncertain"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word in {"exhausted", "worn out"}, said.reply
    assert "uncertain" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i keep waking up at 3am worrying about money", "i keep waking up at 3am and my mind is racing",
                                     "i keep waking up crying"])
def test_waking_in_the_night_with_a_worry_or_tears_named_is_still_the_worry_or_the_tears(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in {"nervousness", "fear", "sadness"}, said.reply
    assert said.feeling.word not in {"exhausted", "worn out"}, said.reply


@pytest.mark.parametrize("message", ["the doctor said it's nothing to worry about", "the vet said he'll be fine",
                                     "the doctor said it's not a big deal", "my gp said its nothing to worry about"])
def test_a_professionals_reassurance_is_heard_as_relief(listener, message):
    # "the doctor said it's not a big deal" got "hurt and brushed off"; "nothing to worry about" got "worried"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply
    assert "brushed off" not in said.reply and "uncertain" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["the doctor said it's nothing but i know something is wrong",
                                     "the doctor said i'm overreacting",
                                     "my mum said it's nothing to worry about but she always says that"])
def test_reassurance_they_do_not_take_or_a_verdict_on_them_is_no_relief(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is None or said.feeling.label != "relief", said.reply


def test_toughen_up_after_a_story_of_work_is_heard_as_self_criticism_not_asked_what_brought_it_up(listener):
    # session 16, round 4: asked "What has been happening lately that's brought this up?" as if nothing had been told
    said = talk(listener, "my manager keeps piling work on me and criticising everything i do in front of the team, "
                          "yesterday he shouted at me in a meeting and i went home and cried",
                "maybe i just need to toughen up")[-1]
    assert "brought this up" not in said.question, said.reply
    assert {"r-part", "r-telling", "r-painful", "r-voice"} & set(said.templates), said.reply  # said back as their thought


def test_a_first_recovery_meeting_is_a_brave_step_not_work(listener):
    # "i went to my first AA meeting last night" got "What has work been like for you lately?"
    said = talk(listener, "i went to my first AA meeting last night")[-1]
    assert "work" not in said.reply and said.topic != "work", said.reply
    assert "step" in said.reply, said.reply


def test_coming_out_to_parents_is_a_big_step_not_a_low(listener):
    # "i came out to my parents yesterday" got "It sounds like you might be feeling down."
    said = talk(listener, "i came out to my parents yesterday")[-1]
    assert said.feeling is None or said.feeling.label not in ("sadness", "disappointment", "grief"), said.reply
    assert "down" not in said.reply and "step" in said.reply, said.reply


def test_finally_booking_an_appointment_about_anxiety_is_a_step_not_a_worry(listener):
    # got "It sounds like you might be feeling anxious. ... What worries you most when you think about it?"
    said = talk(listener, "i finally booked a doctor's appointment about my anxiety")[-1].reply
    assert "worries you most" not in said and "feeling anxious" not in said and "step" in said, said


# --- session 19: work and tiredness, from talking with it --------------------------------------------------------------

def test_work_killing_them_is_heard_as_worn_out_not_sad(listener):
    said = talk(listener, "work is killing me")[-1]
    assert said.feeling is not None and said.feeling.word == "worn out", said.reply


def test_credit_taken_for_their_work_is_heard_as_undermined_not_awkward(listener):
    # "my manager took credit for my project in front of everyone" got "awkward ... Feeling this way shows how much it
    # matters to you"
    said = talk(listener, "my manager took credit for my project in front of everyone")[-1]
    assert said.feeling is not None and said.feeling.word == "frustrated and undermined", said.reply
    assert "awkward" not in said.reply, said.reply


def test_tiredness_said_on_its_own_is_not_told_it_comes_from_demands(listener):
    # "so tired" got "It makes sense to feel that way with so much asked of you", a load they never told of
    said = [talk(listener, "ugh", "so tired")[-1].reply, talk(listener, "so tired")[-1].reply,
            talk(listener, "i'm just so tired all the time")[-1].reply]
    assert not any("asked of you" in reply for reply in said), said
