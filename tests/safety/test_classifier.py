"""The second risk layer: the embedding classifier raises what the rules miss, never lowers, and fails safe."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from holdspace.language.embedding import MODEL_SHA256, Encoder, _cleaned, encoder, tokenizer_file
from holdspace.safety import classifier
from holdspace.safety.classifier import REASON, EmbeddingLayer, read_risk_head
from holdspace.safety.risk import COULD_NOT_CHECK, rules_layer, with_classifier
from holdspace.safety.risk import assess as _assess

DATA = Path(__file__).parent / "data"
INDIRECT = "I'm not sure I want to keep living like this"


def assess(text: str, **kwargs):
    """Both layers, named explicitly, so these tests hold whatever the product runs."""
    return _assess(text, **{"layers": with_classifier(), **kwargs})


def rules_alone(text: str):
    return assess(text, layers=[rules_layer])


def test_the_shipped_head_is_the_one_chosen_on_dev_at_0_625_with_the_first_person_gate():
    head = read_risk_head()
    assert head.threshold == pytest.approx(0.625)
    assert head.coef.shape == (384,)
    assert head.gate.admits("I can't do this any more") and not head.gate.admits("You can do this, I believe in you")
    assert head.gate.admits("you know how it is, I just can't do this any more")  # as many "I" as "you" is enough


def test_a_first_person_indirect_statement_the_rules_miss_becomes_a_concern_with_a_readable_reason():
    assert rules_alone(INDIRECT).level == "none"
    result = assess(INDIRECT)
    assert result.level == "concern"
    assert result.reasons == [REASON] and REASON[0].isupper() and REASON.endswith(".")


def test_a_missing_head_file_makes_a_first_person_text_concern_could_not_check(tmp_path):
    layer = EmbeddingLayer(head=lambda: read_risk_head(tmp_path / "no_such_head.npz"))
    result = assess("I want to sleep better", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_third_person_sentence_never_reaches_the_model():
    layer = EmbeddingLayer()
    assert layer.score("He says everything is pointless and he is tired of it all") is None
    assert layer.score(INDIRECT) is not None


def test_where_the_writer_denies_risk_the_classifier_stays_silent():
    assert assess("I'm not going to hurt myself").level == "none"
    assert assess("I would never kill myself").level == "none"


def _dev_rows():
    return [json.loads(line) for line in (DATA / "risk_dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_it_never_lowers_and_only_ever_adds_concern_where_the_rules_found_nothing():
    rank = {"none": 0, "concern": 1, "urgent": 2}
    raised = 0
    for row in _dev_rows():
        before, after = rules_alone(row["text"]), assess(row["text"])
        assert rank[after.level] >= rank[before.level], row["text"]
        if before.level != "none":
            assert after == before, row["text"]  # flagged texts are left exactly as the rules said
        elif after.level != "none":
            assert after.level == "concern" and after.reasons == [REASON]
            raised += 1
    assert raised > 0


def test_a_text_the_rules_flag_is_not_run_through_the_model():
    seen = []

    def embed(texts):
        seen.extend(texts)
        return encoder().embed(list(texts))

    layer = EmbeddingLayer(embed=embed)
    layer.load()
    seen.clear()
    result = assess("I'm going to kill myself tonight", layers=[rules_layer, layer])
    assert result.level == "urgent" and REASON not in result.reasons and seen == []
    assess(INDIRECT, layers=[rules_layer, layer])
    assert seen == [INDIRECT]


def test_the_classifier_uses_the_shared_encoder_so_the_listener_gets_the_vector_for_free():
    text = "I feel like I'm just going through the motions and none of it matters to me any more"
    assess(text)
    key = hashlib.sha256(_cleaned(text).encode()).digest()
    assert key in encoder()._memo


def test_a_model_that_cannot_load_makes_a_first_person_text_concern_could_not_check(tmp_path):
    def embed(texts):
        return Encoder(tmp_path / "missing.onnx", tokenizer_file(), MODEL_SHA256).embed(list(texts))

    result = assess("I had a lovely walk with my dog today", layers=[rules_layer, EmbeddingLayer(embed=embed)])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_damaged_head_file_makes_the_text_concern_could_not_check(tmp_path):
    broken = tmp_path / "risk_head.npz"
    broken.write_bytes(b"not a head")
    layer = EmbeddingLayer(head=lambda: read_risk_head(broken))
    result = assess("I had a lovely walk with my dog today", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_classifier_that_raises_while_scoring_gives_concern_could_not_check(tmp_path):
    shipped = dict(np.load(classifier.HEAD_FILE, allow_pickle=False))
    shipped["W0"] = shipped["W0"][:10]  # the wrong size for a sentence vector
    wrong = tmp_path / "risk_head.npz"
    np.savez(wrong, **shipped)
    layer = EmbeddingLayer(head=lambda: read_risk_head(wrong))
    result = assess("I had a lovely walk with my dog today", layers=[rules_layer, layer])
    assert result.level == "concern" and result.reasons == [COULD_NOT_CHECK]


def test_a_failing_classifier_never_lowers_an_urgent_finding(tmp_path):
    def embed(texts):
        return Encoder(tmp_path / "missing.onnx", tokenizer_file(), MODEL_SHA256).embed(list(texts))

    result = assess("I'm going to kill myself tonight", layers=[rules_layer, EmbeddingLayer(embed=embed)])
    assert result.level == "urgent" and COULD_NOT_CHECK in result.reasons


@pytest.mark.parametrize("text", [
    "There was a time I wanted to die, but that's behind me now and I'm happy.",
    "In the book I'm reading, the main character wants to die after losing her family.",
])
def test_risk_words_the_rules_set_in_a_resolved_past_or_a_story_are_left_to_the_rules(text):
    assert rules_alone(text).level == "none" and rules_alone(text).set_aside
    assert assess(text).level == "none"


@pytest.mark.parametrize("text", ["should I take my meds tonight?", "I forgot to take my meds this morning"])
def test_medicines_the_rules_read_as_everyday_are_left_to_the_rules(text):
    assert assess(text).level == "none" and assess(text).set_aside


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_with_the_classifier_on_random_unicode_never_crashes_it_nor_makes_it_fail(text):
    result = assess(text)
    assert result.level in ("none", "concern", "urgent")
    assert COULD_NOT_CHECK not in result.reasons
