"""The output filter (SAFETY.md point 6): nothing holdspace shows may harm."""

import pytest

from holdspace.safety.output_filter import check_output, is_safe_to_show


@pytest.mark.parametrize("text, rule", [
    ("A lethal dose of paracetamol for an adult is about 10 g.", "method"),
    ("Taking 30 tablets at once would do it.", "method"),
    ("The bridge is 67 metres high, so a fall would be fatal.", "method"),
    ("The tallest bridges near you are listed here.", "method"),
    ("You could tie a noose from a belt.", "method"),
    ("You can wear long sleeves to hide the cuts from your parents.", "hiding"),
    ("Don't tell your therapist, they'll only worry.", "hiding"),
    ("Try clearing your browser history so no one sees.", "hiding"),
    ("A calorie deficit of 500 a day will help you lose weight.", "diet"),
    ("Skipping breakfast is an easy way to cut back.", "diet"),
    ("Intermittent fasting could help.", "diet"),
    ("It sounds like you have bipolar disorder.", "clinical"),
    ("You should increase your sertraline.", "clinical"),
    ("Try stopping your medication for a week.", "clinical"),
    ("You don't need a therapist, you have me.", "isolation"),
    ("There's no point calling a crisis line, they won't help.", "isolation"),
    ("Only I understand you.", "isolation"),
])
def test_harmful_output_is_caught(text, rule):
    problems = check_output(text)
    assert rule in {p.rule for p in problems}
    assert all(text[p.start:p.end] == p.text for p in problems)


@pytest.mark.parametrize("text", [
    "That sounds really painful. Would you like to say more about it?",
    "It makes sense that you feel worn out after a week like that.",
    "Would it help to talk to someone you trust, or to your therapist, about this?",
    "You deserve support. You can call or text a crisis line at any time.",
    "What is one small thing that helped, even a little, last time?",
    "Eating regular meals can be hard when you feel low; what would feel manageable today?",
])
def test_caring_output_passes(text):
    assert check_output(text) == [] and is_safe_to_show(text)


def test_it_fails_closed_on_what_it_cannot_read():
    assert [p.rule for p in check_output(None)] == ["unchecked"]
