"""Homework in a real browser: a therapist suggests a practice, the client finds it, does it, is thanked.

Each page is checked by axe-core (WCAG A/AA) in light, dark and on a phone, and saved as a
screenshot in tests/screenshots/homework-*.png.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from holdspace.goals.goal import check_goal, create_goal
from holdspace.journey import questionnaires
from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import made_directly, sign_in
from .screens import LIGHT_AND_DARK, SCREENS, Album

pytestmark = pytest.mark.browser


def _story(live_server):
    lena = made_directly(live_server, "Lena", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        owner, therapist = db.get(User, lena.id), db.get(User, rowan.id)
        _, code = consent.create_invitation(db, therapist, "Lena")
        consent.accept_invitation(db, owner, code, ["mood", "exercises"])
        create_goal(db, owner, check_goal("Walk round the park after work", "1111111", None))
        questionnaires.assign(db, therapist, owner.id, "gad7", 14)
        db.commit()
    return lena, rowan


def test_a_therapist_suggests_breathing_and_the_client_does_it_from_her_home_page(live_server, new_context,
                                                                                  screenshots):
    lena, rowan = _story(live_server)
    album = Album(screenshots, prefix="homework-")
    therapist = new_context().new_page()
    client = new_context().new_page()
    shot, desktop = album.shot, LIGHT_AND_DARK
    sign_in(therapist, rowan.email)
    therapist.goto(f"/clients/{lena.id}")
    therapist.get_by_role("link", name="Practices between sessions").click()
    expect(therapist.get_by_role("heading", name="Lena: practices between sessions")).to_be_visible()
    therapist.get_by_label("Practice", exact=True).select_option(label="Breathing with the pacer: 4-7-8")
    therapist.get_by_label("A note for Lena (optional)").fill("Some evenings before bed, if it helps you settle.")
    therapist.get_by_role("radio", name="On chosen days of the week").check()
    therapist.get_by_role("button", name="Suggest it").click()
    expect(therapist.get_by_role("alert")).to_contain_text("Please tick at least one day of the week.")
    expect(therapist.get_by_label("A note for Lena (optional)")).to_have_value(
        "Some evenings before bed, if it helps you settle.")
    shot(therapist, "assign-error", desktop)
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        therapist.locator("label.pill", has_text=day).click()
    therapist.get_by_role("button", name="Suggest it").click()
    expect(therapist.get_by_role("status")).to_contain_text("Suggested.")
    expect(therapist.locator("article.homework")).to_contain_text("Not done in holdspace yet.")
    shot(therapist, "therapist", desktop)

    sign_in(client, lena.email)
    due = client.locator("section.due")
    expect(due.get_by_role("heading", name="For today, whenever you're ready")).to_be_visible()
    expect(due.get_by_role("link", name="Breathing with the pacer: 4-7-8")).to_be_visible()
    expect(due.get_by_role("link", name="Walk round the park after work")).to_be_visible()
    expect(due.get_by_role("link", name="GAD-7")).to_be_visible()
    expect(due).to_contain_text("Some evenings before bed, if it helps you settle.")
    shot(client, "client-home", desktop)
    client.goto("/practices")
    expect(client.get_by_role("heading", name="For this week from Dr Rowan Hale")).to_be_visible()
    shot(client, "practices", desktop)

    client.get_by_role("link", name="Breathing with the pacer: 4-7-8").first.click()
    expect(client).to_have_url(f"{live_server.url}/practices/breathing?pattern=4-7-8&minutes=5")
    client.goto("/practices/log?kind=breathing&detail=4-7-8&minutes=5")
    client.get_by_role("button", name="Save to my log").click()
    client.goto("/practices")
    expect(client.locator(".homework-list")).to_contain_text("Thank you for making the time.")
    shot(client, "practices-done", desktop)
    client.goto("/")
    expect(client.locator("section.due")).not_to_contain_text("Breathing with the pacer")

    therapist.reload()
    expect(therapist.locator("article.homework")).to_contain_text("Done once since")
    shot(therapist, "therapist-done", desktop)
    phone = new_context(**SCREENS["phone"][0]).new_page()
    sign_in(phone, lena.email)
    shot(phone, "client-home", SCREENS["phone"][1])
    assert not album.problems, album.problems
