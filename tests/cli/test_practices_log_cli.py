"""`holdspace practices log|list`: the practice log from the terminal, the same log the web page keeps,
and what marks homework of that kind done."""

import json


from holdspace.homework import assignments
from holdspace.mindfulness import log

from .keyboard import SIGN_IN, typed



def test_a_logged_practice_is_saved_listed_and_marks_the_homework_done(cli, personas, db):
    assignments.assign(db, personas.carol, personas.alice.id, "breathing:4-6", "every", every_days=1)
    db.commit()
    result = cli("practices", "log", "breathing", "5", "--before", "3", "--after", "7", "--pattern", "4-6",
                 *SIGN_IN, input=typed())
    assert result.exit_code == 0, result.output
    assert "Saved to your practice log: Breathing (In 4, out 6), 5 minutes, calm 3 → 7." in result.output
    [row] = log.sessions(db, personas.alice.id)
    assert (row.kind, row.detail, row.seconds, row.before, row.after) == ("breathing", "4-6", 300, 3, 7)
    [status] = assignments.for_client(db, personas.alice)
    assert status.done and not status.is_due

    second = cli("practices", "log", "music", "2,5", "--prompt", "music-mood-match", *SIGN_IN, input=typed())
    assert second.exit_code == 0, second.output
    assert "2.5 minutes. Well done" in second.output

    listed = cli("practices", "list", *SIGN_IN, input=typed())
    assert listed.exit_code == 0, listed.output
    out = listed.output
    assert "2 practices, 7.5 minutes in all; calm +4 on average from before to after, over 1 rated practice." in out
    assert out.index("Music (") < out.index("Breathing (In 4, out 6)")  # newest first
    assert "3 → 7" in out and "– → –" in out
    as_json = cli("practices", "list", "--json", *SIGN_IN, input=typed())
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert [(r["kind"], r["minutes"], r["before"], r["after"]) for r in rows] == [("music", 2.5, None, None),
                                                                                  ("breathing", 5.0, 3, 7)]


def test_bad_input_is_one_kind_line_before_the_password_and_nothing_is_logged(cli, personas, db):
    cases = [(("yoga", "10"), "'yoga' isn't one of the practices the log keeps"),
             (("breathing", "ten"), "How many minutes did you practise? A number from 0.5 to 240."),
             (("breathing", "500"), "A number from 0.5 to 240"),
             (("grounding", "5", "--before", "11"), "a number from 0 (not at all calm) to 10"),
             (("breathing", "5", "--pattern", "4-0-0"), "breathing out is 0 seconds"),
             (("grounding", "5", "--pattern", "4-6"), "--pattern is for breathing"),
             (("movement", "5", "--prompt", "music-mood-match"), "There's no movement prompt called")]
    for args, message in cases:
        result = cli("practices", "log", *args, *SIGN_IN, input="")  # no password given: none is asked for
        assert result.exit_code in (1, 2) and message in result.output, (args, result.output)
        assert "Traceback" not in result.output
    assert log.sessions(db, personas.alice.id) == []


def test_an_empty_log_says_how_to_begin(cli, personas):
    result = cli("practices", "list", *SIGN_IN, input=typed())
    assert result.exit_code == 0 and "Nothing logged in the last 28 days. Any practice counts" in result.output


def test_a_therapist_is_told_the_log_is_for_clients(cli, personas, db):
    result = cli("practices", "log", "grounding", "5", "--email", "carol@example.org", "--password-stdin",
                 input=typed())
    assert result.exit_code == 1 and "The practice log is for client accounts." in result.output
    assert log.sessions(db, personas.carol.id) == []
