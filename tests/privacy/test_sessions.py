from datetime import timedelta

from holdspace import clock
from holdspace.privacy import sessions

IDLE, ABSOLUTE = timedelta(minutes=60), timedelta(hours=12)


def at(monkeypatch, when):
    monkeypatch.setattr(clock, "now", lambda: when)


def test_a_session_token_is_long_random_and_stored_only_as_a_hash(db, personas):
    token = sessions.start_session(db, personas.alice)
    assert len(token) >= 43  # 32 random bytes, url-safe
    assert db.get(sessions.SignIn, token) is None
    assert sessions.resume_session(db, token, idle=IDLE, absolute=ABSOLUTE).id == personas.alice.id


def test_an_idle_session_expires(db, personas, monkeypatch):
    start = clock.now()
    token = sessions.start_session(db, personas.alice)
    db.commit()
    at(monkeypatch, start + timedelta(minutes=61))
    assert sessions.resume_session(db, token, idle=IDLE, absolute=ABSOLUTE) is None


def test_an_active_session_still_ends_at_the_absolute_limit(db, personas, monkeypatch):
    start = clock.now()
    token = sessions.start_session(db, personas.alice)
    db.commit()
    for minutes in range(50, 12 * 60, 50):  # active every 50 minutes
        at(monkeypatch, start + timedelta(minutes=minutes))
        assert sessions.resume_session(db, token, idle=IDLE, absolute=ABSOLUTE) is not None
    at(monkeypatch, start + ABSOLUTE + timedelta(minutes=1))
    assert sessions.resume_session(db, token, idle=IDLE, absolute=ABSOLUTE) is None


def test_ending_all_sessions_signs_out_every_device(db, personas):
    first, second = (sessions.start_session(db, personas.alice) for _ in range(2))
    sessions.end_all_sessions(db, personas.alice.id)
    db.commit()
    assert sessions.resume_session(db, first, idle=IDLE, absolute=ABSOLUTE) is None
    assert sessions.resume_session(db, second, idle=IDLE, absolute=ABSOLUTE) is None
