"""What people see and do in a real browser: signing up, checking in, sharing, and the crisis page.

Assertions use the words on the page, found by role and label as a screen reader would.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from holdspace import clock
from holdspace.journey import mood
from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import (NOTE_LABEL, check_in, click_and_wait, connect, made_directly, make_invitation, sign_in,
                     sign_up, unique_email)
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser

# The README's picture is rewritten only when asked, so a plain test run leaves the tree clean:
#   HOLDSPACE_UPDATE_README_SCREENSHOT=1 .venv/bin/python -m pytest tests/browser
README_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot.png"
CHECKIN_SAVED = "Your check-in is saved. Thank you for taking a moment for yourself."


def checkin_row(page: Page, note: str):
    return page.get_by_role("table").get_by_role("row").filter(has_text=note)


# --- a. a client signs up and checks in ---------------------------------------------------------

def test_a_new_client_signs_up_checks_in_and_sees_it_on_their_pages(page: Page):
    sign_up(page, "Maya", unique_email("maya"))
    expect(page).to_have_url(re.compile(r"/\?done=signed-up$"))
    expect(page.get_by_role("heading", name="Hello, Maya")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(
        "Welcome to holdspace. This is your space; take it at your own pace.")

    note = "Walked by the river after work; the light helped."
    check_in(page, 7, ["anxious", "hopeful"], note)

    expect(page).to_have_url(re.compile(r"/checkins\?done=checkin$"))
    expect(page.get_by_role("status")).to_have_text(CHECKIN_SAVED)
    row = checkin_row(page, note)
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(1)).to_have_text("7 okay")
    expect(row.get_by_role("cell").nth(2)).to_have_text("anxious, hopeful")
    expect(row.get_by_role("cell").nth(3)).to_have_text(note)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    last = page.get_by_role("paragraph").filter(has_text="Your last check-in was")
    expect(last).to_contain_text("7 out of 10")
    expect(last).to_contain_text("feeling anxious, hopeful")
    expect(page.get_by_text("This week: 1 check-in, average 7.0 out of 10")).to_be_visible()


# --- b. a therapist sees exactly what each client shares ---------------------------------------

def test_a_therapist_sees_only_what_each_client_shares_and_loses_it_when_unticked(
        live_server, new_context):
    therapist = made_directly(live_server, "Dr Rowan Ellis", Role.THERAPIST)
    rowan = new_context().new_page()
    sign_in(rowan, therapist.email)
    expect(rowan.get_by_role("heading", name="Your caseload")).to_be_visible()
    sam_code = make_invitation(rowan, "Sam")
    jo_code = make_invitation(rowan, "Jo")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", sam_code), sam_code
    assert sam_code != jo_code

    sam = new_context().new_page()
    sign_up(sam, "Sam", unique_email("sam"))
    connect(sam, sam_code, ["Mood check-ins"])
    sam_note = "Slept badly, but called my sister and felt less alone."
    check_in(sam, 4, ["tired", "connected"], sam_note)
    expect(sam.get_by_role("status")).to_have_text(CHECKIN_SAVED)
    sam.goto("/")
    expect(sam.get_by_role("listitem").filter(has_text="Dr Rowan Ellis")).to_have_text(
        "Dr Rowan Ellis can see: mood check-ins.")

    jo = new_context().new_page()
    sign_up(jo, "Jo", unique_email("jo"))
    connect(jo, jo_code, ["Journal"])
    jo_note = "Jo's private words about the argument at home."
    check_in(jo, 9, ["relieved"], jo_note)
    expect(jo.get_by_role("status")).to_have_text(CHECKIN_SAVED)

    rowan.goto("/caseload")
    clients = rowan.get_by_role("table")
    sam_row = clients.get_by_role("row").filter(has=rowan.get_by_role("link", name="Sam"))
    jo_row = clients.get_by_role("row").filter(has=rowan.get_by_role("link", name="Jo"))
    expect(sam_row.get_by_role("cell").nth(1)).to_have_text("Mood check-ins")
    expect(sam_row.get_by_role("cell").nth(2)).to_contain_text("4/10")
    expect(jo_row.get_by_role("cell").nth(1)).to_have_text("Journal")
    expect(jo_row.get_by_role("cell").nth(2)).to_have_text("not shared")
    assert jo_note not in rowan.content()

    sam_row.get_by_role("link", name="Sam").click()
    expect(rowan.get_by_role("heading", name="Sam", exact=True)).to_be_visible()
    sam_page = rowan.url
    row = checkin_row(rowan, sam_note)
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(1)).to_have_text("4 a bit low")
    expect(rowan.get_by_role("listitem").filter(has_text="Mood check-ins")).to_have_text(
        "Shared Mood check-ins")

    rowan.goto("/caseload")
    rowan.get_by_role("link", name="Jo").click()
    expect(rowan.get_by_role("heading", name="Jo", exact=True)).to_be_visible()
    expect(rowan.get_by_role("listitem").filter(has_text="Mood check-ins")).to_have_text(
        "Not shared Mood check-ins")
    expect(rowan.get_by_role("heading", name="Mood", exact=True)).to_have_count(0)
    assert jo_note not in rowan.content()

    # Sam takes mood back; Rowan's very next page load no longer has the note.
    sam.goto("/sharing")
    with_rowan = sam.locator("section").filter(
        has=sam.get_by_role("heading", name="Dr Rowan Ellis"))
    with_rowan.get_by_role("checkbox", name="Mood check-ins").uncheck()
    with_rowan.get_by_role("button", name="Save what Dr Rowan Ellis can see").click()
    expect(sam.get_by_role("status")).to_have_text(
        "Your sharing choices are saved and apply from now on.")

    rowan.goto(sam_page)
    expect(rowan.get_by_role("listitem").filter(has_text="Mood check-ins")).to_have_text(
        "Not shared Mood check-ins")
    assert sam_note not in rowan.content()
    rowan.goto("/caseload")
    sam_row = rowan.get_by_role("row").filter(has=rowan.get_by_role("link", name="Sam"))
    expect(sam_row.get_by_role("cell").nth(2)).to_have_text("not shared")


# --- c. mistakes keep what was typed ----------------------------------------------------------

def test_a_checkin_without_a_mood_is_kindly_refused_and_keeps_the_note(page: Page):
    sign_up(page, "Ari", unique_email("ari"))
    note = "Hard to put a number on today, but I want to remember this."
    check_in(page, None, ["numb"], note)

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Let's fix this together")
    expect(summary).to_contain_text("Please choose your mood on the scale from 0 to 10.")
    expect(page.get_by_label(NOTE_LABEL)).to_have_value(note)
    expect(page.get_by_role("checkbox", name="numb", exact=True)).to_be_checked()

    # The link in the summary takes them to the question that needs an answer.
    summary.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"#f-mood$"))


def test_signing_up_with_a_short_password_keeps_the_email_and_name(page: Page):
    email = unique_email("noor")
    sign_up(page, "Noor", email, password="short")

    expect(page.get_by_role("alert")).to_contain_text("Please use at least 8 characters.")
    expect(page.get_by_label("What should we call you?")).to_have_value("Noor")
    expect(page.get_by_label("Email")).to_have_value(email)
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")


# --- d. help is always one click away ----------------------------------------------------------

def test_the_crisis_page_works_signed_out_and_names_988_and_911(page: Page):
    page.goto("/crisis")
    expect(page.get_by_role("heading", level=1)).to_have_text("If you are in danger right now")
    expect(page.get_by_role("main")).to_contain_text(
        "Call 911 for emergency services in the United States")
    expect(page.get_by_role("link", name="988", exact=True).first).to_have_attribute(
        "href", re.compile(r"^tel:"))
    expect(page.get_by_role("main")).to_contain_text("988 Suicide & Crisis Lifeline")
    expect(page.get_by_role("link", name="Call 988")).to_have_attribute("href", "tel:988")
    expect(page.get_by_role("link", name="Text 988")).to_have_attribute("href", re.compile(r"^sms:988"))


def test_every_page_has_the_need_help_now_link(page: Page, live_server):
    signed_out = ["/", "/signup", "/login", "/crisis", "/no-such-page"]
    for path in signed_out:
        page.goto(path)
        expect(page.get_by_role("link", name="Need help now?")).to_have_attribute("href", "/crisis")

    sign_up(page, "Lee", unique_email("lee"))
    for path in ["/", "/checkins", "/checkins/new", "/sharing"]:
        page.goto(path)
        expect(page.get_by_role("link", name="Need help now?")).to_have_attribute("href", "/crisis")

    therapist = made_directly(live_server, "Dr Amal Sato", Role.THERAPIST)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_have_text("You're signed out. Take care of yourself.")
    sign_in(page, therapist.email)
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Need help now?")).to_have_attribute("href", "/crisis")


# --- e. no JavaScript needed ------------------------------------------------------------------

def test_signing_up_and_checking_in_work_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    sign_up(page, "Kit", unique_email("kit"))
    expect(page.get_by_role("heading", name="Hello, Kit")).to_be_visible()
    note = "Written with scripts turned off."
    check_in(page, 3, ["worried"], note)
    expect(page.get_by_role("status")).to_have_text(CHECKIN_SAVED)
    expect(checkin_row(page, note).get_by_role("cell").nth(1)).to_have_text("3 low")


# --- f. keyboard ------------------------------------------------------------------------------

def test_the_first_tab_reaches_skip_to_content_and_it_shows(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused skip link has no visible outline"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    page.keyboard.press("Tab")
    # From the skip link, the next stop is inside the content, not back in the header.
    assert page.evaluate("document.activeElement.closest('main') !== null")


# --- screenshots for a human to look at ---------------------------------------------------------

def _story(live_server):
    """A client with three weeks of check-ins, her therapist, and a second client sharing less."""
    maya = made_directly(live_server, "Maya", Role.CLIENT)
    theo = made_directly(live_server, "Theo", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Ellis", Role.THERAPIST)
    days = [(20, 3, ["tired", "sad"], "Rough start to the week. Stayed in bed late."),
            (18, 4, ["anxious", "tense"], ""),
            (16, 5, ["worried"], "Talked it through in session; a bit lighter."),
            (13, 4, ["lonely"], ""),
            (11, 6, ["calm", "hopeful"], "Morning walk before work. Noticed the birds."),
            (8, 5, ["tired"], ""),
            (6, 7, ["content", "grateful"], "Dinner with Ana. Laughed properly."),
            (4, 6, ["anxious", "hopeful"], "Nervous about Thursday, but I have a plan."),
            (2, 8, ["proud", "relieved"], "The presentation went fine. I was kinder to myself."),
            (0, 7, ["calm", "connected"], "Quiet evening. Wrote three things I'm grateful for.")]
    now = clock.now()
    with live_server.db() as db:
        owner = db.get(User, maya.id)
        for ago, value, feelings, note in days:
            mood.record_checkin(db, owner, value, feelings, note,
                                at=now - timedelta(days=ago, hours=3 if ago else 0, minutes=ago * 7))
        therapist = db.get(User, rowan.id)
        _, code = consent.create_invitation(db, therapist, "Maya")
        consent.accept_invitation(db, owner, code, ["mood", "journal"])
        _, code = consent.create_invitation(db, therapist, "Theo")
        consent.accept_invitation(db, db.get(User, theo.id), code, ["journal"])
        consent.create_invitation(db, therapist, "Priya")
        db.commit()
    return maya, rowan


def test_key_pages_fit_their_screen_pass_axe_and_are_saved_as_screenshots(
        live_server, new_context, screenshots):
    maya, rowan = _story(live_server)
    album = Album(screenshots)
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot
        for name, path in [("welcome", "/"), ("signup", "/signup"), ("login", "/login"),
                           ("crisis", "/crisis"), ("not-found", "/no-such-page")]:
            page.goto(path)
            shot(name)
        sign_up(page, "Noor", unique_email("noor"), password="short")
        expect(page.get_by_role("alert")).to_be_visible()
        shot("signup-error")

        sign_in(page, maya.email)
        expect(page.get_by_role("heading", name="Hello, Maya")).to_be_visible()
        shot("client-home")
        if "light" in screen.schemes and os.environ.get("HOLDSPACE_UPDATE_README_SCREENSHOT"):
            page.screenshot(path=README_SCREENSHOT, full_page=True)
        page.goto("/checkins")
        shot("checkins")
        check_in(page, None, ["tired"], "Not sure how to rate today.")
        expect(page.get_by_role("alert")).to_be_visible()
        shot("checkin-error")
        page.goto("/checkins/new")
        page.get_by_role("radio", name="6", exact=True).focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        shot("checkin-new-focused")
        page.goto("/sharing")
        shot("sharing")
        page.goto("/journal/new")
        page.get_by_label("Your entry").fill("The meeting went better than I feared. I noticed my "
                                             "shoulders drop on the walk home.")
        click_and_wait(page, page.get_by_role("button", name="Save entry"))
        page.goto("/journal/new")
        page.get_by_label("Your entry").fill("Something I'm not ready to share with anyone.")
        page.get_by_role("checkbox", name=re.compile("Lock it with a passphrase")).check()
        page.get_by_label("Passphrase", exact=True).fill("a walk by the river")
        page.get_by_label("The passphrase again").fill("a walk by the river")
        shot("journal-new-private")
        page.get_by_role("button", name="Save entry").click()
        expect(page.get_by_text("Private entry, locked with your passphrase.").first).to_be_visible()
        shot("journal")
        click_and_wait(page, page.get_by_role("link", name=re.compile(r"\d{2}:\d{2}")).first)
        shot("journal-entry-locked")
        check_in(page, 2, ["hopeless"], "I've been giving my things away and I wrote the letters. "
                                          "I don't think I'll be here next week.")
        expect(page.get_by_role("heading", name="Before you go on")).to_be_visible()
        shot("checkin-crisis-response")
        page.goto("/privacy/activity")
        shot("privacy-activity")
        page.goto("/account/second-factor")
        shot("second-factor-setup")
        page.goto("/account/delete")
        shot("account-delete")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("status")).to_be_visible()
        shot("signed-out")

        sign_in(page, rowan.email)
        make_invitation(page, "Sam")
        shot("caseload-new-code")
        page.get_by_role("link", name="Maya").click()
        expect(page.get_by_role("heading", name="Maya", exact=True)).to_be_visible()
        shot("therapist-client-shared")
        page.goto("/caseload")
        page.get_by_role("link", name="Theo").click()
        expect(page.get_by_role("heading", name="Theo", exact=True)).to_be_visible()
        shot("therapist-client-not-shared")
    assert_no_axe_problems(album.problems)

