"""`holdspace journal write` at a real terminal (a pseudo-terminal driving the real executable): the
passphrase asked twice without echo, the entry typed line by line until a lone full stop."""

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from holdspace.creativity import journal

HOLDSPACE = str(Path(sys.executable).with_name("holdspace"))
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


class Terminal:
    """The real `holdspace` on a pseudo-terminal: type lines, wait for words on the screen."""

    def __init__(self, args, env):
        self.master, slave = os.openpty()
        # Ctrl+C live in the program, as at a person's terminal, even when the test run itself was started where
        # it is ignored (a background job of a non-interactive shell), which the program would inherit
        self.process = subprocess.Popen([HOLDSPACE, *args], stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True,
                                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        os.close(slave)
        self.screen = ""
        self.seen = 0

    def wait_for(self, words: str, timeout: float = 60) -> None:
        """Wait for words written after the last ones waited for (getpass drops what is typed too early)."""
        deadline = time.monotonic() + timeout
        while words not in self.screen[self.seen:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{words!r} never appeared; the screen shows:\n{self.screen}")
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    self.screen += os.read(self.master, 4096).decode(errors="replace")
                except OSError:  # the program ended
                    if words not in self.screen[self.seen:]:
                        raise AssertionError(f"{words!r} never appeared:\n{self.screen}") from None
        self.seen = self.screen.index(words, self.seen) + len(words)

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def end(self) -> int:
        code = self.process.wait(timeout=60)
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.screen += chunk.decode(errors="replace")
        os.close(self.master)
        return code


@pytest.fixture
def terminal(settings):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
    env.update(HOLDSPACE_DATA_DIR=str(settings.data_dir), HOLDSPACE_KEY_FILE=str(settings.key_file),
               HOLDSPACE_EMAIL="alice@example.org", COLUMNS="120", TERM="dumb")
    if settings.database_url and not settings.is_sqlite:
        env["HOLDSPACE_DATABASE_URL"] = settings.database_url
    started = []

    def start(*args):
        started.append(Terminal(args, env))
        return started[-1]

    yield start
    for t in started:
        if t.process.poll() is None:
            t.process.kill()


def test_a_private_entry_typed_at_the_terminal_asks_the_passphrase_again_until_it_matches(terminal, personas, db):
    t = terminal("journal", "write", "--private")
    t.wait_for("Password:")
    t.type(PASSWORD)
    t.wait_for("Passphrase for this entry")
    t.type("a long secret phrase")
    t.wait_for("The passphrase again:")
    t.type("a long secret phrse")
    t.wait_for("The two passphrases are different")
    t.wait_for("Passphrase for this entry")
    t.type("a long secret phrase")
    t.wait_for("The passphrase again:")
    t.type("a long secret phrase")
    t.wait_for("Ctrl+C stops without saving.")
    t.type(".")  # nothing written yet: asked again, nothing lost
    t.wait_for("There's nothing written yet.")
    t.type("The first line.")
    t.type("The second line.")
    t.type(".")
    assert t.end() == 0, t.screen
    assert "Your entry is saved, locked with your passphrase." in t.screen
    assert "a long secret phrase" not in t.screen  # never echoed
    db.rollback()
    newest = journal.entries(db, personas.alice.id)[0]
    assert newest.private
    assert journal.own_entry(db, personas.alice, newest.id, "a long secret phrase").body == \
        "The first line.\nThe second line."


def test_ctrl_c_at_the_terminal_saves_nothing_and_says_so(terminal, personas, db):
    t = terminal("journal", "write")
    t.wait_for("Password:")
    t.type(PASSWORD)
    t.wait_for("Ctrl+C stops without saving.")
    t.type("Half a thought")
    time.sleep(0.3)
    t.process.send_signal(signal.SIGINT)  # what Ctrl+C sends (this terminal isn't the controlling one)
    assert t.end() == 0, t.screen
    assert "Stopped. Nothing was saved" in t.screen and "Traceback" not in t.screen
    db.rollback()
    assert len(journal.entries(db, personas.alice.id)) == 1
