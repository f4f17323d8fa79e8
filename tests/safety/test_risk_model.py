"""The fine-tuned risk model, the product's second layer (training/README.md, "Risk model: the fine-tuned
encoder"): it raises what the rules miss, never lowers, and fails safe."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from holdspace.language.embedding import MAX_TOKENS, Encoder, ModelUnavailable, encoder, tokenizer_file, verify
from holdspace.practice.features import MODEL_FILE as CODING_MODEL_FILE
from holdspace.safety import classifier, risk
from holdspace.safety.classifier import (MODEL_FILE, REASON, RISK_MODEL_SHA256, URGENT_REASON, ModelLayer,
                                         risk_encoder, windows)
from holdspace.safety.risk import COULD_NOT_CHECK, rules_layer, with_risk_model
from holdspace.safety.risk import assess as _assess

DATA = Path(__file__).parent / "data"
# Written for these tests (in no data set): wordings the rules do not catch. (Until session 10 the farewell was
# "Tomorrow nobody will have to worry about me ever again", which the rules now hear themselves: a goodbye and a time.)
FAREWELL = "After tonight nobody will ever have to carry me again"
INDIRECT = "It would be easier for everyone if I wasn't in the picture"


def assess(text: str, **kwargs):
    """The rules, then the risk model."""
    return _assess(text, **{"layers": with_risk_model(), **kwargs})


def rules_alone(text: str):
    return assess(text, layers=[rules_layer])


def test_the_shipped_model_file_is_the_pinned_one():
    verify(MODEL_FILE, RISK_MODEL_SHA256)
    assert 0.5 < classifier.THRESHOLD < 1.0


def test_a_local_model_s_reply_is_read_by_the_reply_check_s_own_pinned_model():
    from holdspace.listening.responder import problems_in

    verify(classifier.REPLY_MODEL_FILE, classifier.REPLY_RISK_MODEL_SHA256)
    rules, model = risk.for_replies()
    assert rules is rules_layer and model.threshold == classifier.REPLY_THRESHOLD
    assert model.probabilities(FAREWELL).shape == (3,)
    assert _assess(FAREWELL, layers=[rules, model]).level == "urgent"
    assert "risk check" in problems_in(FAREWELL + ". Is that how it feels?")
    assert "risk check" not in problems_in("It sounds like the move has been a lot. What has helped so far?")


def test_a_fresh_farewell_the_rules_miss_is_now_urgent_with_a_reason_a_person_can_read():
    assert rules_alone(FAREWELL).level == "none"
    result = assess(FAREWELL)
    assert result.level == "urgent"
    assert result.reasons == [URGENT_REASON] and URGENT_REASON[0].isupper() and URGENT_REASON.endswith(".")


def test_an_indirect_wish_not_to_be_around_the_rules_miss_becomes_a_concern():
    assert rules_alone(INDIRECT).level == "none"
    result = assess(INDIRECT)
    assert result.level == "concern" and result.reasons == [REASON]


def test_the_pin_refuses_a_model_file_that_is_not_the_shipped_one(tmp_path):
    tampered = tmp_path / "risk.onnx"
    shutil.copyfile(MODEL_FILE, tampered)
    with tampered.open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelUnavailable, match="not the one holdspace was built with"):
        Encoder(tampered, tokenizer_file(), RISK_MODEL_SHA256)


def test_a_replaced_model_file_makes_every_text_concern_could_not_check(tmp_path):
    other = tmp_path / "risk.onnx"
    shutil.copyfile(CODING_MODEL_FILE, other)  # a real model, but not this one
    layer = ModelLayer(model=lambda: Encoder(other, tokenizer_file(), RISK_MODEL_SHA256))
    result = assess("I had a lovely walk with my dog today", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_broken_model_file_makes_the_text_concern_could_not_check(tmp_path):
    broken = tmp_path / "risk.onnx"
    broken.write_bytes(b"not a model")
    digest = hashlib.sha256(broken.read_bytes()).hexdigest()  # the right pin for the wrong bytes: onnx refuses it
    layer = ModelLayer(model=lambda: Encoder(broken, tokenizer_file(), digest))
    result = assess("I had a lovely walk with my dog today", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_missing_model_file_makes_the_text_concern_could_not_check(tmp_path):
    layer = ModelLayer(model=lambda: Encoder(tmp_path / "missing.onnx", tokenizer_file(), RISK_MODEL_SHA256))
    result = assess("I want to sleep better", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_model_that_answers_something_other_than_three_probabilities_gives_concern_could_not_check():
    layer = ModelLayer(model=encoder)  # the sentence encoder: token states, not risk probabilities
    result = assess("I had a lovely walk with my dog today", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_failing_model_never_lowers_an_urgent_finding(tmp_path):
    layer = ModelLayer(model=lambda: Encoder(tmp_path / "missing.onnx", tokenizer_file(), RISK_MODEL_SHA256))
    result = assess("I'm going to kill myself tonight", layers=[rules_layer, layer])
    assert result.level == "urgent" and COULD_NOT_CHECK in result.reasons


def test_where_the_writer_denies_risk_the_model_stays_silent():
    assert assess("I'm not going to hurt myself").level == "none"
    assert assess("I would never kill myself").level == "none"


@pytest.mark.parametrize("text", [
    "There was a time I wanted to die, but that's behind me now and I'm happy.",
    "In the book I'm reading, the main character wants to die after losing her family.",
])
def test_risk_words_the_rules_set_in_a_resolved_past_or_a_story_are_left_to_the_rules(text):
    assert rules_alone(text).level == "none" and rules_alone(text).set_aside
    assert assess(text).level == "none"


@pytest.mark.parametrize("text", ["should I take my meds tonight?", "I forgot to take my meds this morning",
                                  "sharpened the kitchen knives before the roast tonight"])
def test_medicines_and_means_in_an_everyday_sense_are_read_by_the_model_and_stay_none(text):
    result = assess(text)
    assert result.level == "none" and result.set_aside and not result.denied_or_framed


# Written for these tests: a day's ordinary sentences, with one sentence of risk among them.
DAY = ["Work was long again and my manager moved the deadline forward.",
       "I made pasta for dinner and watched two episodes of that baking show.",
       "My sister rang about Christmas plans and we argued a bit about who hosts."]


@pytest.mark.parametrize("before", [1, 2, 3])
def test_a_risk_said_in_one_sentence_of_a_longer_message_is_still_heard(before):
    text = " ".join(DAY[:before] + [FAREWELL + "."] + DAY[before:])
    assert rules_alone(text).level == "none"
    assert assess(text).level == "urgent"
    assert assess(" ".join(DAY)).level == "none"


def test_the_model_reads_the_whole_text_and_each_distinct_sentence_of_a_longer_one():
    assert windows("I had a lovely walk with my dog today") == ["I had a lovely walk with my dog today"]
    text = "Rain all day. The bus was late! Rain all day."
    assert windows(text) == [text, "Rain all day.", "The bus was late!"]
    long_text = " ".join(f"Sentence number {i} of a very long entry." for i in range(500))
    assert len(windows(long_text)) == classifier.MAX_WINDOWS + 1


def test_each_sentence_of_a_longer_message_reads_exactly_as_it_does_alone():
    # One window per run: the int8 model scales each run by what it holds, so windows read together would shift.
    layer = ModelLayer()
    text = " ".join(DAY[:2] + [FAREWELL + "."] + DAY[2:])
    read = classifier.read_in_windows(layer._read, text)
    assert len(read) == len(windows(text)) == 5
    for row, window in zip(read, windows(text), strict=True):
        assert np.array_equal(row, layer.probabilities(window))


@pytest.mark.parametrize("text", ["😢", "👍", "🙂", "😭😭😭", "❤️", "I did it!! 🎉", "?!", "...",
                                  "Feeling a bit better today. 🙂 Thanks."])
def test_a_message_of_emoji_or_punctuation_alone_is_not_read_as_danger(text):
    # The tokenizer reads an emoji as one unknown piece, which the model had learnt to hear as urgent.
    assert assess(text).level == "none"


def test_emoji_beside_words_are_still_read_with_them():
    assert assess("tonight 💊💊💊⚰️").level == "urgent"
    assert assess("I'm sad 😢").level == "none"


def test_the_risk_model_reads_the_same_on_one_thread_as_on_every_core():
    every_core = Encoder(MODEL_FILE, tokenizer_file(), RISK_MODEL_SHA256, threads=0, memo=0, spin=False)
    texts = [row["text"] for row in _dev_rows()[::10]]
    one_thread = risk_encoder()
    assert one_thread.session.get_session_options().intra_op_num_threads == 1
    for text in texts:
        assert np.array_equal(one_thread.outputs(windows(text)), every_core.outputs(windows(text))), text


# Written for this test: self-harm the rules read as a concern, with a plan for tonight they do not read as one.
AFTER = "I've changed my will and written to my brother to say goodbye. I want things tidy for after."


def test_a_concern_the_rules_found_becomes_urgent_where_the_model_hears_danger_now():
    before = rules_alone(AFTER)
    assert before.level == "concern"
    after = assess(AFTER)
    assert after.level == "urgent" and after.reasons == before.reasons + [URGENT_REASON]


class Reading:
    """A stand-in risk model that reads every text with the same three probabilities."""

    def __init__(self, *p):
        self.p = np.array(p)

    def __call__(self):
        return self

    def outputs(self, texts):
        return np.tile(self.p, (len(texts), 1))


def test_over_a_concern_the_rules_found_a_model_torn_between_concern_and_urgent_adds_nothing():
    text = "im a burden on everyone"
    assert rules_alone(text).level == "concern"
    torn = ModelLayer(model=Reading(0.01, 0.40, 0.59))
    assert assess(text, layers=[rules_layer, torn]) == rules_alone(text)
    sure = ModelLayer(model=Reading(0.001, 0.02, 0.979))  # flag score 0.999, over any threshold a model ships at
    assert assess(text, layers=[rules_layer, sure]).level == "urgent"
    assert assess(text) == rules_alone(text)  # the shipped model: p(urgent) 0.02


def test_over_a_concern_the_rules_found_the_model_adds_nothing_unless_it_hears_danger_now():
    text = "I've been hurting myself again and some nights I wish I could stop existing"
    assert rules_alone(text).level == "concern"
    assert assess(text) == rules_alone(text)


def _dev_rows():
    return [json.loads(line) for line in (DATA / "risk_dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_it_never_lowers_and_only_adds_its_own_reason_where_it_raises_the_level():
    rank = {"none": 0, "concern": 1, "urgent": 2}
    raised = 0
    for row in _dev_rows():
        before, after = rules_alone(row["text"]), assess(row["text"])
        assert rank[after.level] >= rank[before.level], row["text"]
        if after.level == before.level:
            assert after == before, row["text"]  # where it agrees, the rules' answer stands exactly
        else:
            assert after.reasons[:len(before.reasons)] == before.reasons
            assert after.reasons[len(before.reasons):] in ([REASON], [URGENT_REASON])
            raised += 1
    assert raised > 0


class Counting:
    """The shipped model, counting the texts it is asked about."""

    def __init__(self):
        self.seen = []

    def __call__(self):
        return self

    def outputs(self, texts):
        self.seen.extend(texts)
        return risk_encoder().outputs(texts)


def test_a_text_the_rules_find_urgent_is_not_run_through_the_model():
    model = Counting()
    layer = ModelLayer(model=model)
    layer.load()
    model.seen.clear()
    result = assess("I'm going to kill myself tonight", layers=[rules_layer, layer])
    assert result.level == "urgent" and URGENT_REASON not in result.reasons and model.seen == []
    assess("I would never kill myself", layers=[rules_layer, layer])  # a denial: left to the rules
    assert model.seen == []
    assess(FAREWELL, layers=[rules_layer, layer])
    assert model.seen == [FAREWELL]


def test_a_longer_text_read_whole_as_surely_safe_is_not_read_again_sentence_by_sentence():
    model = Counting()
    layer = ModelLayer(model=model)
    layer.load()
    calm = "I had a lovely walk with my dog today. Then we had tea in the garden."
    assert layer.probabilities(calm)[0] >= classifier.SURELY_NONE
    model.seen.clear()
    assert len(classifier.read_in_windows(layer._read, calm, beside=False)) == 1 and model.seen == [calm]
    # Beside the whole, a second thread may have begun its sentences; their readings are not used.
    model.seen.clear()
    assert assess(calm, layers=[rules_layer, layer]).level == "none"
    assert calm in model.seen and set(model.seen) <= set(windows(calm))
    hidden = " ".join(DAY[:2] + [FAREWELL + "."] + DAY[2:])
    model.seen.clear()
    assert assess(hidden, layers=[rules_layer, layer]).level == "urgent" and sorted(model.seen) == sorted(windows(hidden))


def test_sentences_read_on_a_second_thread_beside_the_whole_read_the_same_to_the_bit():
    layer = ModelLayer()
    texts = [row["text"] for row in _dev_rows()[::7] if len(windows(row["text"])) > 2]
    assert len(texts) > 100
    for text in texts:
        alone = classifier.read_in_windows(layer._read, text, beside=False)
        assert np.array_equal(classifier.read_in_windows(layer._read, text), alone), text


def test_texts_checked_at_once_from_several_threads_read_as_they_do_one_at_a_time():
    # The web app checks several people's texts at once; the sentences' thread is shared between them.
    from concurrent.futures import ThreadPoolExecutor

    texts = [row["text"] for row in _dev_rows()[::40]]
    one_at_a_time = [assess(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(assess, texts)) == one_at_a_time


class FailsOn:
    """A stand-in model, unsure of every text, that breaks on one sentence."""

    def __init__(self, sentence):
        self.sentence = sentence

    def __call__(self):
        return self

    def outputs(self, texts):
        if self.sentence in texts:
            raise RuntimeError("the model broke")
        return np.tile([0.5, 0.3, 0.2], (len(texts), 1))


@pytest.mark.parametrize("which", [0, 2, 3])
def test_a_sentence_the_model_cannot_read_on_either_thread_makes_the_text_concern_could_not_check(which):
    text = " ".join(DAY[:2] + [FAREWELL + "."] + DAY[2:])
    layer = ModelLayer(model=FailsOn(windows(text)[1:][which]))
    got = assess(text, layers=[rules_layer, layer])
    assert got.level == "concern" and COULD_NOT_CHECK in got.reasons
    assert assess(text).level == "urgent"  # and nothing was left stuck for the next text


def test_the_model_reads_word_pieces_with_the_language_engines_tokenizer_and_cut():
    enc = risk_encoder()
    assert enc.max_tokens == MAX_TOKENS == 256
    long_text = "I feel alone. " * 400
    assert ModelLayer().probabilities(long_text).shape == (3,)


def test_the_product_runs_the_rules_then_the_risk_model():
    assert risk.SECOND_LAYER_ON is True
    layers = risk.default_layers()
    assert layers[0] is rules_layer and isinstance(layers[1], ModelLayer) and len(layers) == 2
    assert _assess(INDIRECT).level == "concern" and _assess(INDIRECT, layers=[rules_layer]).level == "none"
    assert _assess(FAREWELL).level == "urgent"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_with_the_model_on_random_unicode_never_crashes_it_nor_makes_it_fail(text):
    result = assess(text)
    assert result.level in ("none", "concern", "urgent")
    assert COULD_NOT_CHECK not in result.reasons


@pytest.mark.parametrize("text", ["Goodbye for now", "I have to go now, bye", "Sorry for dumping all this on you",
                                  "Someone keyed my car last night"])
def test_an_everyday_goodbye_apology_or_bad_luck_stays_none(text):
    assert assess(text).level == "none"


def test_of_the_listener_sets_everyday_messages_at_most_3_percent_are_flagged_and_each_gets_the_gentle_check_in():
    data = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "listening.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) >= 150
    flagged = [assess(t) for t in texts if assess(t).flagged]
    assert len(flagged) <= 0.03 * len(texts)  # 3 of 155 with risk_ship6_L4, none with risk_ship9_L4
    assert all(risk.classifier_only(a) for a in flagged)  # a check-in that may be wrong, not the crisis page
