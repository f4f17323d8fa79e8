"""`holdspace resilience`: strengths, the coping toolbox and the support network from the terminal, sealed
and risk-checked as on the web page, with what has helped most put first when the client is struggling."""

import json

from sqlalchemy import select

from holdspace.resilience import toolbox
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert

from .keyboard import SIGN_IN, typed



def test_a_client_adds_a_strength_a_skill_and_a_person_and_sees_them_all(cli, personas, db):
    strength = cli("resilience", "strength", "Patience", "--example", "I taught my dad to use his phone.", *SIGN_IN,
                   input=typed())
    assert strength.exit_code == 0, strength.output
    assert "Added to your strengths: Patience." in strength.output
    skill = cli("resilience", "skill", "Cold water on my face", "--how", "Thirty seconds at the sink.",
                "--for", "anxious", "--for", "angry", *SIGN_IN, input=typed())
    assert skill.exit_code == 0 and "Added to your toolbox: Cold water on my face." in skill.output
    person = cli("resilience", "person", "Sam", "--helps", "Listens without fixing.", "--last-talked", "2026-01-10",
                 *SIGN_IN, input=typed())
    assert person.exit_code == 0 and "Added to your support network: Sam." in person.output

    kinds = {i.kind: i.body for i in toolbox.items(db, personas.alice.id)}
    assert kinds["skill"] == {"name": "Cold water on my face", "how": "Thirty seconds at the sink.",
                              "situations": ["anxious", "angry"]}
    assert kinds["person"]["last_talked"] == "2026-01-10"
    raw = db.scalars(select(toolbox.ResilienceItem.body_sealed)).all()
    assert not any(b"Patience" in r for r in raw)  # sealed at rest

    listed = cli("resilience", "list", *SIGN_IN, input=typed())
    out = listed.output
    assert "Once you've rated a few skills after using them" in out and "You could also reach out to: Sam." in out
    assert "Cold water on my face" in out and "For: Feeling anxious or panicky; Feeling angry or on edge" in out
    assert "Not rated yet." in out and "Patience: I taught my dad to use his phone." in out
    assert "Sam: Listens without fixing. (last talked 2026-01-10)" in out


def test_the_skills_that_helped_most_come_first_when_struggling(cli, personas, db):
    walk = toolbox.add_item(db, personas.alice, "skill", {"name": "A walk", "situations": ["low"]})
    music = toolbox.add_item(db, personas.alice, "skill", {"name": "Loud music", "situations": ["angry"]})
    breathe = toolbox.add_item(db, personas.alice, "skill", {"name": "Slow breathing", "situations": ["anxious"]})
    db.commit()
    for skill, rating in ((walk, "3"), (music, "5"), (breathe, "4"), (breathe, "5")):
        result = cli("resilience", "rate", str(skill.id), rating, *SIGN_IN, input=typed())
        assert result.exit_code == 0, result.output
    assert "Noted: Slow breathing helped 5 out of 5 this time. On average 4.5 out of 5, over 2 times." in result.output

    out = cli("resilience", "list", *SIGN_IN, input=typed()).output
    assert "These have helped you most:" in out
    assert out.index("1. Loud music") < out.index("2. Slow breathing") < out.index("3. A walk")
    assert "(helped 4.5 out of 5 on average, 2 times)" in out
    low = cli("resilience", "list", "--situation", "low", *SIGN_IN, input=typed()).output
    assert "When you're struggling: Feeling low or empty" in low and "1. A walk" in low and "1. Loud music" not in low
    as_json = cli("resilience", "list", "--json", *SIGN_IN, input=typed())
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert [r["ratings"] for r in rows if r["name"] == "Slow breathing"] == [[4, 5]]


def test_bad_input_is_one_kind_line_before_the_password_and_nothing_is_saved(cli, personas, db):
    cases = [(("skill", "A walk", "--for", "bored"), "'bored' isn't one of the situations here"),
             (("strength", "   "), "The strength is still empty."),
             (("person", "Sam", "--last-talked", "next week"), "a date like 2026-03-14"),
             (("strength", "x" * 200), "can hold up to 120 characters"),
             (("rate", "1", "9"), "Choose from 1 (not much) to 5 (a lot)."),
             (("list", "--situation", "bored"), "isn't one of the situations here")]
    for args, message in cases:
        result = cli("resilience", *args, *SIGN_IN, input="")  # no password given: none is asked for
        assert result.exit_code in (1, 2) and message in result.output, (args, result.output)
        assert "Traceback" not in result.output
    assert toolbox.items(db, personas.alice.id) == []


def test_rating_someone_elses_skill_is_refused(cli, personas, db):
    theirs = toolbox.add_item(db, personas.bob, "skill", {"name": "Bob's trick"})
    db.commit()
    result = cli("resilience", "rate", str(theirs.id), "5", *SIGN_IN, input=typed())
    assert result.exit_code == 2 and f"There's no skill {theirs.id} in your toolbox" in result.output
    db.rollback()
    assert toolbox.items(db, personas.bob.id)[0].ratings == []


def test_an_item_at_risk_is_saved_with_the_crisis_response_and_the_therapist_told(cli, personas, db):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, True)
    db.commit()
    result = cli("resilience", "skill", "Nothing helps, I want to kill myself tonight", *SIGN_IN, "--country", "GB",
                 input=typed())
    assert result.exit_code == 0, result.output
    assert "Added to your toolbox" in result.output and "Before you go on" in result.output
    assert "116 123" in result.output
    [alert] = db.scalars(select(Alert).where(Alert.client_id == personas.alice.id)).all()
    assert alert.place == "exercise"
