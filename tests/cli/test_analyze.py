"""The `holdspace analyze` batch contract, exercised with a task the test registers itself."""

import json

import pytest

from holdspace import batch
from holdspace.errors import InvalidInput


@pytest.fixture
def shout_task():
    batch.all_tasks()  # the real tasks register first, into the one registry they'll stay in

    @batch.batch_task("shout", required=("text",), help="Upper-case the text.")
    def shout(record):
        if not isinstance(record["text"], str):
            raise InvalidInput("text must be a string")
        if record["text"] == "boom":
            raise RuntimeError("the task itself broke")
        return {"text": record["text"].upper()}

    yield
    del batch._REGISTRY["shout"]


LINES = ['{"text": "hello"}', "not json", "[1, 2]", '{"other": 1}', "", '{"text": 5}',
         '{"text": "boom"}', '{"text": "still going"}']


def test_one_output_per_input_line_in_order_and_errors_stay_on_their_line(cli, shout_task):
    result = cli("analyze", "shout", input="\n".join(LINES) + "\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == len(LINES)
    assert out[0] == {"text": "HELLO"} and out[-1] == {"text": "STILL GOING"}
    assert "valid JSON" in out[1]["error"]
    assert "JSON object" in out[2]["error"]
    assert "Missing field: text" in out[3]["error"]
    assert "empty" in out[4]["error"]
    assert out[5] == {"error": "text must be a string"}
    assert "RuntimeError" in out[6]["error"]


def test_files_in_and_out(cli, shout_task, tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('{"text": "a"}\n{"text": "ü"}\n', encoding="utf-8")
    assert cli("analyze", "shout", "--input", str(source), "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == '{"text":"A"}\n{"text":"Ü"}\n'


def test_an_unknown_task_or_missing_file_is_one_line_and_exit_2(cli, shout_task, tmp_path):
    unknown = cli("analyze", "telepathy", input="")
    assert unknown.exit_code == 2 and "no task called 'telepathy'" in unknown.output
    assert "shout" in unknown.output
    missing = cli("analyze", "shout", "--input", str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_listing_tasks_shows_their_fields(cli, shout_task):
    assert "shout: Upper-case the text.  (fields: text)" in cli("analyze").output
