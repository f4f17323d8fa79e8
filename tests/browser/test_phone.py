"""On a phone: labels big enough to read, and links and buttons big enough to tap."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page

from holdspace import clock
from holdspace.creativity import journal
from holdspace.goals.goal import check_goal, create_goal
from holdspace.homework import assignments
from holdspace.journey import questionnaires
from holdspace.mindfulness import log as practice_log
from holdspace.practice import records
from holdspace.practice.report import analyse
from holdspace.practice.transcripts import parse
from holdspace.privacy import consent
from holdspace.privacy.accounts import Role, User

from .people import click_and_wait, made_directly, sign_in

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SESSION = (Path(__file__).parents[1] / "practice" / "data" / "session.txt").read_text()
TAP = 44


def _connected(live_server, shares=("mood", "measures", "exercises")):
    june = made_directly(live_server, "June", Role.CLIENT)
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "June")
        consent.accept_invitation(db, db.get(User, june.id), code, list(shares))
        db.commit()
    return june, rowan


def _boxes(page: Page, selector: str) -> list[dict]:
    """Where each visible match sits on screen, with its words and (for text) its size in screen pixels."""
    return page.locator(selector).evaluate_all("""els => els.filter(e => e.getClientRects().length)
        .map(e => { const r = e.getBoundingClientRect(), m = e.getScreenCTM ? e.getScreenCTM() : null;
                    return {text: e.textContent.trim(), x: r.left, y: r.top, right: r.right, bottom: r.bottom,
                            width: r.width, height: r.height,
                            px: (m ? m.a : 1) * parseFloat(getComputedStyle(e).fontSize)}; })""")


def _apart(a: dict, b: dict) -> bool:
    return a["right"] <= b["x"] or b["right"] <= a["x"] or a["bottom"] <= b["y"] or b["bottom"] <= a["y"]


def test_on_a_phone_the_session_timeline_labels_are_readable_and_apart(live_server, new_context):
    rowan = made_directly(live_server, "Dr Rowan Hale", Role.THERAPIST)
    with live_server.db() as db:
        row = records.save_transcript(db, db.get(User, rowan.id), "Ben, session four", SESSION,
                                      analyse(parse(SESSION)).as_dict())
        db.commit()
        path = f"/practice/transcripts/{row.id}"
    for options in (PHONE, {}):
        page = new_context(**options).new_page()
        sign_in(page, rowan.email)
        page.goto(path)
        chart = _boxes(page, "svg.timeline")
        labels = _boxes(page, "svg.timeline text.axis")
        assert len(chart) == 1, options
        assert [l["text"] for l in labels] == ["Client", "Question", "Reflection", "Input", "Other", "Empathy"]
        # Shrunk with the chart to a phone's width they were 11px, and touched the row above and below.
        assert all(l["px"] >= 12 for l in labels), [(l["text"], round(l["px"], 1)) for l in labels]
        assert all(_apart(a, b) for a in labels for b in labels if a is not b)
        # "Reflection" started 18px left of the chart, out in the card's margin.
        assert all(l["x"] >= chart[0]["x"] for l in labels)
        if options:
            # The way back to Listening skills was an 18px link.
            assert page.get_by_role("link", name="Listening skills", exact=True).last.bounding_box()["height"] >= TAP


def test_on_a_phone_the_account_links_and_put_aside_are_big_enough_to_tap(live_server, new_context):
    june, rowan = _connected(live_server)
    with live_server.db() as db:
        assignments.assign(db, db.get(User, rowan.id), june.id, "breathing:4-6", "days", days="1111111")
        db.commit()
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/")
    # What's for today was a 20px link at the top of the home page.
    assert page.get_by_role("link", name="Breathing with the pacer: In 4, out 6").bounding_box()["height"] >= TAP
    page.goto("/practices")
    header = page.locator("header").bounding_box()
    targets = [page.get_by_role("link", name="Sharing & privacy"), page.get_by_role("link", name="Account"),
               page.get_by_role("button", name="Sign out"),
               page.get_by_role("button", name="Put aside Breathing with the pacer: In 4, out 6")]
    boxes = [t.bounding_box() for t in targets]
    # They were 24px tall: a fingertip on "Account" could as easily sign out.
    assert all(b["height"] >= TAP for b in boxes), [round(b["height"]) for b in boxes]
    a, b, c = ({"x": b["x"], "y": b["y"], "right": b["x"] + b["width"], "bottom": b["y"] + b["height"]}
               for b in boxes[:3])
    assert _apart(a, b) and _apart(b, c)
    # Still a compact header, leaving the phone's screen to the page.
    assert header["height"] <= 0.2 * 844


def test_on_a_phone_the_days_on_measures_and_the_journal_and_each_questionnaire_are_big_enough_to_tap(live_server, new_context):
    june, _ = _connected(live_server)
    now = clock.now()
    with live_server.db() as db:
        owner = db.get(User, june.id)
        for ago in (40, 20, 1):
            questionnaires.save(db, owner, "phq9", {str(k): ago // 15 for k in range(1, 10)} | {"9": 0},
                                at=now - timedelta(days=ago))
            journal.write_entry(db, owner, "A walk by the river helped a little today.", at=now - timedelta(days=ago))
        db.commit()
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    for path, selector in (("/measures", "table.results td.when a"), ("/journal", ".entry-date a"),
                           ("/measures", "ul.instruments a")):
        page.goto(path)
        days = _boxes(page, selector)
        assert len(days) >= 3, path
        # They were 18-20px tall, a thin strip to hit among the scores and entries; the questionnaires
        # to fill in were 20px links 26px apart.
        assert all(d["height"] >= TAP for d in days), (path, [round(d["height"]) for d in days])
        assert all(_apart(a, b) for a, b in zip(days, days[1:])), path
    page.goto("/measures")
    click_and_wait(page, page.locator("table.results td.when a").last)
    answer = page.get_by_role("row", name="1. Little interest").get_by_role("cell").last
    assert "More than half the days" in answer.inner_text()
    words = answer.evaluate("""td => { const r = document.createRange(); r.selectNodeContents(td);
        return {height: r.getBoundingClientRect().height, line: parseFloat(getComputedStyle(td).lineHeight)}; }""")
    # Squeezed into a narrow second column, "More than half the days" took four lines.
    assert words["height"] < 1.5 * words["line"]
    back, journey = (page.get_by_role("link", name=name).bounding_box()
                     for name in ("Back to questionnaires", "See your journey"))
    # Stacked on a phone, the two buttons touched.
    assert journey["y"] >= back["y"] + back["height"] + 6 or journey["x"] >= back["x"] + back["width"] + 6
    page.goto("/talk")
    click_and_wait(page, page.get_by_role("button", name="Start a new conversation"))
    page.goto("/talk")
    assert page.locator(".conversations a").first.bounding_box()["height"] >= TAP  # the day it was, 20px


def _fits_the_screen(page: Page) -> None:
    # A phone widens its page to fit what's too wide and shrinks everything on it to match,
    # so a table that's too wide shows up as the page's own width growing past the screen's.
    widths = page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")
    assert widths == [390, 390], page.url


def test_on_a_phone_the_session_report_and_the_accounts_fit_the_screen(live_server, new_context):
    june, rowan = _connected(live_server)
    admin = made_directly(live_server, "Pat Admin", Role.ADMIN)
    now = clock.now()
    with live_server.db() as db:
        for ago, answer in ((30, 2), (3, 1)):
            questionnaires.save(db, db.get(User, june.id), "phq9", {str(k): answer for k in range(1, 10)} | {"9": 0},
                                at=now - timedelta(days=ago))
        db.commit()
    therapist = new_context(**PHONE).new_page()
    sign_in(therapist, rowan.email)
    therapist.goto(f"/clients/{june.id}/report")
    # The questionnaires' four columns made the page 461px wide, so the whole report came out small.
    _fits_the_screen(therapist)
    show = therapist.get_by_role("button", name="Show since then").bounding_box()
    download = therapist.get_by_role("link", name="Download PDF").bounding_box()
    # Stacked on a phone, the two buttons touched: one pill on top of the other.
    assert download["y"] >= show["y"] + show["height"] + 6 or download["x"] >= show["x"] + show["width"] + 6
    row = therapist.get_by_role("row", name="PHQ-9")
    for words in ("Before", "Latest", "points better"):
        assert row.get_by_text(words).first.is_visible(), words
    page = new_context(**PHONE).new_page()
    sign_in(page, admin.email)
    page.goto("/admin/users")
    # An email address can't break, and pushed the table to 472px.
    _fits_the_screen(page)
    assert page.get_by_role("cell", name=admin.email).is_visible()


def test_on_a_phone_links_on_their_own_and_what_opens_a_fold_are_big_enough_to_tap(live_server, new_context):
    june, _ = _connected(live_server)
    with live_server.db() as db:
        owner = db.get(User, june.id)
        goal = create_goal(db, owner, check_goal("Walk round the park after work", "1111111", None))
        entry = journal.write_entry(db, owner, "A walk by the river helped a little today.")
        db.commit()
        goal_id, entry_id = goal.id, entry.id
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    pages = {
        f"/goals/{goal_id}": (["← Goals"], ["Read the wording with me"]),
        f"/journal/{entry_id}": (["← Journal"], []),
        "/measures/phq9": (["Questionnaires"], ["About this questionnaire"]),
        "/practices/breathing": (["Log this practice", "In 4, out 6", "Box breathing, 4-4-4-4", "4-7-8"],
                                 ["The plan as text"]),
        "/practices/music-and-movement": (["← Practices", "Note how it went"], []),
        "/": (["See all your check-ins"], []),
        "/art": (["Find an art prompt to start from"], []),
    }
    for path, (links, folds) in pages.items():
        page.goto(path)
        targets = ([page.get_by_role("link", name=name, exact=name != "Note how it went").first for name in links]
                   + [page.locator("summary", has_text=words) for words in folds])
        boxes = [t.bounding_box() for t in targets]
        # Each was an 18-26px strip: links alone on their line, and the little triangles that open more.
        small = [(t, round(b["height"])) for t, b in zip(links + folds, boxes) if b["height"] < TAP]
        assert not small, f"{path}: {small}"
    page.goto("/practices/breathing")
    paces = _boxes(page, ".patterns a, ul a[href^='/practices/breathing?']")
    assert len(paces) >= 4
    assert all(_apart(a, b) for a, b in zip(paces, paces[1:]))


def test_keep_this_one_private_sits_inside_its_shaded_box(live_server, new_context):
    june, _ = _connected(live_server)
    for options in (PHONE, {}):
        page = new_context(**options).new_page()
        sign_in(page, june.email)
        page.goto("/journal/new")
        box = _boxes(page, "fieldset.private-choice")[0]
        legend = _boxes(page, "fieldset.private-choice legend")[0]
        assert legend["text"] == "Keep this one private?"
        # A legend is drawn on its fieldset's top edge: half the question stood above the shaded box.
        assert legend["y"] >= box["y"] + 4 and legend["x"] >= box["x"] + 4, options


def test_on_a_phone_each_choice_beside_its_box_is_big_enough_to_tap(live_server, new_context):
    june, rowan = _connected(live_server)
    client = new_context(**PHONE).new_page()
    sign_in(client, june.email)
    therapist = new_context(**PHONE).new_page()
    sign_in(therapist, rowan.email)
    for page, path in ((client, "/sharing"), (therapist, f"/clients/{june.id}/homework")):
        page.goto(path)
        choices = _boxes(page, "label.check")
        assert len(choices) >= 3, path
        # "No, don't tell Dr Rowan Hale" and "Once, by a day" were 26px rows.
        small = [(c["text"][:30], round(c["height"])) for c in choices if c["height"] < TAP]
        assert not small, f"{path}: {small}"
        assert all(_apart(a, b) for a in choices for b in choices if a is not b), path


def test_on_a_phone_clients_on_the_caseload_each_have_their_own_place_to_tap(live_server, new_context):
    june, rowan = _connected(live_server, shares=("journal",))
    ada = made_directly(live_server, "Ada", Role.CLIENT)
    with live_server.db() as db:
        _, code = consent.create_invitation(db, db.get(User, rowan.id), "Ada")
        consent.accept_invitation(db, db.get(User, ada.id), code, ["journal"])
        db.commit()
    page = new_context(**PHONE).new_page()
    sign_in(page, rowan.email)
    page.goto("/caseload")
    names = [page.get_by_role("link", name=name, exact=True).bounding_box() for name in ("Ada", "June")]
    boxes = [{"x": b["x"], "y": b["y"], "right": b["x"] + b["width"], "bottom": b["y"] + b["height"]} for b in names]
    assert all(b["bottom"] - b["y"] >= TAP for b in boxes)
    # Grown to a finger's size, one name's place reached into the next row's.
    assert _apart(*boxes)


def test_who_looked_at_what_has_a_plain_page_title(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    page.goto("/privacy/activity")
    # The links under the record were pasted into the title, so the tab and a screen reader read out "<p><a href=".
    assert page.title() == "Who looked at what · holdspace"
    assert page.get_by_role("link", name="Delete your account").count() == 1


def test_on_a_phone_the_account_links_are_each_a_row_of_their_own(live_server, new_context):
    june, _ = _connected(live_server)
    page = new_context(**PHONE).new_page()
    sign_in(page, june.email)
    for path in ("/account/second-factor", "/sharing", "/privacy/activity"):
        page.goto(path)
        links = [page.get_by_role("link", name=name, exact=True).bounding_box()
                 for name in ("Download everything", "Download a copy of everything", "Delete your account")
                 if page.get_by_role("link", name=name, exact=True).count()]
        assert len(links) == 2, path
        # "Download everything · Delete your account" were 20px links side by side, wrapping mid-name.
        assert all(b["height"] >= TAP for b in links), path
        download, delete = links
        assert delete["y"] >= download["y"] + download["height"], path


def test_on_a_phone_the_therapist_reads_the_practice_log_a_practice_at_a_time(live_server, new_context):
    june, rowan = _connected(live_server)
    with live_server.db() as db:
        practice_log.record_session(db, db.get(User, june.id), "breathing", 5, before=4, after=7, detail="4-6")
        db.commit()
    page = new_context(**PHONE).new_page()
    sign_in(page, rowan.email)
    page.goto(f"/clients/{june.id}/practices")
    row = page.get_by_role("row").filter(has_text="Breathing").first
    # A four-column table broke the day over three lines ("Tue / 1 / Dec") as it had on the client's own log.
    day = row.get_by_role("cell").first.evaluate("""td => { const r = document.createRange(); r.selectNodeContents(td);
        return {height: r.getBoundingClientRect().height, line: parseFloat(getComputedStyle(td).lineHeight)}; }""")
    assert day["height"] < 1.5 * day["line"]
    assert "5 minutes" in row.inner_text() and "calm 4 → 7" in row.inner_text()
