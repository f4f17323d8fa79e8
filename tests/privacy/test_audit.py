"""The audit trail records who looked at what, and shows any edit or deletion."""

from sqlalchemy import delete, select, update

from holdspace.journey import mood
from holdspace.privacy import audit
from holdspace.privacy.audit import AuditEvent


def actions(db):
    db.expire_all()
    return [(e.action, e.actor_id, e.subject_id, e.detail) for e in db.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_a_therapists_read_of_shared_mood_is_recorded(personas, sign_in, db):
    mood.record_checkin(db, personas.alice, 5, [], "x")
    db.commit()
    sign_in(personas.carol).get(f"/clients/{personas.alice.id}")
    assert ("read", personas.carol.id, personas.alice.id, "mood") in actions(db)


def test_sign_ins_failures_shares_and_sign_outs_are_recorded(personas, web, sign_in, db):
    web.submit("/login", {"email": "alice@example.org", "password": "wrong password"})
    web.submit("/login", {"email": "alice@example.org", "password": "correct horse battery"})
    web.submit(f"/sharing/{personas.link_id}", {"categories": ["goals"]})
    web.submit("/logout")
    kinds = [a[0] for a in actions(db)]
    assert kinds[-4:] == ["login_failed", "login", "shares_changed", "logout"]
    assert actions(db)[-2][3] == f"therapist={personas.carol.id} shares=goals"


def test_the_chain_verifies_and_names_an_edited_event(personas, db, cli):
    for _ in range(3):
        audit.record(db, "read", actor_id=personas.carol.id, subject_id=personas.alice.id, detail="mood")
    db.commit()
    assert cli("audit", "verify").exit_code == 0
    db.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(detail="journal"))
    db.commit()
    result = cli("audit", "verify")
    assert result.exit_code == 1 and "event 3 was changed" in result.output


def test_a_deleted_event_in_the_middle_is_found(personas, db):
    for _ in range(4):
        audit.record(db, "read", actor_id=personas.carol.id, subject_id=personas.alice.id, detail="mood")
    db.commit()
    db.execute(delete(AuditEvent).where(AuditEvent.seq == 3))
    db.commit()
    verdict = audit.verify(db)
    assert not verdict.ok and "missing" in verdict.problem


def test_cutting_events_off_the_end_is_found_from_the_copy_outside_the_database(personas, db):
    for _ in range(4):
        audit.record(db, "read", actor_id=personas.carol.id, subject_id=personas.alice.id, detail="mood")
    db.commit()
    newest = db.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1))
    db.execute(delete(AuditEvent).where(AuditEvent.seq == newest))
    db.commit()
    verdict = audit.verify(db)
    assert not verdict.ok and f"once reached {newest}" in verdict.problem


def test_a_client_sees_who_looked_at_what(personas, sign_in, db):
    mood.record_checkin(db, personas.alice, 5, [], "x")
    db.commit()
    sign_in(personas.carol).get(f"/clients/{personas.alice.id}")
    page = sign_in(personas.alice).get("/privacy/activity").text
    assert "Carol" in page and "looked at your mood check-ins" in page


def test_other_peoples_activity_is_not_shown(personas, sign_in, db):
    sign_in(personas.carol).get(f"/clients/{personas.alice.id}")
    page = sign_in(personas.bob).get("/privacy/activity").text
    assert "Carol" not in page
