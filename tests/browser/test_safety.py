"""Help in a hard moment, in a real browser, for two countries: the crisis page, the crisis response,
the safety plan from first line to print, and a safety alert reaching the therapist.

Each country runs its own holdspace (HOLDSPACE_COUNTRY is a setting of the app). Every screen is
checked with axe-core and saved to tests/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from holdspace.privacy.accounts import Role

from .conftest import contexts, server_settings, serving
from .people import check_in, made_directly, make_invitation, sign_in, sign_up, unique_email
from .screens import LIGHT, LIGHT_AND_DARK, Album, assert_no_axe_problems

pytestmark = pytest.mark.browser

URGENT = "I've saved up my pills and I'm going to take them all tonight"
COUNTRIES = {
    "US": {"emergency": "911", "call": "988", "text": "988", "text_word": "",
           "first": "call 988 to reach the Suicide & Crisis Lifeline (24/7, free)",
           "place": "the United States"},
    "GB": {"emergency": "999", "call": "116 123", "text": "85258", "text_word": "SHOUT",
           "first": "call 116 123 to reach Samaritans (24/7, free)",
           "place": "the United Kingdom"},
}


@pytest.fixture(scope="module", params=sorted(COUNTRIES))
def country_server(request, tmp_path_factory):
    """A holdspace configured for one country, on loopback."""
    country = request.param
    with serving(server_settings(tmp_path_factory.mktemp(f"safety-{country}"), country=country)) as server:
        yield country, server


@pytest.fixture
def open_page(chromium, country_server):
    with contexts(chromium, country_server[1].url) as new_context:
        yield lambda **options: new_context(**options).new_page()


def test_the_crisis_page_gives_this_countrys_call_and_text_routes(country_server, open_page, screenshots):
    country, _ = country_server
    want = COUNTRIES[country]
    album = Album(screenshots)
    for label, options in (("", {}), ("-phone", {"viewport": {"width": 390, "height": 844},
                                                  "is_mobile": True, "has_touch": True})):
        page = open_page(**options)
        page.goto("/crisis")
        main = page.get_by_role("main")
        expect(page.get_by_role("heading", level=1)).to_have_text("If you are in danger right now")
        expect(main).to_contain_text(f"Call {want['emergency']} for emergency services in {want['place']}")
        expect(page.get_by_role("link", name=f"Call {want['call']}", exact=True)).to_have_attribute(
            "href", "tel:" + want["call"].replace(" ", ""))
        text_name = f"Text {want['text_word'] + ' to ' if want['text_word'] else ''}{want['text']}"
        expect(page.get_by_role("link", name=text_name, exact=True)).to_have_attribute(
            "href", re.compile("^sms:" + want["text"]))
        expect(main).to_contain_text("isn't watched around the clock")
        expect(page.get_by_role("heading", name="Your safety plan")).to_have_count(0)  # signed out
        album.shot(page, f"crisis-{country.lower()}{label}", LIGHT_AND_DARK if not label else LIGHT)
    assert_no_axe_problems(album.problems)


def test_a_client_writes_a_safety_plan_prints_it_and_meets_it_in_the_crisis_response(
        country_server, open_page, screenshots):
    country, _ = country_server
    want = COUNTRIES[country]
    album = Album(screenshots)
    page = open_page()
    sign_up(page, "Robin", unique_email("robin"))

    # Two clicks from any page: "Need help now?", then "Your safety plan".
    page.goto("/journal")
    page.get_by_role("link", name="Need help now?").click()
    expect(page.get_by_role("heading", name="Your safety plan")).to_be_visible()
    album.shot(page, f"crisis-signed-in-{country.lower()}")
    page.get_by_role("link", name="Your safety plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your safety plan")
    album.shot(page, f"safety-plan-empty-{country.lower()}")

    page.get_by_role("link", name="Make my safety plan").click()
    step_five = page.get_by_label(re.compile("Step 5. Professionals and crisis lines"))
    expect(step_five).to_have_value(re.compile(re.escape(want["call"])))
    expect(step_five).to_have_value(re.compile(f"Emergency services: {want['emergency']}"))
    page.get_by_label(re.compile("Step 1. Warning signs")).fill("I stop answering messages\nI can't sleep")
    page.get_by_label(re.compile("Step 2. My own ways to cope")).fill("A hot shower\nWalk round the block")
    page.get_by_label(re.compile("Step 3. People and places")).fill("The café on the corner")
    page.get_by_label(re.compile("Step 4. People I can ask for help")).fill("My sister Ana")
    page.get_by_label(re.compile("Step 6. Making my surroundings safer")).fill(
        "Ask Ana to keep the medicines for a while")
    album.shot(page, f"safety-plan-edit-{country.lower()}")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("status")).to_have_text(
        "Your safety plan is saved. You can change or print it whenever you like.")
    steps = page.get_by_role("main").locator("ol.plan-steps > li")
    expect(steps).to_have_count(6)
    expect(steps.nth(1)).to_contain_text("Walk round the block")
    album.shot(page, f"safety-plan-{country.lower()}", LIGHT_AND_DARK)

    page.get_by_role("link", name="Print view").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My safety plan")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Need help now?")).to_be_hidden()  # paper needs no header
    expect(page.get_by_text("My sister Ana")).to_be_visible()
    page.screenshot(path=screenshots / f"safety-plan-print-{country.lower()}.png", full_page=True)
    page.emulate_media(media="screen")

    check_in(page, 2, ["hopeless"], URGENT)
    expect(page.get_by_role("heading", name="Before you go on")).to_be_visible()
    first = page.get_by_role("main").locator("p.lead").first
    expect(first).to_contain_text(want["first"])
    expect(page.get_by_role("link", name=f"Call {want['call']}", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Your safety plan")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Walk round the block")
    expect(page.get_by_role("main")).to_contain_text("Nobody else is told about this")
    album.shot(page, f"crisis-response-{country.lower()}", LIGHT_AND_DARK)

    # Hurt by someone else: asked whether they are somewhere safe from that person, not about suicide.
    check_in(page, 2, ["scared"], "He pushed me into the wall again last night")
    expect(page.get_by_role("heading", name="Before you go on")).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text("no one has the right to hurt, threaten or control you")
    expect(main).to_contain_text("is the person who hurt you near you?")
    expect(main).not_to_contain_text("ending your life")
    expect(page.get_by_role("link", name=f"Call {want['emergency']}", exact=True).first).to_be_visible()
    album.shot(page, f"crisis-response-hurt-{country.lower()}")

    # Someone else in danger now: help to get help to them, not questions about the writer's own life.
    check_in(page, 2, ["scared"], "my mate says his stepdad is coming after him with a knife right now")
    expect(page.get_by_role("heading", name="Before you go on")).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text("someone you care about may be in danger right now")
    expect(main).to_contain_text(f"call {want['emergency']} now")
    expect(main).not_to_contain_text("ending your life")
    album.shot(page, f"crisis-response-someone-else-now-{country.lower()}")
    assert_no_axe_problems(album.problems)


# Words the rules read nothing in; the stand-in classifier layer below hears them (the real one may not).
HEARD = "Most days lately feel like wading through grey water and I can't see the other side."


class HearsOneSentence:
    """A classifier layer, by the contract risk.assess uses: runs only where the rules found nothing."""

    only_when_none = True

    def __call__(self, text, deadline):
        from holdspace.safety import classifier
        from holdspace.safety.assessment import NO_RISK, Assessment

        return Assessment("concern", [classifier.REASON]) if HEARD in text else NO_RISK


def test_a_note_only_the_classifier_heard_gets_a_gentle_check_in_and_is_kept(
        country_server, open_page, screenshots, monkeypatch):
    from holdspace.safety import risk

    monkeypatch.setattr(risk, "default_layers", lambda: [risk.rules_layer, HearsOneSentence()])
    country, _ = country_server
    want = COUNTRIES[country]
    album = Album(screenshots)
    page = open_page()
    sign_up(page, "Sasha", unique_email("sasha"))

    check_in(page, 3, ["tired"], HEARD)
    expect(page.get_by_role("heading", name="A gentle check-in")).to_be_visible()
    expect(page.get_by_role("heading", name="Before you go on")).to_have_count(0)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Your check-in is saved.")
    expect(main).to_contain_text("we may be reading too much into it, but we'd rather ask than miss it")
    expect(main).to_contain_text("Are you having any thoughts of ending your life, or of not being here?")
    expect(main).to_contain_text(want["first"].removeprefix("call "))
    expect(page.get_by_role("link", name=f"Call {want['call']}", exact=True)).to_be_visible()
    text_name = f"Text {want['text_word']} to {want['text']}" if want["text_word"] else f"Text {want['text']}"
    expect(page.get_by_role("link", name=text_name, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Start a safety plan")).to_be_visible()
    album.shot(page, f"gentle-check-in-{country.lower()}", LIGHT_AND_DARK)

    page.get_by_role("link", name="Carry on").click()
    page.goto("/checkins")
    expect(page.get_by_role("main")).to_contain_text(HEARD)
    assert_no_axe_problems(album.problems)


def test_a_client_who_chose_alerts_is_seen_on_the_therapists_caseload_at_once(
        country_server, open_page, screenshots):
    country, server = country_server
    if country != "GB":
        pytest.skip("one country is enough for the therapist's side")
    album = Album(screenshots)
    therapist = made_directly(server, "Dr Rowan Ellis", Role.THERAPIST)
    rowan = open_page()
    sign_in(rowan, therapist.email)
    code = make_invitation(rowan, "Kai")

    kai = open_page()
    sign_up(kai, "Kai", unique_email("kai"))
    kai.goto("/sharing")
    connect_form = kai.locator("form[action='/sharing/accept']")
    connect_form.get_by_label("Invitation code").fill(code)
    connect_form.get_by_role("checkbox", name="Mood check-ins").check()
    connect_form.get_by_role("radio", name=re.compile("^Yes: if something I write here suggests")).check()
    album.shot(kai, "sharing-alert-choice")
    connect_form.get_by_role("button", name="Connect").click()
    expect(kai.get_by_role("status")).to_have_text(
        "You're now connected. You can change what you share here at any time.")

    check_in(kai, 1, ["hopeless"], URGENT)
    expect(kai.get_by_role("main")).to_contain_text(
        "Because you asked for this, Dr Rowan Ellis will get a note")
    album.shot(kai, "crisis-response-told-gb")

    rowan.goto("/caseload")
    alerts = rowan.get_by_role("region", name=re.compile("Safety alerts"))
    expect(alerts).to_contain_text("1 new")
    item = alerts.get_by_role("listitem").first
    expect(item).to_contain_text("urgent")
    expect(item.get_by_role("link", name="a check-in note")).to_be_visible()
    assert URGENT not in rowan.content()  # Kai didn't include their words
    album.shot(rowan, "caseload-alert", LIGHT_AND_DARK)
    item.get_by_role("button", name=re.compile("Mark as seen")).click()
    expect(rowan.get_by_role("status")).to_have_text("The alert is marked as seen.")
    expect(rowan.get_by_role("region", name=re.compile("Safety alerts"))).not_to_contain_text("new")
    assert_no_axe_problems(album.problems)
