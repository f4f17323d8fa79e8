import pytest
from typer.testing import CliRunner

from holdspace.cli.main import app


@pytest.fixture
def cli(settings, monkeypatch):
    """cli(*args, input=None) -> result, run in-process against this test's database."""
    monkeypatch.setenv("HOLDSPACE_DATA_DIR", str(settings.data_dir))
    if settings.database_url and not settings.is_sqlite:
        monkeypatch.setenv("HOLDSPACE_DATABASE_URL", settings.database_url)
    else:
        monkeypatch.delenv("HOLDSPACE_DATABASE_URL", raising=False)
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run
