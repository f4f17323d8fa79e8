"""Listening skills: a therapist uploads a transcript and practises; nobody else can see either."""

from pathlib import Path

from holdspace.practice import records
from holdspace.privacy import deletion, export

SESSION = (Path(__file__).parents[1] / "practice" / "data" / "session.txt").read_text()


def upload(web, text=SESSION, **extra):
    return web.submit("/practice/transcripts", {"title": "Ben, session four", "text": text, **extra}, page="/practice")


def test_a_therapist_uploads_a_transcript_and_reads_its_report(personas, sign_in):
    carol = sign_in(personas.carol)
    response = upload(carol)
    assert response.status_code == 303
    page = carol.get(response.headers["location"])
    assert page.status_code == 200
    for words in ("Reflections per question", "Complex reflections", "Open questions", "MITI 4.2.1",
                  "Three moments done well", "Three to try differently", "Don&#39;t worry, it&#39;ll all be fine."):
        assert words in page.text, words
    assert '<svg class="chart timeline wide"' in page.text and '<svg class="chart timeline narrow"' in page.text
    pdf = carol.get(response.headers["location"] + "/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_transcript_is_sealed_at_rest(personas, sign_in, db):
    carol = sign_in(personas.carol)
    upload(carol)
    row = db.query(records.SessionTranscript).one()
    assert b"drinking more since I lost my job" not in row.body_sealed + row.report_sealed + row.title_sealed


def test_a_transcript_without_speakers_comes_back_filled_in_with_a_kind_word(personas, sign_in, db):
    carol = sign_in(personas.carol)
    response = upload(carol, text="hello there\n\nhow are you")
    assert response.status_code == 400
    assert "T: or C:" in response.text
    assert "how are you</textarea>" in response.text
    assert db.query(records.SessionTranscript).count() == 0


def test_names_can_be_mapped_once_on_the_upload_form(personas, sign_in):
    carol = sign_in(personas.carol)
    response = upload(carol, text="Anna: What brings you here?\nBen: My sleep, mostly.",
                      therapist_name="Anna", client_name="Ben")
    assert response.status_code == 303


def test_an_unrelated_therapist_cannot_see_or_delete_a_transcript(personas, sign_in, db):
    carol, dave = sign_in(personas.carol), sign_in(personas.dave)
    location = upload(carol).headers["location"]
    assert dave.get(location).status_code == 404
    assert dave.get(location + "/report.pdf").status_code == 404
    assert "Ben, session four" not in dave.get("/practice").text
    tid = int(location.rsplit("/", 1)[1])
    assert dave.submit(f"/practice/transcripts/{tid}/delete", {}, page="/practice").status_code == 404
    assert carol.get(location).status_code == 200


def test_practice_mode_gives_immediate_feedback_and_keeps_progress(personas, sign_in, db):
    carol = sign_in(personas.carol)
    first = carol.get("/practice/exercise")
    assert "My boss dumped three new projects on me" in first.text
    response = carol.submit("/practice/exercise", {
        "statement": "s001", "response": "It sounds like you're really overwhelmed by how much has landed on you this week."},
        page="/practice/exercise")
    assert response.status_code == 200
    assert "Feedback:" in response.text and "Named a feeling" in response.text and "Yes: overwhelmed" in response.text
    assert len(records.attempts(db, personas.carol)) == 1
    assert "answered 1 statement;" in carol.get("/practice").text


def test_an_empty_practice_response_asks_kindly_and_saves_nothing(personas, sign_in, db):
    carol = sign_in(personas.carol)
    response = carol.submit("/practice/exercise", {"statement": "s001", "response": "  "}, page="/practice/exercise")
    assert response.status_code == 400 and "even one sentence is enough" in response.text
    assert records.attempts(db, personas.carol) == []


def test_the_api_takes_a_transcript_and_returns_the_report(personas, api_token, sign_in):
    client = sign_in(None)
    client.cookies.clear()
    response = client.post("/api/v1/practice/transcripts", json={"text": SESSION, "title": "API"},
                           headers=api_token(personas.carol))
    assert response.status_code == 201
    report = response.json()["report"]
    assert {m["key"] for m in report["measures"]} >= {"reflection_to_question", "open_questions"}
    assert all("code" in u for u in report["utterances"] if u["speaker"] == "therapist")
    other = client.get(f"/api/v1/practice/transcripts/{response.json()['id']}", headers=api_token(personas.dave))
    assert other.status_code == 404


def test_export_carries_transcripts_and_practice_and_deletion_removes_them(personas, sign_in, db):
    carol = sign_in(personas.carol)
    upload(carol)
    carol.submit("/practice/exercise", {"statement": "s002", "response": "You felt left out."}, page="/practice/exercise")
    db.expire_all()
    data = export.export_data(db, personas.carol)
    assert data["transcripts"][0]["title"] == "Ben, session four" and "drinking more" in data["transcripts"][0]["body"]
    assert data["practice"][0]["response"] == "You felt left out."
    deletion.delete_account(db, personas.carol)
    db.commit()
    assert db.query(records.SessionTranscript).count() == 0
    assert db.query(records.PracticeAttempt).count() == 0
