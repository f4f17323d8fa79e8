"""Everyday troubles told as clients tell them (a rough day, a panic attack, a job lost, a widower's long days,
feeling off): the feeling named, the words said back and the question asked, from conversations held with the
listener (session 11), with the real emotion model."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


@pytest.mark.parametrize("message, word", [
    ("my manager yelled at me in front of everyone. it was humiliating", "humiliated"),
    ("the whole thing was so frustrating, nobody listened to a word i said", "frustrated"),
    ("waiting for the scan results is terrifying", "terrified"),
    ("my partner and i had a huge fight last night and he said i'm too much", "hurt"),
    ("just thinking about everything i have to do tomorrow and whether im doing any of it right", "anxious"),
    ("work is stressing me out", "stressed"),
    ("i said something really stupid in the meeting and everyone looked at me", "embarrassed"),
    ("i know its silly but i feel abandoned", "abandoned"),
    ("i feel trapped in this job", "trapped"),
    ("he cheated and i feel so betrayed", "betrayed"),
    ("i think i might be gay and i dont know how to tell my parents", "worried"),
    ("i lost my job and i dont know how im going to tell my wife", "worried"),
    # session 13
    ("everything feels pointless lately", "hopeless"),  # was "let down", with the light validation
    ("i dont know how to bring it up without a fight", "worried"),  # was "confused"
    ("i honestly thought i failed", "relieved"),
    # session 16, round 2: "nervous ... so much is uncertain"; "annoyed"
    ("i can't stop thinking about what i said at the party", "embarrassed"),
    ("i keep replaying what i said in the meeting", "embarrassed"),
    ("i made a fool of myself at the party last night", "embarrassed"),
])
def test_the_feeling_named_is_the_one_a_listener_would_hear(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == word, said.reply


def test_after_saying_they_are_done_with_everything_no_glad_feeling_is_named(listener):
    said = talk(listener, "im so done w everything", "like everything. i cant keep doing this")[-1]
    assert said.feeling is None or said.feeling.label not in ("love", "joy", "admiration", "approval", "caring"), \
        said.reply
    assert "good to hear" not in said.reply, said.reply


def test_a_hedge_before_a_harsh_belief_is_not_said_back_twice(listener):
    said = talk(listener, "my manager yelled at me in front of everyone", "i dont know, i guess i wanted to say something but froze",
                "maybe that im not good enough")[-1]
    assert "maybe that" not in said.reply and "you're not good enough" in said.reply, said.reply


def test_a_panic_attack_told_over_several_messages_is_not_heard_as_irritation_or_surprise(listener):
    said = talk(listener, "i had a panic attack at work today", "it came out of nowhere, i was just sitting at my desk",
                "i had to go hide in the bathroom for 20 minutes")
    named = [s.feeling.label for s in said if s.feeling is not None]
    assert named[0] == "fear" and not {"surprise", "annoyance", "anger"} & set(named), [s.reply for s in said]


def test_back_at_something_after_months_is_heard_as_pride_and_a_small_number_after_it_is_not_garbled(listener):
    said = talk(listener, "i went for a run for the first time in months!!", "only 2k but still")
    assert said[0].feeling is not None and said[0].feeling.label == "pride", said[0].reply
    assert "It sounds like only" not in said[1].reply and "only 2k but still" in said[1].reply, said[1].reply


def test_happiness_others_put_on_is_not_named_as_theirs(listener):
    said = talk(listener, "i hate christmas. everyone acts happy and i just feel empty")[-1]
    assert "happy" not in (said.feeling.word if said.feeling else "") and "happy and empty" not in said.reply, said.reply


def test_not_being_believed_about_pain_is_not_made_small(listener):
    said = talk(listener, "my chronic pain has been really bad this week", "nobody gets it, they think im being lazy")[-1]
    assert "feel small" not in said.reply and said.feeling is not None and said.feeling.word == "misunderstood", \
        said.reply


def test_feeling_off_is_not_heard_as_hope(listener):
    said = talk(listener, "i dont really know why im here", "i guess ive just been feeling off lately")[-1]
    assert said.feeling is not None and said.feeling.word == "off" and "good to hear" not in said.reply, said.reply


def test_a_widower_is_not_asked_what_has_been_happening_between_him_and_his_wife(listener):
    said = talk(listener, "im 72 and since my wife passed the days are very long")[-1]
    assert said.topic == "loss" and "between the two of you" not in said.reply, said.reply


def test_calling_oneself_a_terrible_mum_is_not_heard_as_fear(listener):
    said = talk(listener, "my toddler has been screaming all day and i snapped at him", "i feel like a terrible mum")[-1]
    assert said.feeling is None or said.feeling.label not in ("fear", "nervousness"), said.reply


def test_after_losing_a_job_the_questions_are_about_the_loss_not_about_work(listener):
    said = talk(listener, "i lost my job today", "they called me into a meeting and that was it, 8 years",
                "i dont know how im going to tell my wife")
    assert all(s.topic == "joblost" for s in said), [s.reply for s in said]
    assert not any("at work" in s.question or "work been affecting" in s.question
                   or "between the two of you" in s.question for s in said), [s.reply for s in said]


# Session 12: conversations held with the listener as a client between sessions.

@pytest.mark.parametrize("messages", [
    ("i got the results back and its not cancer",),
    ("the biopsy came back and it isnt cancer. i cried in the car",),
    ("they said its nothing serious, just a pulled muscle",),
])
def test_a_feared_diagnosis_ruled_out_is_heard_as_relief(listener, messages):
    said = talk(listener, *messages)[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply


def test_a_day_said_to_be_ok_is_not_met_as_a_heavy_weight(listener):
    said = talk(listener, "my therapist said i should write here when things get bad",
                "today was ok i guess. i went for a walk")[-1]
    assert not any(w in said.reply for w in ("heavy", "a lot to carry", "hurts")), said.reply


def test_a_good_job_named_as_what_is_fine_is_not_asked_about_as_the_weight(listener):
    said = talk(listener, "i have a good job and a nice flat but i feel nothing")[-1]
    assert said.topic != "work" and "work" not in said.question, said.reply


def test_a_list_of_good_things_is_said_back_as_theirs_not_as_what_they_are(listener):
    said = talk(listener, "everything looks fine on paper. good job, nice flat. but i feel nothing")[-1]
    assert "you're good job" not in said.reply and "you have a good job" in said.reply, said.reply


def test_an_exercise_that_helped_is_heard_as_relief_not_as_a_worry(listener):
    said = talk(listener, "i did the breathing thing you showed me and it actually helped")[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply
    assert "worries" not in said.reply, said.reply


def test_a_row_over_something_silly_is_not_met_as_a_harsh_word_about_themselves(listener):
    said = talk(listener, "i had a fight with my best friend and now she's not talking to me",
                "it was over something so stupid")[-1]
    assert said.topic != "self" and "inner voice" not in said.reply and "a friend told you" not in said.reply, said.reply


def test_a_summary_after_good_news_does_not_take_it_back_with_the_sadness_before(listener):
    said = talk(listener, "my therapist said i should write here when things get bad", "today was ok i guess. i went for a walk",
                "the biopsy came back and it isnt cancer. i cried in the car",
                "i did the breathing thing you showed me and it actually helped")[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply
    assert "feeling sad" not in said.reply, said.reply


def test_no_energy_for_plans_is_heard_as_drained_not_irritated(listener):
    said = talk(listener, "i keep cancelling plans with friends because i just dont have the energy")[-1]
    assert said.feeling is not None and said.feeling.word == "drained", said.reply


def test_spoken_hesitations_are_not_said_back_and_made_it_worse_is_no_achievement(listener):
    # a client turn as a session transcript keeps it; the practice report's alternatives come from these replies
    said = talk(listener, "Um, it kind of escalated a bit. Um, I've just recently moved out, um, from living with my "
                          "parents. So just made it a bit worse, I think.")[-1]
    assert " um" not in said.reply.lower() and "moved out from living with your parents" in said.reply, said.reply
    assert said.feeling is None or said.feeling.label != "pride", said.reply


def test_a_spoken_false_start_is_not_said_back(listener):
    # a client turn from a session transcript (AnnoMI dev 23); the practice report suggests this reply to the therapist
    said = talk(listener, "Yeah, it was, yeah, it was really cool, but I find it- found it really hard to try and focus on "
                          "that 'cause I was so- I was kind of feeling really anxious and -")[-1]
    assert "- " not in said.reply and "find it" not in said.reply and not said.reply.split("?")[0].count(" and."), said.reply
    assert "found it really hard" in said.reply, said.reply


# Session 13: six replies the lead saw and left, from conversations held with the listener.

@pytest.mark.parametrize("message", ["good, thanks", "good thanks", "not bad thanks, you?", "pretty good", "im good"])
def test_a_short_pleasant_answer_gets_a_short_warm_reply_not_a_deep_reading(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is None and "says a lot" not in said.reply and "mean to you" not in said.reply, said.reply
    assert len(said.reply.split()) <= 20 and said.reply.endswith("?"), said.reply


@pytest.mark.parametrize("message", ["not great tbh", "not great", "could be better", "been better"])
def test_a_low_brief_answer_is_met_plainly_and_gently_invited_on(listener, message):
    said = talk(listener, message)[-1]
    assert not any(w in said.reply for w in ("says a lot", "unhappy about it", "glad you're telling me", "grateful")), \
        said.reply
    assert said.reply.endswith("?") and len(said.reply.split()) <= 25, said.reply


def test_ruining_a_friends_birthday_by_getting_drunk_is_heard_as_guilt(listener):
    said = talk(listener, "I ruined my best friend's birthday by getting drunk")[-1]
    assert said.feeling is not None and said.feeling.label == "remorse", said.reply


@pytest.mark.parametrize("message", ["i was so sure it was cancer and its not",
                                     "i was terrified it was something serious but it wasnt"])
def test_a_fear_told_as_past_and_then_ruled_out_is_heard_as_relief(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "relief", said.reply
    assert "worr" not in said.reply and "uncertain" not in said.reply, said.reply


@pytest.mark.parametrize("message", ["i keep comparing myself to everyone on instagram",
                                     "i cant stop comparing myself to my friends"])
def test_comparing_oneself_to_others_is_heard_as_not_measuring_up(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "not good enough", said.reply
    assert said.topic == "self" and "your friends" not in said.question, said.reply


@pytest.mark.parametrize("message", ["im 29 and still living with my parents", "i'm 31 and i still live with my mum"])
def test_still_living_with_parents_is_heard_as_where_they_are_in_life_not_family_conflict(listener, message):
    said = talk(listener, message)[-1]
    assert said.topic != "family" and "family" not in said.question, said.reply
    assert said.feeling is not None and said.feeling.word == "stuck", said.reply


@pytest.mark.parametrize("message", ["i guess im scared theyll think im not good enough",
                                     "im worried people will think im stupid"])
def test_a_fear_of_what_others_will_think_is_not_said_back_as_a_belief_about_oneself(listener, message):
    # session 13: "It sounds like part of you believes you're scared they'll think you're not good enough."
    said = talk(listener, message)[-1]
    assert "believes" not in said.reply and "telling yourself" not in said.reply and "voice in you" not in said.reply \
        and "painful thought about yourself" not in said.reply, said.reply
    assert said.feeling is not None and said.feeling.label in ("fear", "nervousness"), said.reply


def test_a_harsh_thought_of_ones_own_is_still_held_as_theirs(listener):
    said = talk(listener, "i think im not good enough")[-1]
    assert "you're not good enough" in said.reply and not said.reply.startswith("It sounds like you're not"), said.reply


def test_wanting_to_talk_about_someone_is_no_longing(listener):
    # session 13: "actually i wanted to talk about my mum" was met with "full of longing"
    said = talk(listener, "actually i wanted to talk about my mum")[-1]
    assert said.feeling is None or said.feeling.label != "desire", said.reply


@pytest.mark.parametrize("messages", [
    ["actually i wanted to talk about my mum", "shes been ill and i have to look after her"],
    ["i wish i could see my brother more", "he moved to perth last year"],
])
def test_news_after_a_wish_is_not_met_as_good_news(listener, messages):
    # session 13: "shes been ill and i have to look after her" got "It's good to hear something has felt this way
    # for you. What part of it has felt best?"
    said = talk(listener, *messages)[-1]
    assert "good to hear" not in said.reply and "felt best" not in said.reply and "good news" not in said.reply, \
        said.reply


def test_a_miscarriage_is_not_asked_about_memories_of_them(listener):
    # session 13: "i had a miscarriage in march" was asked "What do you find yourself remembering about them?"
    for said in talk(listener, "i had a miscarriage in march", "i thought id be over it by now"):
        assert "about them" not in said.question and "about them" not in said.reply, said.reply


def test_a_pet_named_he_after_it_died_is_asked_about_as_him(listener):
    # session 13: "he was 14" after "my dog died last week" was asked "What do you miss most about them?"
    said = talk(listener, "my dog died last week", "he was 14")[-1]
    assert "them" not in said.question, said.reply


def test_thinking_one_had_failed_after_passing_is_relief_not_disappointment(listener):
    said = talk(listener, "i passed my exams!!", "i honestly thought i failed")[-1]
    assert said.feeling is not None and said.feeling.label == "relief" and "hurts" not in said.reply, said.reply


def test_an_everyday_setback_and_the_story_after_it_are_not_made_heavy(listener):
    # session 13: "third time" got "That sounds really heavy", "everyone else passed first time" "Thank you for trusting
    # me with something this painful"
    heavy = ("a lot to carry", "really heavy", "this painful", "hardest part")
    for said in talk(listener, "i failed my driving test again", "third time", "everyone else passed first time"):
        assert not any(h in said.reply for h in heavy), said.reply


def test_a_setback_with_pain_beside_it_is_still_met_as_pain(listener):
    said = talk(listener, "failed my driving test. i was so sure id pass and now i feel worthless")[-1]
    assert "a lot to carry" in said.reply or "inner voice" in said.reply or "painful" in said.reply, said.reply


def test_not_being_able_to_say_no_is_heard_as_pressure_not_a_let_down(listener):
    # session 13: "and i cant say no" (after a boss piling on work) got "My guess is you're feeling let down"
    said = talk(listener, "well actually not that good. my boss keeps piling work on me", "and i cant say no")[-1]
    assert said.feeling is not None and said.feeling.word == "under a lot of pressure", said.reply


def test_a_short_follow_up_with_no_feeling_of_its_own_keeps_the_feeling_already_heard(listener):
    # session 14: "it was really hard" after a grandad with dementia got "I wonder if you're feeling disappointed"
    first, said = talk(listener, "my grandad has dementia and doesnt know who i am anymore", "it was really hard")
    assert said.feeling is None or said.feeling == first.feeling, said.reply
    assert "disappointed" not in said.reply and "let down" not in said.reply, said.reply


@pytest.mark.parametrize("lines", [("i finally finished my dissertation", "the last month was awful tbh"),
                                   ("i quit smoking 3 weeks ago", "the cravings are awful")])
def test_a_hard_part_told_after_good_news_is_not_met_as_more_good_news(listener, lines):
    # session 14: "the last month was awful tbh" after a finished dissertation got "That sounds like a moment worth
    # holding on to. How would you like to build on it?"
    said = talk(listener, *lines)[-1]
    glad = ("worth holding on to", "build on it", "felt best", "good news", "good to hear")
    assert not any(g in said.reply for g in glad), said.reply


# session 14, round 2

@pytest.mark.parametrize("message", ["my boss gave me a pay rise", "i got a raise today", "got a bonus at work",
                                     "i passed my probation at work"])
def test_good_news_at_work_is_heard_as_good_news(listener, message):
    # "my boss gave me a pay rise" got "you might be feeling down ... What's been happening at work that weighs on you most?"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("joy", "pride", "excitement", "relief"), said.reply
    assert "weigh" not in said.reply and "down" not in said.reply, said.reply


@pytest.mark.parametrize("did, feel", [("i snapped at my kids this morning", "i feel awful"),
                                       ("i snapped at my kids this morning", "i feel so horrible"),
                                       ("i yelled at my mum today", "i feel terrible about it")])
def test_feeling_awful_after_something_one_did_is_guilt_not_worry(listener, did, feel):
    # "i feel awful" after "i snapped at my kids this morning" got "I wonder if you're feeling uneasy. Carrying that
    # kind of worry..."; "i feel terrible about it" after "i yelled at my mum today" got "scared"
    said = talk(listener, did, feel)[-1]
    assert said.feeling is not None and said.feeling.label == "remorse", said.reply
    assert "worry" not in said.reply and "uneasy" not in said.reply, said.reply


def test_missing_a_friend_who_moved_away_is_missing_her_not_grief(listener):
    # "i miss her so much" after "my best friend moved to australia" got "full of grief ... It makes sense that this
    # hurts", as if she had died
    said = talk(listener, "my best friend moved to australia", "i miss her so much")[-1]
    assert said.feeling is not None and said.feeling.word in ("sad", "lonely", "down"), said.reply
    assert "grief" not in said.reply and "loss" not in said.reply, said.reply


def test_missing_her_after_a_death_is_still_the_loss_of_her(listener):
    said = talk(listener, "my mum died last year", "i miss her so much")[-1]
    assert said.feeling is not None and said.feeling.label == "grief", said.reply


@pytest.mark.parametrize("message", ["i got a B on my essay", "got a 2:1 on my dissertation", "i got a C on my exam"])
def test_a_plain_result_is_asked_about_without_assuming_a_weight(listener, message):
    # "i got a B on my essay" got "What part of your studies is weighing on you most?"
    said = talk(listener, message)[-1]
    assert "weigh" not in said.reply and "pressure" not in said.reply and "hardest" not in said.reply, said.reply
    assert said.question and "worry" not in said.reply and "nervous" not in said.reply, said.reply


def test_everything_being_too_much_is_overwhelm_and_wanting_to_sleep_after_it_is_exhaustion(listener):
    # "everything feels like too much" named no feeling; "i just want to sleep" after it got "full of longing"
    first, said = talk(listener, "everything feels like too much", "i just want to sleep")
    assert first.feeling is not None and first.feeling.word == "overwhelmed", first.reply
    assert said.feeling is not None and said.feeling.word in ("worn out", "exhausted"), said.reply
    assert "longing" not in said.reply and said.level == "none" and first.level == "none", said.reply


@pytest.mark.parametrize("message", ["honestly today was good", "today was really good"])
def test_a_good_day_is_glad_not_thankful(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "joy", said.reply


@pytest.mark.parametrize("lines", [("work is ok",), ("hi", "work is ok"), ("hi", "how are you doing", "work is ok"),
                                   ("my exams start monday", "it is what it is"), ("not sure",),
                                   ("hi", "work is ok", "home is fine", "same as usual", "not much really")])
def test_a_plainly_neutral_short_message_is_not_made_much_of(listener, lines):
    # "'work is ok' - that says a lot"
    said = talk(listener, *lines)[-1]
    assert "says a lot" not in said.reply, said.reply


def test_a_pets_kidney_failure_is_no_harsh_word_about_oneself(listener):
    # "the vet says its kidney failure" (after "my dog is sick") got "If a friend told you this about themselves, what
    # would you want them to know?", and "i dont know what to do" after it "What does that inner voice tend to say?"
    said = talk(listener, "my dog is sick", "the vet says its kidney failure", "i dont know what to do")
    for reply in said[1:]:
        assert reply.topic != "self" and "inner voice" not in reply.reply and "about themselves" not in reply.reply, \
            reply.reply


def test_a_job_interview_is_not_asked_about_as_work_that_weighs(listener):
    # "i have a job interview tomorrow" got "What's been happening at work that weighs on you most?"
    said = talk(listener, "i have a job interview tomorrow")[-1]
    assert said.topic != "work" and "at work" not in said.reply, said.reply
    assert said.feeling is not None and said.feeling.label == "nervousness", said.reply


def test_no_day_off_in_weeks_after_a_busy_spell_is_being_worn_out_not_let_down(listener):
    # "i havent had a day off in weeks" after "work has been crazy busy" got "I wonder if you're feeling let down"
    said = talk(listener, "work has been crazy busy", "i havent had a day off in weeks")[-1]
    assert said.feeling is not None and said.feeling.word == "worn out", said.reply


# --- session 15 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["i have to put my cat down tomorrow", "we're having our dog put to sleep on friday",
                                     "my dad has weeks left", "my best friend is moving away next month"])
def test_a_loss_still_to_come_is_heard_as_what_is_coming_not_as_a_death_that_happened(listener, message):
    # "i have to put my cat down tomorrow" got "...feeling sad. That's a lot to carry. What do you find yourself
    # remembering about them?", as if the cat had already died; "my dad has weeks left" got no feeling at all
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label in ("grief", "sadness"), said.reply
    assert said.topic == "ahead", said.reply
    assert not any(w in said.reply for w in ("remembering", "miss most", "since then", "carrying this loss")), said.reply
    assert "coming" in said.reply or "ahead" in said.reply, said.reply


def test_a_death_that_happened_is_still_a_loss_not_one_to_come(listener):
    for message in ("we had to put our dog down yesterday", "my mum died last week and the funeral is tomorrow"):
        said = talk(listener, message)[-1]
        assert said.topic == "loss", said.reply


@pytest.mark.parametrize("lines", [("me and my mum had a massive argument last night", "i snapped at my mum about it"),
                                   ("i shouted at my brother yesterday",),
                                   ("i said some horrible things to my dad",)])
def test_snapping_at_someone_is_heard_as_guilt_not_as_down_or_anger(listener, lines):
    # after an argument, "i snapped at my mum about it" got "I wonder if you're feeling down"; "i shouted at my brother
    # yesterday" got "frustrated", "i said some horrible things to my dad" "scared"
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.label == "remorse", said.reply


@pytest.mark.parametrize("message", ["i lied to my partner about money", "i forgot my best friend's birthday",
                                     "i forgot her birthday"])
def test_a_wrong_done_to_someone_close_is_heard_as_guilt(listener, message):
    # "i lied to my partner about money" got "frustrated"; "i forgot my best friend's birthday" got "let down"
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.label == "remorse", said.reply


@pytest.mark.parametrize("lines, labels", [
    (("my mum and i", "we don't really get on"), {"sadness", "disappointment"}),
    (("my car broke down again",), {"anger", "annoyance"}),
    (("my car broke down",), {"anger", "annoyance"}),  # session 15: "sad. That's a lot to carry"
    (("i have my driving test tomorrow",), {"nervousness", "fear"}),
])
def test_everyday_troubles_get_the_feeling_a_person_would_name(listener, lines, labels):
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.label in labels
    assert "a lot to carry" not in said.reply and "really heavy" not in said.reply


def test_a_partner_texting_their_ex_is_no_break_up(listener):
    said = talk(listener, "My girlfriend keeps texting her ex and says it's nothing")[-1]
    assert said.topic != "breakup" and "ended" not in said.reply and "ending" not in said.reply


def test_hating_being_looked_at_after_a_fall_is_self_consciousness_not_anger(listener):
    said = talk(listener, "i fell over in the canteen in front of everyone", "i just hate being looked at")[-1]
    assert said.feeling is not None and said.feeling.label == "embarrassment"


@pytest.mark.parametrize("lines", [("my dad got made redundant last week", "i don't know how to help him"),
                                   ("my husband was laid off yesterday",)])
def test_someone_elses_job_lost_is_not_asked_about_as_the_clients(listener, lines):
    said = talk(listener, *lines)
    assert all(r.topic != "joblost" and "losing this job mean for you" not in r.reply for r in said)


def test_ones_own_job_lost_is_still_asked_about(listener):
    assert talk(listener, "i got made redundant today")[-1].topic == "joblost"
    assert talk(listener, "my boss fired me this morning")[-1].topic == "joblost"


@pytest.mark.parametrize("lines", [("my dad got made redundant last week", "i don't know how to help him"),
                                   ("i don't know how to help my sister, she's really struggling",)])
def test_not_knowing_how_to_help_someone_is_concern_not_confusion(listener, lines):
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.label in {"caring", "nervousness", "sadness", "fear"}
    assert "confused" not in said.reply and "make sense" not in said.reply


@pytest.mark.parametrize("message", ["i feel like i'm always the one making plans with my friends",
                                     "i'm always the one who texts first"])
def test_always_being_the_one_who_reaches_out_is_no_fondness(listener, message):
    # got "fond. It's good to hear something has felt this way for you."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "taken for granted", said.reply


def test_nobody_at_uni_liking_you_is_loneliness_not_studies(listener):
    # "i feel like nobody at uni likes me" got "What part of your studies is weighing on you most?"
    said = talk(listener, "i feel like nobody at uni likes me")[-1]
    assert "studies" not in said.reply and said.topic == "loneliness", said.reply
