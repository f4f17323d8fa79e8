"""People and what they do in the browser: accounts, signing up and in, check-ins, invitations."""

from __future__ import annotations

import uuid

from playwright.sync_api import Locator, Page, expect

from holdspace.privacy import second_factor
from holdspace.privacy.accounts import Role

from ..conftest import TOTP_SECRET

PASSWORD = "quiet river lantern"
NOTE_LABEL = "Anything you'd like to note? (optional)"


def click_and_wait(page: Page, target: Locator) -> None:
    """Click a button or link that loads a new page, and wait until that page has loaded.

    Clicking doesn't wait for the next page: a screenshot, an axe run or a look at the URL right
    after it could still see the page before, which on a busy machine it sometimes did.
    """
    with page.expect_navigation():
        target.click()


def unique_email(name: str) -> str:
    return f"{name.lower()}-{uuid.uuid4().hex[:10]}@example.org"


def made_directly(live_server, name: str, role: Role):
    """An account made through the services, as `holdspace users add` would; the web can't."""
    return live_server.make_user(name=name, email=unique_email(name.split()[-1]), password=PASSWORD,
                                 role=role)


def sign_up(page: Page, name: str, email: str, password: str = PASSWORD) -> None:
    page.goto("/signup")
    page.get_by_label("What should we call you?").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    click_and_wait(page, page.get_by_role("button", name="Create my space"))


_LAST_STEP: dict[str, int] = {}


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    click_and_wait(page, page.get_by_role("button", name="Sign in"))
    if "/login/code" in page.url:
        # Each code works once: a second sign-in in the same 30 s uses the next step's code.
        step = max(second_factor.current_step(), _LAST_STEP.get(email, 0) + 1)
        _LAST_STEP[email] = step
        expect(page.get_by_role("heading", name="One more step")).to_be_visible()
        page.get_by_label("Code").fill(second_factor.code_at(TOTP_SECRET, step))
        click_and_wait(page, page.get_by_role("button", name="Continue"))


def check_in(page: Page, mood_value: int | None, feelings=(), note: str = "") -> None:
    page.goto("/checkins/new")
    if mood_value is not None:
        page.get_by_role("radio", name=str(mood_value), exact=True).check()
    for feeling in feelings:
        page.get_by_role("checkbox", name=feeling, exact=True).check()
    if note:
        page.get_by_label(NOTE_LABEL).fill(note)
    click_and_wait(page, page.get_by_role("button", name="Save my check-in"))


def make_invitation(page: Page, label: str) -> str:
    page.goto("/caseload")
    page.get_by_label("A reminder for you (optional)").fill(label)
    click_and_wait(page, page.get_by_role("button", name="Make an invitation code"))
    shown = page.get_by_role("status").filter(
        has=page.get_by_role("heading", name=f"Invitation code for {label}"))
    return shown.locator(".code").inner_text().strip()


def connect(page: Page, code: str, share: list[str]) -> None:
    page.goto("/sharing")
    connect_form = page.locator("form[action='/sharing/accept']")
    connect_form.get_by_label("Invitation code").fill(code)
    for label in share:
        connect_form.get_by_role("checkbox", name=label).check()
    click_and_wait(page, connect_form.get_by_role("button", name="Connect"))
    expect(page.get_by_role("status")).to_have_text(
        "You're now connected. You can change what you share here at any time.")
