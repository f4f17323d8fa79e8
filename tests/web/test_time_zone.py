"""Times on pages are shown in the practice's time zone, not the server's."""

from dataclasses import replace
from datetime import datetime, timezone

from starlette.testclient import TestClient

from holdspace.journey import mood
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
