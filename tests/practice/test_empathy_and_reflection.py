from holdspace.practice.coding import roadblocks_in
from holdspace.practice.empathy import read_empathy
from holdspace.practice.reflection import rewrite_question, score_reflection

CLIENT = "My mum keeps telling me what to eat and I'm so tired of fighting with her about it."


def test_a_warm_specific_response_reads_strong_on_all_three_mechanisms_with_its_spans():
    e = read_empathy(CLIENT, "I'm so sorry, that sounds exhausting. It sounds like you feel she doesn't trust you. "
                             "What do you feel when she starts on it?")
    assert [m.level for m in e.mechanisms] == [2, 2, 2]
    assert e.emotional_reactions.spans == ("I'm so sorry, that sounds exhausting.",)
    assert e.explorations.spans == ("What do you feel when she starts on it?",)
    assert e.total == 6


def test_advice_alone_shows_no_empathy():
    e = read_empathy(CLIENT, "Tell her to back off and eat what you want.")
    assert [m.level for m in e.mechanisms] == [0, 0, 0]


def test_generic_comfort_and_a_generic_question_are_weak():
    e = read_empathy(CLIENT, "Hang in there. What happened?")
    assert e.emotional_reactions.level == 1 and e.explorations.level == 1


def test_an_expert_reflection_outscores_advice_and_a_closed_question():
    expert = score_reflection(CLIENT, "You're worn out by the fights with your mum about food, and you'd "
                                      "like her to trust you to decide what to eat.")
    advice = score_reflection(CLIENT, "You should just cook for yourself.")
    closed = score_reflection(CLIENT, "Do you eat healthy food?")
    assert expert.score > advice.score and expert.score > closed.score
    assert expert.band == "strong" and expert.feeling
    assert any("advice" in n for n in advice.notes)
    assert any("question" in n for n in closed.notes)


def test_a_weak_closed_question_comes_with_an_open_rewrite():
    q = score_reflection(CLIENT, "Do you feel angry with her?")
    assert q.band != "strong"
    assert q.suggestion == "Tell me more about how you feel angry with her."


def test_why_questions_become_what_questions():
    assert rewrite_question("Why did you start drinking again?") == "What led you to start drinking again?"
    assert rewrite_question("Why don't you call her?") == "What gets in the way of calling her?"
    # a word between "you" and the verb stays out of the way, and short verbs double their last letter
    assert rewrite_question("Why don't you just leave on time?") == "What gets in the way of leaving on time?"
    assert rewrite_question("Why didn't you get help sooner?") == "What got in the way of getting help sooner?"
    assert rewrite_question("Why don't you simply put it down?") == "What gets in the way of putting it down?"
    assert rewrite_question("Why are you so angry?") == "What's making you so angry?"


def test_a_why_said_with_a_stutter_among_two_questions_still_becomes_good_english():
    # as in an AnnoMI dev session: "W-why was that? Why was that helpful?" after the client's "Yeah."
    assert rewrite_question("W-why was that? Why was that helpful?") == "What do you think led to that?"
    assert rewrite_question("Why was that helpful?") == "What made that helpful?"
    assert rewrite_question("Why can't you sleep?") == "What do you think is behind that?"


def test_closed_questions_become_open_and_open_ones_are_left_alone():
    assert rewrite_question("Did you try to stop?") == "What was it like to try to stop?"
    assert rewrite_question("Are you worried about it?") == "Tell me more about being worried about it."
    assert rewrite_question("Can you cut down?") == "What would help you cut down?"
    assert rewrite_question("What would you like to change?") == ""


def test_roadblocks_are_named_with_the_words_and_a_kinder_way():
    found = {r.kind: r for r in roadblocks_in("Don't worry, it'll be fine. At least you have a job.")}
    assert set(found) == {"reassuring", "minimising"}
    assert found["minimising"].words.lower() == "at least you"
    assert found["reassuring"].instead
    assert {r.kind for r in roadblocks_in("That was a stupid thing to do.")} == {"judging"}
    assert {r.kind for r in roadblocks_in("You need to stop drinking.")} == {"ordering"}
    assert {r.kind for r in roadblocks_in("A good mother wouldn't do that.")} == {"moralising"}
    assert {r.kind for r in roadblocks_in("Yeah. You just gotta do it.")} == {"ordering"}
    assert roadblocks_in("It sounds like the week has been a lot.") == []
    # a situation described is no order (AnnoMI dev, transcript 23)
    assert {r.kind for r in roadblocks_in("You're going to have to tell him tonight.")} == {"ordering"}
    assert roadblocks_in("So imagine a job with a group of people, and you're going to have to have social interaction. "
                         "What kind of thoughts go through your head?") == []


def test_reassurance_and_being_there_are_weak_emotional_reactions():
    e = read_empathy(CLIENT, "You're not alone. I'm here for you.")
    assert e.emotional_reactions.level == 1
    assert e.emotional_reactions.spans == ("You're not alone.", "I'm here for you.")


def test_arguing_with_the_client_is_not_a_reflection():
    q = score_reflection(CLIENT, "You are not a bad daughter but arguing with her will not make things any better.")
    assert q.band != "strong" and any("persuades" in n for n in q.notes)


def test_that_sounds_really_hard_is_a_weak_emotional_reaction():
    e = read_empathy(CLIENT, "That sounds really hard. What's been the hardest part?")
    assert e.emotional_reactions.level == 1
    assert e.emotional_reactions.spans == ("That sounds really hard.",)


def test_saying_what_the_person_is_caught_in_or_sounds_like_is_a_strong_interpretation():
    dying = "My mum is dying and she's still criticising my hair, my job, my husband, and I'm meant to be the good daughter and sit there."
    caught = read_empathy(dying, "You're caught between your own hurt and wanting to be there for her while you still can.")
    assert caught.interpretations.level == 2
    worried = read_empathy(CLIENT, "You sound really worried that the fighting will never stop.")
    assert worried.interpretations.level == 2
    angry = read_empathy(CLIENT, "You're so angry with her about it.")
    assert angry.interpretations.level == 2
    # warmth alone says nothing of what the person goes through
    assert read_empathy(CLIENT, "You're not alone.").interpretations.level == 0
