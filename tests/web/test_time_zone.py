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
