"""How pages sit on a laptop and a phone: room between decisions, a header that leaves room for the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import click_and_wait, made_directly, sign_in

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


def test_on_a_phone_the_header_is_compact_and_every_link_in_it_is_a_tab_away(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    sign_in(page, june.email)
    page.goto("/journal")
    header = page.locator("header").bounding_box()
    # It took 270px, a third of the screen with the demo note, before any of the page showed.
    assert header["height"] <= 0.2 * 844
    brand, help_now = page.locator("header .brand").bounding_box(), page.get_by_role("link", name="Need help now?")
    assert abs(help_now.bounding_box()["y"] - brand["y"]) < brand["height"]  # on the first row, beside the name
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # Nothing is folded away: each link is on screen, and Tab reaches them in the order they read.
    names = ["Need help now?", "Home", "Talk", "Mood", "Journal", "Practices", "Goals", "Journey", "Safety plan",
             "Sharing & privacy", "Account"]
    page.locator("header .brand").focus()
    for name in names:
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == name
        box = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
        assert box["right"] <= 390 and box["bottom"] <= header["y"] + header["height"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Sign out"


def test_on_a_phone_the_current_section_fits_inside_its_highlight(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    for path in ("/safety-plan", "/practices", "/journey"):
        page.goto(path)
        current = page.locator("nav a[aria-current=page]")
        # In bold, "Safety plan" spilled out of an even quarter of the row, past its pill and the screen's edge.
        assert current.evaluate("el => el.scrollWidth <= el.clientWidth"), path
        assert current.bounding_box()["x"] + current.bounding_box()["width"] <= 390


def test_on_a_phone_the_clients_words_and_the_listeners_sit_on_different_sides(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    sign_in(page, june.email)
    page.goto("/talk")
    click_and_wait(page, page.get_by_role("button", name="Start a new conversation"))
    page.get_by_label("Your message").fill("Work has been a lot this week and I keep lying awake.")
    click_and_wait(page, page.get_by_role("button", name="Send"))
    listener, client = page.locator(".chat .listener").first.bounding_box(), page.locator(".chat .you").first.bounding_box()
    # Both ran the full width of a phone, so only the small label told who said what.
    assert listener["x"] < client["x"] - 20
    assert listener["x"] + listener["width"] < client["x"] + client["width"] - 20


def test_on_a_phone_the_choose_a_picture_button_is_big_enough_to_tap(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/art/new")
    # The browser's own button was about 20px tall, smaller than any other button here.
    chooser = page.get_by_label("Your picture").bounding_box()
    assert chooser["height"] >= 44
    assert chooser["x"] + chooser["width"] <= 390
