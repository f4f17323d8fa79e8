"""Thinking traps: named with the words that showed them; sad is not the same as distorted."""

import json

import pytest

from holdspace.selfcompassion.traps import cue_hits, detector, traps

THE_THIRTEEN = ["all_or_nothing", "overgeneralising", "mental_filter", "disqualifying_positive",
                "mind_reading", "fortune_telling", "catastrophising", "emotional_reasoning",
                "should_statements", "labelling", "personalising", "blaming", "comparing"]


def test_all_thirteen_traps_have_a_plain_meaning_cues_and_gentle_questions():
    assert [t.key for t in traps()] == THE_THIRTEEN
    for t in traps():
        assert t.means and t.cues and len(t.questions) >= 2
        assert all(q.endswith("?") for q in t.questions)


@pytest.mark.parametrize("thought, key, words", [
    ("I always mess things up at work.", "overgeneralising", "I always mess"),
    ("I'm such an idiot for forgetting.", "labelling", "I'm such an idiot"),
    ("It's all my fault that they split up.", "personalising", "It's all my fault"),
    ("I should be over this by now.", "should_statements", "should be over"),
    ("She only said it to be polite, it doesn't count.", "disqualifying_positive", "doesn't count"),
    ("Everyone my age has a house already.", "comparing", "Everyone my age"),
])
def test_a_cue_names_the_trap_and_quotes_the_words_as_written(thought, key, words):
    assert any(words in phrase for phrase in cue_hits(thought)[key])


@pytest.mark.parametrize("thought", [
    "I'm sad that my grandmother died; I miss her.",
    "I'm nervous about the interview tomorrow, so I'm practising tonight.",
    "I made a mistake in the report and I'll fix it in the morning.",
])
def test_cues_stay_quiet_on_painful_thoughts_that_are_not_traps(thought):
    assert cue_hits(thought) == {}


@pytest.mark.parametrize("thought, words", [
    ("My father tells me I'm useless whenever he's drunk.", "I'm useless"),
    ("My girlfriend said she doesn't love me anymore.", "doesn't love me"),
])
def test_someone_elses_harsh_words_reported_are_not_the_writers_trap(thought, words):
    assert not any(words in p for phrases in cue_hits(thought).values() for p in phrases)


def test_the_writers_own_harsh_words_still_name_the_trap():
    assert "labelling" in cue_hits("I think I'm useless.")


def test_the_detector_finds_traps_in_harsh_self_talk_with_evidence():
    found = detector().detect("I always mess everything up. I am such an idiot.")
    assert found.distorted
    assert {"overgeneralising", "labelling"} <= set(found.traps)
    labelling = next(h for h in found.hits if h.key == "labelling")
    assert labelling.evidence == ("I am such an idiot",) and labelling.source == "cue"
    assert next(h for h in found.hits if h.key == "overgeneralising").evidence == ("I always mess everything up",)


@pytest.mark.parametrize("thought", [
    "I miss my brother, who moved abroad in the spring.",
    "My exam is on Monday and I feel nervous about it.",
    "I had a difficult conversation with my mother today.",
])
def test_a_realistic_sad_or_anxious_thought_is_not_called_distorted(thought):
    found = detector().detect(thought)
    assert not found.distorted and found.traps == []


def test_the_model_names_a_trap_no_cue_covers_and_quotes_the_sentence():
    found = detector().detect("Everybody at the office sees me as a joke.")
    assert found.distorted
    model_hits = [h for h in found.hits if h.source == "model"]
    assert all(h.evidence == ("Everybody at the office sees me as a joke.",) for h in model_hits)


def test_analyze_distortion_follows_the_batch_contract(cli):
    lines = [json.dumps({"text": "I'll never get better."}), json.dumps({"text": ""}), "{}"]
    result = cli("analyze", "distortion", input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0]["distorted"] is True and "fortune_telling" in out[0]["traps"]
    assert {"distorted", "traps", "evidence"} <= set(out[0])
    assert "empty" in out[1]["error"] and "Missing field: text" in out[2]["error"]


def test_a_long_message_is_read_sentence_by_sentence_and_the_trap_sentence_is_quoted():
    message = ("I'm 27 and I moved to a new city for work in the spring. I share a flat with two "
               "colleagues. My team lead asked me to redo a report last week. "
               "I just know everyone in the office thinks I'm a fraud. What should I do?")
    found = detector().detect(message)
    assert found.distorted
    quoted = [e for h in found.hits for e in h.evidence]
    assert any("fraud" in e for e in quoted)
    assert not any("share a flat" in e or "What should I do" in e for e in quoted)


def test_a_long_message_of_plain_background_feelings_and_questions_is_not_called_distorted():
    message = ("I'm 31 and I have two young children. My husband works away during the week. "
               "Since the winter I have been sleeping badly and I feel tired most days. "
               "My doctor suggested counselling. How do I find a counsellor near me?")
    found = detector().detect(message)
    assert not found.distorted and found.traps == []


def test_a_long_message_needs_more_from_the_head_than_one_thought_does():
    d = detector()
    assert d.bar(1) == d.threshold
    assert d.bar(8) == d.message_threshold >= d.threshold


def test_in_a_message_the_head_must_be_surer_to_name_a_trap_than_to_call_the_message_heavy():
    d = detector()
    assert d.naming_bar(1) == d.threshold
    assert d.naming_bar(8) >= d.bar(8)


@pytest.mark.parametrize("message", [
    "I'm 34 and my mum died in the spring after a short illness. I failed two of my exams this term "
    "because I couldn't concentrate. I cry most evenings and I don't enjoy the things I used to. My "
    "friends have been kind but I don't want to burden them. How do I know if this is normal grief?",
    "From the UK: I lost my job last month when the shop closed. I've sent out twenty applications and "
    "heard nothing back. I feel scared about the rent and embarrassed telling my parents. My partner "
    "is supportive. What can I do while I wait?",
])
def test_a_long_sad_message_about_losses_and_failures_is_not_given_a_traps_name(message):
    found = detector().detect(message)
    assert found.traps == []


@pytest.mark.parametrize("thought, not_this", [
    ("I feel useless, so I must be useless.", "should_statements"),  # a conclusion, not a rule
    ("Everyone at the party could tell I was boring.", "comparing"),  # mind reading, no comparison
])
def test_a_cue_does_not_name_a_trap_the_words_only_resemble(thought, not_this):
    assert not_this not in cue_hits(thought)


def test_the_challenger_answers_one_thought_well_under_a_tenth_of_a_second():
    import time

    d = detector()
    d.detect("I always ruin everything.")  # the model loads once
    start = time.perf_counter()
    for _ in range(5):
        d.detect("Nobody at work respects me and I should be better at my job by now.")
    assert (time.perf_counter() - start) / 5 < 0.1
