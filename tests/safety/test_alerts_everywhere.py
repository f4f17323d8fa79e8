"""Every place a client writes raises the alert they agreed to: conversations, questionnaires, goals, exercises."""

from holdspace.goals.goal import check_goal, create_goal
from holdspace.journey import questionnaires
from holdspace.listening import chat
from holdspace.listening.listener import Listener
from holdspace.resilience import toolbox
from holdspace.safety import alerts
from holdspace.selfcompassion import records

RISKY = "I want to kill myself tonight"


def _places(db, therapist) -> list[str]:
    return sorted(a.where for a in alerts.for_therapist(db, therapist))


def test_risk_anywhere_a_client_writes_reaches_the_therapist_they_chose_to_tell(db, personas):
    alice, carol = personas.alice, personas.carol
    alerts.set_alerts(db, alice, personas.link_id, True, False)
    talk = chat.start_chat(db, alice)
    chat.send(db, alice, talk, RISKY, Listener())
    answers = {str(n): 0 for n in range(1, 10)} | {"9": 2}
    questionnaires.save(db, alice, "phq9", answers)
    create_goal(db, alice, check_goal("Walk every day until I'm gone tonight, kill myself after",
                                      "1111111", None))
    records.save_challenge(db, alice, RISKY, "I am worth looking after")
    toolbox.add_item(db, alice, "strength", {"name": "Patience", "example": RISKY})
    db.commit()
    assert _places(db, carol) == ["a conversation with the listener", "a goal", "a questionnaire",
                                  "an exercise", "an exercise"]
    assert all(a.level in ("concern", "urgent") for a in alerts.for_therapist(db, carol))
    assert _places(db, personas.dave) == []


def test_without_consent_nobody_is_alerted(db, personas):
    talk = chat.start_chat(db, personas.alice)
    chat.send(db, personas.alice, talk, RISKY, Listener())
    db.commit()
    assert alerts.for_therapist(db, personas.carol) == []
