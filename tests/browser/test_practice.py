"""Listening skills in a real browser: a therapist uploads a session, reads the report, and practises."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from holdspace.privacy.accounts import Role

from .people import made_directly, sign_in
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser

SESSION = (Path(__file__).parents[1] / "practice" / "data" / "session.txt").read_text()


def test_a_therapist_gets_feedback_on_a_session_and_on_practice_with_axe_and_screenshots(
        live_server, new_context, screenshots):
    rowan = made_directly(live_server, "Dr Rowan Ellis", Role.THERAPIST)
    album = Album(screenshots)
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot
        # Analysing a session and answering in practice run the language models: allow for a busy machine.
        page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)

        sign_in(page, rowan.email)
        page.get_by_role("link", name="Listening skills").click()
        expect(page.get_by_role("heading", name="Listening skills", exact=True)).to_be_visible()
        page.get_by_label("…or paste it here").fill("hello there\n\nhow are you")
        page.get_by_role("button", name="Get feedback").click()
        expect(page.get_by_role("alert")).to_contain_text("T: or C:")
        expect(page.get_by_label("…or paste it here")).to_have_value("hello there\n\nhow are you")
        shot("practice-upload-error")
        page.get_by_label("A name for this session (optional)").fill(f"Ben, session four ({screen.name})")
        page.get_by_label("…or paste it here").fill(SESSION)
        page.get_by_role("button", name="Get feedback").click()
        expect(page.get_by_role("heading", name="The session against MITI thresholds")).to_be_visible()
        expect(page.locator(".moment.try", has_text="Don't worry, it'll all be fine.")).to_be_visible()
        shot("practice-report")
        page.goto("/practice/exercise")
        expect(page.get_by_role("heading", name="The client says")).to_be_visible()
        shot("practice-exercise")
        page.get_by_label("What would you say?").fill(
            "It sounds like you're overwhelmed by how much has landed on you this week.")
        page.get_by_role("button", name="Get feedback").click()
        expect(page.get_by_role("heading", name="Feedback:")).to_be_visible()
        expect(page.get_by_text("One stronger response")).to_be_visible()
        shot("practice-feedback")
        page.goto("/practice")
        expect(page.get_by_text("Your sessions")).to_be_visible()
        shot("practice-home")
    expect.set_options(timeout=5_000)
    assert_no_axe_problems(album.problems)
