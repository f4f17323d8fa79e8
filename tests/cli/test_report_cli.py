"""`holdspace report`: the therapist's session report from the terminal, with the same rules as the web."""

from pypdf import PdfReader

from holdspace.journey import mood
from holdspace.privacy import audit, second_factor

from ..conftest import TOTP_SECRET

PASSWORD = "correct horse battery\n"


def code() -> str:
    return second_factor.code_at(TOTP_SECRET, second_factor.current_step())


def test_a_therapist_reads_a_clients_report_and_saves_it_as_pdf(cli, personas, db, tmp_path):
    mood.record_checkin(db, personas.alice, 6, ["calm"], "a walk by the river helped")
    db.commit()
    pdf = tmp_path / "alice.pdf"
    result = cli("report", "alice@example.org", "--email", "carol@example.org", "--pdf", str(pdf),
                 "--code", code(), "--password-stdin", input=PASSWORD)
    assert result.exit_code == 0, result.output
    assert "Session report: Alice" in result.output and "Average mood 6.0 out of 10" in result.output
    assert "Not shared with you, so not included: Journal" in result.output
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Session report: Alice" in text
    assert "mood" in {e.detail for e in audit.events_about(db, personas.alice.id) if e.actor_id == personas.carol.id}


def test_someone_elses_client_a_client_account_and_a_bad_date_get_one_kind_line(cli, personas):
    other = cli("report", "alice@example.org", "--email", "dave@example.org", "--code", code(),
                "--password-stdin", input=PASSWORD)
    assert other.exit_code == 2 and "not one of your clients" in other.output and "Traceback" not in other.output
    client = cli("report", "bob@example.org", "--email", "alice@example.org", "--password-stdin", input=PASSWORD)
    assert client.exit_code == 2 and "for therapists" in client.output
    date = cli("report", "alice@example.org", "--since", "soon", "--email", "carol@example.org",
               "--code", code(), "--password-stdin", input=PASSWORD)
    assert date.exit_code == 1 and "YYYY-MM-DD" in date.output


def test_a_therapist_with_two_step_sign_in_needs_the_code(cli, personas):
    result = cli("report", "alice@example.org", "--email", "carol@example.org", "--password-stdin", input=PASSWORD)
    assert result.exit_code == 2 and "--code" in result.output
