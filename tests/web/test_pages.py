"""The web pages as a person uses them: forms that keep what you typed, kind errors, the crisis page."""

import html
import re

from holdspace.journey import mood
from holdspace.privacy import sessions


def test_signing_up_signs_you_in_and_welcomes_you(web):
    response = web.submit("/signup", {"email": "pat@example.org", "display_name": "Pat",
                                      "password": "tea by the window"})
    assert response.status_code == 303
    home = web.get(response.headers["location"])
    assert "Hello, Pat" in home.text and "Welcome to holdspace" in home.text
    cookie = next(c for c in web.cookies.jar if c.name == "hs_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert "samesite=lax" in response.headers["set-cookie"].lower()


def test_a_sign_up_with_mistakes_comes_back_filled_in_with_kind_words(web):
    response = web.submit("/signup", {"email": "pat@example.org", "display_name": "Pat O'Brien",
                                      "password": "short"})
    assert response.status_code == 400
    assert "at least 8 characters" in response.text
    assert 'value="pat@example.org"' in response.text and "Pat O&#39;Brien" in response.text
    assert "Traceback" not in response.text


def test_a_form_without_its_token_is_refused_and_nothing_is_saved(web, db):
    response = web.post("/signup", data={"email": "pat@example.org", "display_name": "Pat",
                                         "password": "tea by the window"}, follow_redirects=False)
    assert response.status_code == 400
    assert "reload the page" in response.text
    from holdspace.privacy.accounts import find_user

    assert find_user(db, "pat@example.org") is None


def test_wrong_password_and_unknown_email_read_the_same_on_the_page(web, personas):
    wrong = web.submit("/login", {"email": "alice@example.org", "password": "nope nope nope"})
    unknown = web.submit("/login", {"email": "nobody@example.org", "password": "nope nope nope"})
    assert wrong.status_code == unknown.status_code == 400
    message = re.compile(r"don(&#39;|')t match an account")
    assert message.search(wrong.text) and message.search(unknown.text)
    assert 'value="alice@example.org"' in wrong.text  # the email stays typed in


def test_signing_out_ends_every_session_of_that_person(web, personas, db, sign_in):
    phone = sign_in(personas.alice)
    response = web.submit("/login", {"email": "alice@example.org", "password": "correct horse battery",
                                      "next": "/checkins"})
    assert response.headers["location"] == "/checkins"
    assert sessions.count_sessions(db, personas.alice.id) == 2
    db.commit()  # end this read so the next one sees the app's writes
    web.submit("/logout", page="/checkins")
    assert sessions.count_sessions(db, personas.alice.id) == 0
    assert web.get("/checkins", follow_redirects=False).headers["location"].startswith("/login")
    assert phone.get("/checkins", follow_redirects=False).headers["location"].startswith("/login")


def test_sign_in_never_redirects_to_another_site(web, personas):
    response = web.submit("/login", {"email": "alice@example.org", "password": "correct horse battery",
                                     "next": "//evil.example/steal"})
    assert response.headers["location"] == "/"


def test_a_check_in_with_mistakes_keeps_the_note_and_the_ticks(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit("/checkins", {"mood": "", "feelings": ["calm", "hopeful"],
                                          "note": "I walked by the sea today"}, page="/checkins/new")
    assert response.status_code == 400
    assert "choose your mood" in response.text
    assert "I walked by the sea today" in response.text
    assert response.text.count("checked") == 2


def test_a_check_in_shows_up_in_the_list_and_on_home(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit("/checkins", {"mood": "7", "feelings": ["calm"], "note": "a good walk"})
    assert response.status_code == 303
    listing = alice.get(response.headers["location"])
    assert "Your check-in is saved" in listing.text and "a good walk" in listing.text
    assert "<svg" in listing.text and "1 check-in;" in listing.text
    assert "7 out of 10" in alice.get("/").text


def test_the_therapist_sees_a_shared_check_in_and_not_an_unshared_one(personas, sign_in, db):
    from holdspace.privacy import consent

    mood.record_checkin(db, personas.alice, 4, ["tired"], "shared with carol")
    _, code = consent.create_invitation(db, personas.carol)
    consent.accept_invitation(db, personas.bob, code, ["journal"])
    mood.record_checkin(db, personas.bob, 2, ["sad"], "bob keeps this to himself")
    db.commit()
    carol = sign_in(personas.carol)
    caseload = carol.get("/caseload").text
    assert "Alice" in caseload and "Bob" in caseload and "not shared" in caseload
    assert "shared with carol" in carol.get(f"/clients/{personas.alice.id}").text
    bob_page = carol.get(f"/clients/{personas.bob.id}").text
    assert "bob keeps this to himself" not in bob_page and "Not shared" in bob_page


def test_unticking_mood_hides_it_from_the_therapist_on_her_next_request(personas, sign_in, db):
    mood.record_checkin(db, personas.alice, 4, ["tired"], "only while shared")
    db.commit()
    carol, alice = sign_in(personas.carol), sign_in(personas.alice)
    assert "only while shared" in carol.get(f"/clients/{personas.alice.id}").text
    alice.submit(f"/sharing/{personas.link_id}", {"categories": ["goals"]})
    assert "only while shared" not in carol.get(f"/clients/{personas.alice.id}").text
    assert carol.get(f"/api/v1/clients/{personas.alice.id}/checkins").status_code == 404


def test_an_invitation_code_is_shown_once_and_links_a_client(personas, sign_in):
    carol, bob = sign_in(personas.carol), sign_in(personas.bob)
    page = carol.submit("/invitations", {"label": "Bob"}, page="/caseload").text
    code = re.search(r'class="code">([A-Z0-9]{4}-[A-Z0-9]{4})<', page).group(1)
    assert code not in carol.get("/caseload").text
    response = bob.submit("/sharing/accept", {"code": code, "categories": ["mood"]})
    assert response.status_code == 303
    assert "Carol" in bob.get("/sharing").text
    assert "Bob" in carol.get("/caseload").text


def test_a_wrong_code_keeps_what_was_typed(personas, sign_in):
    bob = sign_in(personas.bob)
    response = bob.submit("/sharing/accept", {"code": "ABCD-EFGH", "categories": ["journal"]})
    assert response.status_code == 400
    assert "check it with your therapist" in response.text and 'value="ABCD-EFGH"' in response.text


def test_every_page_links_to_help_now(personas, sign_in, web):
    pages = [web.get("/"), web.get("/login"), web.get("/signup"), web.get("/nowhere"),
             sign_in(personas.alice).get("/checkins"), sign_in(personas.carol).get("/caseload")]
    for page in pages:
        assert 'href="/crisis"' in page.text


def test_the_crisis_page_lists_988_by_call_and_text_and_911(web):
    page = web.get("/crisis").text
    assert 'href="tel:988"' in page and 'href="sms:988"' in page and "911" in page
    assert "findahelpline.com" in page


def test_the_crisis_page_lists_the_child_protection_line_under_its_own_heading(web):
    page = web.get("/crisis").text
    heading = page.index("Worried about a child?")
    assert 'href="tel:18004224453"' in page[heading:] and 'href="tel:18004224453"' not in page[:heading]
    assert "You don't have to be certain" in html.unescape(page[heading:])


def test_the_crisis_page_keeps_a_signed_in_client_in_their_space(personas, sign_in):
    page = sign_in(personas.alice).get("/crisis").text
    assert 'href="/safety-plan"' in page and 'href="/journal"' in page  # their own menu, two clicks to the plan
    assert 'href="/login"' not in page and "Sign out" in page  # not told to sign in when they are


def test_the_crisis_page_offers_a_therapist_no_safety_plan_that_would_refuse_them(personas, sign_in):
    page = sign_in(personas.carol).get("/crisis").text
    assert "/safety-plan" not in page and 'href="/caseload"' in page


def test_the_crisis_page_says_when_the_numbers_were_checked_in_words(web):
    from holdspace.safety import crisis_lines

    page = web.get("/crisis").text
    reviewed = crisis_lines.lines_for("US").reviewed
    assert reviewed not in page  # not 2026-11-29
    assert re.search(r"Numbers last checked \d{1,2} [A-Z][a-z]+ \d{4}\.", page)


def test_the_crisis_page_still_offers_the_plan_when_the_database_is_gone(app, personas, sign_in):
    client = sign_in(personas.alice)
    app.state.engine.dispose()
    app.state.sessionmaker = None
    page = client.get("/crisis")
    assert page.status_code == 200 and "988" in page.text and 'href="/safety-plan"' in page.text


def test_the_crisis_page_works_when_the_database_is_gone(app, web):
    app.state.engine.dispose()
    app.state.sessionmaker = None  # any attempt to use the database would now fail
    response = web.get("/crisis")
    assert response.status_code == 200 and "988" in response.text


def test_the_crisis_page_follows_the_configured_country(settings, tmp_path):
    from dataclasses import replace

    from starlette.testclient import TestClient

    from holdspace.web import create_app

    app = create_app(replace(settings, country="GB"))
    page = TestClient(app).get("/crisis").text
    assert "116 123" in page and "85258" in page and "999" in page
    app.state.engine.dispose()


def test_a_missing_page_is_a_kind_404(web):
    response = web.get("/no/such/page")
    assert response.status_code == 404 and "couldn&#39;t find that" in response.text


def test_pages_do_not_need_javascript(web):
    for path in ("/", "/login", "/signup", "/crisis"):
        assert "<script" not in web.get(path).text


def test_a_signed_in_person_posting_sign_up_makes_no_second_account(personas, sign_in, db):
    from holdspace.privacy.accounts import find_user

    alice = sign_in(personas.alice)
    response = alice.submit("/signup", {"email": "second@example.org", "display_name": "Alt",
                                        "password": "tea by the window"})
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert find_user(db, "second@example.org") is None


def test_without_a_configured_key_one_is_made_once_and_kept_private(tmp_path):
    import os
    import stat

    from holdspace.settings import Settings
    from holdspace.web.app import ensure_secret_key

    settings = Settings.from_env({}, data_dir=tmp_path)
    first, second = ensure_secret_key(settings), ensure_secret_key(settings)
    assert first.secret_key == second.secret_key and len(first.secret_key) >= 48
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


def test_pages_that_show_peoples_words_are_never_cached(personas, sign_in, web):
    assert sign_in(personas.alice).get("/checkins").headers["cache-control"] == "no-store"
    assert web.get("/api/v1/crisis-lines").headers["cache-control"] == "no-store"
    assert "no-store" not in web.get("/static/holdspace.css").headers.get("cache-control", "")


def test_a_wrong_current_password_is_named_as_such_not_as_a_wrong_email(personas, sign_in):
    alice = sign_in(personas.alice)
    response = alice.submit("/account/password", {"current": "not my password", "new": "a new long passphrase"},
                            page="/account/password")
    assert response.status_code == 400
    main = html.unescape(response.text.split("<main", 1)[1].split("</main>", 1)[0])
    assert "That isn't your current password" in main and "email" not in main.lower()


def test_every_page_about_a_client_leads_back_to_them_the_same_way(personas, sign_in):
    carol = sign_in(personas.carol)
    for path in ("report", "homework", "measures"):
        page = carol.get(f"/clients/{personas.alice.id}/{path}")
        assert page.status_code == 200, path
        assert f'<a class="tap" href="/clients/{personas.alice.id}">← Alice</a>' in page.text, path
