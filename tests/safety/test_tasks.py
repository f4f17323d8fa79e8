"""`holdspace analyze risk` through the batch contract."""

import json

from holdspace.batch import all_tasks, run_batch


def test_risk_is_a_registered_task_with_text_in_and_level_and_reasons_out(cli):
    lines = ['{"text": "I want to kill myself tonight"}', '{"text": "this deadline is killing me"}',
             '{"text": 5}', "not json", '{"text": "my friend wants to die"}']
    result = cli("analyze", "risk", input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["level"] == "urgent" and out[0]["reasons"]
    assert out[1] == {"level": "none", "reasons": []}
    assert out[2] == {"error": "text must be a string."}
    assert "valid JSON" in out[3]["error"]
    assert out[4]["level"] == "concern"


def test_the_task_is_listed_with_its_field(cli):
    assert "risk: Risk level" in cli("analyze").output


def test_it_runs_in_process_too():
    task = all_tasks()["risk"]
    (result,) = run_batch(task, ['{"text": "I would never kill myself"}'])
    assert result == {"level": "none", "reasons": []}
