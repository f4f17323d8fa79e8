from datetime import timedelta

import pytest

from holdspace import clock
from holdspace.errors import Conflict, InvalidInput, NotAllowed, NotFound
from holdspace.privacy import consent
from holdspace.privacy.policy import can_see, linked_client, visible_owner


def test_a_code_links_the_client_and_shares_exactly_what_she_ticked(db, personas):
    _, code = consent.create_invitation(db, personas.dave, "Bob")
    link = consent.accept_invitation(db, personas.bob, code.lower(), ["goals", "mood"])
    assert link.therapist_id == personas.dave.id
    assert consent.shared_categories(db, link.id) == ["mood", "goals"]
    assert can_see(db, personas.dave, personas.bob.id, "mood")
    assert not can_see(db, personas.dave, personas.bob.id, "journal")


def test_a_code_works_only_once(db, personas):
    _, code = consent.create_invitation(db, personas.dave)
    consent.accept_invitation(db, personas.bob, code, [])
    with pytest.raises(InvalidInput, match="work once"):
        consent.accept_invitation(db, personas.alice, code, [])


def test_a_code_expires_after_seven_days(db, personas, monkeypatch):
    _, code = consent.create_invitation(db, personas.dave)
    later = clock.now() + timedelta(days=7, minutes=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(InvalidInput):
        consent.accept_invitation(db, personas.bob, code, [])


def test_linking_twice_to_the_same_therapist_is_a_conflict(db, personas):
    _, code = consent.create_invitation(db, personas.carol)
    with pytest.raises(Conflict):
        consent.accept_invitation(db, personas.alice, code, [])


def test_only_clients_accept_and_only_therapists_invite(db, personas):
    with pytest.raises(NotAllowed):
        consent.create_invitation(db, personas.alice)
    _, code = consent.create_invitation(db, personas.carol)
    with pytest.raises(NotAllowed):
        consent.accept_invitation(db, personas.dave, code, [])


def test_revoking_a_share_hides_it_at_once(db, personas):
    assert visible_owner(db, personas.carol, personas.alice.id, "mood") == personas.alice
    consent.set_shares(db, personas.alice, personas.link_id, [])
    db.commit()
    with pytest.raises(NotFound):
        visible_owner(db, personas.carol, personas.alice.id, "mood")


def test_ending_the_link_removes_the_client_from_the_caseload(db, personas):
    consent.end_link(db, personas.alice, personas.link_id)
    db.commit()
    assert consent.caseload(db, personas.carol) == []
    with pytest.raises(NotFound):
        linked_client(db, personas.carol, personas.alice.id)


def test_a_client_cannot_touch_another_clients_link(db, personas):
    with pytest.raises(NotFound):
        consent.set_shares(db, personas.bob, personas.link_id, ["journal"])


def test_unrelated_therapists_and_admins_see_nothing(db, personas):
    for viewer in (personas.dave, personas.erin, personas.bob, None):
        assert not can_see(db, viewer, personas.alice.id, "mood")


def test_unknown_categories_are_refused(db, personas):
    with pytest.raises(InvalidInput, match="astrology"):
        consent.set_shares(db, personas.alice, personas.link_id, ["astrology"])
