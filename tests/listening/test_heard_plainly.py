"""Everyday messages in chat register (lower case, no apostrophes), with the real emotion model: the
feeling, the topic and the tense a person would expect to be heard in."""

import pytest

from holdspace.listening.memory import Conversation
from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


def test_not_knowing_what_to_do_without_the_nan_who_raised_her_is_heard_as_grief_not_confusion(listener):
    replies = talk(listener, "my nan died last week and i just feel empty",
                   "she basically raised me and i dont know what to do without her")
    said = replies[-1]
    assert said.feeling is not None and said.feeling.label == "grief"
    assert "confused" not in said.reply and "doesn't make sense" not in said.reply
    assert "you don't know what to do without her" in said.reply


def test_googling_symptoms_is_heard_as_worry(listener):
    reply = listener.respond(Conversation(), "i keep googling my symptoms")
    assert reply.feeling is not None and reply.feeling.label in {"nervousness", "fear"}


@pytest.mark.parametrize("message", ["i did it on my own", "i moved out on my own last month",
                                     "fixed the car by myself this weekend"])
def test_doing_something_on_ones_own_is_not_asked_about_loneliness(listener, message):
    reply = listener.respond(Conversation(), message)
    assert reply.topic != "loneliness" and "loneliness" not in reply.reply and "connection" not in reply.reply
    assert reply.feeling is None or reply.feeling.word not in {"lonely", "alone", "isolated"}


def test_living_on_ones_own_and_being_lonely_is_still_heard_as_loneliness(listener):
    reply = listener.respond(Conversation(), "i live on my own and some nights i dont speak to anyone")
    assert reply.topic == "loneliness"


@pytest.mark.parametrize("lines, earlier", [
    (("my exam is tomorrow and i havent revised", "anyway i watched a film last night with my flatmate"), "study"),
    (("my boss yelled at me in front of everyone today", "ok whatever. i went to the gym after"), "work"),
    (("my exam is tomorrow and i havent revised", "my flatmate made pasta tonight", "we ate it on the sofa",
      "then we watched a film"), "study"),
    (("work has been awful this week, so many deadlines", "on the plus side my cat learned to open doors"), "work"),
])
def test_a_topic_is_left_behind_once_the_person_has_moved_on(listener, lines, earlier):
    said = talk(listener, *lines)[-1]
    assert said.topic != earlier
    assert not any(word in said.question for word in ("work", "studies", "pressure"))
    assert "plus side" not in said.reflection


def test_a_topic_still_carries_when_the_next_message_goes_on_with_the_story(listener):
    said = talk(listener, "my boss yelled at me in front of everyone today", "he does it every single week")[-1]
    assert said.topic == "work"


@pytest.mark.parametrize("message", ["im so bored at home", "my phone screen cracked, its really annoying",
                                     "the bus was SO late today", "traffic was soooo slow this morning"])
def test_an_intensifier_alone_never_names_a_mild_message_at_its_strongest(listener, message):
    reply = listener.respond(Conversation(), message)
    strongest = {"devastated", "furious", "terrified", "heartbroken", "fed up", "crushed", "overwhelmed", "lost"}
    assert reply.feeling is None or reply.feeling.word not in strongest


def test_nerves_before_an_interview_that_went_fine_are_not_met_as_a_present_worry(listener):
    reply = listener.respond(Conversation(), "i was nervous before the interview but it went fine")
    assert "worries you" not in reply.reply and "uncertain" not in reply.reply
    assert reply.feeling is not None and reply.feeling.label not in {"nervousness", "fear"}


def test_a_sister_who_is_so_selfish_is_heard_as_anger_or_hurt_not_low(listener):
    reply = listener.respond(Conversation(), "my sister is SO selfish")
    assert reply.feeling is not None and reply.feeling.label in {"anger", "annoyance", "disappointment"}


def test_the_message_after_a_death_is_not_said_back_with_a_shrug(listener):
    for greetings in range(7):  # (the wording chosen turns with the length of the conversation)
        replies = talk(listener, *["hi"] * greetings, "my nan died last week",
                       "she basically raised me and i dont know what to do without her")
        assert not replies[-1].reflection.startswith(("So ", "Let me see if I have this"))


def test_hating_confrontation_is_heard_as_dread_of_it_not_anger(listener):
    reply = listener.respond(Conversation(), "i didnt say anything bc i hate confrontation")
    assert reply.feeling is None or reply.feeling.label not in {"anger", "annoyance", "disapproval"}
    assert "you didn't say anything" in reply.reply


def test_not_having_expected_to_get_the_job_is_not_named_unconvinced(listener):
    said = talk(listener, "i got the job!!!", "honestly didnt think id get it")[-1]
    assert "unconvinced" not in said.reply and "you didn't think you'd get it" in said.reply


def test_good_news_after_anyway_is_not_met_with_a_summary_of_the_exam_stress(listener):
    said = talk(listener, "so my exams start monday and i havent even opened half the notes",
                "my parents are gonna be so disappointed if i fail", "i was up til 4 last night trying to cram",
                "anyway my cousin had her baby yesterday which is lovely")[-1]
    assert "exams" not in said.reply and "disappointed" not in said.reply
    assert "your cousin had her baby yesterday" in said.reply


def test_cramming_late_is_not_named_let_down(listener):
    said = talk(listener, "so my exams start monday and i havent even opened half the notes",
                "i was up til 4 last night trying to cram")[-1]
    assert said.feeling is None or said.feeling.label not in {"disappointment", "disapproval"}


def test_an_ex_getting_engaged_is_not_asked_about_what_is_happening_between_the_two_of_them(listener):
    said = listener.respond(Conversation(), "my ex just got engaged and im weirdly upset about it")
    assert "between the two of you" not in said.reply and "in this relationship" not in said.reply


def test_i_shouldnt_care_after_a_comma_is_said_back_as_their_rule_not_as_fact(listener):
    said = listener.respond(Conversation(), "we broke up 2 years ago, i shouldnt care")
    assert "you feel you're not meant to care" in said.reply


def test_his_love_given_as_the_reason_for_checking_her_phone_is_not_named_as_her_warm_feeling(listener):
    said = talk(listener, "my boyfriend checks my phone every night", "he says its because he loves me")
    assert said[0].crisis  # the safety response to control comes first, and stays
    assert said[1].feeling is None or said[1].feeling.label not in {"love", "joy", "caring", "admiration"}
    assert "felt best" not in said[1].reply and "build on" not in said[1].reply


def test_work_set_aside_as_fine_is_not_asked_about_and_the_rest_is_not_named_hopeful(listener):
    said = listener.respond(Conversation(), "work is fine i guess. its just everything else")
    assert "work" not in said.question and said.topic != "work"
    assert said.feeling is None or said.feeling.label not in {"optimism", "approval", "joy"}


def test_scary_but_exciting_is_heard_as_both(listener):
    said = listener.respond(Conversation(), "i moved out on my own for the first time and its scary but exciting")
    assert said.feeling is not None and said.feeling.intensity == "mixed" and "terrified" not in said.reply


def test_thinking_everyone_finds_you_weird_now_is_embarrassment_not_confusion(listener):
    said = listener.respond(Conversation(), "everyone probably thinks im so weird now")
    assert said.feeling is not None and said.feeling.label in {"embarrassment", "nervousness", "fear"}


def test_months_sober_is_heard_as_something_to_be_proud_of(listener):
    said = listener.respond(Conversation(), "ive been sober 8 months")
    assert said.feeling is not None and said.feeling.label == "pride"


def test_a_vet_saying_it_doesnt_look_good_is_worry_not_let_down(listener):
    said = listener.respond(Conversation(), "my dog is sick and the vet said it doesnt look good")
    assert said.feeling is not None and said.feeling.label in {"nervousness", "fear", "sadness"}


def test_not_having_anyone_to_talk_to_is_heard_as_loneliness(listener):
    said = listener.respond(Conversation(), "i dont really have anyone to talk to about this stuff")
    assert said.topic == "loneliness" and "unconvinced" not in said.reply


def test_cant_be_bothered_with_anything_is_not_named_unconvinced(listener):
    said = listener.respond(Conversation(), "cant be bothered with anything lately")
    assert said.feeling is not None and said.feeling.label in {"sadness", "disappointment"}


def test_idk_whats_wrong_with_me_is_said_back_as_their_question_in_their_words(listener):
    said = listener.respond(Conversation(), "idk whats wrong with me")
    assert "that what's wrong with you" not in said.reply and '"What\'s wrong with me"' in said.reply


def test_its_whatever_after_a_forgotten_birthday_is_a_brush_off_not_a_reflection(listener):
    said = talk(listener, "my mate forgot my birthday", "its whatever i guess")[-1]
    assert "its whatever" not in said.reply and not said.reflection


def test_a_really_good_day_is_named_happy_not_inspired(listener):
    said = listener.respond(Conversation(), "i had a really good day today actually")
    assert said.feeling is not None and said.feeling.label in {"joy", "excitement", "relief", "pride"}


def test_anxiety_named_even_misspelt_is_heard_as_anxious_and_a_mums_anxiety_is_hers(listener):
    said = listener.respond(Conversation(), "my anxeity is really bad today")
    assert said.feeling is not None and said.feeling.word == "anxious"
    said = listener.respond(Conversation(), "my mums anxiety is getting worse")
    assert said.feeling is None or said.feeling.word != "anxious"


def test_being_told_off_for_what_was_not_their_fault_is_anger_not_let_down(listener):
    said = listener.respond(Conversation(), "i got told off at work for something that wasnt even my fault")
    assert said.feeling is not None and said.feeling.label in {"anger", "annoyance"}


def test_missing_an_old_school_where_everyone_has_their_friend_groups_is_not_asked_about_studies(listener):
    said = listener.respond(Conversation(), "i miss my old school so much. everyone here already has their friend groups")
    assert "studies" not in said.question and said.topic == "loneliness"


def test_a_short_message_is_quoted_with_its_apostrophe(listener):
    said = talk(listener, "me and my husband had a massive row last night", "maybe hes right")[-1]
    assert "hes right" not in said.reply


def test_feeling_stupid_for_having_been_excited_is_neither_joy_nor_a_harsh_thought_about_the_trip(listener):
    said = listener.respond(Conversation(), "Okay so long story but basically my friend group has been planning this trip "
                            "for months, and I found out yesterday that they changed the dates to a weekend they KNEW I "
                            "couldn't do, and nobody said anything to me, I found out from a photo. I feel so stupid for "
                            "being excited about it.")
    assert "believes your friend group" not in said.reply and "What does this mean to you" not in said.reply
    assert "your friend group has been planning this trip for months" in said.reply
    assert said.feeling is None or said.feeling.label not in {"excitement", "joy"}


def test_been_a_weird_week_is_said_back_as_its_been_not_youve_been(listener):
    said = listener.respond(Conversation(), "been a weird week tbh")
    assert "it's been a weird week" in said.reply and "you've been a weird week" not in said.reply


def test_a_dissertation_no_longer_hanging_over_them_is_not_named_scared(listener):
    said = talk(listener, "i finally finished my dissertation!!", "feels weird not having it hanging over me")[-1]
    assert "it feels weird not having it hanging over you" in said.reply
    assert said.feeling is None or said.feeling.label not in {"fear", "nervousness"}


def test_words_said_in_an_argument_and_not_meant_are_regret_not_unconvinced(listener):
    said = listener.respond(Conversation(), "i had an argument with my best mate and said some stuff i didnt mean")
    assert said.feeling is not None and said.feeling.label in {"remorse", "embarrassment", "sadness"}


def test_idk_in_the_middle_of_a_message_is_said_back_as_you_dont_know(listener):
    said = listener.respond(Conversation(), "i want to say sorry but idk how")
    assert "you don't know how" in said.reply and "idk" not in said.reply


def test_crying_at_work_is_named_sad_not_devastated(listener):
    said = listener.respond(Conversation(), "i cried in the toilets at work today")
    assert said.feeling is not None and said.feeling.word != "devastated"


def test_a_nan_in_hospital_is_not_said_back_with_a_shrug(listener):
    for greetings in range(7):
        said = talk(listener, *["hi"] * greetings, "my nan's in hospital, they think its her heart")[-1]
        assert not said.reflection.startswith(("So ", "Let me see if I have this"))


def test_parents_divorcing_is_asked_about_as_family_not_as_the_clients_own_ending(listener):
    said = listener.respond(Conversation(), "my parents are getting divorced")
    assert said.topic == "family" and "since it ended" not in said.reply and "missing most" not in said.reply


def test_a_boss_who_was_nice_about_time_off_is_not_named_awe(listener):
    said = talk(listener, "ok so i did the thing, i told my boss i need time off for my mental health",
                "he was actually really nice about it")
    assert said[0].feeling is not None and said[0].feeling.label == "pride"
    assert "pleased with yourself" not in said[0].reply  # (which can sound like smugness)
    assert said[1].feeling is None or said[1].feeling.label not in {"admiration"}


def test_feeling_a_bit_better_is_not_named_concerned(listener):
    said = talk(listener, "feeling a bit better today tbh", "slept 8 hours for the first time in ages")
    assert said[0].feeling is None or said[0].feeling.label not in {"caring", "fear", "nervousness"}
    assert "you slept 8 hours" in said[1].reply


def test_a_short_harsh_message_is_quoted_with_a_capital_i_and_its_apostrophe(listener):
    said = listener.respond(Conversation(), "im so stupid")
    assert '"I\'m so stupid"' in said.reply


def test_a_first_christmas_without_dad_is_grief_not_pleased(listener):
    said = listener.respond(Conversation(), "its my first christmas without my dad")
    assert said.feeling is not None and said.feeling.label in {"grief", "sadness"}
    assert said.topic == "loss" and "What does this mean to you" not in said.reply and "them" not in said.question


def test_scary_but_good_is_both_not_a_worry(listener):
    said = talk(listener, "i finally said no to my boss about working the weekend", "felt scary but good")[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed" and "worry" not in said.reply


def test_cant_get_up_is_low_not_let_down(listener):
    said = talk(listener, "rn im just lying in bed scrolling", "cant get up")
    assert "rn" not in said[0].reflection.split()
    assert said[1].feeling is None or said[1].feeling.label != "disappointment"


def test_just_a_cat_after_her_death_is_said_back_as_their_words_not_agreed_with(listener):
    for greetings in range(4):
        said = talk(listener, *["hi"] * greetings, "my cat died this morning. she was 19", "i know shes just a cat but")[-1]
        assert not said.reflection.startswith(("It sounds like", "So ")) and not said.reflection.endswith("but.")


def test_having_hoped_for_an_a_after_a_b_is_not_named_confident(listener):
    said = talk(listener, "i got a B on my essay", "i was hoping for an A tbh")[-1]
    assert said.feeling is None or said.feeling.label not in {"optimism", "joy", "excitement", "pride"}
    assert "felt best" not in said.reply and "build on" not in said.reply


def test_a_short_statement_is_never_told_it_is_where_they_are(listener):
    for greetings in range(5):
        said = talk(listener, *["hi"] * greetings, "hey so i had a panic attack on the bus today", "everyone was staring")[-1]
        assert "is where you are right now" not in said.reply


@pytest.mark.parametrize("message", ["im soooo bored", "so bored at work today"])
def test_boredom_is_met_as_boredom_not_as_pain(listener, message):
    said = listener.respond(Conversation(), message)
    assert said.feeling is not None and said.feeling.word == "bored"
    assert "a lot to carry" not in said.reply and "hardest part" not in said.reply and "hurts" not in said.reply


def test_bored_of_being_sad_is_heard_as_sad(listener):
    said = listener.respond(Conversation(), "im bored of being sad all the time")
    assert said.feeling is not None and said.feeling.word == "sad"


def test_a_quiet_message_about_rope_and_a_banister_is_never_met_with_pleased(listener):
    reply = listener.respond(Conversation(),
                             "Bought a length of rope at the hardware shop today. I keep looking up at the banister.")
    assert "pleased" not in reply.reply and (reply.feeling is None or reply.feeling.label != "joy")


@pytest.mark.parametrize("message", ["i quit smoking 3 weeks ago", "stopped drinking a month ago",
                                     "gave up vaping last week"])
def test_quitting_a_habit_is_met_as_an_effort_to_be_proud_of_and_asked_how_it_is_going(listener, message):
    # session 14: "i quit smoking 3 weeks ago" got "you might be feeling down ... It makes sense to feel that way"
    said = listener.respond(Conversation(), message)
    assert said.feeling is not None and said.feeling.label == "pride", said.reply
    assert "going" in said.question, said.reply
    assert "down" not in said.reply and "hurts" not in said.reply, said.reply


def test_a_topic_said_to_be_ok_is_neither_asked_about_nor_called_heavy(listener):
    # session 14: "work is ok", after "i feel lonely since moving to a new city", got "That sounds really heavy. How has
    # work been affecting the rest of your life?", and "its the evenings" after it was asked about work again
    replies = talk(listener, "i feel lonely since moving to a new city", "work is ok", "its the evenings")
    for said in replies[1:]:
        assert "work" not in said.question and "really heavy" not in said.reply, said.reply


@pytest.mark.parametrize("lines", [("my mum is in hospital", "they think its a stroke"),
                                   ("my dad had a heart attack last night", "hes in intensive care")])
def test_someone_close_gravely_ill_is_asked_about_as_that_not_as_how_the_family_gets_on(listener, lines):
    # session 14: "my mum is in hospital" got "What is this like for you, with things in your family as they are?", and
    # "they think its a stroke" "What do you wish your family understood about how this is for you?"
    for said in talk(listener, *lines):
        assert "family" not in said.question, said.reply


@pytest.mark.parametrize("message", ["ive been feeling a lot better this week", "feeling loads better today",
                                     "things are way better lately"])
def test_feeling_a_lot_better_is_not_met_as_a_worry(listener, message):
    # session 14: "ive been feeling a lot better this week" got "It sounds like you might be feeling concerned. It's
    # understandable to feel unsettled when so much is uncertain. What worries you most when you think about it?"
    said = listener.respond(Conversation(), message)
    assert said.feeling is None or said.feeling.label not in {"caring", "fear", "nervousness"}, said.reply
    assert "worr" not in said.reply and "uncertain" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i was feeling better but now its back", "i was feeling a lot better but now its back",
                                     "i was feeling so much better and its all back again"])
def test_feeling_better_until_it_came_back_is_not_named_relief(listener, message):
    said = listener.respond(Conversation(), message)
    assert said.feeling is None or said.feeling.label not in {"relief", "joy", "optimism"}, said.reply
    assert "worth holding on to" not in said.reply and "really matters to you" not in said.reply, said.reply


# --- the story's topic, not a word in passing (session 17, round 8) -------------------------------------------------

def test_work_in_passing_after_a_pet_died_is_asked_about_the_loss_not_about_work(listener):
    # "people at work don't get it, it's 'just a dog' to them" got "How has work been affecting the rest of your life?"
    said = talk(listener, "my cat died on friday", "my colleagues don't get it, to them she was just a cat")[-1]
    assert said.topic == "loss", said.reply
    assert "work" not in said.question, said.reply


def test_a_doctor_laughing_at_not_working_is_asked_about_the_pain_not_about_work(listener):
    # "The last one literally laughed when I said I can't work some days" got "How has work been affecting the rest of
    # your life?" after four years of pain no doctor believed
    said = talk(listener, "My knees and back have hurt for five years and two doctors have said it's all in my head.",
                "the last one smirked when i said i can't work some days")[-1]
    assert "work" not in said.question, said.reply


def test_a_patients_mum_is_not_the_nurses_family(listener):
    # "this one was young and his mum got there too late" got "What has been going on in your family lately?"
    said = talk(listener, "Just got in from a night shift. We lost a patient at about 3am.",
                "this one was so young and his mum didn't get there in time")[-1]
    assert said.topic != "family" and "family" not in said.question, said.reply


@pytest.mark.parametrize("line", ["i cant face school tomorrow everyones seen it", "ppl keep posting stuff about me on snap"])
def test_something_passed_round_online_is_asked_about_as_bullying_not_as_studies(listener, line):
    # "i cant go to school tmrw everyone has seen it" got "What part of your studies is weighing on you most?"
    said = talk(listener, line)[-1]
    assert said.topic == "bullying", said.reply
    assert "studies" not in said.question, said.reply


@pytest.mark.parametrize("message", ["gf ghosted me", "he ghosted me again after saying he'd call"])
def test_being_ghosted_is_heard_as_hurt_not_irritation(listener, message):
    # "bf ghosted me again" got "irritated ... It makes sense that it's got to you"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "hurt", said.reply
    assert "irritated" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["today was trash", "work was so shit", "today was awful"])
def test_a_day_said_to_be_bad_names_no_guessed_feeling(listener, message):
    # "today was trash" got "irritated"; "today was awful" got "uneasy ... so much is uncertain"
    said = talk(listener, message)[-1]
    assert said.feeling is None, said.reply
    assert "irritated" not in said.reply and "uneasy" not in said.reply and "uncertain" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["some1 made a fake insta of me and keeps posting my pics",
                                     "people keep sharing pics of me in the group chat"])
def test_being_posted_about_is_heard_as_hurt_and_asked_about_as_bullying(listener, message):
    # "someone made a fake account of me and is posting my pics" got "irritated ... What about it gets to you most?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "hurt and exposed", said.reply
    assert said.topic == "bullying" and "irritated" not in said.reply, said.reply


def test_the_whole_school_having_seen_it_is_not_asked_about_as_studies(listener):
    # "everyone at school has seen it" got "What has the pressure of it been like for you?"
    said = talk(listener, "someone made a fake account of me", "the whole school has seen it now")[-1]
    assert said.topic == "bullying" and "pressure of it" not in said.reply and "studies" not in said.reply, said.reply


def test_cant_sleep_again_names_no_irritation(listener):
    # "cant sleep again" got "irritated ... It makes sense that it's got to you"
    said = talk(listener, "still cant sleep")[-1]
    assert said.feeling is None and "irritated" not in said.reply, said.reply
