"""Listening skills in a real browser: a therapist uploads a session, reads the report, and practises."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from holdspace.privacy.accounts import Role

from .test_pages import SCREENS, _accessibility_problems, _no_sideways_scroll, made_directly, sign_in

pytestmark = pytest.mark.browser

SESSION = (Path(__file__).parents[1] / "practice" / "data" / "session.txt").read_text()


def test_a_therapist_gets_feedback_on_a_session_and_on_practice_with_axe_and_screenshots(
        live_server, new_context, screenshots):
    rowan = made_directly(live_server, "Dr Rowan Ellis", Role.THERAPIST)
    problems: dict[str, list[str]] = {}
    for screen, (options, schemes) in SCREENS.items():
        context = new_context(**options)
        page: Page = context.new_page()
        # Analysing a session and answering in practice run the language models: allow for a busy machine.
        page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)

        def shot(name: str) -> None:
            for suffix, scheme in schemes.items():
                page.emulate_media(color_scheme=scheme)
                _no_sideways_scroll(page, f"{name}-{suffix}")
                if found := _accessibility_problems(page):
                    problems[f"{name}-{suffix}"] = found
                page.screenshot(path=screenshots / f"{name}-{suffix}.png", full_page=True)

        sign_in(page, rowan.email)
        page.get_by_role("link", name="Listening skills").click()
        expect(page.get_by_role("heading", name="Listening skills", exact=True)).to_be_visible()
        page.get_by_label("…or paste it here").fill("hello there\n\nhow are you")
        page.get_by_role("button", name="Get feedback").click()
        expect(page.get_by_role("alert")).to_contain_text("T: or C:")
        expect(page.get_by_label("…or paste it here")).to_have_value("hello there\n\nhow are you")
        shot("practice-upload-error")
        page.get_by_label("A name for this session (optional)").fill(f"Ben, session four ({screen})")
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
        context.close()
    expect.set_options(timeout=5_000)
    assert not problems, "axe-core found WCAG A/AA problems:\n" + "\n".join(
        f"{where}: {p}" for where, found in problems.items() for p in found)
