"""Help in a hard moment, in a real browser, for two countries: the crisis page, the crisis response,
the safety plan from first line to print, and a safety alert reaching the therapist.

Each country runs its own holdspace (HOLDSPACE_COUNTRY is a setting of the app). Every screen is
checked with axe-core and saved to tests/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from dataclasses import replace

import pytest
import uvicorn
from playwright.sync_api import Page, expect

from holdspace.privacy.accounts import Role
from holdspace.settings import Settings
from holdspace.web import create_app

from ..conftest import _wipe_postgres
from .conftest import LiveServer
from .test_pages import _accessibility_problems, _no_sideways_scroll, check_in, connect, made_directly, \
    make_invitation, sign_in, sign_up, unique_email

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
    database_url = os.environ.get("HOLDSPACE_TEST_DATABASE_URL", "")
    if database_url:
        _wipe_postgres(database_url)
    folder = tmp_path_factory.mktemp(f"safety-{country}")
    settings = replace(Settings.from_env({}, data_dir=folder / "data", key_file=folder / "keys" / "k.key",
                                         database_url=database_url,
                                         secret_key="browser-tests-secret-key-not-for-production"),
                       country=country)
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the holdspace test server didn't start")
        time.sleep(0.02)
    yield country, LiveServer(url=f"http://127.0.0.1:{sock.getsockname()[1]}", app=app)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    app.state.engine.dispose()


@pytest.fixture
def open_page(chromium, country_server):
    contexts = []

    def _open(**options) -> Page:
        options.setdefault("viewport", {"width": 1280, "height": 800})
        context = chromium.new_context(base_url=country_server[1].url, **options)
        context.set_default_timeout(5000)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


def _shoot(page: Page, screenshots, name: str, problems: dict, *, schemes=("light",)) -> None:
    for scheme in schemes:
        page.emulate_media(color_scheme=scheme)
        where = f"{name}-{scheme}"
        _no_sideways_scroll(page, where)
        if found := _accessibility_problems(page):
            problems[where] = found
        page.screenshot(path=screenshots / f"{where}.png", full_page=True)
    page.emulate_media(color_scheme="light")


def _no_problems(problems: dict) -> None:
    assert not problems, "axe-core found WCAG A/AA problems:\n" + "\n".join(
        f"{where}: {p}" for where, found in problems.items() for p in found)


def test_the_crisis_page_gives_this_countrys_call_and_text_routes(country_server, open_page, screenshots):
    country, _ = country_server
    want = COUNTRIES[country]
    problems: dict = {}
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
        _shoot(page, screenshots, f"crisis-{country.lower()}{label}", problems,
               schemes=("light", "dark") if not label else ("light",))
    _no_problems(problems)


def test_a_client_writes_a_safety_plan_prints_it_and_meets_it_in_the_crisis_response(
        country_server, open_page, screenshots):
    country, _ = country_server
    want = COUNTRIES[country]
    problems: dict = {}
    page = open_page()
    sign_up(page, "Robin", unique_email("robin"))

    # Two clicks from any page: "Need help now?", then "Your safety plan".
    page.goto("/journal")
    page.get_by_role("link", name="Need help now?").click()
    expect(page.get_by_role("heading", name="Your safety plan")).to_be_visible()
    _shoot(page, screenshots, f"crisis-signed-in-{country.lower()}", problems)
    page.get_by_role("link", name="Your safety plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your safety plan")
    _shoot(page, screenshots, f"safety-plan-empty-{country.lower()}", problems)

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
    _shoot(page, screenshots, f"safety-plan-edit-{country.lower()}", problems)
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("status")).to_have_text(
        "Your safety plan is saved. You can change or print it whenever you like.")
    steps = page.get_by_role("main").locator("ol.plan-steps > li")
    expect(steps).to_have_count(6)
    expect(steps.nth(1)).to_contain_text("Walk round the block")
    _shoot(page, screenshots, f"safety-plan-{country.lower()}", problems, schemes=("light", "dark"))

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
    _shoot(page, screenshots, f"crisis-response-{country.lower()}", problems, schemes=("light", "dark"))
    _no_problems(problems)


def test_a_client_who_chose_alerts_is_seen_on_the_therapists_caseload_at_once(
        country_server, open_page, screenshots):
    country, server = country_server
    if country != "GB":
        pytest.skip("one country is enough for the therapist's side")
    problems: dict = {}
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
    _shoot(kai, screenshots, "sharing-alert-choice", problems)
    connect_form.get_by_role("button", name="Connect").click()
    expect(kai.get_by_role("status")).to_have_text(
        "You're now connected. You can change what you share here at any time.")

    check_in(kai, 1, ["hopeless"], URGENT)
    expect(kai.get_by_role("main")).to_contain_text(
        "Because you asked for this, Dr Rowan Ellis will get a note")
    _shoot(kai, screenshots, "crisis-response-told-gb", problems)

    rowan.goto("/caseload")
    alerts = rowan.get_by_role("region", name=re.compile("Safety alerts"))
    expect(alerts).to_contain_text("1 new")
    item = alerts.get_by_role("listitem").first
    expect(item).to_contain_text("urgent")
    expect(item.get_by_role("link", name="a check-in note")).to_be_visible()
    assert URGENT not in rowan.content()  # Kai didn't include their words
    _shoot(rowan, screenshots, "caseload-alert", problems, schemes=("light", "dark"))
    item.get_by_role("button", name=re.compile("Mark as seen")).click()
    expect(rowan.get_by_role("status")).to_have_text("The alert is marked as seen.")
    expect(rowan.get_by_role("region", name=re.compile("Safety alerts"))).not_to_contain_text("new")
    _no_problems(problems)
