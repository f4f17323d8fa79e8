"""Every word a client writes is checked for risk, and the fixed crisis response follows."""

from holdspace.creativity import journal
from holdspace.journey import mood

URGENT = "I've saved up my pills and I'm going to take them all tonight"
EVERYDAY = "work was exhausting and the bus was late again"


def test_a_check_in_note_at_risk_brings_the_crisis_response_on_the_page(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit("/checkins", {"mood": "1", "note": URGENT}, page="/checkins/new")
    assert response.status_code == 200
    assert "Your check-in is saved." in response.text and 'href="tel:988"' in response.text
    assert 'href="sms:988"' in response.text and "are you safe right now" in response.text.lower()
    calm = alice.submit("/checkins", {"mood": "5", "note": EVERYDAY}, page="/checkins/new")
    assert calm.status_code == 303


def test_the_api_returns_the_level_and_the_fixed_response(personas, web, api_token):
    headers = api_token(personas.alice)
    urgent = web.post("/api/v1/checkins", json={"mood": 1, "note": URGENT}, headers=headers).json()
    assert urgent["level"] == "urgent" and "988" in urgent["crisis_response"][0]
    calm = web.post("/api/v1/checkins", json={"mood": 5, "note": EVERYDAY}, headers=headers).json()
    assert calm["level"] == "none" and calm["crisis_response"] is None


def test_private_journal_entries_are_checked_before_they_are_sealed(db, personas, sign_in, web, api_token):
    entry = journal.write_entry(db, personas.alice, URGENT, private=True, passphrase="my own words",
                                confirm="my own words")
    assert entry.assessment.level == "urgent"
    alice = sign_in(personas.alice)
    page = alice.submit("/journal", {"body": URGENT, "private": "yes", "passphrase": "my own words",
                                     "confirm": "my own words"}, page="/journal/new")
    assert "Your entry is saved." in page.text and "Call 988" in page.text
    api = web.post("/api/v1/journal", json={"body": "my friend says she wants to die"},
                   headers=api_token(personas.alice)).json()
    assert api["level"] == "concern"


def test_the_three_hundredth_check_in_is_checked_like_the_first(db, personas):
    for _ in range(299):
        mood.record_checkin(db, personas.alice, 6, [], EVERYDAY)
    assert mood.record_checkin(db, personas.alice, 1, [], URGENT).assessment.level == "urgent"


def test_the_cli_shows_the_crisis_response_after_saving(cli, personas):
    result = cli("checkin", "add", "1", "--note", URGENT, "--email", "alice@example.org",
                 "--password-stdin", input="correct horse battery\n")
    assert result.exit_code == 0 and "Saved: 1/10" in result.output
    assert "988" in result.output and "Before you go on" in result.output


def test_another_country_gets_its_own_lines(settings, personas):
    from dataclasses import replace

    from starlette.testclient import TestClient

    from holdspace.privacy import sessions
    from holdspace.web import create_app

    app = create_app(replace(settings, country="NZ"))
    with app.state.sessionmaker() as db:
        from holdspace.privacy.accounts import User

        token = sessions.start_session(db, db.get(User, personas.alice.id))
        db.commit()
    client = TestClient(app)
    got = client.post("/api/v1/checkins", json={"mood": 1, "note": URGENT},
                      headers={"Authorization": f"Bearer {token}"}).json()
    assert "1737" in got["crisis_response"][0]
    app.state.engine.dispose()
