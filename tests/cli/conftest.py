"""The terminal tests read rich's tables and panels: give them a wide terminal, so no line is folded."""

import pytest


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
