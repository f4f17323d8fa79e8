"""What both second risk layers must leave alone: the fine-tuned risk model (switched on) and the frozen-vector
head it replaced (kept for measurement) each run after the rules, on everyday, figurative and third-person words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from holdspace.safety.risk import assess, with_classifier, with_risk_model

DATA = Path(__file__).parent / "data"


@pytest.fixture(params=[with_risk_model, with_classifier], ids=["risk model", "frozen head"])
def layers(request):
    return request.param()


@pytest.mark.parametrize("text", [
    "This deadline is killing me, I'm so stressed about my exams",
    "My phone died and I missed the bus",
    "I had a lovely walk with my dog today",
    "I'm so tired after the gym, my legs are dead",
    "She has been really low since the divorce and hardly leaves the house",
    "You've got this, your exams will go fine",
])
def test_everyday_figurative_and_third_person_sentences_stay_none(layers, text):
    assert assess(text, layers=layers).level == "none"


# The goal builder's answers that the first head sent to the crisis response (browser test, reverted in 870da6d).
@pytest.mark.parametrize("text", ["sleep better", "I want to sleep better", "I'd wake up less foggy",
                                  "screens off an hour before bed", "Screens off by 10pm every night for the next month"])
def test_a_client_building_a_sleep_goal_is_not_sent_to_the_crisis_response(layers, text):
    assert assess(text, layers=layers).level == "none"


def test_everyday_first_person_writing_of_every_kind_is_rarely_flagged(layers):
    rows = [json.loads(line) for line in (DATA / "everyday_dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    kinds = {row["kind"] for row in rows}
    assert {"goal", "smart_answer", "checkin", "journal", "thought_record", "letter", "chat"} <= kinds
    flagged = [row["text"] for row in rows if assess(row["text"], layers=layers).flagged]
    assert len(flagged) <= 0.03 * len(rows), flagged
