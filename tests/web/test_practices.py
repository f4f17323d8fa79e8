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
