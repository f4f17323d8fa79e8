"""Breathing patterns: kind errors with the valid range, exact timelines, a pacer that never drifts."""

import random

import pytest

from holdspace.errors import InvalidInput
from holdspace.mindfulness import breathing, pacer
from holdspace.mindfulness.breathing import parse_pattern, timeline


@pytest.mark.parametrize("text, durations", [
    ("4-6", (4, 0, 6, 0)), ("box", (4, 4, 4, 4)), ("4-7-8", (4, 7, 8, 0)),
    ("4-4-4-4", (4, 4, 4, 4)), (" 3.5 - 0 - 5.5 ", (3.5, 0, 5.5, 0)),
])
def test_presets_and_custom_patterns_are_read(text, durations):
    assert parse_pattern(text).durations == durations


@pytest.mark.parametrize("text, words", [
    ("4-0-0", "breathing out is 0 seconds"),
    ("abc", "'abc' isn't a breathing pattern"),
    ("60-60", "breathing in is 60 seconds; breathing out is 60 seconds"),
    ("", "Please write a breathing pattern"),
    ("4.2-6", "use whole or half seconds"),
])
def test_a_pattern_that_cant_be_paced_gets_a_clear_message_and_the_valid_range(text, words):
    with pytest.raises(InvalidInput) as caught:
        parse_pattern(text)
    message = caught.value.fields["pattern"]
    assert words in message
    assert "1 to 20 seconds" in message


def test_minutes_become_whole_breaths_and_both_lengths_at_once_are_refused():
    assert timeline(parse_pattern("4-6"), minutes=5).cycles == 30
    assert timeline(parse_pattern("4-7-8"), minutes=1).cycles == 3
    with pytest.raises(InvalidInput):
        timeline(parse_pattern("4-6"), minutes=5, cycles=3)
    with pytest.raises(InvalidInput):
        timeline(parse_pattern("4-6"), minutes=600)


def test_phases_start_exactly_where_multiplication_says_even_after_ten_minutes():
    plan = timeline(parse_pattern("4.5-0.5-5.5"), minutes=10)
    phases = list(plan.phases())
    assert [p.name for p in phases[:3]] == ["in", "hold", "out"]
    last = phases[-1]
    assert last.start == (plan.cycles - 1) * 10.5 + 5.0
    assert plan.at(last.start + 0.01) == last
    assert plan.at(plan.total) is None and plan.at(-0.1) is None


def test_the_pacer_on_a_late_waking_clock_ends_on_time_while_a_naive_one_would_drift():
    now = [0.0]
    rng = random.Random(7)

    def sleep(seconds):
        now[0] += seconds + rng.uniform(0, 0.008)

    plan = timeline(parse_pattern("box"), minutes=10)
    seen = []
    run = pacer.run(plan, clock=lambda: now[0], sleep=sleep, on_phase=seen.append)
    assert run.finished and abs(run.end_drift) < 0.010
    assert run.worst_lateness < 0.010
    assert len(seen) == len(list(plan.phases()))


def test_the_pacer_can_be_stopped_and_says_how_long_it_ran():
    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    plan = timeline(parse_pattern("4-6"), cycles=10)
    run = pacer.run(plan, clock=lambda: now[0], sleep=sleep, stop=lambda: now[0] >= 12)
    assert not run.finished and 12 <= run.elapsed < 12.2


def test_the_cli_explains_a_bad_pattern_and_prints_a_plain_schedule(cli):
    bad = cli("breathe", "60-60")
    assert bad.exit_code == 1 and "1 to 20 seconds" in bad.output
    plan = cli("breathe", "4-7-8", "--cycles", "2", "--schedule")
    assert plan.exit_code == 0
    assert "2 breaths" in plan.output
    assert " 0:11.0  Breathe out for 8 s" in plan.output and " 0:23.0  Hold for 7 s" in plan.output


def test_the_cli_paces_a_short_session_and_says_when_it_is_done(cli):
    result = cli("breathe", "1-1", "--cycles", "1")
    assert result.exit_code == 0 and "Done: 1 breaths" not in result.output
    assert "Done:" in result.output
