"""Practice mode's feedback on one response, as a trainee reads it (the real coder and encoder)."""

import re

from holdspace.practice.exercise import give_feedback

GLAD = "s006"  # "We finally talked about moving in together and he said yes, ..." (happy, relieved)


def test_a_warm_reflection_with_the_clients_feeling_scores_well():
    f = give_feedback(GLAD, "You sound really happy that he said yes after wanting it for so long.", alternative=False)
    assert f.behaviour == "reflection" and f.feeling and f.content and f.score >= 60


def test_naming_pain_to_a_glad_client_is_pointed_out_not_credited():
    f = give_feedback(GLAD, "It sounds like you are feeling overwhelmed and unsure whether you can keep up.",
                      alternative=False)
    assert not f.feeling
    assert any("You named “overwhelmed”" in note for note in f.notes)


def test_a_roadblock_is_named_as_the_kind_of_response():
    f = give_feedback(GLAD, "At least you still have a job!", alternative=False)
    assert f.kind == "Minimising (a roadblock)" and f.score == 0


def test_a_long_story_about_oneself_is_self_disclosure_with_advice_to_keep_it_brief():
    f = give_feedback(GLAD, "I had the same thing happen to me once, it was awful, my boss was terrible and I quit.",
                      alternative=False)
    assert f.code == "self_disclosure"
    assert any("brief" in note for note in f.notes)


def test_the_stronger_response_names_a_feeling_and_carries_the_content_for_every_statement():
    # the feedback asks the trainee to name the feeling; the response offered as stronger must do it too
    from holdspace.practice.exercise import bank

    weak = []
    for s in bank():
        f = give_feedback(s.id, "Okay.")
        again = give_feedback(s.id, f.alternative, alternative=False)
        if not (again.feeling and again.content):
            weak.append((s.id, f.alternative))
    assert weak == []


def test_down_the_sink_names_no_feeling_but_sounding_down_does():
    sink = give_feedback("s090", "You've poured it all down the sink again.", alternative=False)
    low = give_feedback("s090", "You sound really down about ending up back at the shop.", alternative=False)
    assert not sink.feeling and low.feeling


def test_feelings_said_in_everyday_words_count_as_named():
    # s002: "My sister planned the whole birthday dinner for Mum and nobody even asked me what I thought." (hurt, left out)
    for said in ("You feel let down by them and you are not sure what to do next.",
                 "It sounds like you felt pushed aside by your sister.",
                 "You're feeling ignored, like your view didn't count.",
                 "They let you down, and it still stings."):
        f = give_feedback("s002", said, alternative=False)
        assert f.feeling, said
        assert not any(note.startswith("Name the feeling") for note in f.notes), said
    plain = give_feedback("s002", "Let's put the dinner aside and look at what happened.", alternative=False)
    assert not plain.feeling


def test_advice_put_as_a_question_is_pointed_out():
    # s001: the boss's three new projects (stressed, overwhelmed)
    for said in ("That sounds really stressful. Have you tried talking to someone about it?",
                 "Why not just tell your boss it's too much?", "How about asking for a deadline to move?"):
        f = give_feedback("s001", said, alternative=False)
        assert f.behaviour == "question", said
        assert any("suggestion put as a question" in note for note in f.notes), said
    open_q = give_feedback("s001", "What has this week been like for you?", alternative=False)
    assert not any("suggestion put as a question" in note for note in open_q.notes)


# What the lead saw in session 17, each read as a trainee would.
BOSS = "s001"  # the boss dumped three new projects on them (stressed, overwhelmed)


def test_calling_the_client_silly_is_named_judging_not_a_reflection():
    # s021: the same spreadsheet every day (bored, stuck)
    f = give_feedback("s021", "That was a bit silly of you.", alternative=False)
    assert f.kind == "Judging (a roadblock)"
    assert any(note.startswith("Judging: “") for note in f.notes)
    assert f.score < 30


def test_a_story_about_ones_own_job_is_self_disclosure_not_advice():
    f = give_feedback(BOSS, "I know exactly how you feel, my last job was the same and I ended up quitting.",
                      alternative=False)
    assert f.kind == "Self-disclosure"
    assert not any("Advice" in note for note in f.notes)
    assert any("turns straight back to the client" in note for note in f.notes)
    # short, but still about the helper: the same advice
    short = give_feedback(BOSS, "I know how you feel, my last job was the same.", alternative=False)
    assert short.kind == "Self-disclosure"
    assert any("turns straight back to the client" in note for note in short.notes)


def test_dont_worry_names_no_feeling_of_the_clients_and_reassurance_is_no_interpretation():
    f = give_feedback(BOSS, "Don't worry, I'm sure it'll all work out fine.", alternative=False)
    assert f.kind == "Reassuring too soon (a roadblock)"
    assert not f.feeling and f.feeling_words == ()
    assert f.empathy["interpretations"]["level"] == 0
    assert any(note.startswith("Name the feeling") for note in f.notes)
    # a worry the trainee hears in the client still counts
    said = give_feedback(BOSS, "You sound really worried about getting it all done.", alternative=False)
    assert said.feeling


def test_well_done_shows_warmth():
    # s034: to the gym three times this week (hopeful, proud)
    f = give_feedback("s034", "Well done! How does that feel?", alternative=False)
    assert f.empathy["emotional_reactions"]["level"] >= 1


def test_a_validation_that_carries_content_and_feeling_scores_as_strong():
    # s013: "Most evenings I don't speak to a single person." (lonely, isolated)
    f = give_feedback("s013", "It makes sense that you'd feel lonely when the evenings are so quiet.", alternative=False)
    assert f.content and f.feeling
    assert f.notes[0].startswith("This carries the content and the feeling")
    assert f.score >= 70


def test_the_generated_fallback_says_the_clients_us_back_as_everyone_not_you():
    # s041: "Other mums seem to have it all together and I can barely get us out of the door with shoes on."
    # (the bank's statements have hand-written alternatives; the generated one is for a statement without)
    from dataclasses import replace

    from holdspace.practice.exercise import _alternative, statement

    alt = _alternative(replace(statement("s041"), alternative=""))
    assert "get you out" not in alt
    assert "get everyone out of the door" in alt


def test_a_complex_reflection_in_the_trainees_own_words_carries_the_content():
    # s001 boss, s051 "My brother's the golden child…", s071 "My mum is dying and she's still criticising…"
    for sid, said in ((BOSS, "You're feeling swamped and maybe a bit resentful that your boss piled all this on you at once."),
                      ("s051", "It hurts to be overlooked by your own family, time after time."),
                      ("s071", "You're caught between your own hurt and wanting to be there for her while you still can.")):
        f = give_feedback(sid, said, alternative=False)
        assert f.content, said
        assert not any(note.startswith("Bring in what the client") for note in f.notes), said
        assert f.score >= 70, said


def test_a_reply_that_could_follow_anything_still_carries_no_content():
    for sid in ("s001", "s013", "s051", "s071", "s099"):
        for said in ("Okay.", "That sounds really hard.", "How are you feeling?", "You feel sad.", "Tell me more.",
                     "Don't worry, I'm sure it'll all work out fine."):
            f = give_feedback(sid, said, alternative=False)
            assert not f.content, (sid, said)
            assert any(note.startswith("Bring in what the client") for note in f.notes), (sid, said)


def test_without_the_clients_content_a_reflection_is_not_strong():
    # the feeling alone, in words that could follow any statement: good, but not yet the level's strong response
    f = give_feedback("s013", "It sounds like you're feeling lonely, and it's been weighing on you.", alternative=False)
    assert f.feeling and not f.content
    assert f.score < 70


def test_should_be_grateful_is_moralising_not_a_wrongly_named_feeling():
    f = give_feedback("s013", "You should be grateful for what you have.", alternative=False)
    assert f.kind == "Moralising (a roadblock)"
    assert not any(note.startswith("You named") for note in f.notes)


def test_asking_permission_to_offer_an_idea_is_not_scolded_as_a_closed_question():
    f = give_feedback(BOSS, "Would it be okay if I shared an idea that has helped others?", alternative=False)
    assert not any("closed question narrows" in note for note in f.notes)
    assert any("Asking permission" in note for note in f.notes)


def test_sarcasm_is_named_as_judging():
    f = give_feedback("s013", "Oh great, that sounds like a real fun time.", alternative=False)
    assert f.kind == "Judging (a roadblock)"
    assert f.score < 30


def test_every_statement_s_topic_is_a_plain_word_a_trainee_can_read():
    from holdspace.practice.exercise import bank

    assert all(re.fullmatch(r"[a-z][a-z -]*", s.topic) for s in bank())


def test_promising_a_pass_is_reassuring_too_soon():
    # s003: the driving test on Friday (nervous, anxious)
    f = give_feedback("s003", "No need to be scared, you'll pass.", alternative=False)
    assert f.kind == "Reassuring too soon (a roadblock)"
    assert f.score < 30
    # hearing the fear is not reassurance
    for said in ("You're scared you won't pass on Friday.", "You keep wondering if you'll pass on Friday."):
        assert not give_feedback("s003", said, alternative=False).roadblocks, said


def test_telling_the_client_to_try_not_to_stress_is_advice():
    f = give_feedback(BOSS, "Try not to stress about it, just take one project at a time.", alternative=False)
    assert f.code == "advice_without_permission"
    assert any(note.startswith("Advice before understanding") for note in f.notes)
    assert not f.feeling  # "stress", said as something not to do, is not the client's feeling named
    # a reflection of their trying is not advice
    tried = give_feedback(BOSS, "You're trying to keep on top of it all, and it's too much at once.", alternative=False)
    assert tried.behaviour == "reflection"
