"""`holdspace talk`: a terminal conversation with the real listener, fed through Typer's CliRunner."""

import pytest
from typer.testing import CliRunner

from holdspace.cli.main import app
from tests.listening.test_responder import GOOD, FakeServer


@pytest.fixture
def talk(tmp_path, monkeypatch):
    monkeypatch.setenv("HOLDSPACE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HOLDSPACE_LLM_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*lines: str, args: tuple[str, ...] = ()):
        return runner.invoke(app, ["talk", *args], input="".join(line + "\n" for line in lines),
                             catch_exceptions=False)

    return run


def test_it_opens_by_saying_it_is_software_and_that_nothing_is_saved(talk, tmp_path):
    result = talk("My boss yelled at me in front of everyone today.", "quit")
    assert result.exit_code == 0, result.output
    opening = result.output.split("you ›")[0]
    assert "software, not a person or a therapist" in opening and "Nothing you write here is saved" in opening
    assert "your boss yelled at you" in result.output and result.output.count("?") >= 2
    assert "Nothing from this conversation was saved." in result.output
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*"))


def test_a_crisis_message_gets_the_fixed_response_and_the_countrys_lines(talk):
    result = talk("I want to kill myself tonight", args=("--country", "GB"))
    assert result.exit_code == 0, result.output
    assert "Samaritans" in result.output and "116 123" in result.output and "999" in result.output
    assert "/crisis" not in result.output  # no web page to point to in a terminal
    # the lines are shown again as the conversation ends (Ctrl+D here)
    assert result.output.count("116 123") >= 3


def test_someone_else_being_hurt_gets_the_lines_for_it_and_no_question_about_suicide(talk):
    child = talk("one of my pupils told me her dad hits her with a belt", "quit", args=("--country", "GB"))
    assert child.exit_code == 0, child.output
    reply = " ".join(child.output.split("you ›")[1].split())  # (as read, whatever the terminal's wrapping)
    assert "call 999" in reply and "call 0808 800 5000" in reply and "safeguarding lead" in reply
    assert "NSPCC Helpline" in reply  # in the support list printed after it
    adult = talk("my sister's boyfriend hits her and she won't leave", "quit", args=("--country", "GB"))
    reply = " ".join(adult.output.split("you ›")[1].split())
    assert "call 0808 2000 247" in reply and "Are they safe right now, and are you?" in reply
    assert "about suicide" not in child.output + adult.output


def test_after_a_crisis_a_bare_im_fine_points_to_lines_shown_below_not_a_web_page(talk):
    result = talk("I want to kill myself tonight", "im fine", "quit", args=("--country", "GB"))
    assert result.exit_code == 0, result.output
    after = result.output.split("you ›")[2]  # the reply to "im fine"
    assert "/crisis" not in after and "support list below" in after
    assert "Samaritans" in after  # the list it points to is there


def test_bad_input_gets_kind_replies_and_never_a_crash(talk):
    result = talk("", "😢", "\x00\x01\x02\x7f", "word " * 4000, "Je suis très fatiguée et personne ne m'écoute.",
                  "exit")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "English" in result.output and "Nothing from this conversation was saved." in result.output
    assert result.output.count("listener ›") == 5


def test_llm_without_a_configured_server_is_a_clear_error(talk):
    result = talk("hello", args=("--llm",))
    assert result.exit_code == 1 and "HOLDSPACE_LLM_URL" in result.output and "Traceback" not in result.output


def test_with_llm_replies_come_from_the_local_server_and_say_so(talk, monkeypatch):
    fake = FakeServer()
    try:
        monkeypatch.setenv("HOLDSPACE_LLM_URL", fake.url)
        monkeypatch.setenv("HOLDSPACE_LLM_MODEL", "tiny-test-model")
        result = talk("I'm worried about the move next week.", "quit", args=("--llm",))
    finally:
        fake.close()
    assert result.exit_code == 0, result.output
    assert GOOD in result.output and "written by the local model" in result.output
    assert "receives what you write" in result.output and len(fake.requests) == 1
