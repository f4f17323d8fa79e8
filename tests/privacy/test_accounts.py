from datetime import timedelta

import pytest

from holdspace import clock
from holdspace.errors import Conflict, InvalidInput, TooManyAttempts
from holdspace.privacy import accounts, passwords
from holdspace.privacy.accounts import WRONG_LOGIN, Role

from ..conftest import PASSWORD


def test_a_client_signs_up_with_a_lowercased_email_and_an_argon2id_hash(db):
    user = accounts.create_user(db, email=" Pat@Example.ORG ", display_name="  Pat  ",
                                password="tea by the window")
    assert user.email == "pat@example.org" and user.display_name == "Pat"
    assert user.role == Role.CLIENT
    assert user.password_hash.startswith("$argon2id$")
    assert "tea by the window" not in user.password_hash


def test_sign_up_reports_every_problem_at_once(db):
    with pytest.raises(InvalidInput) as caught:
        accounts.create_user(db, email="not-an-email", display_name="", password="short")
    assert set(caught.value.fields) == {"email", "display_name", "password"}


@pytest.mark.parametrize("password", ["password123", "qwertyuiop", "aaaaaaaaaaa", "12121212"])
def test_common_passwords_are_refused_without_composition_rules(password):
    with pytest.raises(InvalidInput, match="often guess"):
        passwords.check_new_password(password)


def test_a_long_plain_passphrase_is_welcome():
    passwords.check_new_password("walking by the river at dusk")


def test_the_same_email_cannot_sign_up_twice(db):
    accounts.create_user(db, email="pat@example.org", display_name="Pat", password="tea by the window")
    with pytest.raises(Conflict):
        accounts.create_user(db, email="PAT@example.org", display_name="Pat", password="tea by the window")


def test_unknown_email_and_wrong_password_get_the_same_answer(db, personas):
    with pytest.raises(InvalidInput) as unknown:
        accounts.authenticate(db, "nobody@example.org", PASSWORD)
    with pytest.raises(InvalidInput) as wrong:
        accounts.authenticate(db, "alice@example.org", "not her password")
    assert unknown.value.message == wrong.value.message == WRONG_LOGIN


def test_the_tenth_failure_is_throttled_even_with_the_right_password(db, personas):
    for _ in range(9):
        with pytest.raises(InvalidInput):
            accounts.authenticate(db, "alice@example.org", "guess")
    with pytest.raises(TooManyAttempts):
        accounts.authenticate(db, "alice@example.org", PASSWORD)


def test_throttling_lifts_after_the_window(db, personas, monkeypatch):
    for _ in range(9):
        with pytest.raises(InvalidInput):
            accounts.authenticate(db, "alice@example.org", "guess")
    later = clock.now() + timedelta(minutes=16)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert accounts.authenticate(db, "alice@example.org", PASSWORD).id == personas.alice.id


def test_unknown_emails_are_throttled_alike(db):
    for _ in range(9):
        with pytest.raises(InvalidInput):
            accounts.authenticate(db, "ghost@example.org", "guess")
    with pytest.raises(TooManyAttempts):
        accounts.authenticate(db, "ghost@example.org", "guess")


def test_a_weaker_hash_is_upgraded_at_sign_in(db, personas):
    from argon2 import PasswordHasher

    personas.alice.password_hash = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1).hash(PASSWORD)
    db.commit()
    accounts.authenticate(db, "alice@example.org", PASSWORD)
    db.commit()
    assert not passwords.needs_rehash(personas.alice.password_hash)
