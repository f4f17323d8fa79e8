"""The letter to yourself as to a friend in a real browser: one step per page, without JavaScript,
a draft that survives leaving and a letter that is too long, reading it back, sharing it.

Every page is checked by axe-core (WCAG A/AA) in light, dark and on a phone, and saved as a
screenshot in tests/screenshots/letter-*.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User
from holdspace.selfcompassion import letter

from .people import made_directly, sign_in
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser

NOTES = ("I snapped at my sister on the phone, and since then I keep telling myself I'm a terrible person.",
         "Sam. She has known me since school and never keeps score.",
         "That I was exhausted after a week of night shifts, and frightened about Mum's results.",
         "That everyone loses their temper sometimes, most of all with the people they love.",
         "That I get some sleep, and call my sister tomorrow to say sorry.")
LETTER = ("Dear Jo,\n\nYou were running on empty this week, and you were scared. Snapping at Leah doesn't make "
          "you terrible; it makes you tired and human.\n\nGet some sleep. Call her tomorrow. Love, Sam")


def _next(page: Page, label: str, text: str) -> None:
    page.get_by_label(label).fill(text)
    page.get_by_role("button", name="Next step").click()


def test_without_javascript_a_client_writes_leaves_comes_back_and_finishes_her_letter(live_server, new_context):
    jo = made_directly(live_server, "Jo", Role.CLIENT)
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, jo.email)
    page.goto("/practices")
    page.get_by_role("link", name="Start a letter").click()
    steps = letter.steps()
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    _next(page, steps[0].label, NOTES[0])
    _next(page, steps[1].label, NOTES[1])
    page.get_by_label(steps[2].label).fill(NOTES[2])
    page.get_by_role("button", name="Keep it for later").click()
    expect(page.get_by_role("status")).to_contain_text("kept as a draft")
    page.get_by_role("link", name="Carry on the letter begun").click()
    expect(page.get_by_text("Step 4 of 6")).to_be_visible()
    page.get_by_role("button", name="Back a step").click()
    expect(page.get_by_label(steps[2].label)).to_have_value(NOTES[2])
    page.get_by_role("button", name="Next step").click()
    _next(page, steps[3].label, NOTES[3])
    _next(page, steps[4].label, NOTES[4])
    expect(page.get_by_text(NOTES[3])).to_be_visible()  # the notes to draw on
    expect(page.get_by_label("Your letter")).to_have_value("")
    too_long = "You did your best. " * 1100
    page.get_by_label("Your letter").fill(too_long)
    page.get_by_role("button", name="Finish my letter").click()
    expect(page.get_by_role("alert")).to_contain_text("can hold up to 20,000 characters")
    expect(page.get_by_label("Your letter")).to_have_value(too_long.strip())
    page.get_by_label("Your letter").fill(LETTER)
    page.get_by_role("button", name="Finish my letter").click()
    expect(page.get_by_role("status")).to_contain_text("Your letter is saved")
    expect(page.get_by_text("Private: only you can read this letter.")).to_be_visible()
    expect(page.get_by_text("Get some sleep. Call her tomorrow.")).to_be_visible()
    page.get_by_role("button", name="Share it with my therapist").click()
    expect(page.get_by_role("status")).to_contain_text("shared")
    page.get_by_role("link", name="All your letters").click()
    expect(page.get_by_text("Shared with your therapist")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"\d{4}$")).click()
    page.get_by_text("Delete this letter").click()
    page.get_by_role("button", name="Yes, delete it for good").click()
    expect(page.get_by_role("status")).to_contain_text("It's removed.")
    expect(page.get_by_text("None finished yet.")).to_be_visible()


def _letter_story(live_server):
    jo = made_directly(live_server, "Jo", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "Jo")
        consent.accept_invitation(db, db.get(User, jo.id), code, ["exercises"])
        db.commit()
    return jo, rowan


def test_letter_pages_pass_axe_and_are_saved_as_screenshots(live_server, new_context, screenshots):
    jo, rowan = _letter_story(live_server)
    album = Album(screenshots, prefix="letter-")
    steps = letter.steps()
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot
        sign_in(page, jo.email)
        page.goto("/practices/letters/new")
        for number, note in enumerate(NOTES, start=1):
            page.get_by_label(steps[number - 1].label).fill(note)
            shot(f"step-{number}")
            page.get_by_role("button", name="Next step").click()
        expect(page.get_by_text("Step 6 of 6")).to_be_visible()
        page.get_by_label("Your letter").fill(LETTER)
        shot("step-6")
        page.get_by_label("Your letter").fill("")
        page.get_by_role("button", name="Finish my letter").click()
        expect(page.get_by_role("alert")).to_contain_text("The letter is still empty")
        shot("error")
        page.get_by_label("Your letter").fill(LETTER)
        page.get_by_label("Share it with the therapists I share exercises with").check()
        page.get_by_role("button", name="Finish my letter").click()
        expect(page.get_by_role("status")).to_contain_text("Your letter is saved")
        shot("read-back")
        page.goto("/practices/letters/new")
        page.get_by_label(steps[0].label).fill("The presentation went badly.")
        page.get_by_role("button", name="Keep it for later").click()
        expect(page.get_by_role("status")).to_be_visible()
        shot("list")
        page.get_by_role("button", name="Sign out").click()

        sign_in(page, rowan.email)
        page.goto("/caseload")
        page.get_by_role("link", name="Jo").first.click()
        page.get_by_role("link", name="Practices Jo has done").click()
        expect(page.get_by_text("Get some sleep. Call her tomorrow.").first).to_be_visible()
        expect(page.get_by_text("The presentation went badly.")).to_have_count(0)  # a draft stays with Jo
        shot("therapist-view")
    assert_no_axe_problems(album.problems)
