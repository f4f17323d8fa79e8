"""Two-step sign-in: enforced for therapists and admins, optional for clients."""

import re
from datetime import timedelta

from holdspace import clock
from holdspace.privacy import accounts, second_factor, sessions
from holdspace.privacy.accounts import Role

from ..conftest import PASSWORD, TOTP_SECRET


def now_code(secret=TOTP_SECRET, shift=0):
    return second_factor.code_at(secret, second_factor.current_step() + shift)


def test_the_codes_match_the_rfc_6238_reference_values():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # "12345678901234567890" in base32
    assert second_factor.code_at(secret, 59 // 30) == "287082"
    assert second_factor.code_at(secret, 1111111109 // 30) == "081804"


def test_a_therapist_signs_in_with_password_then_code(personas, web):
    first = web.submit("/login", {"email": "carol@example.org", "password": PASSWORD, "next": "/caseload"})
    assert first.headers["location"].startswith("/login/code")
    assert "hs_session" not in first.headers.get("set-cookie", "")
    second = web.submit("/login/code", {"code": now_code(), "next": "/caseload"}, page=first.headers["location"])
    assert second.status_code == 303 and second.headers["location"] == "/caseload"
    assert "Alice" in web.get("/caseload").text


def test_a_wrong_code_is_refused_kindly_and_a_used_code_does_not_work_twice(personas, web):
    web.submit("/login", {"email": "carol@example.org", "password": PASSWORD})
    wrong = web.submit("/login/code", {"code": "000000"}, page="/login/code")
    assert wrong.status_code == 400 and "didn" in wrong.text and "match" in wrong.text
    code = now_code()
    assert web.submit("/login/code", {"code": code}, page="/login/code").status_code == 303
    web.submit("/logout")
    web.submit("/login", {"email": "carol@example.org", "password": PASSWORD})
    replay = web.submit("/login/code", {"code": code}, page="/login/code")
    assert replay.status_code == 400


def test_the_second_step_cannot_be_skipped_or_guessed_forever(personas, web):
    web.submit("/login", {"email": "carol@example.org", "password": PASSWORD})
    assert web.get("/caseload", follow_redirects=False).headers["location"].startswith("/login")
    for _ in range(9):
        web.submit("/login/code", {"code": "111111"}, page="/login/code")
    throttled = web.submit("/login/code", {"code": now_code()}, page="/login/code")
    assert throttled.status_code == 429


def test_a_recovery_code_works_once(db, personas, web):
    codes = second_factor.new_recovery_codes(db, personas.carol)
    db.commit()
    web.submit("/login", {"email": "carol@example.org", "password": PASSWORD})
    assert web.submit("/login/code", {"code": codes[0].upper()}, page="/login/code").status_code == 303
    web.submit("/logout")
    web.submit("/login", {"email": "carol@example.org", "password": PASSWORD})
    assert web.submit("/login/code", {"code": codes[0]}, page="/login/code").status_code == 400


def test_staff_without_a_second_factor_are_sent_to_set_one_up(db, sign_in, api_token):
    ruth = accounts.create_user(db, email="ruth@example.org", display_name="Ruth", password=PASSWORD,
                                role=Role.THERAPIST)
    db.commit()
    web = sign_in(ruth)
    assert web.get("/caseload", follow_redirects=False).headers["location"] == "/account/second-factor"
    api = web.get("/api/v1/caseload", headers=api_token(ruth))
    assert api.status_code == 403 and "two-step" in api.json()["error"]
    page = web.get("/account/second-factor").text
    secret = re.search(r'<code class="code small-code">([A-Z2-7]+)</code>', page).group(1)
    done = web.submit("/account/second-factor", {"code": now_code(secret)}, page="/account/second-factor")
    assert done.status_code == 200 and "recovery codes" in done.text
    assert len(re.findall(r"<li><code>[0-9a-f]{6}-[0-9a-f]{6}</code></li>", done.text)) == 10
    assert "Alice" not in web.get("/caseload").text and web.get("/caseload").status_code == 200


def test_clients_may_turn_it_on_and_off(db, personas, sign_in):
    alice = sign_in(personas.alice)
    page = alice.get("/account/second-factor").text
    assert "optional for you" in page
    secret = re.search(r'<code class="code small-code">([A-Z2-7]+)</code>', page).group(1)
    alice.submit("/account/second-factor", {"code": now_code(secret)}, page="/account/second-factor")
    assert second_factor.is_enabled(db, personas.alice.id)
    db.rollback()  # end this test's read, so the next one sees the app's change
    alice.submit("/account/second-factor/off", {}, page="/account/second-factor")
    assert not second_factor.is_enabled(db, personas.alice.id)


def test_the_api_asks_for_the_code_when_the_account_has_one(personas, web):
    missing = web.post("/api/v1/session", json={"email": "carol@example.org", "password": PASSWORD})
    assert missing.status_code == 400 and "code" in missing.json()["fields"]
    ok = web.post("/api/v1/session", json={"email": "carol@example.org", "password": PASSWORD,
                                           "code": now_code()})
    assert ok.status_code == 201


def test_changing_the_password_signs_out_every_other_device(db, personas, sign_in):
    laptop, phone = sign_in(personas.alice), sign_in(personas.alice)
    wrong = laptop.submit("/account/password", {"current": "nope", "new": "a new long passphrase"},
                          page="/account/password")
    assert wrong.status_code == 400 and "That isn&#39;t your current password" in wrong.text
    done = laptop.submit("/account/password", {"current": PASSWORD, "new": "a new long passphrase"},
                         page="/account/password")
    assert done.headers["location"].endswith("done=password")
    assert laptop.get("/checkins").status_code == 200
    assert phone.get("/checkins", follow_redirects=False).status_code == 303
    db.rollback()
    db.expire_all()  # forget what this test's session loaded before the change
    assert sessions.count_sessions(db, personas.alice.id) == 1
    assert accounts.authenticate(db, "alice@example.org", "a new long passphrase")


def test_a_weak_new_password_is_refused_and_nothing_changes(db, personas, sign_in):
    alice = sign_in(personas.alice)
    refused = alice.submit("/account/password", {"current": PASSWORD, "new": "password123"},
                           page="/account/password")
    assert refused.status_code == 400 and "often guess" in refused.text
    assert accounts.authenticate(db, "alice@example.org", PASSWORD)


def test_the_password_step_expires_after_five_minutes(personas, web, monkeypatch):
    web.submit("/login", {"email": "carol@example.org", "password": PASSWORD})
    later = clock.now() + timedelta(minutes=6)
    monkeypatch.setattr(clock, "now", lambda: later)
    late = web.get("/login/code", follow_redirects=False)
    assert late.status_code == 303 and late.headers["location"].startswith("/login")
