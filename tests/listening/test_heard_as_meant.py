"""Conversations as people in distress write them, with the real emotion model: the size of a feeling heard as
they told it (a mild day is no weight to carry, good news no worry), a betrayal heard as one, harsh thoughts
about oneself heard as harsh. The words said back: test_said_back.py."""

import pytest

from holdspace.language.emotions import LABELS, Emotions
from holdspace.listening.feelings import Feeling, feeling_cues, feeling_for
from holdspace.listening.questions import family_for
from tests.listening.stand_ins import talk

HEAVY = ("a lot to carry", "really heavy", "something this painful")


@pytest.fixture
def listener(real_listener):
    return real_listener


def _sure_of(label: str, score: float) -> Emotions:
    scores = {name: 0.01 for name in LABELS}
    scores[label] = score
    return Emotions(scores, (label,), "sadness")


# --- the size of a feeling, as they told it ---------------------------------------------------------

def test_the_model_sure_of_sadness_alone_names_sad_not_devastated():
    found = feeling_for(_sure_of("sadness", 0.85), "i miss my old school")
    assert found.word == "sad"


def test_the_strongest_word_needs_the_words_to_say_so_too():
    assert feeling_for(_sure_of("sadness", 0.85), "i miss my old school so much").word == "devastated"


def test_i_miss_my_old_school_is_not_devastated(listener):
    said = talk(listener, "i miss my old school")[-1]
    assert said.feeling is not None and said.feeling.word != "devastated"


@pytest.mark.parametrize("lines", [
    ("missed the bus this morning",),
    ("i feel a bit sad today",),
    ("bit sad today", "missed the bus this morning"),
])
def test_a_low_day_told_lightly_is_not_made_a_weight_to_carry(listener, lines):
    said = talk(listener, *lines)[-1].reply
    assert not any(words in said for words in HEAVY), said


def test_pain_told_plainly_is_still_met_as_pain(listener):
    said = talk(listener, "no one came to my party")[-1].reply
    assert any(words in said for words in HEAVY) or "hardest" in said


# --- a betrayal is heard as one ----------------------------------------------------------------------

def test_being_cheated_on_is_heard_as_a_betrayal_not_a_rough_patch_in_the_relationship(listener):
    replies = talk(listener, "my partner cheated on me", "i found the messages on his phone",
                   "we've been together six years")
    assert replies[0].feeling is not None and replies[0].feeling.word == "hurt and betrayed"
    for said in replies:
        assert "between the two of you" not in said.reply and "in this relationship" not in said.reply, said.reply
    assert "found out" in replies[0].reply


def test_cheating_on_someone_oneself_is_guilt_not_betrayal(listener):
    said = talk(listener, "i cheated on my boyfriend and i feel awful")[-1]
    assert said.feeling is not None and "betrayed" not in said.feeling.word
    assert "found out" not in said.reply


# --- harsh thoughts about oneself are heard as harsh ------------------------------------------------

def test_i_just_feel_stupid_is_a_harsh_thought_not_irritation(listener):
    said = talk(listener, "me and my girlfriend broke up last night",
                "i just feel stupid for thinking it would last")[-1]
    assert said.feeling is None or said.feeling.label not in {"anger", "annoyance"}, said.reply
    assert "receiving end" not in said.reply


def test_not_worth_talking_to_is_a_painful_thought_asked_about_as_one(listener):
    said = talk(listener, "I'm so lonely. I haven't spoken to anyone in days",
                "maybe I'm just not worth talking to")[-1].reply
    assert "painful thought" in said or "telling yourself" in said or "part of you" in said or "voice" in said
    assert "unsure" not in said and "doesn't make sense yet" not in said


def test_i_always_mess_these_things_up_is_never_met_as_anger(listener):
    said = talk(listener, "i'm so nervous about my interview tomorrow", "i always mess these things up")[-1]
    assert said.feeling is None or said.feeling.label not in {"anger", "annoyance"}
    assert "anger" not in said.reply and "given what happened" not in said.reply
    assert "glad you're telling me" not in said.reply  # no neutral news


def test_comparing_oneself_badly_is_never_admiration(listener):
    said = talk(listener, "i hate my body", "everyone at the gym looks better than me")[-1]
    assert said.feeling is None or said.feeling.label not in {"admiration", "joy", "pride"}, said.reply
    assert "felt best" not in said.reply


def test_not_wanting_to_go_anymore_is_discouragement_not_anger(listener):
    said = talk(listener, "i hate my body", "everyone at the gym looks better than me",
                "i don't even want to go anymore")[-1]
    assert said.feeling is not None and said.feeling.word == "discouraged", said.reply
    assert "anger" not in said.reply


def test_unhappy_about_it_is_not_asked_about_as_anger():
    assert family_for(Feeling("unhappy about it", "disapproval", "moderate")) == "neutral"


# --- everyday words --------------------------------------------------------------------------------------

def test_knackered_is_worn_out_not_surprised(listener):
    said = talk(listener, "im knackered")[-1]
    assert said.feeling is not None and said.feeling.word == "knackered"
    assert "take in" not in said.reply


def test_doing_my_head_in_is_annoyance():
    assert "annoyance" in feeling_cues("my housemate is doing my head in")


def test_a_manager_dumping_work_on_you_is_no_break_up(listener):
    said = talk(listener, "my manager dumped three extra things on me at half four")[-1]
    assert said.topic != "breakup" and "missing most" not in said.reply and "since it ended" not in said.reply


def test_parents_going_to_kill_me_if_i_fail_is_dread_not_anger(listener):
    said = talk(listener, "exams start on monday and i havent revised anything",
                "my parents are going to kill me if i fail")[-1]
    assert said.feeling is not None and said.feeling.label in {"fear", "nervousness"}, said.reply
    assert "given what happened" not in said.reply


def test_a_topic_told_plainly_in_the_message_is_still_asked_about(listener):
    said = talk(listener, "The kids were screaming all morning and I still had to finish a report.")[-1]
    assert said.topic == "family" and "family" in said.question


# --- more conversations as people write them ----------------------------------------------------

def test_buzzing_about_a_mark_is_excitement_not_studies_weighing(listener):
    said = talk(listener, "i got a B on my dissertation and im actually buzzing")[-1]
    assert said.feeling is not None and said.feeling.label in {"excitement", "joy", "pride"}
    assert "weighing" not in said.reply


@pytest.mark.parametrize("line", ["theyre quite religious", "my best mate is moving to australia",
                                  "my tutor said it was one of the best she'd read this year"])
def test_admiration_is_not_named_from_a_plain_description_of_someone(listener, line):
    said = talk(listener, line)[-1]
    assert said.feeling is None or said.feeling.label != "admiration", said.reply
    assert "impressed" not in said.reply and "inspired" not in said.reply


def test_nice_about_it_but_cant_stop_thinking_about_it_is_not_relief_to_build_on(listener):
    said = talk(listener, "i'm so embarassed, i cried in a meeting today",
                "my boss was nice about it but i cant stop thinking about it")[-1]
    assert said.feeling is None or said.feeling.label != "relief", said.reply
    assert "felt best" not in said.reply and "worth holding on to" not in said.reply


def test_nothing_even_wrong_is_a_low_mood_made_small_not_annoyance(listener):
    said = talk(listener, "been feeling rly low lately", "dunno why", "nothing's even wrong really")[-1]
    assert said.feeling is None or said.feeling.label not in {"anger", "annoyance", "disapproval"}, said.reply
    assert "anger" not in said.reply and "given what happened" not in said.reply


def test_im_used_to_it_is_hurt_made_ordinary_and_heard_as_mattering(listener):
    said = talk(listener, "my dad forgot my birthday again", "he remembered my brothers tho",
                "its fine im used to it")[-1].reply
    assert "doesn't have to be big" in said or "feel small" in said or "small" in said


def test_a_message_in_a_painful_story_that_names_no_feeling_is_not_met_as_neutral_news(listener):
    replies = talk(listener, "mum's cancer is back", "they found it in her liver")
    assert replies[0].feeling is not None and replies[0].feeling.word != "down"  # grave news, never the mildest word
    assert "glad you're telling me" not in replies[1].reply and "Thank you for sharing" not in replies[1].reply


def test_falling_apart_is_overwhelmed(listener):
    said = talk(listener, "mum's cancer is back", "she's being so brave and i'm just falling apart")[-1]
    assert said.feeling is not None and said.feeling.word == "overwhelmed", said.reply
    assert "Where would you like to start" not in said.reply


def test_where_would_you_like_to_start_is_asked_only_at_the_start(listener):
    replies = talk(listener, *["the bus was late", "i had toast", "it rained", "i watched tv", "the cat slept",
                               "i did some washing", "i read a bit", "i went to bed"])
    assert all("Where would you like to start" not in said.reply for said in replies[1:])


def test_a_driving_test_is_not_asked_about_as_studies(listener):
    said = talk(listener, "i failed my driving test for the third time")[-1]
    assert said.topic != "study" and "studies" not in said.reply


def test_i_just_want_to_give_up_is_discouragement(listener):
    said = talk(listener, "i failed my driving test for the third time", "i just want to give up")[-1]
    assert said.feeling is not None and said.feeling.word == "discouraged"


def test_family_not_talking_to_me_is_a_loss_not_irritation(listener):
    said = talk(listener, "my family don't talk to me anymore")[-1]
    assert said.feeling is not None and said.feeling.label not in {"anger", "annoyance"}, said.reply


def test_after_good_news_the_longest_ive_ever_gone_and_mum_crying_are_glad(listener):
    replies = talk(listener, "i've been clean for six months today", "it's the longest i've ever gone",
                   "my mum hugged me and cried")
    for said in replies[1:]:
        assert said.feeling is None or said.feeling.label not in {"sadness", "grief", "disappointment"}, said.reply
        assert "hurts" not in said.reply


def test_after_good_news_pain_in_their_own_words_is_still_heard(listener):
    said = talk(listener, "i passed my exam", "but i'm gutted i didn't get an A")[-1]
    assert said.feeling is not None and said.feeling.word == "gutted"


def test_a_phone_buzzing_is_no_excitement(listener):
    said = talk(listener, "my phone won't stop buzzing with work messages even on my day off")[-1]
    assert said.feeling is None or said.feeling.label not in {"excitement", "joy"}, said.reply


def test_my_team_must_hate_me_is_hurt_not_anger(listener):
    said = talk(listener, "been off work with stress for 3 weeks", "my team must hate me")[-1]
    assert said.feeling is None or said.feeling.label not in {"anger", "annoyance"}, said.reply
    assert "given what happened" not in said.reply


def test_yelling_at_mum_and_feeling_like_garbage_is_guilt_said_back_as_theirs(listener):
    said = talk(listener, "i yelled at my mom today and i feel like garbage")[-1]
    assert said.feeling is not None and said.feeling.label in {"remorse", "embarrassment"}, said.reply
    assert "believes you yelled" not in said.reply  # the yelling happened: it is no belief


def test_thanks_for_listening_earlier_is_thanks(listener):
    said = talk(listener, "thx for listening earlier")[-1].reply
    assert "You're saying" not in said and ("welcome" in said.lower() or "thank" in said.lower())


def test_a_turn_from_good_news_conceded_is_the_weight(listener):
    said = talk(listener, "my therapist is going on maternity leave", "i know its good news for her",
                "but i finally trusted someone")[-1]
    assert said.feeling is None or said.feeling.label not in {"relief", "joy", "pride"}, said.reply
    assert "build on it" not in said.reply and "worth holding on to" not in said.reply


@pytest.mark.parametrize("turn", ["but it also reminds me we lost ours last year",
                                  "but it also reminds me of everything we went through"])
def test_a_turn_from_glad_news_to_a_loss_is_not_met_as_good_news(listener, turn):
    # session 13: after "my sister had her baby today", "im so happy for her", this was met with "It's good to hear
    # something has felt this way for you. What part of it has felt best?"
    said = talk(listener, "my sister had her baby today", "im so happy for her", turn)[-1]
    assert not any(w in said.reply for w in ("good to hear", "felt best", "build on", "worth holding", "good news")), \
        said.reply
    assert said.feeling is None or said.feeling.label not in {"relief", "joy", "pride", "excitement"}, said.reply


def test_a_baby_lost_is_named_as_a_loss(listener):
    said = talk(listener, "my sister had her baby today", "im so happy for her",
                "but it also reminds me we lost ours last year")[-1]
    assert said.feeling is not None and said.feeling.label in ("grief", "sadness"), said.reply


def test_happy_for_her_inside_a_story_that_hurts_is_both(listener):
    said = talk(listener, "my best friend is pregnant and i've been trying for two years",
                "i'm happy for her i really am")[-1].reply
    assert "felt best" not in said and "build on it" not in said and "good to hear" not in said


def test_a_long_story_the_model_only_half_hears_is_not_met_lightly(listener):
    said = talk(listener, "my best friend is pregnant and i've been trying for two years")[-1].reply
    assert "It makes sense to feel that way." not in said and "stayed with you" not in said \
        and "just as it is" not in said


def test_relief_after_a_worry_is_still_relief(listener):
    said = talk(listener, "i was nervous about the results", "but it came back clear")[-1]
    assert said.feeling is not None and said.feeling.label == "relief"


def test_it_felt_amazing_is_gladness_not_admiration(listener):
    said = talk(listener, "I'm really proud of myself today", "I went to the gym for the first time in months",
                "it felt amazing")
    assert said[-1].feeling is not None and said[-1].feeling.label in {"joy", "pride", "excitement", "relief"}
    assert "glad you're telling me" not in said[1].reply  # a plain message in a glad story is still glad news


def test_sleep_getting_better_in_a_good_week_is_relief_not_worry(listener):
    said = talk(listener, "honestly it's been a pretty good week", "my sleep is better")[-1]
    assert said.feeling is not None and said.feeling.label not in {"caring", "fear", "nervousness"}, said.reply
    assert "worry" not in said.reply


def test_not_bothering_friends_is_a_lonely_holding_back_not_anger(listener):
    said = talk(listener, "i dont really have anyone to talk to", "my friends all have their own stuff going on",
                "so i just dont bother them")[-1]
    assert said.feeling is None or said.feeling.label not in {"anger", "annoyance"}, said.reply
    assert "anger" not in said.reply


def test_mornings_are_the_worst_is_low_not_annoyed(listener):
    said = talk(listener, "mornings are the worst")[-1]
    assert said.feeling is not None and said.feeling.label not in {"anger", "annoyance", "disgust"}, said.reply


def test_running_on_fumes_is_exhausted(listener):
    said = talk(listener, "work has been insane this week", "i'm running on fumes")[-1]
    assert said.feeling is not None and said.feeling.word == "exhausted"


def test_a_light_story_goes_on_lightly(listener):
    said = talk(listener, "bit sad today", "missed the bus this morning", "just one of those days")[-1].reply
    assert not any(words in said for words in HEAVY), said


def test_a_glad_story_goes_on_with_glad_questions(listener):
    said = talk(listener, "i passed my driving test!!", "took me 4 goes lol", "mum cried haha")[-1].reply
    assert "family understood" not in said and "weighing" not in said


def test_they_didnt_deserve_it_after_snapping_at_them_is_guilt(listener):
    said = talk(listener, "i snapped at my kids this morning and i feel awful", "they didnt deserve it")[-1]
    assert said.feeling is not None and said.feeling.label == "remorse", said.reply


def test_a_joke_about_my_weight_is_never_amusement(listener):
    replies = talk(listener, "i left the party because someone made a joke about my weight",
                   "everyone said i was being dramatic")
    for said in replies:
        assert said.feeling is None or said.feeling.label not in {"amusement", "joy"}, said.reply
        assert "felt best" not in said.reply and "good news" not in said.reply


def test_tired_of_feeling_like_the_disappointment_is_a_harsh_thought_not_tiredness(listener):
    said = talk(listener, "my mom keeps comparing me to my cousin",
                "i'm tired of feeling like the disappointment of the family")[-1].reply
    assert "tiredness" not in said and "worn out like that" not in said
    assert "voice" in said or "painful thought" in said or "telling yourself" in said


def test_not_much_but_its_mine_is_pride_not_unhappiness(listener):
    said = talk(listener, "i got my first paycheck today!!", "it's not much but it's mine")[-1]
    assert said.feeling is None or said.feeling.label not in {"disapproval", "disappointment"}, said.reply


def test_shaking_after_saying_yes_to_a_proposal_is_no_worry(listener):
    said = talk(listener, "my partner proposed last night!", "i said yes", "i'm still shaking")[-1]
    assert said.feeling is None or said.feeling.label not in {"nervousness", "fear"}, said.reply
    assert "what has helped" not in said.reply.lower()


def test_a_plain_happy_day_goes_on_glad(listener):
    said = talk(listener, "i'm actually really happy today", "the sun is out and i had a lie in")[-1]
    assert said.feeling is None or said.feeling.label not in {"sadness", "disappointment"}, said.reply
    assert "hurts" not in said.reply


def test_work_stuff_after_just_tired_stays_with_the_tiredness(listener):
    said = talk(listener, "lol i'm fine just tired", "work stuff")[-1].reply
    assert "hurts" not in said and "painful" not in said and "heavy" not in said


def test_a_forgotten_anniversary_is_no_bereavement(listener):
    said = talk(listener, "my bf forgot our anniversary")[-1]
    assert said.topic != "loss" and "remembering about" not in said.reply and "this loss" not in said.reply


def test_the_anniversary_of_a_death_still_is(listener):
    said = talk(listener, "its the anniversary of my dads death")[-1]
    assert said.topic == "loss" and "him" in said.question


def test_a_car_that_broke_down_is_no_money_worry(listener):
    said = talk(listener, "my car broke down on the motorway this morning")[-1]
    assert said.topic != "money" and "money" not in said.reply


@pytest.mark.parametrize("lines", [("it broke my heart",), ("seeing her like that broke me",), ("i broke my wrist at work",),
                                   ("my grandma has dementia and she didn't recognise me today", "it broke my heart",
                                    "she used to be the one who looked after me")])
def test_a_heart_or_a_person_broken_is_no_money_worry(listener, lines):
    # session 15: "it broke my heart", after "my grandma has dementia", got "How has this pressure been showing up in your
    # days?" and then "What part of the money worries weighs on you most?"
    for said in talk(listener, *lines):
        assert said.topic != "money" and "money" not in said.reply, said.reply


def test_crying_after_being_met_with_support_is_being_moved_not_grief(listener):
    said = talk(listener, "i finally told my parents i'm gay", "they were actually really supportive",
                "i cried so much")[-1]
    assert said.feeling is not None and said.feeling.label not in {"sadness", "grief"}, said.reply
    assert not any(words in said.reply for words in HEAVY)


def test_her_apology_is_not_the_clients_guilt(listener):
    said = talk(listener, "my flatmate keeps leaving dirty dishes everywhere and its driving me up the wall",
                "she just says sorry and does it again")[-1]
    assert said.feeling is None or said.feeling.label != "remorse", said.reply


def test_we_broke_up_is_still_a_break_up():
    from holdspace.listening.questions import topic_of
    assert topic_of("we broke up last week") == "breakup"


def test_missing_an_old_school_is_not_asked_about_studies_weighing_now(listener):
    said = talk(listener, "i miss my old school")[-1].reply
    assert "weighing on you" not in said and "pressure" not in said


@pytest.mark.parametrize("message", ["my partner says it's not a big deal", "he said it's not a big deal",
                                     "my mum says i'm overreacting",
                                     "my partner forgot my birthday and acted like it was no big deal"])
def test_someone_elses_words_playing_it_down_are_theirs_and_the_client_is_heard_as_brushed_off(listener, message):
    # session 16: "he said it's not a big deal" got "Even if part of you says it's small", as if the client had said it
    said = talk(listener, message)[-1]
    assert not any(t.startswith("v-min-") for t in said.templates), said.reply
    assert said.feeling is not None and said.feeling.word == "hurt and brushed off", said.reply


def test_playing_it_down_in_their_own_words_is_still_heard_as_theirs(listener):
    said = talk(listener, "it's probably not a big deal but it's been bugging me")[-1]
    assert any(t.startswith("v-min-") for t in said.templates), said.reply


def test_being_told_their_work_was_not_good_enough_is_heard_as_hurt(listener):
    # session 16: got "unhappy about it. Thank you for sharing that with me."
    said = talk(listener, "my boss said my work wasn't good enough")[-1]
    assert said.feeling is not None and said.feeling.word == "hurt", said.reply


# --- session 17, round 7 (talked through) ------------------------------------------------------------------

def test_now_i_can_barely_is_a_loss_not_relief(listener):
    # "i used to run half marathons. now i can barely walk to the shop" got "relieved ... What part of it has felt best?"
    said = talk(listener, "my back has been bad for years", "i used to run half marathons. now i can barely walk to the shop")[-1]
    assert said.feeling is None or said.feeling.label not in ("relief", "joy", "pride"), said.reply
    assert "felt best" not in said.reply and "good to hear" not in said.reply


def test_others_looking_happy_after_being_left_out_is_not_the_clients_gladness(listener):
    # got "It's good to hear something has felt this way for you. What was the nicest part of it?", then "It's left you
    # feeling happy" in the summary after
    said = talk(listener, "my friends made a new group chat without me", "i only found out by accident",
                "i saw their photos from the weekend. they all looked so happy")
    assert said[-1].feeling is None or said[-1].feeling.label != "joy", said[-1].reply
    assert "good to hear" not in said[-1].reply and "nicest part" not in said[-1].reply


def test_not_sad_but_angry_is_never_named_sad(listener):
    # "it's not that i'm sad, i'm angry" got "sad and angry", and "It's left you feeling tired, sad and angry"
    said = talk(listener, "it's not that i'm sad, i'm angry")[-1]
    assert said.feeling is not None and "sad" not in said.feeling.word and "angry" in said.feeling.word, said.reply


@pytest.mark.parametrize("message", ["what kind of mother forgets her own kid's parents evening",
                                     "what sort of dad doesn't want to hold his own daughter"])
def test_a_harsh_question_asked_of_oneself_as_a_parent_is_asked_about_as_harsh(listener, message):
    # "what kind of father doesn't love his own baby" got "What has been going on in your family lately?"
    said = talk(listener, message)[-1]
    assert said.topic == "self", said.reply
    assert "in your family" not in said.reply and "with your family" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["our son was born five weeks ago", "My daughter was born in the spring."])
def test_a_birth_told_plainly_names_no_low_feeling(listener, message):
    # "my son was born three weeks ago" got "It sounds like you might be feeling down ... with your family?"
    said = talk(listener, message)[-1]
    assert said.feeling is None, said.reply
    assert "down" not in said.reply and "with your family" not in said.reply, said.reply


def test_a_birth_with_tiredness_beside_it_keeps_the_tiredness(listener):
    said = talk(listener, "Our baby was born last month. I'm so exhausted.")[-1]
    assert said.feeling is not None and said.feeling.word in ("exhausted", "shattered", "tired", "drained"), said.reply


@pytest.mark.parametrize("message", ["it's a shame really, we used to be so close", "such a shame it ended like that"])
def test_a_pity_is_no_shame_of_their_own(listener, message):
    # "it's a shame really, the whole thing" got "embarrassed ... What does that inner voice tend to say to you?"
    said = talk(listener, message)[-1]
    assert said.topic != "self" and "embarrassed" not in said.reply and "inner voice" not in said.reply, said.reply


# session 17, round 10: two feelings at once, told in one breath
