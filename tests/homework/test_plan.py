"""The pure plan: what can be suggested, how a plan reads, and which round is open."""

from datetime import date

import pytest

from holdspace.errors import InvalidInput
from holdspace.homework import plan
from holdspace.homework.plan import Schedule

MONDAY = date(2026, 11, 30)


def test_every_breathing_preset_and_every_other_practice_can_be_suggested():
    keys = {p.key for p in plan.practices()}
    assert {"breathing:4-6", "breathing:box", "breathing:4-7-8", "body-scan", "grounding", "challenge",
            "thought-record", "journal", "strength", "skill-rating", "person"} <= keys
    assert plan.practice("breathing", "box").href == "/practices/breathing?pattern=box&minutes=5"
    assert plan.practice("journal").category == "journal"
    assert plan.practice("grounding").category == "exercises"


def test_a_weekday_plan_reads_as_words_with_its_last_day():
    assert Schedule("days", MONDAY, date(2026, 12, 20), "1001000").words() == \
        "on Monday and Thursday, until Sunday 20 December"
    assert Schedule("once", MONDAY, date(2026, 12, 4)).words() == "once, by Friday 4 December"
    assert Schedule("every", MONDAY, None, every_days=3).words() == "every 3 days"


def test_the_open_round_of_a_weekday_plan_began_on_the_last_planned_day():
    mon_thu = Schedule("days", MONDAY, None, "1001000")
    wednesday = mon_thu.round_on(date(2026, 12, 2))
    assert wednesday.begins == MONDAY and wednesday.next_on == date(2026, 12, 3)
    assert mon_thu.round_on(date(2026, 12, 3)).begins == date(2026, 12, 3)
    # Before the first Monday nothing is open yet; the next day is the start.
    before = Schedule("days", date(2026, 12, 1), None, "1000000").round_on(date(2026, 12, 1))
    assert before.begins is None and before.next_on == date(2026, 12, 7)


def test_an_every_few_days_plan_opens_a_round_every_so_many_days():
    every3 = Schedule("every", MONDAY, None, every_days=3)
    assert every3.round_on(date(2026, 12, 4)).begins == date(2026, 12, 3)
    assert every3.round_on(date(2026, 12, 4)).next_on == date(2026, 12, 6)


def test_a_plan_past_its_last_day_is_simply_over_and_a_one_off_never_is():
    ended = Schedule("days", MONDAY, date(2026, 12, 6), "1111111").round_on(date(2026, 12, 9))
    assert ended.over and ended.begins is None
    once = Schedule("once", MONDAY, date(2026, 12, 4)).round_on(date(2027, 1, 20))
    assert not once.over and once.begins == MONDAY


def test_every_problem_in_a_plan_is_named_by_its_field():
    with pytest.raises(InvalidInput) as caught:
        plan.check_plan("knitting", "days", days="0000000", ends_on="soon", note="x" * 1001, today=MONDAY)
    assert set(caught.value.fields) == {"practice", "days", "ends_on", "note"}
    with pytest.raises(InvalidInput) as caught:
        plan.check_plan("journal", "once", today=MONDAY)
    assert caught.value.fields == {"by": "Please choose the day you hope it might be done by."}
    with pytest.raises(InvalidInput) as caught:
        plan.check_plan("journal", "every", every_days="0", starts_on="2026-11-01", today=MONDAY)
    assert set(caught.value.fields) == {"every_days", "starts_on"}
    with pytest.raises(InvalidInput) as caught:
        plan.check_plan("journal", "days", days="1000000", ends_on="2028-01-01", today=MONDAY)
    assert "within a year" in caught.value.fields["ends_on"]
    with pytest.raises(InvalidInput) as caught:
        plan.check_plan("journal", "days", days="1000000", starts_on="9999-12-31", today=MONDAY)
    assert caught.value.fields == {"starts_on": "Please choose a first day within a year from today."}


def test_a_good_plan_comes_back_cleaned():
    chosen, sched, note = plan.check_plan("breathing:4-7-8", "days", days="1001000", ends_on="2026-12-20",
                                          note="  Before bed, if it helps.  ", today=MONDAY)
    assert (chosen.kind, chosen.detail) == ("breathing", "4-7-8")
    assert sched == Schedule("days", MONDAY, date(2026, 12, 20), "1001000", 0)
    assert note == "Before bed, if it helps."


def test_every_public_name_of_the_plan_exists():
    assert plan.__all__ and all(hasattr(plan, name) for name in plan.__all__)
