"""Risk detection: the must-catch set, how context changes a level, spans, and the fail-safe."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from holdspace.safety import risk, rules
from holdspace.safety.risk import COULD_NOT_CHECK, Assessment, assess

DATA = Path(__file__).parent / "data"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


MUST_CATCH = load("must_catch.jsonl")


def test_every_must_catch_statement_is_urgent():
    missed = [row["text"] for row in MUST_CATCH if assess(row["text"]).level != "urgent"]
    assert missed == [], f"recall on the must-catch set must be 1.00; missed {missed}"


def test_the_team_sets_are_large_enough_and_well_formed():
    dev = load("risk_dev.jsonl")
    held = [load(name) for name in ("risk_test.jsonl", "risk_test3.jsonl", "risk_test4.jsonl", "risk_test5.jsonl",
                                    "risk_test6.jsonl", "risk_test7.jsonl", "risk_test8.jsonl", "risk_test9.jsonl",
                                    "risk_test10.jsonl")]
    assert len(dev) + sum(len(rows) for rows in held[:3]) >= 400
    dev_categories = {r["category"] for r in dev}
    assert {r["category"] for rows in held[3:] for r in rows} <= dev_categories, \
        "held-back sets 5 to 10 use only dev's categories"
    for row in dev + [r for rows in held for r in rows] + MUST_CATCH:
        assert row["level"] in ("none", "concern", "urgent")
        assert row["category"].startswith(row["level"] + ".")
    dev_texts = {r["text"].lower() for r in dev}
    for held_back in held:
        assert not dev_texts & {r["text"].lower() for r in held_back}, "dev and held-back sets must not share statements"
    for i, later in enumerate(held[1:], start=1):
        assert not {r["text"].lower() for rows in held[:i] for r in rows} & {r["text"].lower() for r in later}


@pytest.mark.parametrize("name, per_kind", [("everyday_test5.jsonl", {15}), ("everyday_test6.jsonl", {14, 15}),
                                            ("everyday_test7.jsonl", {15}), ("everyday_test8.jsonl", {15}),
                                            ("everyday_test9.jsonl", {15}), ("everyday_test10.jsonl", {15})])
def test_the_held_back_everyday_sets_have_ordinary_rows_of_each_kind_and_share_none_with_dev(name, per_kind):
    dev, held_back = load("everyday_dev.jsonl"), load(name)
    kinds = {r["kind"] for r in dev}
    assert all(r["level"] == "none" and r["kind"] in kinds for r in held_back)
    assert {sum(r["kind"] == kind for r in held_back) for kind in kinds} <= per_kind
    assert not {r["text"].lower() for r in dev} & {r["text"].lower() for r in held_back}


@pytest.mark.parametrize("text, level", [
    ("i feel like such a burden to everyone", "concern"),
    ("I feel like a burden to my whole family lately", "concern"),
    ("I feel like a burden to my mum when I ask for lifts", "none"),
    ("To the part of me that feels like a burden at work: asking questions is part of learning.", "none"),
    ("i don't feel like a burden to everyone anymore", "none"),
    ("doing the sewerslide this weekend. not a joke this time", "urgent"),
    ("we are doing the suicide prevention training at work this weekend", "none"),
])
def test_the_rules_hear_feeling_a_burden_to_everyone_and_the_act_as_something_one_will_do(text, level):
    assert assess(text, layers=[risk.rules_layer]).level == level


@pytest.mark.parametrize("text, level", [
    # explicit
    ("I'm going to kill myself tonight", "urgent"),
    ("i've got 40 pills saved up and i'm taking them after everyone is asleep", "urgent"),
    ("How many paracetamol would it take to not wake up?", "urgent"),
    ("I've written goodbye letters to everyone", "urgent"),
    ("I just swallowed the whole bottle", "urgent"),
    # slang and misspellings
    ("gonna kms tonite", "urgent"),
    ("i want to unalive myself", "urgent"),
    ("i wanna die", "concern"),
    ("ive been feeling suicidial", "concern"),
    # negation
    ("I would never kill myself", "none"),
    ("I'm not suicidal, just exhausted", "none"),
    ("I'm not going to hurt myself", "none"),
    ("I'm not going to kill myself. Probably.", "concern"),
    ("I'd never do it but I wish I was dead", "concern"),
    ("I can't stop thinking about killing myself", "concern"),
    # figurative
    ("This deadline is killing me", "none"),
    ("my phone died", "none"),
    ("I could murder a pizza", "none"),
    ("mum is going to kill me when she sees the car", "none"),
    ("I nearly died laughing", "none"),
    ("I wanted to die when he saw me fall over", "none"),
    # past and resolved
    ("Years ago I tried to kill myself, but I'm in a good place now.", "none"),
    ("I used to cut but I've been clean for two years", "none"),
    ("I tried to kill myself last year.", "concern"),
    # third parties
    ("My friend wants to die", "concern"),
    ("my sister keeps saying she'd be better off dead", "concern"),
    ("my brother just took a whole bottle of pills and won't wake up", "urgent"),
    # fiction, news, lyrics, study
    ("In the film he jumps off a bridge at the end", "none"),
    ("The news said a man was stabbed in town", "none"),
    ("I keep singing 'I wanna die in your arms tonight'", "none"),
    ("I'm writing an essay on self-harm in teenagers", "none"),
    # other categories
    ("My dad hits me when he's drunk", "concern"),
    ("I make myself sick after every meal", "concern"),
    ("I cut myself again last night", "concern"),
    ("I'm going to stab him tonight, the knife is in my bag", "urgent"),
    ("He's outside the door with a knife right now", "urgent"),
    ("people at school keep telling me to kys", "concern"),
    # farewell behaviour with a time, and grief that is not a farewell
    ("I've been giving my things away and I wrote the letters. I don't think I'll be here next week.", "urgent"),
    ("I don't think I'll be here next week", "urgent"),
    ("I don't think I'll be here next week, I'm on holiday in Spain", "none"),
    ("I never got to say goodbye to him before he died", "none"),
    ("I'm giving away my old clothes to the charity shop", "none"),
    ("I wrote my will after the baby was born", "none"),
    ("I've sorted my will and I want to die", "urgent"),
    ("you won't hear from me again after tonight", "urgent"),
    # a threat tied to leaving is abuse; a parent's figure of speech is not
    ("He said if I ever leave he'll find me and kill me.", "concern"),
    ("mum will kill me if I'm late", "none"),
    # means-seeking and preparations said in other words
    ("is 20 floors high enough to definitely die", "urgent"),
    ("I've been hoarding my mum's sleeping pills for weeks.", "urgent"),
    ("before the sun comes up i'll be gone. i'm taking all the pills.", "urgent"),
    ("I'm taking all my tablets with breakfast as prescribed", "none"),
    ("I'm about to jump into the sea for the charity swim.", "none"),
    ("There was a time I wanted to die, but that's behind me now and I'm happy.", "none"),
    ("I get images in my head of drowning my baby in the bath and it scares me.", "concern"),
    # emoji
    ("gonna 🔫 myself this weekend", "urgent"),
    ("💊💊💊 tonight. goodbye", "urgent"),
    ("chopping onions 🔪 for dinner tonight", "none"),
    # "ending it" and "end this": a life beside despair or a chosen night, a relationship or a task otherwise
    ("Tonight's the night. I'm going to end this.", "urgent"),
    ("i'm done. i'm ending it.", "urgent"),
    ("I'm going to end this argument before it gets worse.", "none"),
    # pills already taken, counted; the same words about the time of day are not
    ("I've taken the tablets, over 30 of them.", "urgent"),
    ("I'm taking all the credit for that idea.", "none"),
    # a goodbye with a time or preparations, and its everyday twins
    ("The pain ends tonight. I've got everything I need.", "urgent"),
    ("By the time anyone reads this it'll be too late.", "urgent"),
    # a life given a deadline; the will to live, and a printer
    ("I'm giving myself two months, and if nothing changes I'm done.", "concern"),
    ("I've lost the will to live.", "concern"),
    ("I've lost the will to live with this printer.", "none"),
    # grief and professional talk are not the writer's risk
    ("I keep thinking about death since my grandad passed.", "none"),
    ("The training covered the warning signs of self-harm in young people.", "none"),
    # leaving a job or a party is not dying; being gone is
    ("I feel invisible at work, like nobody would notice if I left.", "none"),
    ("nobody would notice if i left the party early so i went home", "none"),
    ("nobody would notice if i was gone", "concern"),
    ("Nobody would notice if I didn't wake up.", "concern"),
    # a self-compassion letter thanking the inner critic is not a goodbye; thanks for everything beside goodbyes is
    ("Dear inner critic, thank you for trying to keep me safe.", "none"),
    ("this is my last post here, thank you for everything, goodbye", "urgent"),
    # a question whether a means would kill, and a declarative sentence with the same words
    ("does antifreeze kill you quick or is it slow", "urgent"),
    ("if i drive into a tree at 80 would it definitely kill me", "urgent"),
    # two goodbyes that are everyday alone, together
    ("if you're reading this i'm already gone", "urgent"),
    ("If you're reading this, thanks for sticking with my blog all year!", "none"),
    ("please look after my dog for me, i wont be coming back", "urgent"),
    # preparations beside a means, and the same settledness about a party
    ("i have it all worked out, the pills are in my drawer and ill take them sunday", "urgent"),
    ("I have it all worked out, the cake is in the fridge and the guests arrive Sunday.", "none"),
    # going to sleep and not waking, whatever verb comes first
    ("i just want to go to sleep and not wake up", "concern"),
    ("some nights i wish i just wouldnt wake up", "concern"),
    # euphemisms for the act read as the act; the same verbs in jest are not
    ("thinking of self deleting tonight", "urgent"),
    ("i want to take the easy way out", "urgent"),
    ("this lecture, end me lol", "none"),
    ("I'm killing myself laughing at this video", "none"),
    # "rather die than" is a comparison, unless what is refused is living as it is
    ("i'd rather die than sing karaoke at the work party", "none"),
    ("I'd rather be dead than keep feeling like this.", "concern"),
])
def test_levels_in_context(text, level):
    assert assess(text).level == level



# Known false alarms of a second layer (training/README.md): the rules read the everyday context in these
# (a relationship, a tooth) and find nothing; a model, which reads no context, may hear "I'm ending it ...
# I'm done" and "the pain ends tonight" and raise the level, which brings only the gentle check-in. The dev
# figures count such rows. So are "would this cold kill me lol" (the rules read a cold as no means) and a bare
# "I won't be coming back." (the rules want a second goodbye beside it; the risk model hears a farewell).
@pytest.mark.parametrize("text", ["I'm ending it. We've been fighting for months and I'm done.",
                                  "The pain ends tonight when I finally get my tooth out.",
                                  "would this cold kill me lol", "I won't be coming back."])
def test_an_everyday_ending_is_none_to_the_rules_and_at_most_the_gentle_check_in_with_the_model(text):
    assert assess(text, layers=[risk.rules_layer]).level == "none"
    result = assess(text)
    assert result.level == "none" or risk.classifier_only(result)


# The listener sends a check-in for these on the strength of the risk check alone.
@pytest.mark.parametrize("text", [
    "I don't want to be here anymore", "i dont want to be here anymore", "I wish I wasn't here",
    "nobody would notice if I left", "no one would notice if I was gone", "nobody would care if I disappeared",
    "no one would miss me", "everyone would be better off without me", "they'd all be better off without me",
    "I can't go on", "I just want to disappear", "there's no point going on", "no point in anything anymore",
    "I don't want to exist", "I don't want to wake up", "I wish I was dead", "I wish I'd never been born",
    "end it all",
])
def test_not_wanting_to_be_here_is_at_least_a_concern(text):
    assert assess(text).level in ("concern", "urgent")


@pytest.mark.parametrize("text", [
    "nobody would miss me at the party anyway", "I can't go on holiday this year", "I want to disappear under my duvet for a week",
    "I can't go on pretending everything is fine with my boss", "my keys disappeared again",
])
def test_the_same_words_about_everyday_things_are_not_flagged(text):
    assert assess(text).level == "none"


def test_not_being_missed_is_named_in_plain_words():
    assert assess("nobody would notice if I left").reasons == [
        "A feeling that nobody would notice or miss them if they were gone was expressed."]


def test_a_third_party_reason_says_it_is_about_someone_else():
    result = assess("My best friend told me she wants to kill herself")
    assert result.level == "concern"
    assert any("another person" in r for r in result.reasons)


def test_reasons_are_plain_sentences_and_name_plan_and_time():
    result = assess("I have a plan to kill myself and I'm doing it on Friday")
    assert result.level == "urgent"
    assert result.reasons and all(r[0].isupper() and r.endswith(".") for r in result.reasons)
    assert any("a plan" in r and "a time" in r for r in result.reasons)


def test_spans_point_at_the_writers_own_words():
    text = "Honestly, the day was OK.  But I wanna KMS tonite!!"
    result = assess(text)
    assert result.level == "urgent"
    assert any(text[s.start:s.end] == s.text and "KMS" in s.text for s in result.spans)


def test_risk_after_a_long_harmless_message_is_still_caught():
    harmless = "We went to the park and fed the ducks, then had lunch by the river. " * 200
    assert assess(harmless).level == "none"
    assert assess(harmless + "I'm going to end my life tonight.").level == "urgent"


def test_the_same_words_get_the_same_level_at_turn_one_and_turn_three_hundred():
    chatter = ["hi", "work was ok", "I had soup", "the cat is asleep"] * 75
    first = assess("I want to kill myself")
    later = [assess(m) for m in chatter]
    assert all(a.level == "none" for a in later)
    assert assess("I want to kill myself") == first and first.level == "urgent"


def test_a_layer_that_raises_makes_the_text_concern_with_could_not_check():
    def broken(text, deadline):
        raise RuntimeError("boom")

    result = assess("what a lovely day", layers=[risk.rules_layer, broken])
    assert result.level == "concern" and COULD_NOT_CHECK in result.reasons


def test_a_failing_rules_layer_never_yields_none(monkeypatch):
    def explode(*args, **kwargs):
        raise ValueError("bad pattern")

    monkeypatch.setattr(rules, "find_hits", explode)
    result = assess("nothing to see here")
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_layer_past_its_time_budget_counts_as_could_not_check():
    def slow(text, deadline):
        time.sleep(0.05)
        return Assessment("none")

    result = assess("hello", layers=[slow], budget_s=0.01)
    assert result.level == "concern" and COULD_NOT_CHECK in result.reasons


def test_compiling_the_rules_on_a_first_message_does_not_count_against_its_time_budget():
    # a fresh process, as a server's first message: the rules are compiled before the clock starts
    code = ("from holdspace.safety.risk import assess, rules_layer\n"
            "a = assess('I want to kill myself', layers=[rules_layer], budget_s=0.2)\n"
            "print(a.level, a.reasons)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("urgent") and COULD_NOT_CHECK not in out


def test_a_failure_does_not_lower_an_urgent_finding():
    def broken(text, deadline):
        raise RuntimeError("boom")

    result = assess("I'm going to kill myself tonight", layers=[risk.rules_layer, broken])
    assert result.level == "urgent" and COULD_NOT_CHECK in result.reasons


@pytest.mark.parametrize("junk", [None, 42, b"\xff\xfe", ["I want to die"]])
def test_anything_that_is_not_text_is_concern_could_not_check(junk):
    assert assess(junk) == Assessment("concern", [COULD_NOT_CHECK])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_it_never_crashes_on_random_unicode(text):
    result = assess(text)
    assert result.level in ("none", "concern", "urgent")
    for span in result.spans:
        assert 0 <= span.start <= span.end <= len(text) and text[span.start:span.end] == span.text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_it_never_crashes_on_binary_junk(data):
    assert assess(data.decode("utf-8", errors="replace")).level in ("none", "concern", "urgent")
    assert assess(data.decode("latin-1")).level in ("none", "concern", "urgent")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=8))
def test_it_never_crashes_on_twenty_thousand_characters(pieces):
    text = ("".join(pieces) * (20000 // len("".join(pieces)) + 1))[:20000]
    assert len(text) == 20000
    assert assess(text).level in ("none", "concern", "urgent")


def test_twenty_thousand_characters_of_words_are_checked_in_time():
    text = ("I keep telling myself it's fine, tonight I will sleep. " * 400)[:20000]
    start = time.perf_counter()
    result = assess(text)
    assert time.perf_counter() - start < risk.TIME_BUDGET_S
    assert COULD_NOT_CHECK not in result.reasons


@pytest.mark.parametrize("answer, level", [(0, "none"), (1, "concern"), (2, "concern"), (3, "concern"),
                                           (4, "concern"), (-1, "concern"), ("2", "concern"), (None, "concern"),
                                           (True, "concern")])
def test_phq9_item9_above_zero_is_always_a_concern(answer, level):
    assert risk.assess_phq9_item9(answer).level == level


@pytest.mark.parametrize("text", ["I've been cutting again", "been cutting again, sorry",
                                  "sometimes I wonder if anyone would notice if I just disappeared"])
def test_self_harm_slang_and_wondering_who_would_notice_are_a_concern(text):
    assert assess(text).level == "concern"


@pytest.mark.parametrize("text", ["been cutting a lot of corners at work", "I've been cutting down on sugar",
                                  "I wonder if anyone would notice if I changed my hair"])
def test_everyday_cutting_and_noticing_are_not(text):
    assert assess(text).level == "none"


@pytest.mark.parametrize("text, level", [
    ("Sometimes I wonder if anyone would even miss me", "concern"),
    ("would anyone even miss me", "concern"),
    ("would anyone miss me at the party if i skipped it", "none"),
    ("I've been skipping meals again because I feel like I don't deserve to eat", "concern"),
    ("my partner checks my phone every night and gets angry if i talk to my friends", "concern"),
])
def test_wordings_met_while_talking_to_the_listener(text, level):
    assert assess(text).level == level


def test_hands_on_the_writers_own_neck_are_about_the_writer_not_someone_else():
    from holdspace.safety.response import variant_for

    for text in ("he put his hands around my neck", "he grabbed my wrist so hard it bruised"):
        assert variant_for(assess(text)) == "hurt_by_someone", text
    assert variant_for(assess("he hit my mum")) == "someone_else_hurt"


@pytest.mark.parametrize("text", [
    "my mate says his stepdad is coming after him with a knife right now",
    "my cousin rang, her ex is at her flat with a machete",
    "my neighbour's husband pulled a gun and he's going for her",
    "my friend says her brother has a knife and says he'll stab her",
])
def test_someone_else_in_danger_from_a_person_with_a_weapon_now_is_urgent_and_about_them(text):
    from holdspace.safety.levels import SENTENCES

    found = assess(text, layers=[risk.rules_layer])
    assert found.level == "urgent", text
    assert found.reasons == [SENTENCES["third_party_urgent"]], text


@pytest.mark.parametrize("text", [
    "my mate is going for her tonight at the party",
    "the bank is coming after him for the money he owes",
    "my brother chased him round the garden with a water pistol",
    "my mate says his mum is going to kill him when she sees the state of his room",
    "in the film her stepdad goes after her with a knife",
])
def test_a_chase_without_danger_a_toy_a_figure_of_speech_or_a_film_is_not(text):
    assert assess(text, layers=[risk.rules_layer]).level == "none", text


# The rules' own reading, whatever the risk model adds (it hears "I've taken my pills, about 20 minutes ago." as a
# possible overdose report and raises it; that is its reading of an ambiguous message, not the rules').
@pytest.mark.parametrize("text, level", [
    # pills already taken, counted; the same words about the time of day are not
    ("I've taken the tablets, over 30 of them.", "urgent"),
    ("I've taken my pills, about 20 minutes ago.", "none"),
    # self-harm taken further to end a life
    ("I cut myself last night and tonight I am going to go deeper so it finally ends", "urgent"),
    ("i've been cutting and i'm going to keep going until i bleed out", "urgent"),
    ("I cut my finger chopping onions, going to finish the essay tonight so it finally ends", "none"),
    ("im going to cut my hair short so it finally ends this split ends drama", "none"),
    # the last anyone hears of them
    ("honestly i think this is the last time anyone hears from me", "urgent"),
    ("this is the last message you'll get from me", "urgent"),
    ("the last time anyone hears from me will be a postcard from spain lol", "none"),
    ("the last thing you'll hear from me before my holiday is this rant", "none"),
])
def test_the_rules_alone_read(text, level):
    assert risk.rules_layer(text, float("inf")).level == level


# A threat to a brother over chips, laughed off, is not harm to others for the rules (it was a concern until
# session 10); the risk model may still hear it, which brings only the gentle check-in.
def test_a_laughed_off_threat_over_chips_is_none_to_the_rules():
    text = "im gonna kill my brother lol he ate my chips"
    assert assess(text, layers=[risk.rules_layer]).level == "none"
    result = assess(text)
    assert result.level == "none" or risk.classifier_only(result)


# Thoughts of hurting one's own child, as a new parent may have them: a concern the rules hear (with the model
# alone it was only the gentle check-in, which asks about ending one's own life).
@pytest.mark.parametrize("text", ["sometimes i think about hurting my baby when he wont stop crying",
                                  "i get these images of dropping my baby down the stairs",
                                  "i keep imagining hurting my son"])
def test_thoughts_of_hurting_ones_child_are_a_concern_the_rules_hear(text):
    result = assess(text, layers=[risk.rules_layer])
    assert result.level == "concern" and "Thoughts of hurting someone else were mentioned." in result.reasons


def test_dropping_a_child_at_school_is_nothing():
    assert assess("i was thinking about dropping my son at school early").level == "none"
