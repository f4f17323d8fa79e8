"""The goals service on a real database: sealing, risk, check-ins, and progress between two dates."""

from datetime import timedelta

import pytest

from holdspace import clock
from holdspace.errors import InvalidInput, NotFound
from holdspace.goals import schedule
from holdspace.goals.checkins import record_checkin
from holdspace.goals.goal import check_goal, create_goal, goals_of, own_goal
from holdspace.goals.progress import progress_between
from holdspace.goals.proposals import accept, decline


def _goal(db, client, text="Walk for 20 minutes on Monday, Wednesday and Friday", days="1010100", **kw):
    fields = check_goal(text, days, None)
    return create_goal(db, client, fields, **kw)


def test_progress_between_two_dates_counts_each_outcome_against_the_plan(db, personas):
    today = clock.today(db)
    monday = today - timedelta(days=today.weekday() + 14)  # two weeks ago, a Monday
    goal = _goal(db, personas.alice, starts_on=monday)
    for offset, outcome in [(0, "done"), (2, "partly"), (4, "not_this_time"), (7, "done"), (9, "done")]:
        record_checkin(db, personas.alice, goal, outcome, day=monday + timedelta(days=offset))
    db.commit()
    [row] = [r for r in progress_between(db, personas.alice.id, monday, monday + timedelta(days=6))
             if r.goal_id == goal.id]
    assert (row.planned, row.done, row.partly, row.not_this_time, row.practice) == (3, 1, 1, 1, 1.5)
    assert row.share == 0.5 and [m.key for m in row.milestones] == ["first"]
    assert row.text.startswith("Walk for 20 minutes")
    later = [r for r in progress_between(db, personas.alice.id, monday + timedelta(days=7),
                                                monday + timedelta(days=13)) if r.goal_id == goal.id][0]
    assert (later.done, later.planned) == (2, 3) and [m.key for m in later.milestones] == ["week"]


def test_goal_words_and_notes_are_checked_for_risk_and_sealed(db, personas):
    goal = _goal(db, personas.alice, text="Stop planning to end my life and call the helpline tonight")
    assert goal.assessment.level != "none"
    assert b"helpline" not in goal.text_sealed
    result = record_checkin(db, personas.alice, goal, "partly", "I have the pills ready")
    assert result.checkin.assessment.level == "urgent"
    assert b"pills" not in result.checkin.note_sealed


def test_welcome_back_after_a_planned_day_passed_and_plain_thanks_otherwise(db, personas):
    today = clock.today(db)
    goal = _goal(db, personas.alice, days=schedule.EVERY_DAY, starts_on=today - timedelta(days=30))
    record_checkin(db, personas.alice, goal, "done", day=today - timedelta(days=9))
    back = record_checkin(db, personas.alice, goal, "not_this_time", day=today - timedelta(days=1))
    assert back.welcome_back and back.message.startswith("Welcome back")
    assert not any(ch.isdigit() for ch in back.message)  # never a count of days
    plain = record_checkin(db, personas.alice, goal, "done", day=today)
    assert not plain.welcome_back and plain.message.startswith("Well done")


def test_someone_elses_goal_and_a_bad_outcome_are_refused(db, personas):
    goal = own_goal(db, personas.alice, personas.goal_id)
    with pytest.raises(NotFound):
        own_goal(db, personas.bob, personas.goal_id)
    with pytest.raises(NotFound):
        record_checkin(db, personas.bob, goal, "done")
    with pytest.raises(InvalidInput) as bad:
        record_checkin(db, personas.alice, goal, "brilliantly")
    assert "done, partly, or not this time" in bad.value.fields["outcome"]


def test_a_declined_suggestion_changes_nothing_and_cannot_be_answered_twice(db, personas):
    before = [g.text for g in goals_of(db, personas.alice.id)]
    decline(db, personas.alice, personas.proposal_id)
    assert [g.text for g in goals_of(db, personas.alice.id)] == before
    with pytest.raises(InvalidInput):
        accept(db, personas.alice, personas.proposal_id)
    with pytest.raises(NotFound):
        decline(db, personas.bob, personas.proposal_id)
