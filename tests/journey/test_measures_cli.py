"""`holdspace measures` from the terminal: scoring, change, taking one, history and FHIR."""

from __future__ import annotations

import json

PASSWORD_IN = "correct horse battery\n"


def test_score_applies_the_published_rules_without_saving(cli):
    assert "PHQ-9: 11, moderate" in cli("measures", "score", "phq9", "2,2,2,1,1,1,1,1,0").output
    prorated = cli("measures", "score", "phq9", "2,2,2,1,1,1,1,1,").output
    assert "PHQ-9: 12, moderate (prorated" in prorated  # 11 * 9 / 8 = 12.4
    as_json = json.loads(cli("measures", "score", "brs", "4,4,4,4,4,4", "--json").output)
    assert as_json["total"] == 3.0 and as_json["band"] == "normal"


def test_bad_answers_get_one_clear_line(cli):
    wrong_count = cli("measures", "score", "gad7", "1,2,3")
    assert wrong_count.exit_code == 1 and "GAD-7 has 7 questions; 3 answers were given" in wrong_count.output
    out_of_range = cli("measures", "score", "gad7", "1,1,1,1,1,1,4")
    assert out_of_range.exit_code == 1 and "Question 7 needs one of the answers listed" in out_of_range.output
    too_few = cli("measures", "score", "who5", "5,5,5,5,")
    assert too_few.exit_code == 1 and "Every one of the 5 questions" in too_few.output


def test_change_says_whether_it_is_reliable_and_cites_its_figures(cli):
    result = cli("measures", "change", "phq9", "16", "8")
    assert "8 points better: a reliable improvement, out of the clinical range" in result.output
    assert "Kocalevent" in result.output


def test_a_client_takes_a_phq9_twice_and_sees_the_change_and_the_crisis_response(cli, personas):
    first = cli("measures", "take", "phq9", "--answers", "2,2,2,2,2,2,2,2,0", "--email", "alice@example.org",
                "--password-stdin", input=PASSWORD_IN)
    assert first.exit_code == 0, first.output
    assert "PHQ-9: 16, moderately severe" in first.output and "Your first one here" in first.output
    second = cli("measures", "take", "phq9", "--answers", "1,1,1,1,1,1,1,1,1", "--email", "alice@example.org",
                 "--password-stdin", input=PASSWORD_IN)
    assert "7 points better" in second.output and "Before you go on" in second.output
    history = cli("measures", "history", "--json", "--email", "alice@example.org", "--password-stdin",
                  input=PASSWORD_IN)
    rows = [json.loads(line) for line in history.output.splitlines()]
    assert [r["total"] for r in rows] == [16, 9] and rows[1]["change"]["category"] == "recovered"


def test_fhir_export_writes_a_bundle(cli, personas, tmp_path):
    cli("measures", "take", "gad7", "--answers", "1,1,1,1,1,1,1", "--email", "alice@example.org",
        "--password-stdin", input=PASSWORD_IN)
    target = tmp_path / "fhir.json"
    result = cli("measures", "fhir", "--output", str(target), "--email", "alice@example.org",
                 "--password-stdin", input=PASSWORD_IN)
    assert result.exit_code == 0, result.output
    bundle = json.loads(target.read_text())
    assert bundle["entry"][2]["resource"]["code"]["coding"][0]["code"] == "70274-6"


def test_the_journey_command_says_this_month_warmly(cli, personas):
    cli("measures", "take", "who5", "--answers", "3,3,3,3,3", "--email", "alice@example.org",
        "--password-stdin", input=PASSWORD_IN)
    result = cli("measures", "journey", "--email", "alice@example.org", "--password-stdin", input=PASSWORD_IN)
    assert result.exit_code == 0, result.output
    assert "Your first questionnaire" in result.output and "WHO-5 60" in result.output
