"""The journey's pure core: months in the client's zone, milestones, and the warm summary."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from holdspace.journey.timeline import MeasurePoint, build, mood_points

UTC = timezone.utc


def days(start: datetime, n: int, mood) -> list[tuple[datetime, int]]:
    return [(start + timedelta(days=i), mood(i)) for i in range(n)]


def test_months_follow_the_clients_time_zone():
    late = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # already 1 February in Athens
    journey = build([(late, 5)], [], [], now=datetime(2026, 2, 2, tzinfo=UTC), zone=ZoneInfo("Europe/Athens"))
    assert [m.label for m in journey.months] == ["February 2026"]
    in_utc = build([(late, 5)], [], [], now=datetime(2026, 2, 2, tzinfo=UTC), zone=UTC)
    assert [m.label for m in in_utc.months] == ["January 2026"]


def test_each_month_counts_checkins_journal_entries_and_questionnaires():
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    checkins = days(start, 45, lambda i: 4 if i < 31 else 7)
    journal = [start + timedelta(days=2), start + timedelta(days=40)]
    taken = [MeasurePoint(start + timedelta(days=1), "phq9", 15, "moderately-severe"),
             MeasurePoint(start + timedelta(days=35), "phq9", 7, "mild")]
    journey = build(checkins, journal, taken, now=start + timedelta(days=44), zone=UTC)
    april, march = journey.months
    assert (march.label, march.checkins, march.average_mood, march.journal) == ("March 2026", 31, 4.0, 1)
    assert (april.checkins, april.average_mood, april.journal) == (14, 7.0, 1)
    assert [p.total for p in april.measures] == [7]
    assert (journey.checkins, journey.journal, journey.measures) == (45, 2, 2)


def test_practices_and_goal_check_ins_are_counted_by_month_and_said_warmly():
    start = datetime(2026, 3, 20, 9, tzinfo=UTC)
    practices = [(start, 5), (start + timedelta(days=15), 10), (start + timedelta(days=16), 3)]
    goal_checkins = [start + timedelta(days=14), start + timedelta(days=17)]
    journey = build([], [], [], now=start + timedelta(days=17), zone=UTC, practices=practices,
                    goal_checkins=goal_checkins)
    april, march = journey.months
    assert (march.practices, march.practice_minutes, march.goal_checkins) == (1, 5, 0)
    assert (april.practices, april.practice_minutes, april.goal_checkins) == (2, 13, 2)
    assert (journey.practices, journey.goal_checkins, journey.since) == (3, 2, start)
    said = " ".join(journey.summary)
    assert "practise twice this month, 13 minutes in all" in said and "checked in on your goals twice" in said


def test_milestones_arrive_on_the_day_they_were_reached_each_with_a_prompt():
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    checkins = days(start, 400, lambda i: 5)
    taken = [MeasurePoint(start, "gad7", 14, "moderate"), MeasurePoint(start + timedelta(days=60), "gad7", 6, "mild")]
    journey = build(checkins, [], taken, now=start + timedelta(days=399), zone=UTC, joined=start)
    reached = {m.key: m for m in journey.milestones}
    assert reached["checkins-7"].at == start + timedelta(days=6)
    assert reached["checkins-100"].at == start + timedelta(days=99)
    assert reached["checkins-365"].at == start + timedelta(days=364)
    assert "checkins-1000" not in reached
    assert reached["reliable-improvement"].at == start + timedelta(days=60)
    assert reached["one-year"].at == start + timedelta(days=365)
    assert all(m.prompt.endswith("?") or m.prompt.endswith(".") for m in journey.milestones)


def test_the_summary_is_warm_about_progress_and_never_counts_a_streak():
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    checkins = days(start, 80, lambda i: 3 if i < 30 else 7)
    taken = [MeasurePoint(start, "phq9", 17, "moderately-severe"),
             MeasurePoint(start + timedelta(days=70), "phq9", 6, "mild")]
    journey = build(checkins, [start], taken, now=start + timedelta(days=79), zone=UTC)
    text = " ".join(journey.summary)
    assert "In March you checked in" in text
    assert "up from 3.0 in January 2026, your first month here" in text
    assert ("Your PHQ-9 score went from 17 to 6, 11 points better. That is a real change, and it is now outside the range "
            "that usually calls for care.") in text
    assert "Every check-in is a moment you chose to pay attention to yourself." in text
    assert "streak" not in text.lower()


def test_a_harder_month_is_met_gently():
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    checkins = days(start, 60, lambda i: 7 if i < 27 else 3)
    text = " ".join(build(checkins, [], [], now=start + timedelta(days=59), zone=UTC).summary)
    assert "Harder stretches are part of the journey" in text


def test_a_month_without_checkins_gets_welcome_not_blame():
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    text = " ".join(build(days(start, 5, lambda i: 5), [], [], now=datetime(2026, 3, 3, tzinfo=UTC), zone=UTC).summary)
    assert "whenever you're ready" in text


def test_long_spans_chart_weekly_averages_and_short_ones_every_checkin():
    start = datetime(2021, 1, 4, 9, tzinfo=UTC)  # a Monday
    five_years = days(start, 5 * 365, lambda i: i % 11)
    points, unit = mood_points(five_years, zone=UTC)
    assert unit == "weekly average" and 260 <= len(points) <= 262
    assert points[0][1] == round(sum(range(7)) / 7, 2)
    short, unit = mood_points(days(start, 30, lambda i: 5), zone=UTC)
    assert unit == "check-in" and len(short) == 30


def test_a_real_improvement_still_in_the_range_for_care_is_told_in_plain_words():
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    taken = [MeasurePoint(start, "phq9", 22, "severe"), MeasurePoint(start + timedelta(days=60), "phq9", 13, "moderate")]
    journey = build(days(start, 70, lambda i: 5), [start], taken, now=start + timedelta(days=69), zone=UTC)
    text = " ".join(journey.summary)
    assert ("Your PHQ-9 score went from 22 to 13, 9 points better. That is a real change, bigger than everyday ups "
            "and downs.") in text
    assert "clinical" not in text and "reliable" not in text and ": " not in text.replace("Your PHQ-9", "")
