"""Times on pages are shown in the practice's time zone, not the server's."""

from dataclasses import replace
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from starlette.testclient import TestClient

from holdspace import clock
from holdspace.errors import InvalidInput
from holdspace.journey import mood, questionnaires
from holdspace.journey import report as session_report
from holdspace.resilience import toolbox
from holdspace.web import create_app


def test_a_check_in_shows_its_time_in_the_configured_time_zone(settings, personas, db, api_token):
    # 23:30 UTC on 1 March is already 2 March, 10:30 in Sydney.
    mood.record_checkin(db, personas.alice, 6, ["calm"], "", at=datetime(2026, 3, 1, 23, 30, tzinfo=timezone.utc))
    db.commit()
    for zone, shown in (("Australia/Sydney", "Mon 2 Mar, 10:30"), ("America/Chicago", "Sun 1 Mar, 17:30")):
        app = create_app(replace(settings, time_zone=zone))
        with TestClient(app) as web:
            page = web.get("/checkins", headers=api_token(personas.alice))
        app.state.database.dispose()
        assert page.status_code == 200
        assert shown in page.text


def test_a_questionnaire_starting_today_is_due_by_the_practices_today_not_the_servers(personas, db):
    from holdspace import clock
    from holdspace.journey import questionnaires

    # Kiritimati is 25 hours ahead of Pago Pago: its "today" is always a later date.
    db.info["time_zone"] = "Pacific/Kiritimati"
    ahead = clock.today(db)
    questionnaires.assign(db, personas.carol, personas.alice.id, "phq9", 14)  # from today, over there
    [due] = questionnaires.due_for(db, personas.alice.id)
    assert due.is_due and due.due_on == ahead
    db.info["time_zone"] = "Pacific/Pago_Pago"
    [due] = questionnaires.due_for(db, personas.alice.id)
    assert not due.is_due and clock.today(db) < ahead  # not yet the starting day here


def test_the_day_something_was_done_is_the_practices_day_not_the_servers(db):
    from holdspace import clock

    # 11:00 UTC on 28 November is already 29 November, 01:00, on Kiritimati; still the 28th in Pago Pago.
    at = datetime(2026, 11, 28, 11, 0, tzinfo=timezone.utc)
    db.info["time_zone"] = "Pacific/Kiritimati"
    assert clock.day_of(at, db).isoformat() == "2026-11-29"
    db.info["time_zone"] = "Pacific/Pago_Pago"
    assert clock.day_of(at, db).isoformat() == "2026-11-28"


# A practice in Chicago on a server kept on Tokyo time. At NOW it is Monday 9 February, 21:00 in
# Chicago, but already 10 February in UTC and in Tokyo. LATE is a check-in at 23:30 on Thursday
# 5 February in Chicago: 6 February everywhere east of it.
CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 2, 10, 3, 0, tzinfo=timezone.utc)
LATE = datetime(2026, 2, 5, 23, 30, tzinfo=CHICAGO)


@pytest.fixture
def in_chicago(settings, db, monkeypatch, server_in_tokyo):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    db.info["time_zone"] = "America/Chicago"
    app = create_app(replace(settings, time_zone="America/Chicago"))
    with TestClient(app) as web:
        yield web
    app.state.database.dispose()


def test_a_late_evening_check_in_is_dated_by_the_practices_day_in_every_mood_chart(in_chicago, personas, db,
                                                                                   api_token):
    mood.record_checkin(db, personas.alice, 6, ["calm"], "", at=LATE)
    db.commit()
    checkins = in_chicago.get("/checkins", headers=api_token(personas.alice)).text
    assert "<title>5 Feb: 6</title>" in checkins and "6 Feb: 6" not in checkins
    assert ">12 Jan</text>" in checkins  # the four weeks start on the practice's 12 January, 21:00
    home = in_chicago.get("/", headers=api_token(personas.alice)).text
    assert "<title>5 Feb: 6</title>" in home
    journey = in_chicago.get("/journey", headers=api_token(personas.alice)).text
    assert "<title>5 Feb 2026: 6.0</title>" in journey and "6 Feb 2026: 6.0" not in journey
    client = in_chicago.get(f"/clients/{personas.alice.id}", headers=api_token(personas.carol)).text
    assert "<title>5 Feb: 6</title>" in client


def test_a_questionnaire_finished_late_in_the_evening_is_dated_by_the_practices_day_on_its_chart(
        in_chicago, personas, db, api_token):
    questionnaires.save(db, personas.alice, "phq9", {str(n): 1 for n in range(1, 10)}, at=LATE)
    db.commit()
    page = in_chicago.get("/measures", headers=api_token(personas.alice)).text
    assert "<title>5 Feb 2026: 9</title>" in page and "6 Feb 2026: 9" not in page


def test_the_session_report_starts_at_the_practices_midnight_and_counts_the_practices_days(personas, db,
                                                                                          monkeypatch,
                                                                                          server_in_tokyo):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    db.info["time_zone"] = "America/Chicago"
    mood.record_checkin(db, personas.alice, 2, ["sad"], "", at=LATE)  # the evening before the session
    mood.record_checkin(db, personas.alice, 8, ["calm"], "", at=datetime(2026, 2, 6, 12, 0, tzinfo=CHICAGO))
    db.commit()
    built = session_report.build(db, personas.carol, personas.alice.id, date(2026, 2, 6), now=clock.now())
    assert (built.mood.count, built.mood.average, built.mood.before_average) == (1, 8.0, 2.0)
    assert built.days == 3  # 6 February to Monday 9 February in Chicago, not to Tokyo's 10th


def test_a_questionnaire_done_the_evening_before_its_day_does_not_count_for_that_day(personas, db, monkeypatch,
                                                                                    server_in_tokyo):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    db.info["time_zone"] = "America/Chicago"
    questionnaires.save(db, personas.alice, "phq9", {str(n): 1 for n in range(1, 10)},
                        at=datetime(2026, 2, 8, 23, 30, tzinfo=CHICAGO))  # Sunday evening
    questionnaires.assign(db, personas.carol, personas.alice.id, "phq9", 14)  # from Monday the 9th
    [due] = questionnaires.due_for(db, personas.alice.id)
    assert due.due_on == date(2026, 2, 9) and due.is_due


def test_the_day_someone_last_talked_to_a_person_may_be_the_practices_today_but_not_tomorrow(personas, db,
                                                                                            monkeypatch,
                                                                                            server_in_tokyo):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    db.info["time_zone"] = "America/Chicago"
    added = toolbox.add_item(db, personas.alice, "person", {"name": "Sam", "last_talked": "2026-02-09"})
    assert added.body["last_talked"] == "2026-02-09"
    with pytest.raises(InvalidInput) as refused:
        toolbox.add_item(db, personas.alice, "person", {"name": "Sam", "last_talked": "2026-02-10"})
    assert "not in the future" in refused.value.fields["last_talked"]


def test_a_download_is_named_with_the_practices_date(in_chicago, personas, api_token):
    page = in_chicago.get(f"/clients/{personas.alice.id}/export", headers=api_token(personas.carol))
    assert page.status_code == 200
    assert "-2026-02-09.json" in page.headers["content-disposition"]
