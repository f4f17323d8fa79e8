import json

from holdspace.journey import mood
from holdspace.privacy import accounts, sessions


def test_an_admin_creates_a_therapist_who_can_then_sign_in(cli, app, db):
    result = cli("users", "add", "--email", "ruth@clinic.example", "--name", "Ruth", "--role",
                 "therapist", "--password-stdin", input="a long therapist passphrase\n")
    assert result.exit_code == 0, result.output
    assert "Created therapist account ruth@clinic.example" in result.output
    assert accounts.authenticate(db, "ruth@clinic.example", "a long therapist passphrase").is_therapist
    db.commit()
    listed = [json.loads(line) for line in cli("users", "list", "--json").output.splitlines()]
    assert [(u["email"], u["role"]) for u in listed] == [("ruth@clinic.example", "therapist")]


def test_a_weak_password_is_one_clear_line_and_no_account(cli, app, db):
    result = cli("users", "add", "--email", "ruth@clinic.example", "--name", "Ruth",
                 "--password-stdin", input="password123\n")
    assert result.exit_code == 1
    assert "often guess" in result.output and "Traceback" not in result.output
    assert accounts.find_user(db, "ruth@clinic.example") is None


def test_setting_a_password_ends_every_session(cli, personas, db):
    sessions.start_session(db, personas.alice)
    db.commit()
    result = cli("users", "set-password", "--email", "alice@example.org", "--password-stdin",
                 input="a brand new passphrase\n")
    assert result.exit_code == 0, result.output
    assert sessions.count_sessions(db, personas.alice.id) == 0


def test_a_client_checks_in_from_the_terminal_and_lists_it(cli, personas, db):
    result = cli("checkin", "add", "6", "-f", "calm", "-f", "hopeful", "--note", "tea and a book",
                 "--email", "alice@example.org", "--password-stdin", input="correct horse battery\n")
    assert result.exit_code == 0, result.output
    assert "Saved: 6/10 (okay), feeling calm, hopeful" in result.output
    listed = cli("checkin", "list", "--json", "--email", "alice@example.org", "--password-stdin",
                 input="correct horse battery\n")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [(r["mood"], r["feelings"], r["note"]) for r in rows] == [(6, ["calm", "hopeful"], "tea and a book")]
    pretty = cli("checkin", "list", "--email", "alice@example.org", "--password-stdin",
                 input="correct horse battery\n")
    assert "average 6.0/10 over 1 check-ins" in pretty.output or "average 6.0/10" in pretty.output


def test_a_mistyped_check_in_says_why_before_asking_for_a_password(cli, personas, db):
    result = cli("checkin", "add", "11", "-f", "grumpy", "--email", "alice@example.org")
    assert result.exit_code == 1
    assert "Mood goes from 0" in result.output and "grumpy" in result.output
    assert mood.list_checkins(db, personas.alice.id) == []


def test_a_wrong_password_saves_nothing(cli, personas, db):
    result = cli("checkin", "add", "5", "--email", "alice@example.org", "--password-stdin",
                 input="not it\n")
    assert result.exit_code == 1 and "don't match" in result.output
    assert mood.list_checkins(db, personas.alice.id) == []


def test_the_settings_command_prints_the_readme_table(cli):
    from holdspace.settings import settings_table_markdown

    assert cli("settings", "--markdown").output.strip() == settings_table_markdown()


def test_a_check_in_note_at_risk_shows_the_crisis_response_with_the_countrys_lines(cli, personas, db):
    result = cli("checkin", "add", "1", "--note", "I have pills saved up to kill myself tonight.",
                 "--email", "alice@example.org", "--password-stdin", input="correct horse battery\n")
    assert result.exit_code == 0, result.output
    assert "Saved: 1/10" in result.output and "Before you go on" in result.output
    assert "Support in " in result.output  # the lines in full, as every other practice in the terminal
    assert "In danger right now: call 911" in result.output
