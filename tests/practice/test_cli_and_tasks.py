import json
from pathlib import Path

from typer.testing import CliRunner

from holdspace.cli.main import app

SESSION = Path(__file__).with_name("data") / "session.txt"


def test_feedback_prints_the_measures_and_moments_in_the_terminal():
    result = CliRunner().invoke(app, ["feedback", str(SESSION)])
    assert result.exit_code == 0, result.output
    for words in ("Reflections per question", "Open questions", "Done well", "To try differently",
                  "Don't worry, it'll all be fine."):
        assert words in result.output


def test_feedback_json_holds_every_utterance_with_its_code():
    result = CliRunner().invoke(app, ["feedback", str(SESSION), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.output)
    therapist = [u for u in report["utterances"] if u["speaker"] == "therapist"]
    assert len(therapist) == 10 and all(u["code"]["name"] for u in therapist)


def test_feedback_on_a_file_without_speakers_says_how_to_fix_it(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("we talked about his week\n\nthen about work\n")
    result = CliRunner().invoke(app, ["feedback", str(bad)])
    assert result.exit_code == 1
    assert "T: or C:" in result.output


def test_feedback_maps_names_given_once(tmp_path):
    named = tmp_path / "named.txt"
    named.write_text("Anna: What brings you in?\nBen: My sleep.\nAnna: Your sleep has been hard.\n")
    result = CliRunner().invoke(app, ["feedback", str(named), "--therapist", "Anna", "--client", "Ben", "--json"])
    assert result.exit_code == 0, result.output
    assert [u["speaker"] for u in json.loads(result.output)["utterances"]] == ["therapist", "client", "therapist"]


def test_analyze_code_empathy_and_reflection_answer_line_by_line(analyze):
    out = analyze("code", [{"text": "What brings you in today?"}, {"text": 5}])
    assert out[0]["behaviour"] == "question" and out[0]["code"] == "open_question" and out[0]["evidence"]
    assert "error" in out[1]
    out = analyze("empathy", [{"client": "I failed my test.", "response": "I'm so sorry. How are you feeling about it?"}])
    assert out[0]["emotional_reactions"]["level"] == 2 and out[0]["explorations"]["level"] == 2
    out = analyze("reflection", [{"client": "I failed my test.", "reflection": "Why did you fail?"}])
    assert out[0]["band"] != "strong" and out[0]["suggestion"] == "What led you to fail?"
