"""How pages sit on a laptop and a phone: room between decisions, a header that leaves room for the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import made_directly, sign_in

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _connected(live_server):
    june = made_directly(live_server, "June", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "June")
        consent.accept_invitation(db, db.get(User, june.id), code, ["mood"])
        db.commit()
    return june, rowan


def test_the_safety_alert_choice_has_room_above_it_on_the_sharing_page(live_server, page: Page):
    june, _ = _connected(live_server)
    sign_in(page, june.email)
    page.goto("/sharing")
    save = page.get_by_role("button", name="Save what Dr Rowan Hale can see").bounding_box()
    heading = page.get_by_text("Safety alerts to Dr Rowan Hale", exact=True).bounding_box()
    # It sat 2px under the button, reading as part of the boxes above rather than a choice of its own.
    assert heading["y"] - (save["y"] + save["height"]) >= 32
