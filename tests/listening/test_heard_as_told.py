"""Heard as it was told, with the real emotion model: a test result is no exam, good news with a cost is both, words said
with an edge are not said back as if meant, a death told plainly is grief without a shock it never spoke of, and a
sigh is met gently rather than named with certainty (session 20)."""

import pytest

from tests.listening.stand_ins import talk


@pytest.fixture
def listener(real_listener):
    return real_listener


STUDIES = ("studies", "studying", "exam", "revision")


@pytest.mark.parametrize("line", [
    "my test came back positive",
    "my covid test came back positive",
    "the pregnancy test was positive",
    "i tested positive this morning",
    "just found out my test came back positive",
])
def test_a_positive_test_is_not_asked_about_studies_and_its_meaning_is_left_to_them(listener, line):
    # "my test came back positive" got "How have your studies been going for you lately?"
    said = talk(listener, line)[-1]
    assert said.topic != "study" and not any(word in said.reply.lower() for word in STUDIES), said.reply
    # good or bad news is theirs to say: no feeling guessed at, and asked how it sits with them
    assert said.feeling is None, said.reply
    assert "feeling about it" in said.question, said.reply


def test_a_test_at_school_is_still_studies(listener):
    said = talk(listener, "i have a maths test tomorrow and i haven't revised at all")[-1]
    assert said.topic == "study", said.reply


@pytest.mark.parametrize("line", [
    "i got the promotion but it means moving away from everyone",
    "I got the promotion!! but it means moving away from everyone",
    "got offered the job in london but i'd have to leave my family behind",
    "i got into my dream uni but it's 300 miles from my girlfriend",
    "we got engaged but my parents don't know yet and they won't be happy",
])
def test_good_news_with_a_cost_is_heard_as_both(listener, line):
    # "i got the promotion but it means moving away from everyone" got "down ... That's a lot to carry. What's been
    # happening at work that weighs on you most?"; "...dream uni but it's 300 miles from my girlfriend" got "excited"
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.intensity == "mixed", said.reply
    assert " and " in said.feeling.word, said.reply
    assert "a lot to carry" not in said.reply and "weighs on you" not in said.reply, said.reply


@pytest.mark.parametrize("line, gush", [
    ("oh great, another wonderful monday", "wonderful"),
    ("oh great, another wonderful monday!", "wonderful"),
    ("oh great, i just love coming home to an empty house", "love"),
    ("yeah because being ignored all day is SO much fun", "fun"),
    ("fantastic, the car broke down again. love that", "love"),
    ("wonderful. another rejection email. my favourite", "favourite"),
    ("oh joy, another lovely family dinner", "lovely"),
])
def test_words_said_with_an_edge_are_not_said_back_as_if_meant(listener, line, gush):
    # "oh great, another wonderful monday" got "You're saying it's another wonderful Monday."
    said = talk(listener, line)[-1]
    assert "doesn't sit easy" in said.reply or "more under those words" in said.reply, said.reply
    # said back as plain fact, or quoted as theirs; never in the listener's own voice
    unquoted = said.reflection.split('"')[::2]
    assert not any(gush in part.lower() for part in unquoted), said.reflection


def test_what_happened_is_still_said_back_without_the_edge(listener):
    said = talk(listener, "oh great, another wonderful monday")[-1]
    assert "monday" in said.reflection.lower(), said.reply
    said = talk(listener, "fantastic, the car broke down again. love that")[-1]
    assert "car broke down" in said.reflection, said.reply


@pytest.mark.parametrize("line", ["my grandma died", "My grandma died yesterday.", "my grandad passed away last night",
                                  "my mum died last night", "my husband died this morning"])
def test_a_death_told_plainly_is_grief_without_a_shock_it_never_spoke_of(listener, line):
    # "My grandma died yesterday." got "shocked and heartbroken"
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.label == "grief", said.reply
    assert "shock" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["my grandma died suddenly", "my dad died unexpectedly last night",
                                  "my best friend died out of nowhere on saturday", "I can't believe she's gone"])
def test_a_death_told_as_sudden_is_heard_as_a_shock(listener, line):
    said = talk(listener, line)[-1]
    assert said.feeling is not None and said.feeling.word == "shocked and heartbroken", said.reply


@pytest.mark.parametrize("line", ["ugh", "Ugh.", "ughhh", "urgh", "ugh!!", "sigh"])
def test_a_sigh_alone_is_met_gently_not_named_with_certainty(listener, line):
    # "ugh" got "It sounds like you might be feeling irritated. It makes sense that it's got to you."
    said = talk(listener, line)[-1]
    assert said.feeling is None, said.reply
    assert "irritated" not in said.reply and "got to you" not in said.reply, said.reply
    assert said.reply.endswith("?"), said.reply


def test_a_sigh_after_a_story_goes_on_with_the_story(listener):
    said = talk(listener, "my boss yelled at me in front of everyone today", "ugh")[-1]
    assert "what's behind it" not in said.reply.lower() and "irritated" not in said.reply, said.reply


def test_a_sigh_part_way_through_names_no_feeling_of_its_own(listener):
    said = talk(listener, "work was awful", "ughhh")[-1]
    assert "irritated" not in said.reply, said.reply


def test_good_news_told_in_a_sentence_of_its_own_is_said_back_with_its_cost(listener):
    # "I got the promotion!! but it means moving away from everyone" got only "You're saying it means moving away from
    # everyone."
    said = talk(listener, "I got the promotion!! but it means moving away from everyone")[-1]
    assert "promotion" in said.reflection and "moving away" in said.reflection, said.reply


# --- heard as a person would hear it: the worst of forty new messages (session 20) -------------------------------------

@pytest.mark.parametrize("line", ["thanks for nothing, really helpful", "thanks for nothing", "cheers for nothing",
                                  "wow, really helpful. thanks a lot", "oh yeah, so helpful"])
def test_thanks_said_with_an_edge_is_heard_as_the_listener_missing_the_mark(listener, line):
    # "thanks for nothing, really helpful" got "deeply grateful ... That sounds like it really matters to you"
    said = talk(listener, "my boss yelled at me today", line)[-1]
    assert said.feeling is None or said.feeling.label not in ("gratitude", "joy", "admiration"), said.reply
    assert "grateful" not in said.reply and "really matters" not in said.reply, said.reply
    assert "welcome" not in said.reply and "glad" not in said.reply.lower(), said.reply
    assert "missed the mark" in said.reply or "not been much help" in said.reply, said.reply


def test_thanks_meant_is_still_thanks(listener):
    said = talk(listener, "my boss yelled at me today", "thanks, that was really helpful")[-1]
    assert "missed the mark" not in said.reply and "not been much help" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["the pregnancy test was negative again", "another negative pregnancy test",
                                  "my pregnancy test came back negative", "got a negative test again this month"])
def test_a_negative_pregnancy_test_is_not_assumed_a_relief(listener, line):
    # "the pregnancy test was negative again" got "relieved ... That sounds like it really matters to you": for someone
    # trying for a baby it is the opposite
    said = talk(listener, line)[-1]
    assert said.feeling is None or said.feeling.label not in ("relief", "joy"), said.reply
    assert "relieved" not in said.reply and "really matters" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["lovely, another 12 hour shift", "cool cool cool. nobody replied",
                                  "nice, another 3am wake up", "brill, the bus is late again"])
def test_short_english_with_an_edge_is_not_taken_for_another_language(listener, line):
    # "lovely, another 12 hour shift" got "I'm sorry - I can only understand English so far"
    said = talk(listener, line)[-1]
    assert "only understand English" not in said.reply, said.reply
    # ...nor, once read, heard as glad ("lovely, another 12 hour shift" then got "fond ... good to hear")
    assert said.feeling is None or said.feeling.label not in ("love", "joy", "excitement", "admiration"), said.reply
    assert "good to hear" not in said.reply and "made you smile" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["oh wonderful, another grandchild on the way", "brilliant, another win for the team"])
def test_another_of_something_glad_is_not_taken_for_an_edge(listener, line):
    said = talk(listener, line)[-1]
    assert "doesn't sit easy" not in said.reply and "more under those words" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["my ex is getting married", "my ex got engaged", "my ex is having a baby with her new boyfriend",
                                  "just found out my ex is getting married"])
def test_an_exs_good_news_is_not_heard_as_the_clients_excitement(listener, line):
    # "my ex is getting married" got "excited ... That sounds like it really matters to you. What does this mean to you?"
    said = talk(listener, line)[-1]
    assert said.feeling is None or said.feeling.label not in ("excitement", "joy", "pride"), said.reply
    assert "excited" not in said.reply and "really matters" not in said.reply, said.reply


@pytest.mark.parametrize("line, pet", [("we had to put our dog to sleep yesterday", "your dog"),
                                       ("we had our cat put to sleep this morning", "your cat"),
                                       ("had to have my dog put to sleep", "your dog")])
def test_a_pet_put_to_sleep_is_a_loss_not_a_health_matter(listener, line, pet):
    # "we had to put our dog to sleep yesterday" got "down ... How has this been affecting your days?"
    said = talk(listener, line)[-1]
    assert said.topic == "loss" and said.feeling is not None and said.feeling.label == "grief", said.reply
    assert "affecting your days" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["my mum keeps nagging and that's not helping", "my dad said you're useless at maths"])
def test_not_helping_said_of_someone_else_is_not_taken_as_about_the_listener(listener, line):
    said = talk(listener, line)[-1]
    assert "missed the mark" not in said.reply and "not been much help" not in said.reply, said.reply


@pytest.mark.parametrize("line", ["wow, thats really helpful, thank you!", "that was really helpful, thank you",
                                  "honestly this helped, thanks"])
def test_thanks_at_the_end_of_a_sentence_is_still_thanks(listener, line):
    # "wow, thats really helpful, thank you!" got "You're saying that's really helpful, thank me. ... deeply grateful"
    said = talk(listener, "my boss yelled at me today", line)[-1]
    assert "thank me" not in said.reply and "grateful" not in said.reply, said.reply
    assert not said.reflection, said.reply


@pytest.mark.parametrize("line", ["my kid has been refusing to go to school", "my son keeps getting detention at school",
                                  "my daughter is failing her exams and won't talk to me"])
def test_a_childs_school_is_not_asked_about_as_the_clients_studies(listener, line):
    # "my kid has been refusing to go to school" got "What part of your studies is weighing on you most?"
    said = talk(listener, line)[-1]
    assert "your studies" not in said.reply, said.reply


@pytest.mark.parametrize("line, said_back", [
    ("Me I am very tired because my work is too much", "you are very tired"),
    ("me i am so lonely in this city", "you are so lonely"),
])
def test_me_i_am_in_second_language_english_is_said_back_once(listener, line, said_back):
    # "Me I am very tired because my work is too much" got "You're saying you you are very tired ..."
    said = talk(listener, line)[-1]
    assert "you you" not in said.reply.lower() and said_back in said.reflection, said.reply
