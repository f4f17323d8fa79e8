import pytest
from typer.testing import CliRunner

from holdspace.cli.main import app


@pytest.fixture
def analyze(tmp_path, monkeypatch):
    """analyze(task, lines) -> one parsed JSON object per output line, run in-process."""
    import json

    monkeypatch.setenv("HOLDSPACE_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()

    def run(task: str, lines: list) -> list[dict]:
        text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
        result = runner.invoke(app, ["analyze", task], input=text, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines()]

    return run
