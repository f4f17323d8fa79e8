"""The journey page and the therapist's session report (HTML, PDF and API)."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from pypdf import PdfReader

from holdspace import clock
from holdspace.creativity import journal
from holdspace.goals import checkins as goal_checkins
from holdspace.goals.goal import GoalFields, create_goal
from holdspace.homework import assignments
from holdspace.journey import mood, questionnaires
from holdspace.mindfulness import log as practice_log
from holdspace.privacy import audit, consent


def _history(db, alice):
    now = clock.now()
    for ago in range(60, -1, -1):
        mood.record_checkin(db, alice, 3 if ago > 30 else 7, ["tired"] if ago > 30 else ["calm"],
                            "long day at work, slept badly" if ago % 10 == 0 else "", at=now - timedelta(days=ago))
    questionnaires.save(db, alice, "phq9", {str(n): 2 for n in range(1, 10)}, at=now - timedelta(days=40))
    questionnaires.save(db, alice, "phq9", {**{str(n): 1 for n in range(1, 9)}, "9": 0}, at=now - timedelta(days=2))
    journal.write_entry(db, alice, "Work was calmer and I walked by the river after.", at=now - timedelta(days=3))
    journal.write_entry(db, alice, "My secret thoughts", private=True, passphrase="a long passphrase",
                        confirm="a long passphrase", at=now - timedelta(days=1))
    db.commit()


def test_the_journey_page_shows_months_charts_milestones_and_warm_words(personas, sign_in, db):
    _history(db, personas.alice)
    page = sign_in(personas.alice).get("/journey")
    assert page.status_code == 200
    text = page.text
    assert "Look how far you&#39;ve come" in text or "Look how far you've come" in text
    assert "61 check-ins, 2 questionnaires, 3 journal entries" in text
    assert ("Your PHQ-9 score went from 18 to 8, 10 points better. That is a real change, and it is now outside the range "
            "that usually calls for care.") in text
    assert "Thirty check-ins" in text or "A real change" in text
    assert text.count("<svg") == 2  # mood, and the PHQ-9 with its bands
    assert "secret thoughts" not in text and "walked by the river" not in text  # counts, never contents


def test_the_session_report_brings_change_risk_mood_and_themes_together(personas, sign_in, db):
    _history(db, personas.alice)
    mood.record_checkin(db, personas.alice, 2, ["hopeless"], "I keep thinking everyone would be better off without me")
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "journal", "measures"])
    db.commit()
    since = (date.today() - timedelta(days=35)).isoformat()
    page = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/report?since={since}")
    assert page.status_code == 200
    text = page.text
    assert "Session report: Alice" in text
    assert "10 points better: a reliable improvement, out of the clinical range." in text and "RCI -" in text
    assert "check-in note · concern" in text or "check-in note · urgent" in text
    assert "better off without me" not in text  # flags carry reasons, never the words
    assert "higher than the 3.0 of the period before" in text  # these 35 days against the 35 before
    # Themes: four notes about work and sleep, the note at risk, and one shared journal entry.
    assert "work</span> 5 of 6" in text and "sleep</span> 4 of 6" in text
    assert "secret" not in text
    events = [e for e in audit.events_about(db, personas.alice.id) if e.actor_id == personas.carol.id]
    assert {"mood", "journal", "measures"} <= {e.detail for e in events}


def test_the_report_pdf_opens_and_holds_the_figures(personas, sign_in, db):
    _history(db, personas.alice)
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "measures"])
    db.commit()
    since = (date.today() - timedelta(days=30)).isoformat()
    response = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/report.pdf?since={since}")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Session report: Alice" in text
    assert "PHQ-9" in text and "18" in text and "8 (mild" in text and "RCI -" in text
    assert "Average mood 7.0 out of 10" in text
    assert "Not shared with you, so not included: Journal" in text


def test_a_date_to_come_or_too_far_back_gets_a_kind_message(personas, sign_in):
    carol = sign_in(personas.carol)
    later = (date.today() + timedelta(days=3)).isoformat()
    page = carol.get(f"/clients/{personas.alice.id}/report?since={later}")
    assert page.status_code == 400 and "That date is still to come" in page.text and f'value="{later}"' in page.text
    assert carol.get(f"/clients/{personas.alice.id}/report?since=2020-01-01").status_code == 400
    assert carol.get(f"/clients/{personas.alice.id}/report?since=soon").status_code == 400


def test_an_unrelated_therapist_cannot_see_the_report_or_its_pdf(personas, sign_in):
    dave = sign_in(personas.dave)
    assert dave.get(f"/clients/{personas.alice.id}/report").status_code == 404
    assert dave.get(f"/clients/{personas.alice.id}/report.pdf").status_code == 404
    assert dave.get(f"/clients/{personas.alice.id}/report?since=2999-01-01").status_code == 404


def test_the_report_api_gives_the_figures(personas, api_token, web, db):
    _history(db, personas.alice)
    consent.set_shares(db, personas.alice, personas.link_id, ["measures"])
    db.commit()
    since = (date.today() - timedelta(days=14)).isoformat()
    body = web.get(f"/api/v1/clients/{personas.alice.id}/report", params={"since": since},
                   headers=api_token(personas.carol)).json()
    [phq] = body["measures"]
    assert (phq["before"], phq["latest"], phq["reliable"], phq["clinically_significant"]) == (18, 8, True, True)
    assert body["mood_average"] is None and body["themes"] is None and body["goals"] is None


def _walking_goal(db, alice):
    """A walking goal set 20 days ago, checked in on three times: twice before the period, once in it."""
    today = date.today()
    goal = create_goal(db, alice, GoalFields(text="Walk for 20 minutes after work", days="1111111",
                                             ends_on=today + timedelta(days=30)),
                       starts_on=today - timedelta(days=20))
    for ago, outcome, note in ((19, "done", ""), (18, "done", ""), (2, "partly", "I want to disappear forever")):
        goal_checkins.record_checkin(db, alice, goal, outcome, note, day=today - timedelta(days=ago))
    db.commit()


def test_the_report_shows_goals_with_the_check_ins_made_and_never_the_days_missed(personas, sign_in, db, api_token,
                                                                                   web):
    _walking_goal(db, personas.alice)
    since = (date.today() - timedelta(days=14)).isoformat()
    carol = sign_in(personas.carol)
    assert "Walk for 20 minutes" not in carol.get(f"/clients/{personas.alice.id}/report?since={since}").text
    consent.set_shares(db, personas.alice, personas.link_id, ["goals"])
    db.commit()
    text = carol.get(f"/clients/{personas.alice.id}/report?since={since}").text
    assert "Walk for 20 minutes after work" in text and "check in every day" in text
    assert "1 check-in in this period (1 partly)." in text
    assert "missed" not in text.replace("not a missed day here", "")  # twelve days without one go uncounted
    assert "goal check-in note · " in text and "disappear forever" not in text  # flagged, words withheld
    body = web.get(f"/api/v1/clients/{personas.alice.id}/report", params={"since": since},
                   headers=api_token(personas.carol)).json()
    [goal] = [g for g in body["goals"] if g["text"] == "Walk for 20 minutes after work"]
    assert goal["checkins"] == {"partly": 1} and goal["schedule"] == "every day"
    pdf = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/report.pdf?since={since}")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Walk for 20 minutes after work" in text and "1 check-in in this period (1 partly)." in text


def test_a_name_beyond_latin1_is_kept_whole_in_the_pdf(personas, sign_in, db):
    personas.alice.display_name = "Łucja Nowak"
    consent.set_shares(db, personas.alice, personas.link_id, ["mood"])
    db.commit()
    mood.record_checkin(db, personas.alice, 6, ["calm"], "")
    db.commit()
    response = sign_in(personas.carol).get(f"/clients/{personas.alice.id}/report.pdf")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Session report: Łucja Nowak" in text


def test_the_journey_api_gives_the_summary_milestones_and_months(personas, api_token, web, db):
    _history(db, personas.alice)
    body = web.get("/api/v1/journey", headers=api_token(personas.alice)).json()
    assert body["checkins"] == 61 and body["questionnaires"] == 2 and body["journal_entries"] == 3
    assert any("PHQ-9 score went from 18 to 8, 10 points better" in s for s in body["summary"])
    assert {"first-checkin", "checkins-30", "reliable-improvement"} <= {m["key"] for m in body["milestones"]}


def test_the_report_shows_the_homework_suggested_and_how_often_it_was_done_only_when_shared(personas, sign_in,
                                                                                             db, api_token, web):
    today = date.today()
    suggested = assignments.assign(db, personas.carol, personas.alice.id, "breathing:4-6", "days", days="1111111")
    suggested.starts_on = today - timedelta(days=20)  # suggested three weeks ago
    for ago in (19, 3, 1):  # once before the period, twice in it
        practice_log.record_session(db, personas.alice, "breathing", 5, detail="4-6",
                                    at=clock.now() - timedelta(days=ago))
    db.commit()
    since = (today - timedelta(days=14)).isoformat()
    carol = sign_in(personas.carol)
    text = carol.get(f"/clients/{personas.alice.id}/report?since={since}").text
    assert "Homework you suggested" in text and "whether it was done is not shown" in text
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "exercises"])
    db.commit()
    text = carol.get(f"/clients/{personas.alice.id}/report?since={since}").text
    assert "Done 2 times in this period." in text
    [line] = web.get(f"/api/v1/clients/{personas.alice.id}/report", params={"since": since},
                     headers=api_token(personas.carol)).json()["homework"]
    assert (line["visible"], line["done"], line["ended"]) == (True, 2, False)


def test_the_journey_shows_practice_minutes_and_goal_check_ins_by_month(personas, sign_in, db):
    _walking_goal(db, personas.alice)
    for ago, minutes in ((3, 5), (1, 10)):
        practice_log.record_session(db, personas.alice, "breathing", minutes, detail="4-6",
                                    at=clock.now() - timedelta(days=ago))
    db.commit()
    text = sign_in(personas.alice).get("/journey").text
    assert "2 practices" in text and "Time you gave to practising" in text
    assert "15 minutes in all." in text and " 15 in all" not in text  # a bare number said nothing of minutes
    chart = re.search(r'<svg[^>]*aria-labelledby="practice-chart-title.*?</svg>', text, re.S).group(0)
    bars = re.findall(r">(\d+) min</text>", chart)  # each bar says what it measures, month by month
    assert bars and sum(int(b) for b in bars) == 15
    assert "3 goal check-ins" in text
    assert "disappear forever" not in text  # counts, never what a note said
