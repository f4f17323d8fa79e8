"""How pages sit on a laptop and a phone: room between decisions, a header that leaves room for the page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from holdspace import clock
from holdspace.journey import mood, questionnaires
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


def test_on_a_phone_the_journal_box_is_on_the_first_screen_and_prompts_are_a_tap_away(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/journal/new")
    # The open prompt picker took the whole first screen; the box to write in started below it.
    entry = page.get_by_label("Your entry").bounding_box()
    assert entry["y"] + 100 <= 844
    page.get_by_text("Would a prompt help?").click()
    expect(page.get_by_label("How are you feeling?")).to_be_visible()
    # Once a client is choosing prompts, the picker stays open for her.
    page.goto("/journal/new?feeling=anxious")
    expect(page.get_by_label("How are you feeling?")).to_be_visible()
    laptop = new_context().new_page()
    sign_in(laptop, june.email)
    laptop.goto("/journal/new")
    expect(laptop.get_by_label("How are you feeling?")).to_be_visible()  # room for both on a laptop


def test_on_a_phone_the_caseload_keeps_a_latest_mood_and_its_day_on_one_line(live_server, new_context):
    june = made_directly(live_server, "June", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "June")
        consent.accept_invitation(db, db.get(User, june.id), code,
                                  ["mood", "goals", "measures", "exercises", "conversations"])
        mood.record_checkin(db, db.get(User, june.id), 8, ["calm"])
        db.commit()
    page = new_context(**PHONE).new_page()
    sign_in(page, rowan.email)
    page.goto("/caseload")
    cell = page.get_by_role("row", name="June").get_by_role("cell").last
    expect(cell).to_contain_text("8/10")
    # "8/10 1 Dec" broke after "1", leaving the month alone on a second line.
    words = cell.evaluate("""td => { const r = document.createRange(); r.selectNodeContents(td);
                                     return {height: r.getBoundingClientRect().height,
                                             line: parseFloat(getComputedStyle(td).lineHeight)}; }""")
    assert words["height"] < 1.5 * words["line"]


def test_on_a_phone_the_steps_of_the_letter_fit_on_one_row(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/practices/letters/new")
    steps = page.get_by_role("navigation", name="Steps of the letter").get_by_role("listitem")
    boxes = [steps.nth(i).bounding_box() for i in range(steps.count())]
    assert len(boxes) == 6
    # Each pill was up to 220px wide, so the six stood in a column taller than the first step's question.
    assert len({round(b["y"]) for b in boxes}) == 1
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes)
    assert all(b["height"] >= 32 for b in boxes)
    current = page.locator(".letter-steps [aria-current=step]")
    expect(current).to_have_count(1)
    assert current.evaluate("el => el.scrollWidth <= el.clientWidth")


def _rendered_axis_labels(page: Page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('svg.chart text.axis')]
        .filter(t => t.getClientRects().length && getComputedStyle(t).visibility !== 'hidden')
        .map(t => { const r = t.getBoundingClientRect();
                    return {text: t.textContent, chart: t.closest('svg').id || [...document.querySelectorAll('svg.chart')].indexOf(t.closest('svg')),
                            px: t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize),
                            left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })""")


def test_on_a_phone_chart_labels_are_readable_and_do_not_run_into_each_other(live_server, new_context):
    june, _ = _connected(live_server)
    now = clock.now()
    with live_server.db() as db:
        owner = db.get(User, june.id)
        for ago in range(190, -1, -3):  # over six months: seven month labels, crowded on a phone
            mood.record_checkin(db, owner, 3 + ago % 6, ["calm"], at=now - timedelta(days=ago, hours=1))
        for ago, answers in ((60, 2), (30, 1), (2, 0)):
            questionnaires.save(db, owner, "phq9", {str(k): answers for k in range(1, 9)} | {"9": 0},
                                at=now - timedelta(days=ago))
        db.commit()
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    for path in ("/checkins", "/journey", "/", "/measures"):
        page.goto(path)
        labels = _rendered_axis_labels(page)
        assert labels, path
        # Shrunk with the chart to fit a phone, they were about 9px.
        small = [(l["text"], round(l["px"], 1)) for l in labels if l["px"] < 12]
        assert not small, f"{path}: {small}"
        for a in labels:
            for b in labels:
                if a is not b and a["chart"] == b["chart"]:
                    # Side by side they need a gap to read as two ("4 Nov11 Nov" reads as one); one above
                    # the other (a y-axis number and a date) they only need not to overlap.
                    gap = 6 if abs(a["top"] - b["top"]) < 2 else 0
                    apart = (a["right"] + gap <= b["left"] + 1 or b["right"] + gap <= a["left"] + 1
                             or a["bottom"] <= b["top"] + 1 or b["bottom"] <= a["top"] + 1)
                    assert apart, f"{path}: {a['text']!r} runs into {b['text']!r}"


def test_on_a_phone_checkboxes_and_choices_keep_their_shape_beside_long_labels(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    for path in ("/sharing", "/journal/new"):
        page.goto(path)
        boxes = page.locator(".check input").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.name, r.width, r.height]; })")
        assert boxes, path
        # Beside a label of two or three lines they were squeezed to 13px wide, thin slivers to aim at.
        squeezed = [(name, round(w), round(h)) for name, w, h in boxes if abs(w - h) > 1 or w < 18]
        assert not squeezed, f"{path}: {squeezed}"


def test_on_a_phone_each_breathing_pace_is_big_enough_to_tap(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/practices")
    card = page.locator("section.card").filter(has=page.get_by_role("heading", name="Breathing", exact=True))
    paces = card.get_by_role("link")
    boxes = [paces.nth(i).bounding_box() for i in range(paces.count())]
    assert len(boxes) >= 4
    # Four links 20px tall and 10px apart: "4-7-8" was a 45 x 20 target between two others.
    assert all(b["height"] >= 44 for b in boxes)
    assert all(above["y"] + above["height"] <= below["y"] for above, below in zip(boxes, boxes[1:]))


def test_on_a_phone_a_client_on_the_caseload_is_big_enough_to_tap(live_server, new_context):
    june, rowan = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, rowan.email)
    page.goto("/caseload")
    name = page.get_by_role("link", name="June", exact=True)
    box = name.bounding_box()
    # Only the name opens the client's page, and "June" was a 38 x 20 target.
    assert box["height"] >= 44 and box["width"] >= 44
    click_and_wait(page, name)
    expect(page.get_by_role("heading", name="June", exact=True)).to_be_visible()


def test_on_a_phone_adding_a_picture_starts_with_the_picture_chooser_on_the_first_screen(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/art/new")
    # Like the journal's, the open idea picker filled the first screen before the picture could be chosen.
    chooser = page.get_by_label("Your picture").bounding_box()
    assert chooser["y"] + chooser["height"] <= 844
    page.get_by_text("Looking for an idea?").click()
    expect(page.get_by_label("What would you like to make?")).to_be_visible()
    page.goto("/art/new?medium=collage")
    expect(page.get_by_label("What would you like to make?")).to_be_visible()
