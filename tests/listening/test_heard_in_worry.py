"""Worry as clients tell it (surgery to come, a sick pet, results to wait for, a child bullied, a partner's job lost,
a doctor who did not listen), and the shock of a death just told, with the real emotion model (session 16, round 3)."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


def test_shaking_just_after_a_death_is_heard_as_shock(listener):
    # "i can't stop shaking" after "my dad died this morning" got "nervous ... Carrying that kind of worry"
    said = talk(listener, "my dad died this morning", "i can't stop shaking")[-1]
    assert said.feeling is not None and said.feeling.word == "in shock", said.reply
    assert "worry" not in said.reply and "nervous" not in said.reply, said.reply


def test_shaking_before_an_exam_is_still_nerves(listener):
    said = talk(listener, "my exam is tomorrow and i can't stop shaking")[-1]
    assert said.feeling is not None and said.feeling.label in ("nervousness", "fear"), said.reply


@pytest.mark.parametrize("message, them", [("my daughter got bullied at school today", "her"),
                                           ("my son is being bullied", "him")])
def test_a_child_bullied_is_heard_as_a_parents_hurt_worry_and_anger(listener, message, them):
    # "my daughter got bullied at school today" got "irritated ... It makes sense that it's got to you"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and "worried" in said.feeling.word and "angry" in said.feeling.word \
        and f"for {them}" in said.feeling.word, said.reply
    assert "irritated" not in said.reply and "on your side" not in said.reply, said.reply


def test_a_partners_job_lost_is_a_worry_for_them_not_a_relationship_problem(listener):
    # "my partner lost his job" got "sad ... What has been happening between the two of you?"
    said = talk(listener, "my partner lost his job")[-1]
    assert said.feeling is not None and said.feeling.word == "worried for him", said.reply
    assert "between the two of you" not in said.reply and "this relationship" not in said.reply, said.reply
    assert "losing this job mean for you" not in said.reply, said.reply  # his job, not theirs


@pytest.mark.parametrize("message", ["i have to have surgery next month", "the doctor said i need surgery",
                                     "i'm having an operation on friday"])
def test_surgery_to_come_is_heard_as_a_worry(listener, message):
    # no feeling named: "Thank you for sharing that with me."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word in ("nervous", "worried", "anxious", "scared"), said.reply


def test_surgery_that_went_well_is_no_worry(listener):
    said = talk(listener, "my surgery went really well and i'm relieved")[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply


@pytest.mark.parametrize("message", ["my cat is really sick", "my dog has been really ill"])
def test_a_sick_pet_is_a_worry_not_a_weight_of_sadness(listener, message):
    # "my cat is really sick" got "sad. That's a lot to carry."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply
    assert "a lot to carry" not in said.reply, said.reply


def test_not_mattering_to_someone_is_heard_as_hurt(listener):
    # "i just feel like i don't matter to him" got "down"
    said = talk(listener, "i just feel like i don't matter to him")[-1]
    assert said.feeling is not None and said.feeling.word == "hurt and unimportant to him", said.reply


@pytest.mark.parametrize("message", ["i get my test results on friday", "still waiting for my exam results"])
def test_results_to_come_are_a_worry_not_studies(listener, message):
    # "i get my test results on friday" got "What part of your studies is weighing on you most?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("nervousness", "fear"), said.reply
    assert "studies" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i've been off work with stress for a month", "i got signed off work last week"])
def test_time_off_with_stress_is_heard_as_worn_down(listener, message):
    # "i've been off work with stress for a month" got "nervous ... so much is uncertain"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word.startswith("worn down"), said.reply
    assert "uncertain" not in said.reply, said.reply


def test_a_move_with_so_much_to_do_is_heard_as_a_lot_on(listener):
    # no feeling named: "Thank you for sharing that with me. Would you tell me more about that?"
    said = talk(listener, "i'm moving house next week and there's so much to do")[-1]
    assert said.feeling is not None and said.feeling.word == "overwhelmed", said.reply


def test_so_much_to_do_on_holiday_is_no_overwhelm(listener):
    said = talk(listener, "we're in rome for a week and there's so much to do, it's amazing")[-1]
    assert said.feeling is None or said.feeling.word != "overwhelmed", said.reply


def test_a_doctor_not_believed_is_worry_and_not_being_listened_to(listener):
    # "the doctor said it's nothing to worry about but i know something is wrong" got "let down"
    said = talk(listener, "the doctor said it's nothing to worry about but i know something is wrong")[-1]
    assert said.feeling is not None and said.feeling.word == "worried and not listened to", said.reply


def test_a_child_bullied_is_asked_about_as_the_parent_lives_it(listener):
    # "she doesn't want to go back tomorrow", two messages on, got "Who, if anyone, has been on your side through this?"
    said = talk(listener, "my daughter got bullied at school today", "she came home crying", "she doesn't want to go back tomorrow")
    assert all("on your side" not in s.reply and "having this happen" not in s.reply for s in said), [s.reply for s in said]


# --- session 16, round 4 ---------------------------------------------------------------------------------------

def test_a_plan_with_someone_who_has_just_died_is_heard_as_a_plan_that_will_not_happen(listener):
    said = talk(listener, "my mum died last night", "we were meant to go shopping on saturday")[-1].reply
    assert "won't happen" in said, said


def test_a_bit_nervous_about_a_partner_moving_in_is_not_made_a_weight(listener):
    said = talk(listener, "my girlfriend is moving in with me next week", "i'm a bit nervous about it honestly")[-1].reply
    assert "takes a lot out of a person" not in said and "really heavy" not in said and "honestly" not in said


def test_being_due_back_after_time_off_with_stress_is_heard_as_nerves_about_returning(listener):
    said = talk(listener, "i've been off work with stress for a month", "i'm supposed to go back next week")[-1]
    assert said.feeling is not None and said.feeling.label == "nervousness", said.reply
    assert "going back" in said.reply and "really heavy" not in said.reply


def test_starting_chemo_names_a_feeling(listener):
    assert talk(listener, "i start chemo next week")[-1].feeling is not None


def test_shock_is_said_as_being_in_shock_never_feeling_in_shock(listener):
    replies = talk(listener, "my dad died this morning", "i can't stop shaking", "it doesn't feel real",
                   "i keep shaking", "it still doesn't feel real")
    assert not any("feeling in shock" in r.reply for r in replies)


@pytest.mark.parametrize("child, them", [("daughter", "her"), ("son", "him")])
def test_questions_about_a_bullied_child_say_her_or_him(listener, child, them):
    asked = [r.question for r in talk(listener, f"my {child} is being bullied at school", "it's been going on for weeks",
                                      "she cries every night" if them == "her" else "he cries every night")]
    assert not any("for them" in q for q in asked)


def test_kindness_after_a_fear_is_reflected_with_it(listener):
    # "it was scary but everyone was kind" got all worry ("what worries you most")
    said = talk(listener, "it was scary but everyone was kind")[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply
    assert "kind" in said.reply and "worries you most" not in said.reply, said.reply


def test_getting_off_early_after_a_panic_attack_is_heard_as_coping(listener):
    # got "Feeling that way makes sense with this much at stake."
    said = talk(listener, "i had a panic attack on the train this morning", "i had to get off two stops early")[-1].reply
    assert "at stake" not in said and "uncertain" not in said, said
    assert "care of yourself" in said, said


def test_losing_closeness_with_a_daughter_is_heard_as_the_fear_it_is(listener):
    # "i feel like i'm losing her" got "There's room for that here, just as it is." / "It makes sense that it's stayed with you"
    said = talk(listener, "my daughter barely talks to me anymore", "i feel like i'm losing her")[-1].reply
    assert "losing" in said and "close" in said, said


def test_no_sleep_since_an_accident_is_heard_as_shaken_not_let_down(listener):
    # "i can't sleep since the accident" got "It sounds like you might be feeling let down."
    said = talk(listener, "i can't sleep since the accident")[-1]
    assert said.feeling is not None and said.feeling.label in ("fear", "nervousness"), said.reply
    assert "let down" not in said.reply and "shaken" in said.reply, said.reply


def test_a_pet_at_the_vet_with_nothing_known_is_heard_as_worry(listener):
    # "my cat is at the vet and they don't know what's wrong" got "unsure ... What feels most unclear right now?"
    said = talk(listener, "my cat is at the vet and they don't know what's wrong")[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply
    assert "unclear" not in said.reply, said.reply


def test_the_first_christmas_without_a_parent_is_heard_as_grief_not_anger(listener):
    # after "i hate christmas", "it's the first one without my dad" got "That reaction is understandable, given what
    # happened."
    said = talk(listener, "i hate christmas", "it's the first one without my dad")[-1]
    assert said.feeling is not None and said.feeling.label == "grief", said.reply
    assert "reaction is understandable" not in said.reply and "angry" not in said.reply, said.reply


@pytest.mark.parametrize("lines, missing", [(("i hate christmas", "it's the first one without my dad"), "the loss of him"),
                                            (("dreading my birthday", "first year without mum"), "the loss of her")])
def test_the_first_day_without_someone_is_named_in_words_a_person_would_say(listener, lines, missing):
    # named "his absence": "It sounds like you might be feeling his absence" read stiffly
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == missing and "absence" not in said.reply, said.reply


# --- pain waved away (session 17, round 8) ---------------------------------------------------------------------------

@pytest.mark.parametrize("lines", [
    ("My knees and back have hurt for five years and two doctors have said it's all in my head.",
     "the last one smirked when i said i can't work some days"),
    ("The GP said it was most likely stress and suggested I try yoga.",),
])
def test_pain_waved_away_by_a_doctor_is_heard_as_brushed_off_not_nervous(listener, lines):
    # "The doctor said it was probably stress and suggested I try yoga" got "nervous ... so much is uncertain"; a doctor
    # who laughed when told "i can't work some days" got "let down" and "How has work been affecting the rest of your life?"
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == "brushed off", said.reply
    assert "nervous" not in said.reply and "work been" not in said.reply


@pytest.mark.parametrize("message", ["i dont know how to even start telling my parents",
                                     "I've got to tell the team on Monday and I don't know what to say to them"])
def test_a_telling_still_to_come_is_a_worry_not_confusion(listener, message):
    # "i don't know how to start telling them" got "confused ... What feels most unclear right now?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply
    assert "confused" not in said.reply and "unclear" not in said.reply, said.reply


def test_a_kind_untruth_to_a_parent_with_dementia_is_heard_as_guilt_not_anger(listener):
    # "I told him she was at the shops. I hate lying to him." got "angry ... How does that anger show up for you?"
    said = talk(listener, "My mum has Alzheimer's and I'm the one who looks after her.",
                "She keeps asking for Dad and I tell her he's at work. I hate lying to her.")[-1]
    assert said.feeling is not None and said.feeling.word == "guilty", said.reply
    assert "anger" not in said.reply and "angry" not in said.reply, said.reply


# session 17, round 10: a baby born too soon was met with "Thank you for sharing that with me" and no feeling
def test_a_baby_born_too_soon_is_heard_as_a_worry(listener):
    said = talk(listener, "my daughter was born seven weeks early and she's still in the nicu")[-1]
    assert said.feeling is not None and said.feeling.word == "worried", said.reply
    assert "Thank you for sharing that" not in said.reply


def test_a_lump_found_is_heard_as_frightening_not_a_plain_thanks(real_listener):
    # session 19: "found a lump today" got "Thank you for sharing that with me."
    said = talk(real_listener, "found a lump today")[-1]
    assert said.feeling is not None and said.feeling.word == "scared", said.reply
    assert "Thank you for sharing" not in said.reply, said.reply
