"""Good news as clients tell it (an achievement, a place at university, praise, a test passed), with the worry, the hard
road or the person missing beside it, with the real emotion model (session 15)."""

import pytest

from tests.listening.stand_ins import talk

HEAVY = ("a lot to carry", "really heavy", "something this painful")


@pytest.fixture
def listener(real_listener):
    return real_listener


def test_worry_beside_good_news_is_heard_with_the_good_news(listener):
    # "its a lot of money though" after "we just bought our first house" got "That sounds like a moment worth holding
    # on to. How would you like to build on it?"
    said = talk(listener, "we just bought our first house", "its a lot of money though")[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply
    assert "pleased" in said.feeling.word and any(w in said.feeling.word for w in ("worried", "nervous", "anxious")), said.reply
    assert "build on it" not in said.reply and "holding on to" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i ran my first 5k", "got an A!!", "i got an A on my essay", "i ran my first marathon"])
def test_an_achievement_is_heard_as_pride_or_pleasure(listener, message):
    # "i ran my first 5k" and "got an A!!" got no feeling at all
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("pride", "joy", "excitement"), said.reply


@pytest.mark.parametrize("message", ["i got into university!", "my son got into university", "i got a place at oxford",
                                     "she got into med school"])
def test_getting_into_university_is_good_news_not_studies_that_weigh(listener, message):
    # "i got into university!" got "Thank you for sharing that with me. What part of your studies is weighing on you most?";
    # "my son got into university" got "down"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("joy", "pride", "excitement"), said.reply
    assert "weigh" not in said.reply, said.reply


def test_passing_a_driving_test_is_still_good_news(listener):
    said = talk(listener, "i passed my driving test!!")[-1]
    assert said.feeling is not None and said.feeling.label in {"pride", "joy", "excitement"}


def test_a_hard_road_to_good_news_is_not_a_let_down(listener):
    said = talk(listener, "i got the job!", "it was a tough interview though")[-1]
    assert "let down" not in said.reply and "disappointed" not in said.reply


def test_praise_after_a_presentation_is_good_news_not_a_worry(listener):
    said = talk(listener, "I gave the presentation today and people actually came up afterwards to say it was good")[-1]
    assert said.feeling is not None and said.feeling.label in {"pride", "joy", "relief"}
    assert "worr" not in said.reply and "uncertain" not in said.reply


@pytest.mark.parametrize("message", ["my dad would have been so proud", "i wish my mum could see it"])
def test_someone_missing_from_good_news_is_heard_as_grief_beside_it(listener, message):
    said = talk(listener, "i got a promotion today!", message)[-1]
    assert "build on it" not in said.reply and "worth holding on to" not in said.reply
    assert said.feeling is not None and said.feeling.label in {"grief", "sadness"}


def test_a_parent_who_would_have_been_proud_is_heard_as_a_loss(listener):
    assert talk(listener, "i got a promotion today!", "my dad would have been so proud")[-1].topic == "loss"


@pytest.mark.parametrize("message", ["i started a new job today", "i start my new job on monday",
                                     "it's my first day at my new job tomorrow", "i'm starting a new job on monday"])
def test_a_first_day_leaves_room_for_nerves_and_excitement(listener, message):
    # session 16, round 2: "i started a new job today" got "pleased ... What does this mean to you?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply
    assert "nervous" in said.reply and "excite" in said.reply, said.reply


@pytest.mark.parametrize("message, word", [("i start my new job on monday and i'm terrified", "terrified"),
                                           ("i started my new job today and i'm so excited", "excited")])
def test_a_first_day_told_with_their_own_feeling_keeps_their_word(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == word, said.reply


def test_a_first_day_that_went_badly_is_not_heard_as_excitement(listener):
    said = talk(listener, "i started a new job today and it was awful")[-1]
    assert said.feeling is None or "excite" not in said.feeling.word, said.reply


@pytest.mark.parametrize("message", ["my boss told me i did a great job today", "my teacher said i did a really good job"])
def test_being_told_they_did_a_great_job_is_heard_as_pride(listener, message):
    # session 16, round 2, talked through: no feeling named, "What has work been like for you lately?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in {"pride", "joy"}, said.reply


@pytest.mark.parametrize("message", ["my baby said her first word today", "my baby said his first word today!",
                                     "i went for a nice walk this morning", "had a lovely coffee with my sister today"])
def test_small_good_news_gets_a_small_warm_question(listener, message):
    # "How would you like to build on it?" after a baby's first word, "What does this mean to you?" after a nice walk
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("joy", "pride", "excitement", "love"), said.reply
    assert said.question not in ("How would you like to build on it?", "What does this mean to you?"), said.reply


@pytest.mark.parametrize("message", ["my boss praised me in front of the whole team", "my manager complimented my work today"])
def test_praise_at_work_is_good_news_not_awkwardness_or_a_weight(listener, message):
    # "my boss praised me in front of the whole team" got "awkward ... What's been happening at work that weighs on you most?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("pride", "joy"), said.reply
    assert "weigh" not in said.reply, said.reply


# --- session 16, round 4 ---------------------------------------------------------------------------------------

def test_a_wife_crying_at_a_promotion_is_heard_as_happy_tears_not_mixed_feelings(listener):
    said = talk(listener, "i got promoted", "my wife cried when i told her")[-1].reply
    assert "Both of those" not in said and "louder" not in said and "happy tears" in said


@pytest.mark.parametrize("message", ["i got some good news today", "i had a really good therapy session today",
                                     "i made my first scarf"])
def test_good_news_told_plainly_names_a_glad_feeling(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.intensity != "mixed", said.reply
    assert "room for all of it" not in said.reply


def test_a_lovely_coffee_with_a_sister_is_not_loving(listener):
    said = talk(listener, "had a lovely coffee with my sister")[-1].reply
    assert "loving" not in said and "feeling" in said


def test_a_babys_first_steps_are_pride_in_her_not_in_yourself(listener):
    said = talk(listener, "my baby took her first steps")[-1].reply
    assert "proud of yourself" not in said and "proud of her" in said


def test_a_first_mistake_is_not_made_a_thing_to_be_proud_of(listener):
    said = talk(listener, "i made my first mistake at the new job today")[-1]
    assert "proud" not in said.reply, said.reply


def test_news_told_with_an_exclamation_mark_is_heard_as_glad(listener):
    # "i'm pregnant!" got "It sounds like you might be feeling down."
    said = talk(listener, "i'm pregnant!")[-1]
    assert said.feeling is not None and said.feeling.label in ("joy", "excitement"), said.reply
    assert "down" not in said.reply, said.reply


def test_news_with_mixed_feelings_said_is_heard_as_both(listener):
    said = talk(listener, "i'm pregnant and i don't know how i feel about it")[-1]
    assert said.feeling is None or said.feeling.label not in ("joy", "excitement", "pride"), said.reply


@pytest.mark.parametrize("message", ["i've started going to the gym again", "i've started running again"])
def test_getting_back_to_exercise_is_not_heard_as_irritation(listener, message):
    # "i've started going to the gym again" got "It sounds like you might be feeling irritated. ... What about it gets to
    # you most?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("joy", "pride", "optimism"), said.reply
    assert "gets to you" not in said.reply, said.reply


def test_plain_news_of_a_pregnancy_leaves_room_rather_than_assuming_sadness(listener):
    # "i'm pregnant" got "It sounds like you might be feeling down."
    said = talk(listener, "i'm pregnant")[-1]
    assert said.feeling is None or said.feeling.label not in ("sadness", "disappointment", "grief"), said.reply
    assert "down" not in said.reply and "how are you feeling about it" in said.reply.lower(), said.reply


def test_a_pregnancy_told_with_doubt_stays_unsure(listener):
    said = talk(listener, "i'm pregnant and i don't know how i feel")[-1]
    assert said.feeling is not None and said.feeling.label == "confusion", said.reply


@pytest.mark.parametrize("message, glad", [("my brother got into medical school. good for him!", "glad for him"),
                                           ("my cousin passed her driving test, really pleased for her", "glad for her")])
def test_glad_for_someone_else_is_not_pride_in_oneself(listener, message, glad):
    # "my sister got the job. good for her!" got "proud of yourself"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == glad, said.reply
    assert "proud of yourself" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["I passed my driving test today and I can't even feel happy about it",
                                     "got offered the job and i dont feel excited at all"])
def test_good_news_they_cannot_feel_is_not_met_as_gladness(listener, message):
    # "I got into my first choice uni today and I can't feel happy about it." got "happy ... It's good to hear something
    # has felt this way for you."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "flat about it", said.reply
    assert "good to hear" not in said.reply and "felt best" not in said.reply, said.reply


def test_someone_elses_good_news_they_cannot_be_glad_of_is_torn(listener):
    # "my sister is pregnant and i can't be happy for her" would have been "glad for her" or "happy"
    said = talk(listener, "my best friend just got engaged and honestly i can't be happy for her")[-1]
    assert said.feeling is not None and said.feeling.word == "torn", said.reply
    assert "good to hear" not in said.reply and "glad for her" not in said.reply, said.reply


# session 17, round 10: a birth told with "!" was met with "Thank you for sharing that with me" and no feeling
def test_a_birth_told_with_joy_is_heard_as_joy(listener):
    said = talk(listener, "our son was born on friday!")[-1]
    assert said.feeling is not None and said.feeling.label == "joy", said.reply
    assert "Thank you for sharing that" not in said.reply


# --- good news is heard as good news ----------------------------------------------------------------

def test_passing_an_exam_is_pride_not_nerves_or_studies_weighing(listener):
    said = talk(listener, "got my exam results and i PASSED")[-1]
    assert said.feeling is not None and said.feeling.label in {"pride", "joy", "relief", "excitement"}
    assert "weighing" not in said.reply and "pressure" not in said.reply


def test_studies_going_ok_are_not_asked_about_as_a_weight(listener):
    for said in talk(listener, "revision is going ok actually", "did 3 past papers today"):
        assert "weighing" not in said.reply and "pressure" not in said.reply, said.reply


def test_feeling_a_bit_more_confident_is_their_confidence_not_concern(listener):
    said = talk(listener, "feeling a bit more confident")[-1]
    assert said.feeling is None or said.feeling.label not in {"caring", "fear", "nervousness"}
    assert "at stake" not in said.reply


def test_after_good_news_nearly_giving_up_is_not_named_a_let_down(listener):
    said = talk(listener, "i finally finished my essay", "it took me three weeks and i nearly gave up")[-1]
    assert said.feeling is None or said.feeling.label not in {"disappointment", "sadness"}, said.reply
    assert "hurts" not in said.reply


def test_after_good_news_mum_cried_haha_is_happy_tears(listener):
    said = talk(listener, "i passed my driving test!!", "took me 4 goes lol", "mum cried haha")[-1]
    assert said.feeling is None or said.feeling.label not in {"sadness", "grief"}, said.reply
    assert not any(words in said.reply for words in HEAVY)


def test_now_i_can_actually_sleep_is_relief_not_a_health_worry(listener):
    said = talk(listener, "i finally finished my essay", "now i can actually sleep")[-1]
    assert said.feeling is not None and said.feeling.label == "relief"
    assert "affecting your days" not in said.reply


def test_a_new_baby_in_the_family_is_happy_news(listener):
    said = talk(listener, "my sister had her baby this morning!!")[-1]
    assert said.feeling is not None and said.feeling.label in {"joy", "excitement"}
    assert not any(words in said.reply for words in HEAVY)


def test_happy_for_him_but_missing_him_is_both(listener):
    said = talk(listener, "my best mate is moving to australia", "i'm happy for him but i'll miss him loads")[-1]
    assert said.feeling is not None and said.feeling.word == "happy and sad at the same time"
    assert "build on it" not in said.reply


def test_a_friend_moving_away_is_no_admiration(listener):
    said = talk(listener, "my best mate is moving to australia")[-1]
    assert said.feeling is None or said.feeling.label not in {"admiration", "joy", "excitement"}


@pytest.mark.parametrize("message", ["fantastic news, my scan was clear", "my mum's biopsy came back benign",
                                     "the lump was nothing to worry about"])
def test_a_clear_result_is_heard_as_relief(listener, message):
    # "fantastic news, my scan was clear" got "Thank you for sharing that with me. How has this been affecting your days?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply
    assert "affecting your days" not in said.reply and not any(w in said.reply for w in HEAVY), said.reply
