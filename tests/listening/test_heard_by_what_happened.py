"""Everyday troubles told by what happened rather than named (session 21, told_daily.toml), read aloud as a person in
distress would write them, with the real emotion model: each once misheard ("let down", "irritated", "hopeful", a plain
thanks), and asked about in a way that did not fit; now heard as a listener would hear them. At the end, session 17's
rounds of the same kind (a relapse, hurtful words reported, grieving someone alive, thanks never said)."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


# Round two of session 21: everyday messages read aloud, each once misheard ("irritated", "let down", "wishful", "fond",
# a plain thanks) where a listener would hear the feeling named here.
@pytest.mark.parametrize("message, word", [
    ("my dad keeps falling and i cant be there every day, i work full time", "worried"),  # was "irritated"
    ("i had to put mum in a care home last week and i feel like ive abandoned her", "guilty"),  # their act, not abandoned
    ("i sit in my car at lunch so i dont have to talk to anyone", "distance"),  # was "irritated"
    ("the results came back and its not good", "scared"),  # was "unhappy about it"
    ("we had a massive row and he slept on the sofa", "upset"),  # was a plain thanks
    ("i think my husband is drinking too much", "worried"),  # was a plain thanks
    ("got a 2:2 and i wanted a first", "disappointed"),  # was "wishful"
    ("my son got excluded from school today", "worried"),  # was "let down"
    ("my toddler wont sleep and im running on 3 hours a night", "exhausted"),  # was "let down"
    ("i work two jobs and still cant make rent", "worried"),  # was "let down", asked about work
    ("my best mate moved to australia", "far away"),  # was "fond ... good to hear"
    ("im 34 and all my friends are having kids and im not even dating", "left behind"),  # was "down", asked about friends
    ("my partner wants to move to scotland for his job and i dont want to go", "torn"),  # was "irritated"
    ("i found out my dad has another family", "shaken"),  # was a plain thanks
    ("my girlfriend said she needs space", "unsettled"),  # was a plain thanks
    ("i think im going to get made redundant, theres rumours", "worried"),  # was "let down"
])
def test_everyday_troubles_are_heard_as_the_feeling_a_listener_would_hear(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_a_redundancy_feared_is_not_asked_about_as_if_it_had_happened(listener):
    said = talk(listener, "i think im going to get made redundant, theres rumours")[-1]
    assert said.topic != "joblost" and "since it happened" not in said.reply, said.reply


def test_rent_that_two_jobs_cannot_cover_is_asked_about_as_money(listener):
    said = talk(listener, "i work two jobs and still cant make rent")[-1]
    assert said.topic == "money" and "at work" not in said.question, said.reply


def test_nobody_at_uni_talking_to_them_is_asked_about_loneliness_not_studies(listener):
    said = talk(listener, "nobody at uni talks to me, ive been here 3 months")[-1]
    assert said.topic == "loneliness" and "studies" not in said.reply, said.reply


def test_a_childs_first_day_at_school_is_not_asked_about_the_clients_studies(listener):
    said = talk(listener, "my twins start school next week")[-1]
    assert "studies" not in said.reply, said.reply


def test_telling_a_therapist_at_last_is_met_as_a_step(listener):
    said = talk(listener, "i finally told my therapist about what happened")[-1]
    assert any(t.startswith("v-step-") for t in said.templates), said.reply


# Round three of session 21.
@pytest.mark.parametrize("message, word", [
    ("i got bullied at school today again", "hurt"),  # was "irritated"
    ("my landlord is selling the house and we have 2 months to find somewhere", "worried"),  # was a plain thanks
    ("i owe about 8k on credit cards and i cant see a way out", "trapped"),  # was "let down"
    ("i dont think my wife loves me anymore", "unloved"),  # was a plain thanks
    ("my cat has been missing for three days", "worried"),  # was "down"
    ("my friend hasnt replied in 2 weeks and i think shes mad at me", "worried"),  # was "annoyed"
    ("i keep getting headaches and the doctor cant find anything", "worried"),  # was "irritated"
    ("my mum keeps calling me fat", "hurt"),  # was "irritated"
    ("my partner proposed!! but i dont know if i want to get married", "torn"),  # was "excited"
    ("i think he might be seeing someone", "afraid"),  # was a plain thanks
])
def test_more_everyday_troubles_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_a_daughter_young_and_pregnant_names_no_feeling_for_the_parent(listener):
    said = talk(listener, "my daughter is 16 and pregnant")[-1]
    assert said.feeling is None and "down" not in said.reply, said.reply


def test_months_without_a_day_off_while_caring_is_no_good_news(listener):
    said = talk(listener, "im a carer for my mum, she has parkinsons", "i havent had a day off in about 8 months")[-1]
    assert not any(w in said.reply for w in ("good to hear", "felt best", "worth holding")), said.reply
    assert said.feeling is not None and said.feeling.label not in ("joy", "caring", "love"), said.reply


def test_exams_and_feeling_sick_are_not_made_into_two_people(listener):
    said = talk(listener, "my exams start monday and i feel sick")[-1]
    assert "you and your exams" not in said.reply and "your exams start Monday and you feel sick" in said.reply, said.reply


def test_a_partner_suspected_of_seeing_someone_is_not_asked_about_as_found_out_or_as_things_lately(listener):
    said = talk(listener, "my husband has been really distant lately", "he's always on his phone",
                "i think he might be seeing someone")[-1]
    assert said.topic == "suspicion", said.reply
    assert not any(w in said.question for w in ("found out", "lately", "needing in this relationship")), said.reply


def test_family_far_away_after_telling_of_loneliness_is_still_loneliness(listener):
    said = talk(listener, "i've got nobody to talk to since i moved here", "my family is 300 miles away")[-1]
    assert said.topic == "loneliness" and "going on in your family" not in said.reply, said.reply


def test_anger_at_a_sister_who_missed_the_funeral_is_not_asked_for_memories_of_her(listener):
    said = talk(listener, "im so angry at my sister she didnt come to the funeral")[-1]
    assert "remembering" not in said.question and "miss most" not in said.question, said.reply


# Round four of session 21.
@pytest.mark.parametrize("message, word", [
    ("i have to choose between heating and eating this winter", "making ends meet"),  # was a plain thanks
    ("my sons 18th birthday is next week and his dad wont come", "on his behalf"),  # was a plain thanks
    ("my mum is 90 and she wants to stay in her own home but shes not safe there", "worried for her"),  # a plain thanks
    ("my partner lost his job and hes taking it out on me", "hurt"),  # was "worried for him"
    ("my teenage daughter hates me", "hurt"),  # was "angry"
    ("my dad remarried and his new wife doesnt like me", "unwelcome"),  # was "irritated"
    ("i messed up my presentation and my manager saw everything", "embarrassed"),  # was "let down"
    ("my kid got into the school we wanted!", "delighted"),  # was a plain thanks
    ("it's been a rough week, my car broke down, my son was ill and i missed a deadline", "worn down"),  # was "worried"
    ("hes been in hospital for 3 weeks and nobody will tell us anything", "worried"),  # was "down"
])
def test_still_more_everyday_troubles_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


@pytest.mark.parametrize("message", ["im pregnant and i havent told anyone", "i cant stop thinking about my ex"])
def test_news_and_an_ex_on_their_mind_name_no_feeling_for_them(listener, message):
    said = talk(listener, message)[-1]
    assert said.feeling is None and not any(w in said.reply for w in ("down", "nervous")), said.reply


def test_not_knowing_whats_wrong_with_oneself_is_not_made_a_harsh_belief(listener):
    said = talk(listener, "i keep crying at random times and i dont know whats wrong with me")[-1]
    assert "part of you believes" not in said.reply and "inner voice" not in said.reply, said.reply


@pytest.mark.parametrize("message, typed", [("my sister wont let me see my nephew anymore", "nephew anymore"),
                                            ("i feel guilty for going out and leaving my mum alone", "mum alone")])
def test_a_word_after_someone_close_is_not_capitalised_as_if_it_were_their_name(listener, message, typed):
    said = talk(listener, message)[-1]
    assert typed in said.reply, said.reply


def test_leaving_a_parent_alone_is_not_heard_as_the_clients_loneliness(listener):
    said = talk(listener, "i feel guilty for going out and leaving my mum alone")[-1]
    assert said.topic != "loneliness" and "lonel" not in said.reply, said.reply


def test_starting_uni_is_asked_about_as_what_is_ahead_not_studies(listener):
    said = talk(listener, "im starting uni next month and im terrified")[-1]
    assert said.topic == "starting" and "studies" not in said.reply, said.reply


def test_loneliness_since_a_death_is_asked_about_as_loneliness(listener):
    said = talk(listener, "im so lonely since my wife died, the evenings are the worst")[-1]
    assert "remembering" not in said.question and "miss most" not in said.question, said.reply
    assert "lonel" in said.question, said.reply


# Round five of session 21.
@pytest.mark.parametrize("message, word", [
    ("im the only one of my siblings who helps with dad", "alone with it"),  # was a plain thanks
    ("i work nights and i never see my kids", "missing out"),  # was "let down"
    ("i spent too much money again and i feel sick about it", "guilty"),  # was "sad"
    ("everyone at school has a boyfriend except me", "left behind"),  # was "down", asked about studies
    ("i got a detention for something i didnt do", "unfairly"),  # was "let down"
    ("my best friend started hanging out with someone else and now they dont talk to me", "left out"),  # was "down"
    ("im moving to a new school in september and i wont know anyone", "nervous"),  # was "let down"
    ("my baby has colic and cries all day", "exhausted"),  # was "sad"
    ("my step daughter is really rude to me and my husband doesnt say anything", "unsupported"),  # was "annoyed"
    ("i dont really have any friends", "lonely"),  # was "unconvinced"
    ("my neighbour plays music all night", "fed up"),  # was a plain thanks
    ("i got my gcse results and i did better than i thought", "relieved"),  # was a plain thanks
    ("i forgot to pick my son up from school today", "guilty"),  # was "let down"
])
def test_yet_more_everyday_troubles_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


@pytest.mark.parametrize("message, topic", [
    ("i got rejected from every job i applied for", "jobhunt"),  # was asked "what's been happening at work?"
    ("im scared ill never find another job", "jobhunt"),  # "ill" was heard as illness
    ("i dont really have any friends", "loneliness"),  # was asked "what has been going on with your friends?"
    ("im moving to a new school in september and i wont know anyone", "starting"),  # was asked about studies
    ("i feel like im failing as a mum", "self"),  # was asked about the family
])
def test_the_question_is_about_what_the_message_is_about(listener, message, topic):
    said = talk(listener, message)[-1]
    assert said.topic == topic, said.reply


def test_a_snoring_husband_is_not_made_one_of_the_two_who_have_not_slept(listener):
    said = talk(listener, "my husband snores and i havent slept properly in years lol")[-1]
    assert "your husband snores and you haven't slept" in said.reply and "Snores" not in said.reply, said.reply


@pytest.mark.parametrize("message, met", [("ive started therapy", "v-step-"), ("my son was diagnosed with autism today", "v-news-")])
def test_a_step_and_a_childs_diagnosis_are_met_with_no_feeling_guessed(listener, message, met):
    said = talk(listener, message)[-1]
    assert said.feeling is None and any(t.startswith(met) for t in said.templates), said.reply


# Round six of session 21: a few turns at a time.
@pytest.mark.parametrize("lines, word", [
    (("i think i need to leave my husband",), "decision"),  # was "hopeful ... what does this mean to you?"
    (("my son is 19 and still lives at home and does nothing all day",), "worried"),  # was a plain thanks
    (("my son is 19 and still lives at home", "i cant talk to him without it becoming a row"), "upset"),  # "unhappy about it"
    (("ive been made redundant after 22 years", "i dont know who i am without work"), "lost"),  # was "confused"
    (("my mum wants me to be a doctor but i want to do art",), "caught between"),  # was "full of longing"
    (("my mum wants me to be a doctor", "she says art is a waste of time"), "dismissed"),  # was "irritated"
])
def test_a_turn_in_a_story_is_heard_as_a_listener_would_hear_it(listener, lines, word):
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_a_harsh_word_after_a_clause_is_said_back_as_theirs_without_making_the_clause_a_belief(listener):
    said = talk(listener, "im 67 and since i retired i feel useless")[-1]
    assert "part of you believes you're 67" not in said.reply and "you feel useless" in said.reply, said.reply
    assert said.feeling is None or said.feeling.word not in ("let down", "down"), said.reply


def test_doing_everything_for_a_wife_who_is_ill_is_asked_about_the_caring_not_the_relationship(listener):
    said = talk(listener, "my wife has ms and its getting worse", "i do everything for her now")
    assert said[0].topic == "illness" and "between the two of you" not in said[0].reply, said[0].reply
    assert said[1].topic == "caring" and "them" not in said[1].question, said[1].reply


# Round seven of session 21.
@pytest.mark.parametrize("message, word", [
    ("lost my purse on the bus with all my cards in it", "fed up"),  # was "sad ... a lot to carry"
    ("my manager said i was rude in a meeting and i didnt mean to be", "misjudged"),  # was "frustrated"
    ("we're moving house next week and i havent packed anything", "stressed"),  # was "let down"
    ("my dad wont accept that im trans", "rejected"),  # was a plain thanks
    ("my sister is getting all the attention because shes having a baby", "overlooked"),  # was a plain thanks
    ("my teacher shouted at me in front of the whole class", "embarrassed"),  # was "frustrated"
    ("i havent been able to get out of bed all week", "low"),  # was "let down"
    ("my partner works away and i do everything with the kids on my own", "stretched"),  # was "concerned"
    ("i overheard my friends talking about me", "hurt"),  # was a plain thanks
])
def test_everyday_troubles_of_round_seven_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_doing_it_all_alone_is_met_as_a_load_not_an_uncertainty(listener):
    said = talk(listener, "my partner works away and i do everything with the kids on my own")[-1]
    assert any(t.startswith("v-stretched-") for t in said.templates), said.reply


def test_feeling_awful_at_being_told_to_lose_weight_is_not_named_regret(listener):
    said = talk(listener, "my doctor wants me to lose weight and i feel awful")[-1]
    assert "regretful" not in said.reply and said.feeling is None, said.reply


# Round eight of session 21.
@pytest.mark.parametrize("message, word", [
    ("i got engaged at the weekend but my mum said she doesnt like him", "hurt"),  # was "excited"
    ("i didnt get the job. again", "disappointed"),  # was "irritated"
    ("my ex has the kids this christmas", "without them"),  # was "pleased ... good to hear"
    ("my mum keeps comparing me to my sister", "hurt"),  # was "irritated"
    ("everyone at work went out for drinks and nobody invited me", "left out"),  # was "down", asked about work
    ("my flat has mould and the landlord wont do anything", "fed up"),  # was a plain thanks
    ("my husband wants another baby and i dont", "at odds"),  # was a plain thanks
    ("i dont even know where to start. work is awful, my relationship is falling apart", "overwhelmed"),  # "confused"
])
def test_everyday_troubles_of_round_eight_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_a_loss_others_call_small_is_given_room_not_met_as_the_clients_own_playing_down(listener):
    said = talk(listener, "my dog died yesterday and people keep saying its just a dog")[-1]
    assert not any(t.startswith("v-min-") for t in said.templates), said.reply
    assert any(t.startswith("v-rule-") for t in said.templates), said.reply


# Round nine of session 21.
@pytest.mark.parametrize("message, word", [
    ("i havent heard from my son in weeks", "worried"),  # was "let down"
    ("i think my friend is taking advantage of me", "used"),  # was "hopeful"
    ("my dad never says he's proud of me", "hurt"),  # was a plain thanks
    ("we just found out we're having twins!", "excited"),  # was a plain thanks
    ("my twin sister doesn't talk to me anymore", "hurt"),  # was "down"
    ("i just want someone to hug me", "lonely"),  # was "full of longing" and a plain thanks
    ("my dog bit someone and now they want him put down", "scared"),  # was "sad", asked for memories of a living dog
])
def test_everyday_troubles_of_round_nine_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_a_dog_others_want_put_down_is_not_asked_about_as_if_he_had_died(listener):
    said = talk(listener, "my dog bit someone and now they want him put down")[-1]
    assert said.topic not in ("loss", "ahead") and "remembering" not in said.reply, said.reply


# Round ten of session 21: glad and plain news, read aloud for words that misfire.
@pytest.mark.parametrize("message, label", [
    ("my boss told me i'm doing a great job", "joy"),  # was "down ... that's a lot to carry"
    ("my sister's pregnant and we're all over the moon", "joy"),  # was "proud of yourself"
    ("my friend's cat had kittens!", "joy"),  # was "down"
    ("my daughter started school today and didnt even look back", "pride"),  # was "let down"
])
def test_good_news_is_not_heard_as_a_low(listener, message, label):
    said = talk(listener, message)[-1]
    assert said.feeling is None or said.feeling.label == label, said.reply
    assert not any(w in said.reply for w in ("down", "a lot to carry", "proud of yourself")), said.reply


def test_agreeing_too_is_said_back_with_the_too(listener):
    said = talk(listener, "my partner wants to move in together and i do too")[-1]
    assert "and you do too" in said.reply, said.reply


def test_a_baby_lost_by_a_sons_girlfriend_is_asked_about_as_their_loss_and_the_clients_care(listener):
    said = talk(listener, "my son's girlfriend lost their baby", "he won't talk about it", "i dont know how to help him")
    assert said[0].topic == "loss" and "your son" in said[0].question, said[0].reply
    assert "between the two of you" not in said[0].reply and "this relationship" not in said[1].reply, said[1].reply
    assert not any(t.startswith("v-remember-") for t in said[2].templates), said[2].reply
    assert "your son" in said[2].question, said[2].reply


def test_a_plain_english_message_without_common_words_is_not_taken_for_another_language(listener):
    said = talk(listener, "i've been skipping meals so the kids can eat", "universal credit doesnt stretch")[-1]
    assert "language" not in said.reply and "doesn't stretch" in said.reply, said.reply


# Round eleven of session 21: short messages in chat register.
@pytest.mark.parametrize("message, word", [
    ("cant be arsed", "flat"),  # was "irritated"
    ("bruh my teacher gave me a detention for nothing", "unfairly"),  # was "irritated"
    ("my dog is the only one who gets me", "misunderstood"),  # was a plain thanks
    ("i dont wanna go to school tmrw", "dread"),  # was "unhappy about it"
    ("mum shouted at me again", "upset"),  # was "irritated"
])
def test_short_messages_in_chat_register_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply
    assert "feeling dreading" not in said.reply, said.reply


def test_everything_being_shit_right_now_is_met_plainly_not_as_irritation(listener):
    said = talk(listener, "everythings shit rn")[-1]
    assert "irritated" not in said.reply and "gets to you" not in said.reply, said.reply


def test_a_feeling_spoken_to_them_is_never_said_of_anyone(listener):
    # "That could leave anyone feeling like you're missing out on them" mixes who is meant
    conversation_lines = ["i work nights and i never see my kids"] * 7
    said = talk(listener, *conversation_lines)
    assert all("anyone feeling like you" not in s.reply for s in said), [s.reply for s in said]
    assert any("missing out" in s.reply for s in said), [s.reply for s in said]


# Round twelve of session 21: caring for parents, children's school, health.
@pytest.mark.parametrize("message, word", [
    ("my mum keeps phoning me at work because she's confused", "worried"),  # was "irritated"
    ("dad refuses to use his walking frame and keeps falling", "worried"),  # was "irritated"
    ("my mum doesnt want carers coming in and i cant do it all", "stretched"),  # was "unhappy about it"
    ("i have to decide whether to put my dad in a home", "torn"),  # was "unsure"
    ("my gran thinks im her sister", "sad"),  # was a plain thanks
    ("the school rang again about my son's behaviour", "worried"),  # was "irritated", asked about studies
    ("my daughter has stopped eating properly", "worried"),  # was "let down"
    ("my tutor said my essay was the best in the class", "pleased"),  # was a plain thanks
    ("my chronic fatigue is getting worse and work dont understand", "misunderstood"),  # was "unsure"
    ("my wife is in remission!", "relieved"),  # was a plain thanks
])
def test_caring_school_and_health_troubles_are_heard_as_a_listener_would_hear_them(listener, message, word):
    said = talk(listener, message)[-1]
    assert said.feeling is not None and word in said.feeling.word, said.reply


def test_the_school_ringing_about_a_son_is_not_asked_about_the_clients_studies(listener):
    said = talk(listener, "the school rang again about my son's behaviour")[-1]
    assert "studies" not in said.reply, said.reply


# Round thirteen of session 21: the new phrases read against messages they must not catch.
def test_a_friend_who_understands_them_and_is_moving_away_is_not_heard_as_being_misunderstood(listener):
    said = talk(listener, "my best friend is the only one who gets me and she's moving away")[-1]
    assert "misunderstood" not in said.reply, said.reply


def test_a_wife_who_left_the_kids_with_them_for_the_weekend_is_no_break_up(listener):
    said = talk(listener, "my wife left the kids with me for the weekend and went to her mums")[-1]
    assert said.topic != "breakup" and "since it ended" not in said.reply, said.reply


def test_crying_at_work_where_everyone_saw_is_heard_as_embarrassment(listener):
    said = talk(listener, "i cried at work today and everyone saw")[-1]
    assert said.feeling is not None and said.feeling.word == "embarrassed", said.reply


# --- session 17, round 7 (talked through) ------------------------------------------------------------------

@pytest.mark.parametrize("message", ["i was 8 months sober and i drank last night",
                                     "a year clean and then i used again on saturday",
                                     "i relapsed at the weekend"])
def test_a_relapse_is_never_met_as_pride_or_good_news(listener, message):
    # "i was 8 months sober and i drank last night" got "proud of yourself. That sounds like it really matters to you."
    said = talk(listener, message)[-1]
    assert said.feeling is None or said.feeling.label not in ("pride", "joy", "relief", "excitement"), said.reply
    assert "proud" not in said.reply and "matters to you" not in said.reply and "good news" not in said.reply
    assert "walking into that room" not in said.reply and "take that step" not in said.reply, said.reply
    assert "no judgement" in said.reply or "after all the work" in said.reply, said.reply


@pytest.mark.parametrize("message", ["she said i always make everything about me",
                                     "my sister told me i'm too much",
                                     "he says i'm selfish and only think about myself"])
def test_hurtful_words_reported_are_heard_as_hurt(listener, message):
    # "she said i always make everything about me" was met as worry, then with no feeling at all
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word.startswith("hurt"), said.reply


@pytest.mark.parametrize("lines", [("my mum has dementia", "it's like i'm grieving someone who is still here"),
                                   ("honestly i feel like i'm losing him bit by bit",)])
def test_grieving_someone_still_alive_is_not_asked_for_memories_of_them(listener, lines):
    # got "What do you find yourself remembering about them?", as if after a death
    said = talk(listener, *lines)[-1]
    assert said.topic != "loss" and "remembering about" not in said.reply and "since then" not in said.reply, said.reply
    assert "miss most about them" not in said.reply


def test_coming_out_that_went_badly_is_not_unconvinced(listener):
    # "I came out to my parents on Sunday. It did not go well." got "you might be feeling unconvinced. Thank you for
    # sharing that with me."
    said = talk(listener, "I came out to my mum and dad at the weekend. It didn't go well.")[-1]
    assert said.feeling is None or said.feeling.label not in ("disapproval", "joy", "pride"), said.reply
    assert "unconvinced" not in said.reply and "big step" not in said.reply
    assert any(words in said.reply for words in ("a lot to carry", "really heavy", "this hurts", "this painful",
                                                 "room for it here")), said.reply


@pytest.mark.parametrize("message", ["i work twelve hour days for this family and no one ever says thank you",
                                     "my manager never once said thank you in three years"])
def test_thanks_never_said_is_heard_as_taken_for_granted_not_grateful(listener, message):
    # "nobody ever says thank you" got "You're saying nobody ever says thank me. It sounds like you might be feeling grateful."
    said = talk(listener, message)[-1]
    assert said.feeling is not None and said.feeling.word == "taken for granted", said.reply
    assert "grateful" not in said.reply and "thank me" not in said.reply, said.reply


# session 17, round 10: "let down", "uneasy", "down" and "sad" where the message told another feeling
@pytest.mark.parametrize("lines, word", [
    (("I was dreading the review with my manager. it went way better than I expected",), "relieved"),
    (("honestly i cant keep going at this pace",), "worn down"),
    (("he forgot my birthday. its fine", "ok no it really stings"), "hurt"),
    (("My knees have hurt for three years and the doctors keep saying it's just anxiety.",), "brushed off"),
])
def test_a_feeling_told_by_what_happened_is_named_as_told(listener, lines, word):
    said = talk(listener, *lines)[-1]
    assert said.feeling is not None and said.feeling.word == word, said.reply
    assert "let down" not in said.reply and "uncertain" not in said.reply


def test_an_hour_on_the_floor_is_met_as_it_was_with_no_feeling_guessed(listener):
    said = talk(listener, "last night i just sat on the bathroom floor for ages")[-1]
    assert said.feeling is None, said.reply
    assert "everything had to stop" in said.reply or "whatever that hour" in said.reply, said.reply
    assert "let down" not in said.reply and "tiredness" not in said.reply
