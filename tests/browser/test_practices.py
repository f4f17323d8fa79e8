"""Practices in a real browser: the breathing circle, guided steps, the challenger, the thought record.

Every practice page is checked by axe-core (WCAG A/AA) in light, dark and on a phone, and saved
as a screenshot in tests/screenshots/practice-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from holdspace.mindfulness import log
from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import click_and_wait, made_directly, sign_in
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser


def test_the_breathing_circle_follows_the_pattern_and_reduced_motion_gets_a_count(live_server, new_context):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    page = new_context().new_page()
    sign_in(page, ada.email)
    page.goto("/practices/breathing?pattern=2-2&minutes=1")
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".pacer-phase")).to_have_text("Breathe in")
    expect(page.locator(".pacer-phase")).to_have_text("Breathe out", timeout=4000)
    expect(page.locator(".pacer-progress")).to_have_text("Breath 1 of 15")
    scale = page.locator(".pacer-circle").evaluate("el => el.style.transform")
    assert scale.startswith("scale(")
    page.get_by_role("button", name="Stop").click()
    expect(page.locator(".pacer-phase")).to_have_text(re.compile("^Stopped"))

    calm = new_context(reduced_motion="reduce").new_page()
    sign_in(calm, ada.email)
    calm.goto("/practices/breathing?pattern=2-2&minutes=1")
    calm.get_by_role("button", name="Start").click()
    expect(calm.locator(".pacer-count")).to_have_text(re.compile(r"^[12]$"))
    expect(calm.locator(".pacer-stage")).to_be_hidden()
    assert calm.locator(".pacer-circle").evaluate("el => el.style.transform") == ""


def test_without_javascript_the_breathing_page_is_a_plain_schedule(live_server, new_context):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, ada.email)
    page.goto("/practices/breathing?pattern=box&minutes=2")
    expect(page.locator(".pacer")).to_be_hidden()
    expect(page.get_by_text("Repeat 8 times.", exact=False)).to_be_visible()


def test_a_client_challenges_a_harsh_thought_and_writes_her_own_kinder_version(live_server, page: Page):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    sign_in(page, ada.email)
    page.goto("/practices")
    page.get_by_role("link", name="Look at a thought").click()
    page.get_by_label("The harsh thought").fill("I always mess things up. I'm such an idiot.")
    page.get_by_role("button", name="Look at this thought").click()
    expect(page.get_by_role("heading", name="Overgeneralising")).to_be_visible()
    expect(page.get_by_role("heading", name="Labelling")).to_be_visible()
    expect(page.get_by_label("A kinder way to say it")).to_have_value("")
    page.get_by_role("button", name="Save my kinder words").click()
    expect(page.get_by_role("alert")).to_contain_text("Your kinder version is still empty")
    page.get_by_label("A kinder way to say it").fill("I made a mistake today, and I'm still learning.")
    page.get_by_role("button", name="Save my kinder words").click()
    expect(page.get_by_role("status")).to_contain_text("Your kinder words are saved.")


def _practice_story(live_server):
    june = made_directly(live_server, "June", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        owner = db.get(User, june.id)
        for kind, minutes, before, after, detail in (("breathing", 5, 3, 6, "4-6"), ("body-scan", 8, 4, 7, ""),
                                                     ("grounding", 4, 2, 5, "")):
            log.record_session(db, owner, kind, minutes, before, after, detail)
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "June")
        consent.accept_invitation(db, owner, code, ["exercises"])
        db.commit()
    return june, rowan


def test_practice_pages_pass_axe_and_are_saved_as_screenshots(live_server, new_context, screenshots):
    june, rowan = _practice_story(live_server)
    album = Album(screenshots, prefix="practice-")
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot
        sign_in(page, june.email)
        page.goto("/practices")
        shot("hub")
        page.goto("/practices/breathing?pattern=4-6&minutes=5")
        page.get_by_role("button", name="Start").click()
        page.wait_for_timeout(2500)
        shot("breathing")
        page.goto("/practices/breathing?pattern=60-60&minutes=5")
        shot("breathing-error")
        page.goto("/practices/body-scan")
        shot("body-scan")
        page.goto("/practices/grounding")
        page.get_by_role("button", name="Start").click()
        expect(page.locator(".guided-steps li.current")).to_have_count(1)
        shot("grounding")
        page.goto("/practices/log?kind=grounding&minutes=4")
        page.get_by_label("Before").fill("12")
        page.get_by_role("button", name="Save to my log").click()
        expect(page.get_by_role("alert")).to_be_visible()
        shot("log-error")
        page.goto("/practices/challenger")
        page.get_by_label("The harsh thought").fill("Everyone at work thinks I'm useless. I'll never get better.")
        page.get_by_role("button", name="Look at this thought").click()
        expect(page.get_by_role("heading", name="Your kinder version")).to_be_visible()
        shot("challenge")
        page.get_by_label("A kinder way to say it").fill("Work is hard right now; I've had good weeks before.")
        page.get_by_role("button", name="Save my kinder words").click()
        expect(page.get_by_role("status")).to_be_visible()
        shot("challenger")
        page.goto("/practices/thought-records/new")
        page.get_by_label("1. The situation").fill("Waiting for the bus after the meeting.")
        page.get_by_label("Feeling 1").fill("worried")
        page.get_by_label("Before").first.fill("150")
        page.get_by_role("button", name="Save my thought record").click()
        expect(page.get_by_role("alert")).to_be_visible()
        shot("thought-record-error")
        page.get_by_label("2. The thought").fill("I said something stupid and they all noticed.")
        page.get_by_label("Before").first.fill("80")
        page.get_by_label("After").first.fill("40")
        page.get_by_label("5. Evidence against it").fill("Two people thanked me afterwards.")
        page.get_by_label("6. A more balanced thought").fill("I stumbled once; most of it went fine.")
        page.get_by_role("button", name="Save my thought record").click()
        expect(page.get_by_role("status")).to_be_visible()
        click_and_wait(page, page.get_by_role("link", name=re.compile(r"\d{2}:\d{2}")).first)
        shot("thought-record")
        page.goto("/practices/log")
        shot("log")
        page.goto("/resilience")
        toolbox_form = page.locator("form[action='/resilience/skills']")
        toolbox_form.get_by_label("The skill").fill("Cold water on my face")
        toolbox_form.get_by_label("Feeling anxious or panicky").check()
        toolbox_form.get_by_role("button", name="Add to my toolbox").click()
        expect(page.get_by_role("status")).to_be_visible()
        page.get_by_role("radio", name="4", exact=True).first.check()
        page.get_by_role("button", name="Save rating").first.click()
        expect(page.get_by_role("status")).to_contain_text("Your rating is saved")
        strength_form = page.locator("form[action='/resilience/strengths']")
        strength_form.get_by_label("The strength").fill("Persistence")
        strength_form.get_by_label("A time it showed (optional)").fill("I kept going to the course all winter.")
        strength_form.get_by_role("button", name="Add this strength").click()
        expect(page.get_by_role("status")).to_be_visible()
        people_form = page.locator("form[action='/resilience/people']")
        people_form.get_by_label("How they help (optional)").fill("Always picks up the phone.")
        people_form.get_by_role("button", name="Add to my network").click()
        expect(page.get_by_role("alert")).to_be_visible()
        shot("resilience-error")
        page.goto("/resilience?situation=anxious")
        expect(page.get_by_text("These have helped you most with this:")).to_be_visible()
        shot("resilience")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("status")).to_be_visible()

        sign_in(page, rowan.email)
        page.goto("/caseload")
        page.get_by_role("link", name="June").click()
        page.get_by_role("link", name="Practices June has done").click()
        expect(page.get_by_role("heading", name="June: practices")).to_be_visible()
        shot("therapist-view")
        page.goto(page.url.replace("/practices", "/resilience"))
        expect(page.get_by_role("heading", name="June: resilience")).to_be_visible()
        shot("therapist-resilience")
    assert_no_axe_problems(album.problems)


def test_on_a_phone_the_practice_log_reads_one_practice_per_block(live_server, new_context):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    with live_server.db() as db:
        user = db.get(User, ada.id)
        log.record_session(db, user, "breathing", "5", "4", "7", "4-6")
        db.commit()
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    sign_in(page, ada.email)
    page.goto("/practices/log")
    row = page.locator("table.log tbody tr").first
    # The day and time stay on one line (they broke into four: "Mon / 30 / Nov, / 13:13").
    assert row.locator("time").evaluate("el => el.getClientRects().length") == 1
    expect(row).to_contain_text("5 minutes")
    expect(row).to_contain_text("calm 4 → 7")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_letters_typed_as_a_calm_score_are_kept_and_answered_by_name(live_server, page: Page):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    sign_in(page, ada.email)
    page.goto("/practices/log?kind=grounding")
    page.get_by_label("Minutes").fill("5")
    # A number field would swallow these letters without a word, and the score would go missing.
    page.get_by_label("Before").press_sequentially("seven")
    expect(page.get_by_label("Before")).to_have_value("seven")
    page.get_by_label("After").fill("8")
    click_and_wait(page, page.get_by_role("button", name="Save to my log"))
    expect(page.get_by_role("alert")).to_contain_text("How calm you felt before:")
    expect(page.get_by_role("alert")).not_to_contain_text("How calm you felt after")
    expect(page.get_by_label("Before")).to_have_value("seven")
    expect(page.get_by_label("After")).to_have_value("8")
    with live_server.db() as db:
        assert log.sessions(db, ada.id) == []


def _boxes(page: Page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())")


def test_on_a_laptop_the_hub_has_three_cards_a_row_with_level_one_line_buttons(live_server, page: Page):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    sign_in(page, ada.email)
    page.goto("/practices")
    cards = _boxes(page, "main .grid > .card")
    assert len({round(c["top"]) for c in cards[:3]}) == 1 and cards[3]["top"] > cards[0]["bottom"]
    # "Begin (8 minutes)" broke onto two lines in cards four to a row.
    one_line = page.locator("main .grid .button").first.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    for button in _boxes(page, "main .grid .button"):
        assert button["height"] < 2 * one_line + 8
    body_scan, grounding = (page.get_by_role("link", name=name) for name in ("Begin (8 minutes)", "Begin (4 minutes)"))
    assert body_scan.bounding_box()["y"] == grounding.bounding_box()["y"]
    # Music and movement is no longer twice the height of the cards beside it.
    moving = page.locator("main .grid .moving").bounding_box()
    art = page.locator("main .grid > .card", has=page.get_by_role("heading", name="Art")).bounding_box()
    assert moving["y"] == art["y"] and moving["height"] == art["height"]
    assert moving["height"] < 1.3 * cards[0]["height"]


def test_on_a_phone_the_hub_is_one_card_a_row_without_sideways_scroll(live_server, new_context):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    sign_in(page, ada.email)
    page.goto("/practices")
    cards = _boxes(page, "main .grid > .card")
    assert all(later["top"] >= earlier["bottom"] for earlier, later in zip(cards, cards[1:]))
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_the_log_fields_for_numbers_are_sized_for_a_number(live_server, page: Page):
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    sign_in(page, ada.email)
    for path, labels in (("/practices/log", ("Minutes", "Before", "After")),
                         ("/practices/breathing?pattern=4-6&minutes=5", ("Minutes",))):
        page.goto(path)
        for label in labels:
            # They ran the full width of the card on a laptop, a thousand pixels for "5".
            assert page.get_by_label(label, exact=True).bounding_box()["width"] <= 200, (path, label)
