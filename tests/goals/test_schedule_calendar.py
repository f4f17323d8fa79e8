"""Check-in days, milestones and the calendar feed: pure, so tested without a database."""

from datetime import date, datetime, timezone

import icalendar
import pytest

from holdspace.goals import calendar, schedule

MON = date(2026, 11, 30)  # a Monday


def test_days_read_back_in_plain_words():
    assert schedule.days_phrase(schedule.days_from_keys(["daily"])) == "every day"
    assert schedule.days_phrase(schedule.days_from_keys(["mon", "wed", "fri"])) == "on Monday, Wednesday and Friday"
    assert schedule.days_phrase(schedule.days_from_keys(["sun"])) == "every Sunday"
    assert schedule.days_phrase("1111100") == "on weekdays"


def test_planned_days_count_only_the_chosen_weekdays():
    mwf = schedule.days_from_keys(["mon", "wed", "fri"])
    assert schedule.planned_between(mwf, MON, date(2026, 12, 13)) == 6
    assert schedule.planned_between(mwf, date(2026, 12, 1), date(2026, 12, 1)) == 0
    assert schedule.planned_between(schedule.EVERY_DAY, MON, date(2026, 12, 29)) == 30


def test_welcome_back_only_when_a_planned_day_passed_and_it_never_says_how_many():
    mwf = schedule.days_from_keys(["mon", "wed", "fri"])
    assert not schedule.missed_since(mwf, MON, date(2026, 12, 2))  # Monday, then Wednesday: nothing missed
    assert schedule.missed_since(mwf, MON, date(2026, 12, 4))  # Wednesday passed
    assert schedule.missed_since(mwf, MON, date(2027, 3, 1)) is True  # a bool, never a count


def test_milestones_celebrate_the_first_check_in_a_weeks_practice_halfway_and_done():
    mwf = schedule.days_from_keys(["mon", "wed", "fri"])
    end = date(2026, 12, 27)  # 12 planned days
    checkins = [(MON, "done"), (date(2026, 12, 2), "not_this_time"), (date(2026, 12, 4), "done"),
                (date(2026, 12, 7), "partly"), (date(2026, 12, 9), "done"), (date(2026, 12, 11), "done"),
                (date(2026, 12, 14), "done"), (date(2026, 12, 16), "done")]
    found = schedule.milestones(mwf, MON, end, checkins, completed_on=date(2026, 12, 27))
    assert [(m.key, m.reached_on) for m in found] == [
        ("first", MON), ("week", date(2026, 12, 9)), ("halfway", date(2026, 12, 16)), ("done", date(2026, 12, 27))]
    assert all(m.message and "missed" not in m.message.lower() for m in found)
    assert schedule.milestones(mwf, MON, end, []) == []


def test_a_not_this_time_check_in_still_counts_as_showing_up_but_not_as_practice():
    found = schedule.milestones("1111111", MON, None, [(MON, "not_this_time")])
    assert [m.key for m in found] == ["first"]


def test_weekly_progress_counts_practice_and_plan_per_week():
    points = schedule.weekly_progress("1010100", date(2026, 12, 2), date(2026, 12, 13),
                                      [(date(2026, 12, 2), "done"), (date(2026, 12, 4), "partly"),
                                       (date(2026, 12, 4), "done"), (date(2026, 12, 9), "done")])
    assert [(p.starts, p.planned, p.practice) for p in points] == [
        (MON, 2, 2.0), (date(2026, 12, 7), 3, 1.0)]


def _reminder(**kw):
    base = dict(uid="goal-abc@holdspace", days="1010100", starts=date(2026, 12, 1), ends=date(2027, 3, 31),
                at="19:00", changed=datetime(2026, 11, 29, tzinfo=timezone.utc))
    return calendar.Reminder(**{**base, **kw})


def test_the_feed_is_valid_icalendar_with_weekly_check_ins_and_no_private_words():
    text = calendar.feed([_reminder(), _reminder(uid="goal-def@holdspace", days="0000001", ends=None, at="08:30")],
                         now=datetime(2026, 11, 29, 12, tzinfo=timezone.utc))
    assert text.endswith("\r\n") and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text)
    assert parsed["VERSION"] == "2.0" and parsed["PRODID"]
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 2
    first, second = events
    assert str(first["SUMMARY"]) == calendar.SUMMARY == "holdspace: goal check-in"
    assert first.decoded("DTSTART") == datetime(2026, 12, 2, 19, 0)  # the first Wednesday, floating time
    assert first["RRULE"]["FREQ"] == ["WEEKLY"] and first["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    assert first["RRULE"]["UNTIL"][0] == datetime(2027, 3, 31, 23, 59, 59)
    assert "UNTIL" not in second["RRULE"] and second.decoded("DTSTART") == datetime(2026, 12, 6, 8, 30)
    assert list(first.walk("VALARM"))[0]["ACTION"] == "DISPLAY"
    for event in events:
        assert set(event) >= {"UID", "DTSTAMP", "DTSTART"}


@pytest.mark.parametrize("reminder", [_reminder(days="0000000"), _reminder(starts=date(2027, 4, 1))])
def test_goals_without_days_or_already_over_are_left_out(reminder):
    parsed = icalendar.Calendar.from_ical(calendar.feed([reminder], now=datetime(2026, 11, 29, tzinfo=timezone.utc)))
    assert list(parsed.walk("VEVENT")) == []


def test_a_weeks_practice_takes_a_week_even_for_a_once_a_week_goal():
    sundays = schedule.days_from_keys(["sun"])
    first = date(2026, 12, 6)
    assert [m.key for m in schedule.milestones(sundays, first, None, [(first, "done")])] == ["first"]
    two = schedule.milestones(sundays, first, None, [(first, "done"), (date(2026, 12, 13), "done")])
    assert [m.key for m in two] == ["first", "week"]
