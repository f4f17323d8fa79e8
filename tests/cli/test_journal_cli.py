"""`holdspace journal write|list|read` on the test's real database: the same sealing, risk check and
passphrase lock as the web page, and bad input that costs nothing already written."""

import json

from sqlalchemy import select

from holdspace.creativity import journal
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert

from .keyboard import SIGN_IN, typed

PASSPHRASE = "alice keeps this one"


def test_a_piped_entry_is_saved_sealed_with_its_prompt_and_listed_newest_first(cli, personas, db):
    result = cli("journal", "write", "--prompt", "heard-today", *SIGN_IN,
                 input=typed("Today was long.", "", "The walk home helped a little."))
    assert result.exit_code == 0, result.output
    assert "Writing from the prompt: If someone kind had asked you tonight" in result.output
    assert "Your entry is saved." in result.output and "Before you go on" not in result.output
    newest = journal.entries(db, personas.alice.id)[0]
    assert newest.body == "Today was long.\n\nThe walk home helped a little." and not newest.private
    assert newest.prompt.key == "heard-today"
    assert b"walk home" not in db.get(journal.JournalEntry, newest.id).body_sealed  # sealed at rest

    listed = cli("journal", "list", *SIGN_IN, input=typed())
    assert listed.exit_code == 0, listed.output
    assert listed.output.index("Today was long.") < listed.output.index("Private, locked with your passphrase.")
    assert "only alice may read this" not in listed.output
    assert "If someone kind had asked you tonight" in listed.output


def test_a_private_entry_is_locked_and_opens_only_with_its_passphrase(cli, personas, db):
    result = cli("journal", "write", "--private", *SIGN_IN, input=typed("a long secret phrase", "Just for me."))
    assert result.exit_code == 0, result.output
    assert "Your entry is saved, locked with your passphrase." in result.output
    entry = journal.entries(db, personas.alice.id)[0]
    assert entry.private and entry.body == ""
    listed = cli("journal", "list", "--json", *SIGN_IN, input=typed())
    as_json = [json.loads(line) for line in listed.output.splitlines()]
    assert as_json[0]["id"] == entry.id and as_json[0]["private"] is True and as_json[0]["body"] is None

    wrong = cli("journal", "read", str(entry.id), *SIGN_IN, input=typed("not the phrase"))
    assert wrong.exit_code == 1 and "That passphrase doesn't open this entry" in wrong.output
    assert "Just for me." not in wrong.output and "Traceback" not in wrong.output
    opened = cli("journal", "read", str(entry.id), *SIGN_IN, input=typed("a long secret phrase"))
    assert opened.exit_code == 0 and "Just for me." in opened.output
    older = cli("journal", "read", str(personas.entry_id), *SIGN_IN, input=typed(PASSPHRASE))
    assert "only alice may read this" in older.output


def test_a_short_passphrase_is_refused_before_the_entry_is_read_and_nothing_is_saved(cli, personas, db):
    before = len(journal.entries(db, personas.alice.id))
    result = cli("journal", "write", "--private", *SIGN_IN, input=typed("short", "My words."))
    assert result.exit_code == 1 and "at least 8 characters" in result.output and "Nothing was saved" in result.output
    assert "Traceback" not in result.output
    assert len(journal.entries(db, personas.alice.id)) == before


def test_an_unknown_prompt_is_one_clear_line_before_the_password_is_asked(cli, personas, db):
    result = cli("journal", "write", "--prompt", "no-such-prompt", *SIGN_IN, input=typed("My words."))
    assert result.exit_code == 1 and "That prompt isn't in holdspace's library" in result.output
    assert len(journal.entries(db, personas.alice.id)) == 1


def test_an_empty_entry_is_refused_kindly(cli, personas, db):
    result = cli("journal", "write", *SIGN_IN, input=typed("", "   "))
    assert result.exit_code == 1 and "There's nothing written yet" in result.output
    assert len(journal.entries(db, personas.alice.id)) == 1


def test_an_entry_at_risk_is_saved_shows_the_crisis_response_and_tells_the_therapist(cli, personas, db):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    db.commit()
    result = cli("journal", "write", *SIGN_IN, "--country", "GB",
                 input=typed("I have pills saved up to kill myself tonight."))
    assert result.exit_code == 0, result.output
    assert "Your entry is saved." in result.output
    assert "Before you go on" in result.output and "Samaritans" in result.output and "116 123" in result.output
    assert journal.entries(db, personas.alice.id)[0].body.startswith("I have pills")
    [alert] = db.scalars(select(Alert).where(Alert.client_id == personas.alice.id)).all()
    assert alert.place == "journal" and alert.level == "urgent"


def test_someone_elses_entry_cannot_be_read(cli, personas):
    result = cli("journal", "read", str(personas.entry_id), "--email", "bob@example.org", "--password-stdin",
                 input=typed(PASSPHRASE))
    assert result.exit_code == 2 and f"There's no entry {personas.entry_id} in your journal" in result.output
    assert "only alice may read this" not in result.output


def test_a_therapist_is_told_the_journal_is_for_clients(cli, personas):
    result = cli("journal", "list", "--email", "carol@example.org", "--password-stdin", input=typed())
    assert result.exit_code == 2 and "The journal is for client accounts." in result.output
