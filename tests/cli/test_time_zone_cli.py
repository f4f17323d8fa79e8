"""The terminal shows the practice's dates and clock times (HOLDSPACE_TIME_ZONE), as the pages do, not the server's."""

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from holdspace import clock
from holdspace.creativity import journal
from holdspace.journey import mood
from holdspace.privacy import second_factor

from ..conftest import TOTP_SECRET
from .keyboard import SIGN_IN, typed

# A practice in Chicago on a server kept on Tokyo time. At NOW it is Monday 9 February, 21:00 in
# Chicago, already 10 February in UTC and in Tokyo.
CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 2, 10, 3, 0, tzinfo=timezone.utc)


@pytest.fixture
def in_chicago(cli, db, monkeypatch, server_in_tokyo):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    monkeypatch.setenv("HOLDSPACE_TIME_ZONE", "America/Chicago")
    db.info["time_zone"] = "America/Chicago"
    return cli


def test_a_journal_entry_is_listed_and_read_with_the_practices_clock_time(in_chicago, personas, db):
    entry = journal.write_entry(db, personas.alice, "A long day, and then a quiet evening.",
                                at=datetime(2026, 2, 5, 23, 30, tzinfo=CHICAGO))
    db.commit()
    listed = in_chicago("journal", "list", *SIGN_IN, input=typed())
    assert listed.exit_code == 0, listed.output
    assert "Thu 5 Feb 2026, 23:30" in listed.output and "6 Feb" not in listed.output
    read = in_chicago("journal", "read", str(entry.id), *SIGN_IN, input=typed())
    assert "Thursday 5 February 2026, 23:30" in read.output


def test_the_terminal_session_report_starts_at_the_practices_midnight(in_chicago, personas, db):
    mood.record_checkin(db, personas.alice, 2, ["sad"], "", at=datetime(2026, 2, 5, 23, 30, tzinfo=CHICAGO))
    mood.record_checkin(db, personas.alice, 8, ["calm"], "", at=datetime(2026, 2, 6, 12, 0, tzinfo=CHICAGO))
    db.commit()
    code = second_factor.code_at(TOTP_SECRET, second_factor.current_step())
    result = in_chicago("report", "alice@example.org", "--since", "2026-02-06", "--email", "carol@example.org",
                        "--code", code, "--password-stdin", input="correct horse battery\n")
    assert result.exit_code == 0, result.output
    assert "since 6 February 2026 (3 days)" in result.output
    assert "Average mood 8.0 out of 10" in result.output  # the Thursday-evening 2 was before the session


def test_a_check_in_late_on_the_last_day_of_a_month_stays_in_that_month_in_the_terminal_journey(in_chicago,
                                                                                                personas, db):
    mood.record_checkin(db, personas.alice, 7, ["calm"], "", at=datetime(2026, 1, 31, 23, 30, tzinfo=CHICAGO))
    db.commit()
    result = in_chicago("measures", "journey", *SIGN_IN, input=typed())
    assert result.exit_code == 0, result.output
    assert re.search(r"January 2026\s*│\s*1\s", result.output)  # its check-ins column
    assert re.search(r"February 2026\s*│\s*0\s", result.output)  # (alice's journal entry is from February)
    assert "You haven't checked in during February yet" in result.output
