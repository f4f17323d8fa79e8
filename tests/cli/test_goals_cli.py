"""`holdspace goals` from the terminal: the same goals, check-ins and milestones as the web app."""

import json

from holdspace.goals.goal import goals_of

PASSWORD = "correct horse battery\n"


def test_a_client_adds_a_goal_checks_in_and_sees_the_first_milestone(cli, personas, db):
    added = cli("goals", "add", "Stretch for five minutes every morning", "--day", "daily", "--confidence", "8",
                "--email", "alice@example.org", "--password-stdin", input=PASSWORD)
    assert added.exit_code == 0, added.output
    assert "check in every day" in added.output and "By when?" in added.output
    goal_id = max(g.id for g in goals_of(db, personas.alice.id))
    checked = cli("goals", "checkin", str(goal_id), "done", "--note", "easy today",
                  "--email", "alice@example.org", "--password-stdin", input=PASSWORD)
    assert checked.exit_code == 0, checked.output
    assert "Well done" in checked.output and "Your first check-in" in checked.output
    listed = [json.loads(line) for line in cli("goals", "list", "--json", "--email", "alice@example.org",
                                                "--password-stdin", input=PASSWORD).output.splitlines()]
    mine = next(g for g in listed if g["id"] == goal_id)
    assert mine["milestones"] == ["first"] and mine["due_today"] is False


def test_bad_goals_and_outcomes_are_one_kind_line_before_any_password(cli, personas):
    one_word = cli("goals", "add", "Exercise", "--email", "alice@example.org")
    assert one_word.exit_code == 1 and "one-word goal" in one_word.output and "Traceback" not in one_word.output
    past = cli("goals", "add", "Walk on Sundays", "--until", "2001-01-01", "--email", "alice@example.org")
    assert past.exit_code == 1 and "already passed" in past.output
    outcome = cli("goals", "checkin", "1", "perfectly", "--email", "alice@example.org")
    assert outcome.exit_code == 1 and "done, partly, or not this time" in outcome.output


def test_someone_elses_goal_is_not_found(cli, personas):
    result = cli("goals", "checkin", str(personas.goal_id), "done", "--email", "bob@example.org",
                 "--password-stdin", input=PASSWORD)
    assert result.exit_code == 1 and "couldn't find" in result.output


def test_goals_analyze_reads_the_wording_without_an_account(cli):
    result = cli("goals", "analyze", "be happier")
    assert result.exit_code == 0 and "By when?" in result.output and "specific" in result.output


def test_a_mistyped_check_in_day_is_named_and_no_goal_is_saved(cli, personas, db):
    result = cli("goals", "add", "Walk for twenty minutes", "--day", "mon", "--day", "funday",
                 "--email", "alice@example.org", "--password-stdin", input=PASSWORD)
    assert result.exit_code == 2 and "'funday' isn't a day of the week" in result.output
    assert goals_of(db, personas.alice.id) == [] or all(g.text != "Walk for twenty minutes" for g in goals_of(db, personas.alice.id))
