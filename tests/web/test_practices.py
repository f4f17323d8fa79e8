"""The practices pages on the web: the practice log reads as a person would say it."""

from __future__ import annotations

import html
import re

from holdspace.privacy import consent


def _log_table(page: str) -> str:
    return html.unescape(re.search(r'<table class="log[^"]*"[^>]*>(.*?)</table>', page, re.S).group(1))


def test_the_log_shows_whole_minutes_without_a_decimal_and_breathing_by_its_name(personas, sign_in):
    alice = sign_in(personas.alice)
    alice.submit("/practices/log", {"kind": "breathing", "detail": "4-6", "minutes": "5"})
    alice.submit("/practices/log", {"kind": "breathing", "detail": "4-7-8", "minutes": "2.5"})
    page = html.unescape(alice.get("/practices/log").text)
    assert "2 practices, 7.5 minutes in all." in page
    table = _log_table(alice.get("/practices/log").text)
    assert "In 4, out 6" in table and "(4-6)" not in table
    assert re.search(r"<td[^>]*>5<", table) and "5.0" not in table and re.search(r"<td[^>]*>2.5<", table)


def test_the_therapist_sees_the_same_plain_minutes(personas, sign_in, db):
    alice, carol = sign_in(personas.alice), sign_in(personas.carol)
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    alice.submit("/practices/log", {"kind": "breathing", "detail": "4-6", "minutes": "5"})
    page = html.unescape(carol.get(f"/clients/{personas.alice.id}/practices").text)
    assert "1 practice, 5 minutes in all." in page and "5.0" not in page


def _errors(page: str) -> dict[str, str]:
    """Each field's error on the practice log form, by the field's id."""
    return {name: html.unescape(text) for name, text in re.findall(r'<p class="error" id="f-(\w+)-error">(.*?)</p>', page)}


def test_each_log_error_says_which_field_it_is_about(personas, sign_in):
    alice = sign_in(personas.alice)
    bad = alice.submit("/practices/log", {"kind": "grounding", "minutes": "ten", "before": "seven", "after": "12"},
                       page="/practices/log")
    assert bad.status_code == 400
    errors = _errors(bad.text)
    assert errors["minutes"].startswith("How many minutes did you practise?")
    assert errors["before"].startswith("How calm you felt before:")
    assert errors["after"].startswith("How calm you felt after:")
    summary = html.unescape(re.search(r'class="error-summary".*?</div>', bad.text, re.S).group(0))
    assert "How calm you felt before:" in summary and "How calm you felt after:" in summary
    # What was typed stays, letters and all, in fields that accept them.
    assert 'value="seven"' in bad.text and 'type="number"' not in bad.text
