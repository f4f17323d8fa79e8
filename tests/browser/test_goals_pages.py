"""Goals in a real browser: the builder, a check-in and its celebration, a therapist's suggestion,
and the calendar page — each checked with axe and saved as screenshots to look at."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from holdspace import clock
from holdspace.goals.checkins import record_checkin
from holdspace.goals.goal import check_goal, create_goal
from holdspace.goals.proposals import propose
from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import click_and_wait, made_directly, sign_in
from .screens import Album

pytestmark = pytest.mark.browser


def _story(live_server):
    """A client three weeks into a walking goal, shared with her therapist, with a suggestion waiting."""
    maya = made_directly(live_server, "Maya", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Ellis", Role.THERAPIST)
    today = clock.today()
    with live_server.db() as db:
        owner, therapist = db.get(User, maya.id), db.get(User, rowan.id)
        _, code = consent.create_invitation(db, therapist, "Maya")
        consent.accept_invitation(db, owner, code, ["mood", "goals"])
        end_of_march = date(today.year + (today.month > 3), 3, 31)
        fields = check_goal("Walk for 20 minutes three times a week until the end of March",
                            "1010100", end_of_march, confidence=8,
                            why="I'd get outside more and feel less stuck", wish="be happier")
        goal = create_goal(db, owner, fields, starts_on=today - timedelta(days=23))
        outcomes = ["done", "done", "partly", "done", "not_this_time", "done", "done", "partly", "done"]
        day, placed = today - timedelta(days=23), 0
        while placed < len(outcomes) and day < today - timedelta(days=3):
            if goal.days[day.weekday()] == "1":
                note = "Round the park before work." if placed == 0 else ""
                record_checkin(db, owner, goal, outcomes[placed], note, day=day)
                placed += 1
            day += timedelta(days=1)
        propose(db, therapist, owner, check_goal("Write three kind lines to yourself each Sunday",
                                                 "0000001", None))
        db.commit()
        goal_id = goal.id
    return maya, rowan, goal_id


def test_a_client_builds_a_goal_in_her_own_words_and_checks_in(page: Page, live_server):
    maya, _, _ = _story(live_server)
    sign_in(page, maya.email)
    page.goto("/goals")
    page.get_by_role("link", name="Build a goal, step by step").click()
    page.get_by_label("In any words you like").fill("sleep better")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("What would you notice?").fill("I'd wake up less foggy")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Something that would move you that way").fill("screens off an hour before bed")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()  # no day chosen yet
    expect(page.get_by_role("alert")).to_contain_text("at least one day")
    page.get_by_text("Every day", exact=True).click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("When would you like to look back").fill((clock.today() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Next").click()
    page.get_by_role("radio", name="6", exact=True).check(force=True)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("What would make it a 7?")).to_be_visible()
    expect(page.get_by_label("My goal")).to_have_value("")  # never written for her
    page.get_by_label("My goal").fill("Screens off by 10pm")
    page.get_by_role("button", name="Read it with me first").click()
    expect(page.get_by_role("heading", name="Reading it with you")).to_be_visible()
    page.get_by_label("My goal").fill("Screens off by 10pm every night for the next month")
    page.get_by_role("button", name="Save my goal").click()
    expect(page.get_by_role("heading", name="Screens off by 10pm every night for the next month")).to_be_visible()
    page.get_by_text("Done", exact=True).click()
    page.get_by_role("button", name="Save my check-in").click()
    expect(page.get_by_role("heading", name="Your first check-in")).to_be_visible()


def test_goal_pages_fit_their_screen_pass_axe_and_are_saved_as_screenshots(live_server, new_context, screenshots):
    maya, rowan, goal_id = _story(live_server)
    album = Album(screenshots)
    for screen in album.screens(new_context):
        page, shot = screen.page, screen.shot
        sign_in(page, maya.email)
        page.goto("/goals")
        shot("goals")
        page.goto(f"/goals/{goal_id}")
        page.get_by_text("Partly", exact=True).click()
        page.get_by_label("A note, if you like").fill("Only ten minutes, but I went.")
        page.get_by_role("button", name="Save my check-in").click()
        expect(page.get_by_role("status").first).to_be_visible()
        shot("goal-after-checkin")
        if "mobile" in screen.schemes:  # the suggestion is taken once, on the second screen
            page.goto("/goals")
            page.get_by_role("button", name="Take this goal").click()
            page.get_by_text("Done", exact=True).click()
            page.get_by_role("button", name="Save my check-in").click()
            expect(page.get_by_role("heading", name="Your first check-in")).to_be_visible()
            shot("goal-milestone")
        page.goto("/goals/new")
        page.get_by_label("In any words you like").fill("be happier")
        click_and_wait(page, page.get_by_role("button", name="Next"))
        shot("goal-builder-why")
        page.goto("/goals/new?step=write")
        page.get_by_label("My goal").fill("Go for walks more")
        click_and_wait(page, page.get_by_role("button", name="Read it with me first"))
        shot("goal-builder-suggestions")
        page.get_by_label("My goal").fill("Run")
        page.get_by_role("button", name="Save my goal").click()
        expect(page.get_by_role("alert")).to_be_visible()
        shot("goal-builder-error")
        page.goto("/goals/calendar")
        shot("goal-calendar")
        click_and_wait(page, page.get_by_role("button", name="Sign out"))
        sign_in(page, rowan.email)
        page.goto(f"/clients/{maya.id}/goals")
        expect(page.get_by_role("heading", name="Maya's goals")).to_be_visible()
        shot("therapist-goals")
    assert not album.problems, album.problems


def test_on_a_phone_the_reached_and_put_away_buttons_do_not_touch(live_server, new_context):
    maya, _, goal_id = _story(live_server)
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    sign_in(page, maya.email)
    page.goto(f"/goals/{goal_id}")
    reached = page.get_by_role("button", name="I've reached this goal").bounding_box()
    away = page.get_by_role("button", name="Put it away").bounding_box()
    # Stacked on a phone, they sat flush, one tap away from the wrong one.
    assert away["y"] - (reached["y"] + reached["height"]) >= 6
