"""The shipped emotion model, run for real (loaded once per test session)."""

import numpy as np
import pytest

from holdspace.language.emotions import FAMILIES, LABELS, emotion_detector, family_of


@pytest.fixture(scope="session")
def detector():
    return emotion_detector()


@pytest.mark.parametrize("text, label, family", [
    ("Thank you so much, this really helped me!", "gratitude", "joy"),
    ("I'm so angry at him for lying to me again.", "anger", "anger"),
    ("My grandmother died last night and I can't stop crying.", "sadness", "sadness"),
    ("I'm really scared about the surgery tomorrow.", "fear", "fear"),
    ("Wow, I did not expect that at all!", "surprise", "surprise"),
    ("The meeting is at 3pm in room 4.", "neutral", "neutral"),
])
def test_clear_sentences_get_the_expected_emotion_and_family(detector, text, label, family):
    found = detector.detect_one(text)
    top = [l for l, _ in found.ranked()[:3]]
    assert label in top, found.ranked()[:3]
    assert found.family == family


def test_every_label_is_scored_best_first_and_labels_pass_their_threshold(detector):
    found = detector.detect_one("I love this so much, you made my day!")
    ranked = found.ranked()
    assert [l for l, _ in ranked] != list(LABELS) and len(ranked) == 28
    assert all(a[1] >= b[1] for a, b in zip(ranked, ranked[1:]))
    assert found.labels and set(found.labels) <= set(LABELS)
    assert found.family in FAMILIES


def test_a_text_scores_the_same_whatever_else_is_analysed_with_it(detector):
    texts = ["I'm nervous about tomorrow", "haha that's hilarious", "ok", "I miss her so much"]
    together = detector.probabilities(texts)
    alone = np.stack([detector.probabilities([t])[0] for t in texts])
    # int8 activations are scaled per run; sharing a run would let one text move another's scores
    assert np.allclose(together, alone, rtol=0, atol=1e-6)
    assert np.array_equal(detector.detect(texts)[3].labels, detector.detect(texts[3:])[0].labels)


def test_odd_input_gets_a_result_not_a_crash(detector):
    for text in ["", "😢", "x" * 20000, "Je suis vraiment triste aujourd'hui.", "\x00\x01\x02\x7f"]:
        found = detector.detect_one(text)
        assert len(found.scores) == 28 and found.family in FAMILIES


def test_every_label_has_a_family():
    assert {family_of(label) for label in LABELS} == set(FAMILIES)
