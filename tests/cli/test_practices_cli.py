"""The practices that make sense in a terminal, run through Typer's CliRunner on the test's real database:
the self-talk challenger, the thought record, the letter to yourself, grounding and the body scan."""


from holdspace.cli import guided as guided_cli
from holdspace.mindfulness import guided
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert
from holdspace.selfcompassion import records

from sqlalchemy import select

from .keyboard import SIGN_IN, typed



def test_the_challenger_names_the_traps_and_saves_only_the_clients_own_kinder_words(cli, personas, db):
    result = cli("challenge", *SIGN_IN, input=typed("", "I always mess things up. I'm such an idiot.", "",
                                                    "I got one thing wrong today, and I'm learning."))
    assert result.exit_code == 0, result.output
    assert "The harsh thought is still empty" in result.output  # the empty first line, asked again
    assert "Overgeneralising" in result.output and "Labelling" in result.output
    assert "“I always mess things up”" in result.output
    assert "Can you remember a time, even one, when it went differently?" in result.output
    assert "Your kinder version is still empty" in result.output
    assert "Your kinder words are saved." in result.output
    [saved] = records.records(db, personas.alice.id, "challenge")
    assert saved.body["kinder"] == "I got one thing wrong today, and I'm learning."
    assert {"overgeneralising", "labelling"} <= set(saved.body["traps"])


def test_a_harsh_thought_at_risk_gets_the_crisis_response_and_the_client_may_stop(cli, personas, db):
    result = cli("challenge", *SIGN_IN, "--country", "GB", input=typed("I'm going to kill myself tonight.", "n"))
    assert result.exit_code == 0, result.output
    assert "Before you go on" in result.output and "Samaritans" in result.output and "116 123" in result.output
    assert "Nothing was saved" in result.output and "Overgeneralising" not in result.output
    assert records.records(db, personas.alice.id, "challenge") == []


def test_stopping_the_challenger_with_ctrl_d_saves_nothing_and_says_so(cli, personas, db):
    result = cli("challenge", *SIGN_IN, input=typed("I'm a failure."))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "Nothing was saved" in result.output
    assert records.records(db, personas.alice.id, "challenge") == []


def test_a_wrong_password_is_one_clear_line(cli, personas):
    result = cli("challenge", *SIGN_IN, input="not it\n")
    assert result.exit_code == 1 and "don't match" in result.output and "Traceback" not in result.output


def test_a_thought_record_walks_every_box_and_rates_the_feelings_again(cli, personas, db):
    result = cli("thought-record", *SIGN_IN, input=typed(
        "At the bus stop after the meeting.", "Everyone is staring at me.",
        "worried", "180", "80", "embarrassed", "", "",
        "Two people looked up.", "Most people were on their phones.", "People are busy with their own day.",
        "40", "20"))
    assert result.exit_code == 0, result.output
    assert "“180” isn't a number from 0 to 100" in result.output
    assert "Your thought record is saved. worried 80 → 40." in result.output
    [saved] = records.records(db, personas.alice.id, "thought_record")
    assert saved.body["feelings"] == [{"name": "worried", "before": 80, "after": 40},
                                      {"name": "embarrassed", "before": None, "after": 20}]
    assert saved.body["balanced"] == "People are busy with their own day."


def test_a_thought_record_needs_its_situation_and_stops_kindly(cli, personas, db):
    result = cli("thought-record", *SIGN_IN, input=typed("", "At work."))
    assert result.exit_code == 0, result.output
    assert "The situation is still empty" in result.output and "Nothing was saved" in result.output
    assert records.records(db, personas.alice.id, "thought_record") == []


LETTER_NOTES = ("I snapped at my sister and keep calling myself terrible.", "Sam, who has known me since school.",
                "That I was exhausted and scared for her.", "Everyone loses their temper with people they love.",
                "That I rest, and say sorry.")


def test_a_client_writes_the_letter_step_by_step_and_reads_it_back(cli, personas, db):
    result = cli("letter", *SIGN_IN, input=typed(*LETTER_NOTES, "Dear Alice,", "", "You were tired, not terrible.",
                                                 ".", "n"))
    assert result.exit_code == 0, result.output
    assert "Step 1 of 6: What happened" in result.output and "Step 6 of 6: Write the letter" in result.output
    assert "Your letter is saved, private to you." in result.output
    assert "Read your letter slowly" in result.output
    [saved] = records.records(db, personas.alice.id, "letter")
    assert saved.body["letter"] == "Dear Alice,\n\nYou were tired, not terrible."
    assert saved.body["finished"] is True and saved.body["shared"] is False
    assert saved.body["human"] == LETTER_NOTES[3]
    read = cli("letter", *SIGN_IN, "--read", input=typed())
    assert "You were tired, not terrible." in read.output and "private" in read.output


def test_stopping_half_way_keeps_a_draft_that_the_next_run_carries_on(cli, personas, db):
    first = cli("letter", *SIGN_IN, input=typed(*LETTER_NOTES[:2]))
    assert first.exit_code == 0, first.output
    assert "Your letter is kept as a draft" in first.output
    [draft] = records.records(db, personas.alice.id, "letter")
    assert draft.body["friend"] == LETTER_NOTES[1] and draft.body["finished"] is False
    # Enter keeps what a step holds; the half-typed letter is kept when the input ends
    second = cli("letter", *SIGN_IN, input=typed("", "", *LETTER_NOTES[2:], "Dear me,", "rest now"))
    assert "Carrying on the letter you began" in second.output and f"You wrote: {LETTER_NOTES[0]}" in second.output
    db.rollback()  # a fresh look: the first read held an older snapshot
    [draft] = records.records(db, personas.alice.id, "letter")
    assert draft.body["happened"] == LETTER_NOTES[0] and draft.body["hope"] == LETTER_NOTES[4]
    assert draft.body["letter"] == "Dear me,\nrest now" and draft.body["finished"] is False


def test_an_empty_letter_is_asked_for_again_and_a_risky_step_shows_the_crisis_response(cli, personas, db):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    db.commit()
    result = cli("letter", *SIGN_IN, "--country", "GB", input=typed(
        "I have pills saved up to kill myself tonight.", "y", "", "", "", "", ".", "Dear me, stay.", ".", "y"))
    assert result.exit_code == 0, result.output
    assert "Before you go on" in result.output and "116 123" in result.output
    assert "The letter is still empty" in result.output
    assert "Your letter is saved, and shared." in result.output
    [saved] = records.records(db, personas.alice.id, "letter")
    assert saved.body["letter"] == "Dear me, stay." and saved.body["shared"] is True
    [alert] = db.scalars(select(Alert).where(Alert.client_id == personas.alice.id)).all()
    assert alert.place == "exercise" and alert.level == "urgent"


def test_grounding_at_my_own_pace_shows_every_step_in_order(cli):
    steps = guided.script("grounding").steps
    result = cli("ground", "--at-my-pace", input="\n" * len(steps))
    assert result.exit_code == 0, result.output
    positions = [result.output.index(s.text[:40]) for s in steps]
    assert positions == sorted(positions) and "That's the end of the practice." in result.output


def test_with_log_the_practice_is_rated_before_and_after_and_kept_in_the_log(cli, personas, db):
    from holdspace.mindfulness import log

    steps = guided.script("grounding").steps
    result = cli("ground", "--at-my-pace", "--log", *SIGN_IN, input=typed("eleven", "3", *[""] * len(steps), "7"))
    assert result.exit_code == 0, result.output
    assert "“eleven” isn't a number from 0 to 10." in result.output
    assert "Saved to your practice log: 5-4-3-2-1 grounding, 0.1 minutes, calm 3 → 7." in result.output
    [row] = log.sessions(db, personas.alice.id)
    assert (row.kind, row.before, row.after) == ("grounding", 3, 7)


def test_logging_without_saying_who_you_are_is_one_clear_line(cli, monkeypatch):
    monkeypatch.delenv("HOLDSPACE_EMAIL", raising=False)
    result = cli("body-scan", "--log")
    assert result.exit_code == 1 and "--email" in result.output and "Traceback" not in result.output


def test_the_body_scan_stops_kindly_when_the_input_ends(cli):
    result = cli("body-scan", "--at-my-pace", input="\n\n")
    assert result.exit_code == 0 and "Stopped. Any moment you spend noticing counts." in result.output
    assert "Traceback" not in result.output


def test_timed_steps_keep_to_the_scripts_schedule():
    """Run on a simulated clock: each step waits until its scheduled start, so the whole practice
    takes exactly the script's seconds however long the drawing takes."""
    from rich.console import Console

    now = [0.0]
    script = guided.script("grounding")

    def sleep(seconds):
        now[0] += seconds + 0.013  # every wake-up is a little late

    took = guided_cli.timed(Console(file=open("/dev/null", "w")), script, sleep=sleep, clock=lambda: now[0])
    assert script.seconds <= took < script.seconds + 0.02
