"""Talking with the listener in a real browser: without JavaScript, in a crisis, and as the therapist sees it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from holdspace.privacy.accounts import Role

from .people import click_and_wait, connect, made_directly, make_invitation, sign_in, sign_up, unique_email
from .screens import Album, assert_no_axe_problems

pytestmark = pytest.mark.browser

WORRY = "My sister hasn't spoken to me since the wedding and I keep rehearsing what to say."
URGENT = "I have the pills saved up and I'm going to take them all tonight."


def start_talking(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Talk").click()
    page.get_by_role("button", name="Start a new conversation").click()
    expect(page.get_by_role("heading", name="Talking with the listener")).to_be_visible()


def say(page: Page, text: str) -> None:
    """Send a message and wait for the page the server answers with (the chat works without JavaScript)."""
    page.get_by_label("Your message").fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()


def conversation(page: Page):
    return page.get_by_role("log", name="Your conversation with the listener")


def test_a_client_talks_with_the_listener_with_javascript_turned_off(new_context):
    page = new_context(java_script_enabled=False).new_page()
    sign_up(page, "Rue", unique_email("rue"))
    start_talking(page)
    log = conversation(page)
    expect(log.get_by_role("listitem").first).to_contain_text("software, not a person or a therapist")
    expect(log.get_by_role("listitem").first).to_contain_text("no one watches holdspace around the clock")

    say(page, WORRY)
    expect(page).to_have_url(re.compile(r"/talk/\d+#reply-1$"))
    expect(log.get_by_role("listitem").nth(1)).to_contain_text(WORRY)
    reply = page.locator("#reply-1")
    expect(reply).to_contain_text("sister")
    expect(reply).to_be_focused()  # a screen reader starts at the new reply
    expect(page.get_by_label("Your message")).to_have_value("")

    page.get_by_role("link", name="← All conversations").click()
    expect(page.get_by_role("link", name=re.compile(r"\d{2}:\d{2}"))).to_have_count(1)
    expect(page.get_by_text(WORRY[:60])).to_be_visible()  # the preview, for her eyes
    expect(page.get_by_text("Only you can read these.")).to_be_visible()


def test_a_message_at_risk_gets_the_crisis_reply_with_ways_to_reach_someone(page: Page):
    sign_up(page, "Tam", unique_email("tam"))
    start_talking(page)
    say(page, URGENT)
    reply = page.locator("#reply-1")
    expect(reply).to_be_focused()
    expect(reply).to_contain_text("Your safety first")
    expect(reply.get_by_role("link", name="Call 988")).to_have_attribute("href", "tel:988")
    expect(reply.get_by_role("link", name="Text 988")).to_have_attribute("href", re.compile(r"^sms:988"))
    reply.get_by_role("link", name="More lines and numbers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("If you are in danger right now")


def test_after_the_crisis_reply_the_listener_stays_without_reading_it_all_out_again(page: Page):
    sign_up(page, "Ash", unique_email("ash"))
    start_talking(page)
    say(page, URGENT)
    say(page, "I just want it all to stop")
    again = page.locator("#reply-2")
    expect(again).to_contain_text("I'm still here with you")
    expect(again).not_to_contain_text("Thank you for telling me, and I'm really glad you did")
    expect(again.get_by_role("link", name="Call 988")).to_be_visible()
    say(page, "no")  # to "Are you safe right now?"
    not_safe = page.locator("#reply-3")
    expect(not_safe).to_contain_text("Your safety first")
    expect(not_safe).to_contain_text("call 911 now")
    say(page, "i dont want to call anyone")
    heard = page.locator("#reply-4")
    expect(heard).to_contain_text("What feels hardest right now?")
    expect(heard.get_by_role("link", name="Text 988")).to_be_visible()


def test_a_long_message_is_kept_with_a_kind_word_and_can_then_be_sent_in_parts(page: Page):
    sign_up(page, "Io", unique_email("io"))
    start_talking(page)
    long = "Everything happened at once this week and I need to lay it all out. " * 80
    say(page, long)
    expect(page.get_by_role("alert")).to_contain_text("A message can hold up to 5,000 characters")
    box = page.get_by_label("Your message")
    expect(box).to_have_value(long)  # exactly as typed
    expect(box).to_be_focused()
    say(page, long[:2000])
    expect(page.locator("#reply-1")).to_be_visible()


def test_a_client_deletes_a_conversation(page: Page):
    sign_up(page, "Bo", unique_email("bo"))
    start_talking(page)
    say(page, "Something I'd rather not keep.")
    page.get_by_text("Delete this conversation").click()
    page.get_by_role("button", name="Delete it for good").click()
    expect(page.get_by_role("status")).to_have_text("The conversation is deleted, for good.")
    expect(page.get_by_text("No conversations yet.")).to_be_visible()


def test_talking_pages_pass_axe_fit_their_screen_and_are_saved_as_screenshots(live_server, new_context,
                                                                              screenshots):
    album = Album(screenshots)
    for screen, client in zip(album.screens(new_context), ("Maya", "Noa")):
        page, shot = screen.page, screen.shot
        # A therapist per screen: each code works once, so one person signing in four times in a
        # minute would run out of codes the authenticator accepts.
        therapist = made_directly(live_server, "Dr Rowan Ellis", Role.THERAPIST)
        sign_in(page, therapist.email)
        code = make_invitation(page, client)
        click_and_wait(page, page.get_by_role("button", name="Sign out"))
        sign_up(page, client, unique_email(client))
        connect(page, code, ["Mood check-ins", "Conversations"])
        start_talking(page)
        shot("talk-new")
        for text in ["Work has been piling up and my manager keeps adding more.",
                     "I stayed late again and missed dinner with my partner.",
                     "I feel like I'm letting everyone down at once."]:
            say(page, text)
        shot("talk-conversation")
        say(page, "x" * 5001)
        expect(page.get_by_role("alert")).to_be_visible()
        shot("talk-too-long")
        say(page, URGENT)
        expect(page.locator("#reply-4")).to_contain_text("Your safety first")
        shot("talk-crisis-reply")
        say(page, "I just want it all to stop")
        expect(page.locator("#reply-5")).to_contain_text("I'm still here with you")
        shot("talk-crisis-again")
        click_and_wait(page, page.get_by_role("link", name="← All conversations"))
        shot("talk-list")
        click_and_wait(page, page.get_by_role("button", name="Sign out"))

        sign_in(page, therapist.email)
        page.goto("/caseload")
        page.get_by_role("link", name=client, exact=True).click()
        page.get_by_role("heading", name="Conversations with the listener").scroll_into_view_if_needed()
        shot("therapist-client-conversations")
        page.get_by_role("link", name=re.compile(r"\d{2}:\d{2}")).first.click()
        expect(page.get_by_role("heading", name=f"{client} and the listener")).to_be_visible()
        shot("therapist-conversation")
        page.get_by_role("button", name="Sign out").click()
    assert_no_axe_problems(album.problems)
