"""Conversations as people write them (grief, burnout, loneliness after a death), with the real
emotion model: replies a person would feel misheard by, fixed and kept fixed."""

import pytest

from holdspace.listening.memory import Conversation
from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


def test_a_widower_saying_his_wife_passed_away_is_heard_not_told_to_write_in_english(listener):
    reply = listener.respond(Conversation(), "my wife passed away two years ago")
    assert "English" not in reply.reply
    assert "your wife passed away two years ago" in reply.reply and not reply.crisis


def test_burning_out_at_work_is_reflected_not_met_with_a_self_harm_check(listener):
    reply = listener.respond(Conversation(), "i'm a nurse and i think i'm burning out")
    assert not reply.crisis and "ending your life" not in reply.reply
    assert "burning out" in reply.reply


def test_burning_oneself_still_gets_the_direct_check_in(listener):
    reply = listener.respond(Conversation(), "i've been burning myself again")
    assert reply.crisis and "ending your life" in reply.reply


def test_a_job_they_used_to_love_and_now_dread_is_not_named_as_love_to_build_on(listener):
    reply = listener.respond(Conversation(), "i used to love this job. now i dread going in")
    assert reply.feeling is None or reply.feeling.label not in {"love", "joy", "admiration", "caring"}
    assert "full of love" not in reply.reply and "build on" not in reply.reply


def test_two_cups_set_out_after_a_death_called_silly_is_not_named_delight(listener):
    replies = talk(listener, "my wife passed away two years ago",
                   "i still set out two cups in the morning sometimes. silly really")
    said = replies[-1].reply
    assert "delighted" not in said and "felt best" not in said and "amused" not in said
    assert "two cups" in said


def test_married_51_years_after_she_died_asks_about_the_loss_not_the_relationship_and_says_it_once(listener):
    replies = talk(listener, "my wife passed away two years ago",
                   "the house is so quiet now. some days i dont speak to anyone at all",
                   "my children phone on sundays but they have busy lives, i dont want to be a burden to them",
                   "we were married 51 years")
    said = replies[-1].reply
    assert "relationship" not in said
    assert said.count("passed away") <= 1  # a link back and a summary in one reply would say it twice


def test_i_dont_feel_sad_typed_without_an_apostrophe_is_not_named_sad(listener):
    reply = listener.respond(Conversation(), "the worst part is i dont even feel sad when patients die anymore, "
                                             "i just feel numb and that scares me")
    assert reply.feeling is not None and reply.feeling.word == "numb"


def test_not_knowing_what_to_say_at_a_party_is_not_named_confusion(listener):
    reply = listener.respond(Conversation(), "i never know what to say to people i dont know and i end up standing "
                                             "in the kitchen on my phone")
    assert "confused" not in reply.reply and "unsure" not in reply.reply
    assert reply.feeling is not None and reply.feeling.label in {"embarrassment", "nervousness", "fear"}


def test_not_wanting_to_be_a_burden_to_the_children_is_not_named_a_judgement(listener):
    reply = listener.respond(Conversation(), "my children phone on sundays but they have busy lives, "
                                             "i dont want to be a burden to them")
    assert not any(word in reply.reply for word in ("unconvinced", "irritated", "annoyed", "unhappy about it"))


def test_a_nurses_shifts_are_asked_about_as_work_not_as_family(listener):
    reply = listener.respond(Conversation(), "12 hour shifts, short staffed every single night, and i come home "
                                             "and cant even talk to my kids")
    assert "family" not in reply.question


def test_cant_stop_crying_typed_without_an_apostrophe_is_still_heard_as_sadness(listener):
    reply = listener.respond(Conversation(), "cant stop crying idk whats wrong w me")
    assert reply.feeling is not None and reply.feeling.label in {"sadness", "grief"}


def test_part_of_me_wants_to_go_is_heard_as_torn_not_as_a_glad_feeling_to_build_on(listener):
    replies = talk(listener, "theres a party saturday at my friends place and i already want to cancel",
                   "part of me really wants to go though. she's my best friend and it's her birthday")
    said = replies[-1].reply
    assert "torn" in said
    assert not any(word in said for word in ("inspired", "impressed", "felt best", "build on"))


def test_a_teacher_who_is_so_done_is_not_named_inspired_nor_asked_about_their_studies(listener):
    reply = listener.respond(Conversation(), "im a teacher and honestly i'm so done. 32 kids, no TA, marking every evening")
    assert reply.feeling is None or reply.feeling.label not in {"admiration", "joy", "pride", "excitement", "love"}
    assert "studies" not in reply.question and "inspired" not in reply.reply


def test_going_to_the_shops_to_hear_a_good_morning_after_a_death_is_not_named_pleased(listener):
    replies = talk(listener, "my husband died last spring and the kids have gone back to their lives",
                   "i go to the shops just to hear someone say good morning")
    said = replies[-1].reply
    assert "pleased" not in said and "felt best" not in said and "happy" not in said


def test_the_dog_that_keeps_me_going_is_not_named_irritation(listener):
    reply = listener.respond(Conversation(), "the dog is the only one who keeps me going")
    assert "irritated" not in reply.reply and "annoyed" not in reply.reply


def test_three_days_off_after_finding_dad_is_not_named_delight_or_good_news(listener):
    replies = talk(listener, "my dad passed in march. i was the one who found him", "i keep replaying it",
                   "i dont really talk about it with anyone", "work gave me 3 days off lol")
    assert not any(word in replies[2].reply for word in ("unconvinced", "irritated"))
    said = replies[-1].reply
    assert not any(word in said for word in ("delighted", "amused", "good news", "felt best", "build on"))


def test_maybe_i_just_wont_go_after_dreading_a_party_is_not_hope_to_build_on(listener):
    replies = talk(listener, "everyone will be in couples at this thing and i'll be on my own",
                   "i always say something awkward and then replay it for days", "maybe i just wont go. its easier")
    said = replies[-1].reply
    assert "hopeful" not in said and "build on" not in said and "holding on to" not in said


def test_who_wants_to_be_friends_with_an_old_woman_is_asked_about_loneliness_not_the_friendship(listener):
    reply = listener.respond(Conversation(), "i'm 78, who wants to be friends with an old woman")
    assert "friendship" not in reply.question and "friends" not in reply.question


def _summarises(reply) -> bool:
    return any(t.startswith("m-") for t in reply.templates)


def test_no_summary_comes_in_the_turn_right_after_harsh_words_about_oneself(listener):
    replies = talk(listener, "exams start next week", "i haven't opened my notes in days",
                   "i'm so stupid, i always do this", "my flatmates are out every night")
    assert not _summarises(replies[2]) and not _summarises(replies[3])
    assert "so far" not in replies[3].reply


def test_being_terrified_in_their_own_word_gets_no_summary_in_the_same_reply_or_the_next(listener):
    replies = talk(listener, "work was long today", "my sister called", "the bus was late",
                   "i feel absolutely terrified about the scan results", "the appointment is on friday")
    assert "terrified" in replies[3].reply
    assert not _summarises(replies[3]) and not _summarises(replies[4])


def test_why_do_i_even_bother_gets_no_summary_of_the_job_hunt_in_reply(listener):
    replies = talk(listener, "i've been applying for jobs for months", "every rejection stings",
                   "what's the point of even trying?", "why do i even bother")
    assert not any(_summarises(r) for r in replies[2:])


def test_a_pride_the_sponsor_expects_is_not_named_as_felt_next_to_the_tiredness_felt(listener):
    reply = listener.respond(Conversation(), "my sponsor says i should be proud but i just feel tired")
    assert reply.feeling is not None and "proud" not in reply.feeling.word
    assert "tired" in reply.reply


def test_excitement_faked_at_a_celebration_dinner_is_not_asked_about_as_joy(listener):
    reply = listener.respond(Conversation(), "my partner booked a fancy dinner to celebrate and i had to fake "
                                             "being excited")
    assert reply.feeling is None or reply.feeling.label not in {"excitement", "joy", "pride", "admiration"}
    assert "felt best" not in reply.reply and "build on" not in reply.reply and "worth holding on to" not in reply.reply


def test_a_new_mother_who_loves_her_baby_but_feels_unlike_herself_is_not_told_its_good_news(listener):
    reply = listener.respond(Conversation(), "i love her so much but some days i don't feel like myself at all")
    assert reply.feeling is None or reply.feeling.label not in {"love", "joy", "admiration", "excitement"}
    assert "good news" not in reply.reply and "felt best" not in reply.reply and "build on" not in reply.reply


def test_a_wife_great_about_it_but_worried_about_money_is_not_named_impressed(listener):
    reply = listener.respond(Conversation(), "my wife has been great about it but i can see she's worried about money")
    assert "impressed" not in reply.reply and "build on" not in reply.reply and "worth holding on to" not in reply.reply


def test_being_laughed_at_in_a_group_chat_is_never_named_amusement(listener):
    replies = talk(listener, "ppl at school made a group chat about me", "they screenshot my posts and laugh at them")
    said = replies[-1].reply
    assert not any(word in said for word in ("amused", "delighted", "felt best", "good to hear"))


def test_missing_old_drinking_mates_is_not_asked_about_as_if_they_had_died(listener):
    replies = talk(listener, "6 months sober today", "my old mates still go to the pub every friday",
                   "i miss them but i cant be around it")
    said = replies[-1]
    assert said.topic != "loss"
    assert "remembering about" not in said.reply and "this loss" not in said.reply


def test_a_teen_mocked_in_a_group_chat_is_asked_about_what_is_happening_not_their_studies(listener):
    replies = talk(listener, "ppl at school made a group chat about me", "they screenshot my posts and laugh at them",
                   "i dont want to go to school tomorrow")
    assert all("studies" not in r.question and "pressure of it" not in r.question for r in replies)


def test_studying_for_hours_is_asked_about_as_study_not_as_family(listener):
    replies = talk(listener, "i failed my second exam this term", "my parents think i'm doing fine, they have no idea",
                   "i study for hours and nothing goes in")
    assert "family" not in replies[-1].question


def test_whole_weekends_without_saying_a_word_are_heard_as_lonely_not_annoyed(listener):
    replies = talk(listener, "moved to leeds for a new job 3 months ago", "dont know a single person here",
                   "weekends are the worst tbh, i can go from friday to monday without saying a word out loud")
    assert "unsure" not in replies[1].reply
    said = replies[-1]
    assert "annoyed" not in said.reply and "What happened next" not in said.reply and "worst tbh" not in said.reply


def test_wondering_if_anyone_notices_the_effort_is_not_named_surprise(listener):
    reply = listener.respond(Conversation(), "some days i wonder if anyone even notices the effort")
    assert "surprised" not in reply.reply and "when it happened" not in reply.reply



def test_angry_and_then_guilty_for_being_angry_hears_the_guilt_too(listener):
    reply = listener.respond(Conversation(), "i'm so angry all the time and then i feel guilty for being angry at him")
    assert reply.feeling is not None and "guilty" in reply.feeling.word
    assert "anger show up" not in reply.reply


def test_being_tired_after_a_long_day_is_met_as_tiredness_not_as_something_that_hurts(listener):
    for lines in (("work was long today", "I'm tired too honestly"), ("the party was fun but i'm exhausted now",),
                  ("my sponsor says i should be proud but i just feel tired",)):
        said = talk(listener, *lines)[-1].reply
        assert not any(w in said for w in ("hurts", "painful", "a lot to carry", "really heavy")), said


def test_the_funeral_after_mum_died_is_asked_about_her_not_them(listener):
    replies = talk(listener, "my mum died on tuesday", "the funeral is on friday", "i have to do the reading")
    assert not any(" them?" in r.question for r in replies[1:])


def test_a_summary_lists_the_feelings_named_without_and_after_and(listener):
    replies = talk(listener, "my dad has dementia and i've been looking after him for two years",
                   "he didn't know who i was yesterday. called me by my mum's name",
                   "i'm so angry all the time and then i feel guilty for being angry at him",
                   "my brother lives 10 minutes away and visits maybe once a month",
                   "i haven't had a day off in i don't know how long")
    for reply in replies:
        assert " and angry and " not in reply.reply and reply.reply.count(" and ") < 6, reply.reply


def test_a_new_mother_who_has_not_slept_in_weeks_is_heard_as_exhausted(listener):
    reply = listener.respond(Conversation(), "the baby is 7 weeks old and i haven't slept more than 2 hours in a row "
                                             "since she was born")
    assert reply.feeling is not None and reply.feeling.word == "exhausted"


def test_being_dumped_over_text_with_a_lmao_is_never_named_delight(listener):
    reply = listener.respond(Conversation(), "so basically my gf dumped me over text lmao")
    assert not any(w in reply.reply for w in ("delighted", "amused", "felt best", "good to hear"))


def test_having_been_sure_of_bad_news_is_not_named_optimism(listener):
    replies = talk(listener, "my test results came back clear!!", "i was so sure it was going to be bad news")
    said = replies[-1].reply
    assert "optimistic" not in said and "build on" not in said and "hopeful" not in said


def test_asking_if_wanting_ones_old_life_back_is_selfish_is_heard_as_guilt_not_frustration(listener):
    reply = listener.respond(Conversation(), "Is it selfish that I sometimes want my old life back?")
    assert "frustrated" not in reply.reply and "in that moment" not in reply.reply


def test_not_knowing_what_to_do_with_myself_is_not_asked_about_an_inner_voice(listener):
    reply = listener.respond(Conversation(), "and now i dont know what to do with myself")
    assert "inner voice" not in reply.reply and "a friend told you" not in reply.reply


def test_being_called_a_terrible_daughter_is_not_named_fear(listener):
    reply = listener.respond(Conversation(), "Yesterday she told me I'm a terrible daughter.")
    assert reply.feeling is None or reply.feeling.label not in {"fear", "nervousness"}


def test_a_dad_who_didnt_even_say_well_done_is_not_named_admiration(listener):
    replies = talk(listener, "Got into my first choice uni!!!", "but my dad didn't even say well done")
    assert "studies is weighing" not in replies[0].reply
    said = replies[-1].reply
    assert not any(w in said for w in ("impressed", "felt best", "good to hear", "build on"))


def test_lying_awake_at_3am_going_over_dinner_is_heard_as_worry_not_irritation(listener):
    replies = talk(listener, "its 3am and i cant sleep again",
                   "my mind wont stop going over everything i said at dinner")
    for reply in replies:
        assert "irritated" not in reply.reply and "in that moment" not in reply.reply, reply.reply


def test_lonely_typed_as_lonley_is_heard_as_lonely_never_delight(listener):
    reply = listener.respond(Conversation(), "im so lonley")
    assert reply.feeling is not None and reply.feeling.word == "lonely"
    assert "delighted" not in reply.reply and "mean to you" not in reply.reply


def test_a_typo_never_turns_a_lovely_day_or_trying_into_a_feeling(listener):
    assert listener.name_feeling("i tried my best today") is None or listener.name_feeling(
        "i tried my best today").word != "tired"
    assert listener.name_feeling("we had a lovely day at the beach").word != "lonely"


def test_passing_a_driving_test_with_a_lol_is_pride_not_amusement(listener):
    reply = listener.respond(Conversation(), "i passed my driving test after 4 tries lol")
    assert "amused" not in reply.reply and "delighted" not in reply.reply


def test_my_nan_passed_last_night_is_grief(listener):
    reply = listener.respond(Conversation(), "my nan passed last nite and im gutted")
    assert reply.feeling is not None and reply.feeling.label in {"grief", "sadness"} and reply.topic == "loss"
    assert "her" in reply.question or "this loss" in reply.question or "since then" in reply.question


def test_a_son_who_stopped_speaking_is_not_answered_with_being_around_the_family(listener):
    replies = talk(listener, "My son hasn't spoken to me since Christmas.", "I keep checking my phone.",
                   "His wife blocked me on everything.")
    assert all("being around your family" not in r.reply for r in replies)


def test_a_mothers_worry_is_not_named_as_the_clients(listener):
    replies = talk(listener, "i call my mum every night but i dont tell her how bad it is", "she'd just worry")
    said = replies[-1]
    assert said.feeling is None or said.feeling.label not in {"nervousness", "fear"}
    assert "What worries you most" not in said.reply


def test_dreading_being_alone_with_the_baby_is_asked_about_the_dread_not_the_relationship(listener):
    reply = listener.respond(Conversation(), "my partner goes back to work on monday and i'm dreading it")
    assert "relationship" not in reply.question and "between the two of you" not in reply.question


def test_i_worry_about_everything_is_named_worried_not_feeling_worry(listener):
    reply = listener.respond(Conversation(), "honestly i worry about everything, all the time")
    assert "feeling worry" not in reply.reply


@pytest.mark.parametrize("lines", [("I can't believe she's gone",), ("my mum died last night", "I can't believe she's gone")])
def test_disbelief_after_a_death_is_heard_as_shock_and_grief(listener, lines):
    # session 16: alone it got "surprised. That's a lot to take in"; after a death, "the loss of her"
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == "shocked and heartbroken", said.reply
    assert "loss of" not in said.reply and "take in" not in said.reply, said.reply


def test_missing_someone_who_died_is_said_in_a_persons_words(listener):
    said = talk(listener, "my dad passed away on sunday", "i keep thinking he'll walk through the door")[-1]
    assert said.feeling is not None and said.feeling.label == "grief", said.reply
    assert "the loss of him" not in said.reply and "lost without him" in said.reply, said.reply


@pytest.mark.parametrize("message", ["my mum died last night", "my dad passed away on sunday", "my husband died this morning"])
def test_a_death_just_now_is_heard_as_heartbreak(listener, message):
    # session 16, round 2: named only "sad"; session 20: "shocked" only where their words tell of a shock
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "heartbroken", said.reply


@pytest.mark.parametrize("message", ["my mum died two years ago", "my laptop died last night"])
def test_a_death_long_ago_or_a_laptop_dying_is_no_shock(listener, message):
    said = talk(listener, message)[-1]
    assert "shocked" not in said.reply, said.reply


@pytest.mark.parametrize("message, pet", [("my dog died last week", "your dog"), ("we had to put our cat down today", "your cat")])
def test_a_pet_that_died_is_asked_about_as_the_pet_not_them(listener, message, pet):
    # session 16, round 2: "What do you find yourself remembering about them?" (a death of this morning is asked first
    # how they are right now: test_heard_where_they_are.py)
    said = talk(listener, message)[-1]
    assert "them" not in said.question and pet in said.question, said.reply


def test_a_pet_named_he_after_is_him(listener):
    said = talk(listener, "my dog died last week", "he was 14")[-1]
    assert "him" in said.question, said.reply


@pytest.mark.parametrize("message", ["i snapped at my daughter this morning", "i yelled at my son",
                                     "i snapped at my partner last night"])
def test_guilt_at_what_they_did_to_someone_close_is_not_asked_about_trouble_between_them(listener, message):
    # session 16, round 2: "i snapped at my daughter" was asked "with things in your family as they are?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "remorse", said.reply
    assert "family" not in said.question and "between the two of you" not in said.question, said.reply


@pytest.mark.parametrize("lines", [("hi", "my mum died last night", "i don't know what to do"),
                                   ("my dad died this morning", "i can't stop shaking", "my sister is on her way")])
def test_a_death_last_night_is_not_asked_how_it_has_been_carried_since(listener, lines):
    # session 16, round 2, talked through: the morning after, "How have you been carrying this loss day to day?"
    asked = " ".join(said.question for said in talk(listener, *lines)[1:])
    assert "day to day" not in asked and "since then" not in asked, asked


def test_a_death_long_ago_may_still_be_asked_about_since(listener):
    asked = " ".join(said.question for said in talk(listener, "hi", "my mum died two years ago", "i still miss her"))
    assert "day to day" in asked or "since then" in asked, asked


def test_others_saying_at_least_after_a_loss_is_met_with_room_for_the_grief(listener):
    # "everyone keeps saying at least it was early" after a miscarriage got only "That sounds really heavy.": what they
    # were told went unheard
    said = talk(listener, "we lost the baby at 12 weeks", "everyone keeps saying at least it was early")[-1].reply
    assert any(w in said for w in ("timetable", "no right amount", "permission")), said


# --- session 19: grief and loneliness, from talking with it -------------------------------------------------------------

def test_words_still_to_find_for_a_eulogy_are_heard_as_daunting_not_confusion(listener):
    # "i don't know how to write the eulogy" got "confused ... It's alright if it doesn't make sense yet"
    said = talk(listener, "my grandma died on monday", "the funeral is friday", "i don't know how to write the eulogy")[-1]
    assert said.feeling is not None and said.feeling.word == "daunted by it", said.reply
    assert "confused" not in said.reply and "make sense yet" not in said.reply, said.reply


def test_knowing_no_one_in_a_new_city_is_heard_as_lonely_not_unsure(listener):
    said = talk(listener, "i moved to a new city three months ago", "i don't really know anyone here")[-1]
    assert said.feeling is not None and said.feeling.word == "lonely", said.reply
    assert "unsure" not in said.reply, said.reply
