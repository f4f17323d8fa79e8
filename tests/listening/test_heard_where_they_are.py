"""Heard where they are, with the real emotion model: a death of a few hours ago is met in the present, a partner
leaving is heard and its month said with a capital, another language is noticed, a child refusing school is a
worry, and a long wait for a baby goes on hurting after a negative test (session 20)."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


MEMORIES = ("remembering", "miss most", "memories")


@pytest.mark.parametrize("line", ["my husband died this morning", "mum passed an hour ago", "my dad just died",
                                  "lost my mum this morning", "my wife passed away a few hours ago",
                                  "my brother died tonight"])
def test_a_death_of_a_few_hours_ago_is_met_in_the_present_not_asked_for_memories(listener, line):
    # "my husband died this morning" got "What do you find yourself remembering about him?"
    said = talk(listener, line)[-1]
    assert said.topic == "loss", said.reply
    assert not any(word in said.question.lower() for word in MEMORIES), said.reply
    # how they are now, or who is with them
    assert "right now" in said.question or "with you" in said.question, said.reply


def test_after_a_death_just_now_the_next_reply_still_asks_about_now(listener):
    said = talk(listener, "my husband died this morning", "i keep thinking he'll walk in")[-1]
    assert not any(word in said.question.lower() for word in MEMORIES), said.reply


def test_a_death_long_ago_is_not_asked_who_is_with_them_right_now(listener):
    said = talk(listener, "my dad died two years ago")[-1]
    assert said.topic == "loss" and "right now" not in said.question, said.reply


@pytest.mark.parametrize("line, month", [("my wife left in march", "March"), ("my husband left me in may", "May"),
                                         ("my girlfriend moved out in september", "September"),
                                         ("my partner walked out on us last march", "March")])
def test_a_partner_leaving_is_heard_and_the_month_has_its_capital(listener, line, month):
    # "my wife left in march" got "You're saying your wife left in march. Thank you for sharing that with me."
    said = talk(listener, line)[-1]
    assert month in said.reflection and month.lower() not in said.reflection, said.reply
    assert said.feeling is not None and said.feeling.label in ("sadness", "grief", "disappointment"), said.reply
    assert "Thank you for sharing" not in said.reply, said.reply


def test_a_partner_leaving_keeps_their_own_feeling_word(listener):
    said = talk(listener, "my wife left in march and i just feel numb")[-1]
    assert "numb" in said.reply, said.reply


@pytest.mark.parametrize("line", ["i may have been too harsh with her", "we march every year for the cause"])
def test_may_and_march_that_are_no_months_stay_as_they_were(listener, line):
    said = talk(listener, line)[-1]
    assert "May" not in said.reflection and "March" not in said.reflection, said.reply


@pytest.mark.parametrize("line", ["ich bin so müde heute", "jestem bardzo zmęczona", "estoy muy cansada",
                                  "ik ben zo moe vandaag", "sono molto stanca oggi", "je suis fatiguée"])
def test_a_message_in_another_language_is_recognised(listener, line):
    # "ich bin so müde heute" got "You're saying ich bin so müde heute."
    said = talk(listener, line)[-1]
    assert "English" in said.reply and not said.reflection, said.reply


@pytest.mark.parametrize("line", ["my friend Jürgen came over tonight", "had a café au lait with Zoë this morning",
                                  "i miss my abuela so much", "Björn and Søren are my best mates",
                                  "my oma died last year", "i had my first day at the crèche with my son"])
def test_english_with_a_foreign_name_or_loanword_is_still_english(listener, line):
    said = talk(listener, line)[-1]
    assert "English" not in said.reply and said.reflection, said.reply


@pytest.mark.parametrize("line", ["my kid has been refusing to go to school", "my son won't go to school anymore",
                                  "my daughter refuses to go to school", "our youngest has stopped going to school"])
def test_a_child_refusing_school_is_heard_as_a_parents_worry(listener, line):
    # "my kid has been refusing to go to school" got "let down"
    said = talk(listener, line)[-1]
    assert said.feeling is not None and "worried" in said.feeling.word, said.reply
    assert "let down" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["we've been trying for two years", "we have been trying for over a year now",
                                  "it's been 18 months of trying", "we've been trying since 2024"])
def test_a_long_wait_told_after_a_negative_test_is_heard_as_painful(listener, line):
    # "we've been trying for two years" after "the pregnancy test was negative again" got "I'm glad you're telling me
    # about it"
    said = talk(listener, "the pregnancy test was negative again", line)[-1]
    assert said.feeling is not None and said.feeling.label in ("disappointment", "sadness", "grief"), said.reply
    assert "glad you're telling me" not in said.reply, said.reply


def test_trying_for_a_baby_for_years_is_heard_on_its_own(listener):
    said = talk(listener, "we've been trying for a baby for three years")[-1]
    assert said.feeling is not None and said.feeling.label in ("disappointment", "sadness", "grief"), said.reply


def test_trying_for_years_at_something_else_is_not_heard_as_a_wait_for_a_baby(listener):
    said = talk(listener, "i've been trying for two years to get promoted")[-1]
    assert said.feeling is None or "how long" not in said.feeling.word, said.reply


GLAD_WORDS = ("excited", "hopeful", "pleased", "happy", "really matters to you", "What does this mean to you")


@pytest.mark.parametrize("line", ["we have to tell the kids we're splitting up this weekend",
                                  "we're telling the children on sunday that we're separating",
                                  "how do i tell my son we're getting divorced"])
def test_telling_the_children_of_a_separation_is_heard_as_a_worry_not_excitement(listener, line):
    # "we have to tell the kids we're splitting up this weekend" got "excited ... That sounds like it really matters to
    # you. What does this mean to you?"
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.label in ("nervousness", "fear"), said.reply
    assert not any(word in said.reply for word in GLAD_WORDS), said.reply


@pytest.mark.parametrize("line", ["we've decided to separate after 12 years", "we're getting divorced",
                                  "my husband and i have agreed to split up", "we are separating"])
def test_a_separation_decided_is_heard_as_an_ending_not_good_news(listener, line):
    # "we've decided to separate after 12 years" got "hopeful ... What does this mean to you?"
    said = talk(listener, line)[-1]
    assert said.topic == "separating" and "since it ended" not in said.reply, said.reply
    assert said.feeling is not None and said.feeling.label in ("sadness", "grief"), said.reply
    assert not any(word in said.reply for word in GLAD_WORDS), said.reply


def test_a_separation_told_with_their_own_relief_keeps_it(listener):
    said = talk(listener, "we've decided to separate and honestly i'm relieved")[-1]
    assert "relieved" in said.reply and "sad" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["i'm looking after my mum full time now and i've got nothing left",
                                  "caring for my dad has left me with nothing left for myself",
                                  "i'm my mum's full time carer and i'm running on empty"])
def test_a_carer_with_nothing_left_is_heard_as_worn_down_not_let_down(listener, line):
    # "i'm looking after my mum full time now and i've got nothing left" got "let down ... with your family?"
    said = talk(listener, line)[-1]
    assert said.topic == "caring", said.reply
    assert said.feeling is not None and "let down" not in said.reply, said.reply
    assert "family" not in said.question, said.reply


@pytest.mark.parametrize("line", ["i had to give up my job to care for my dad", "i gave up work to look after my mum"])
def test_a_job_given_up_to_care_for_a_parent_is_not_asked_about_work(listener, line):
    # "i had to give up my job to care for my dad" got "What's been happening at work that weighs on you most?"
    said = talk(listener, line)[-1]
    assert said.topic == "caring" and "at work" not in said.reply, said.reply
