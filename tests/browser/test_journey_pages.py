"""Questionnaires, the journey and the session report in a real browser: filling in by keyboard,
a kind error that keeps answers, the therapist's view; every page axe-checked and photographed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from holdspace import clock
from holdspace.creativity import journal
from holdspace.journey import mood, questionnaires
from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import click_and_wait, made_directly, sign_in
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser

PHQ9_PROMPT = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"


def _story(live_server):
    """Lena: three months of check-ins, a PHQ-9 and GAD-7 every two weeks, shared with Dr Okafor."""
    lena = made_directly(live_server, "Lena", Role.CLIENT)
    okafor = made_directly(live_server, "Dr Ada Okafor", Role.THERAPIST)
    now = clock.now()
    phq = [17, 15, 14, 12, 9, 8, 6]
    gad = [14, 13, 11, 10, 8, 7, 5]
    with live_server.db() as db:
        owner = db.get(User, lena.id)
        notes = {12: "Long day at work; slept badly again.", 9: "Walked by the river with my sister.",
                 5: "Presentation at work went fine. I was kinder to myself.", 2: "Tired, but dinner with friends helped."}
        for ago in range(90, -1, -1):
            value = min(10, 3 + (90 - ago) // 18 + (ago % 3 == 0))
            mood.record_checkin(db, owner, value, ["tired"] if value < 5 else ["calm"], notes.get(ago, ""),
                                at=now - timedelta(days=ago, hours=2))
        journal.write_entry(db, owner, "Work still worries me, but I notice the worry sooner now.",
                            at=now - timedelta(days=4))
        for i, (p, g) in enumerate(zip(phq, gad)):
            at = now - timedelta(days=84 - 14 * i, hours=1)
            answers = _answers(p, 9)
            questionnaires.save(db, owner, "phq9", answers, at=at)
            questionnaires.save(db, owner, "gad7", _answers(g, 7), at=at)
        therapist = db.get(User, okafor.id)
        _, code = consent.create_invitation(db, therapist, "Lena")
        consent.accept_invitation(db, owner, code, ["mood", "journal", "measures"])
        questionnaires.assign(db, therapist, owner.id, "who5", 14)
        db.commit()
    return lena, okafor


def _answers(total: int, n: int) -> dict[str, int]:
    """Answers adding up to `total`, spread over the first n-1 items (never question 9)."""
    values = [0] * n
    for i in range(total):
        values[i % (n - 1)] += 1
    return {str(k): v for k, v in enumerate(values, start=1)}


def test_a_client_answers_by_keyboard_and_a_missing_answer_keeps_the_rest(page: Page, live_server):
    lena = made_directly(live_server, "Mira", Role.CLIENT)
    sign_in(page, lena.email)
    page.goto("/measures/gad7")
    question = page.get_by_role("group", name="Feeling nervous, anxious, or on edge")
    question.get_by_role("radio", name="Several days").focus()
    page.keyboard.press("Space")
    page.get_by_role("group", name="Trouble relaxing").get_by_role("radio", name="Nearly every day").check()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("alert")).to_contain_text("Everything you did answer is kept")
    expect(page.get_by_role("group", name="Trouble relaxing").get_by_role("radio", name="Nearly every day")).to_be_checked()
    for text in ("Not being able to stop or control worrying", "Worrying too much about different things",
                 "Being so restless that it is hard to sit still", "Becoming easily annoyed or irritable",
                 "Feeling afraid, as if something awful might happen"):
        page.get_by_role("group", name=text).get_by_role("radio", name="Not at all").check()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Your GAD-7 result")).to_be_visible()
    expect(page.locator(".score .total")).to_have_text("4")


def test_journey_pages_pass_axe_and_are_saved_as_screenshots(live_server, new_context, screenshots):
    lena, okafor = _story(live_server)
    album = Album(screenshots)
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot
        sign_in(page, lena.email)
        page.goto("/measures")
        expect(page.get_by_role("heading", name="Questionnaires", exact=True)).to_be_visible()
        shot("measures")
        page.goto("/measures/phq9")
        expect(page.get_by_text(PHQ9_PROMPT)).to_be_visible()
        page.get_by_role("group", name="Little interest or pleasure in doing things").get_by_role(
            "radio", name="Several days").check()
        page.get_by_role("button", name="See my result").click()
        expect(page.get_by_role("alert")).to_be_visible()
        shot("measure-missing-answers")
        page.goto(page.url)  # the draft is kept
        page.goto("/measures/who5")
        for i in range(1, 6):
            page.locator(f"input[name='item-{i}'][value='3']").check()
        page.get_by_role("button", name="See my result").click()
        expect(page.get_by_role("heading", name="Your WHO-5 result")).to_be_visible()
        shot("measure-result")
        page.get_by_role("link", name="See your journey").click()
        expect(page.get_by_role("heading", name="Look how far you've come")).to_be_visible()
        shot("journey")
        click_and_wait(page, page.get_by_role("button", name="Sign out"))

        sign_in(page, okafor.email)
        page.goto(f"/clients/{lena.id}/measures")
        expect(page.get_by_role("heading", name="Lena: questionnaires")).to_be_visible()
        shot("therapist-measures")
        page.goto(f"/clients/{lena.id}")
        page.get_by_role("link", name="Prepare the session report").click()
        page.get_by_label("Last session on").fill((clock.now() - timedelta(days=14)).date().isoformat())
        page.get_by_role("button", name="Show since then").click()
        expect(page.get_by_role("heading", name="Session report: Lena")).to_be_visible()
        shot("session-report")
        page.emulate_media(media="print", color_scheme="light")  # paper is light whatever the screen
        page.screenshot(path=screenshots / f"session-report-print-{next(iter(screen.schemes))}.png", full_page=True)
        page.emulate_media(media="screen")
        # A download, not an interaction: on a busy machine drawing it may take a few seconds.
        pdf = page.request.get(page.get_by_role("link", name="Download PDF").get_attribute("href"), timeout=30000)
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body()[:5] == b"%PDF-"
        (screenshots / "session-report.pdf").write_bytes(pdf.body())
        page.get_by_role("button", name="Sign out").click()
    assert_no_axe_problems(album.problems)


def test_on_a_phone_the_severity_bands_are_named_in_words_large_enough_to_read(live_server, new_context):
    lena, _ = _story(live_server)
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    sign_in(page, lena.email)
    page.goto("/journey")
    card = page.locator("section.card", has=page.get_by_role("heading", name="How your mood has been"))
    # Shrunk with the chart, "Moderately severe" beside the bands was about 5px tall.
    shown = [n for n in card.get_by_text("Moderately severe", exact=True).all() if n.is_visible()]
    sizes = [n.evaluate("el => el.getBoundingClientRect().height") for n in shown]
    assert sizes and min(sizes) >= 13, sizes


def test_on_a_phone_each_questionnaire_result_reads_as_one_block_of_whole_lines(live_server, new_context):
    lena, _ = _story(live_server)
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    sign_in(page, lena.email)
    page.goto("/measures")
    card = page.locator("section.card", has=page.get_by_role("heading", name="How your mood has been"))
    row = card.get_by_role("row").nth(1)
    # Four squeezed columns broke "25 Nov 2026" over three lines and "2 points better (within chance)" over four.
    for cell in row.get_by_role("cell").all():
        lines = cell.evaluate("el => { const r = document.createRange(); r.selectNodeContents(el);"
                              " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }")
        assert lines == 1, cell.inner_text()
    expect(row).to_contain_text("Score")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
