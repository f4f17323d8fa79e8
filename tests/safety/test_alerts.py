"""Safety alerts reach a therapist only with the client's consent, carry no words unless allowed, and are audited."""

import pytest
from sqlalchemy import select

from holdspace.creativity import journal
from holdspace.journey import mood
from holdspace.privacy import audit, consent
from holdspace.safety import alerts
from holdspace.safety.alerts import Alert
from holdspace.safety.risk import Assessment, assess

URGENT = "I've saved up my pills and I'm going to take them all tonight"
CONCERN = "some days I wish I wasn't alive"
EVERYDAY = "the bus was late again and I was cross"


def _alerts_on(db, personas, words=False):
    alerts.set_alerts(db, personas.alice, personas.link_id, True, words)
    db.commit()


def _all(db):
    return list(db.scalars(select(Alert).order_by(Alert.id)))


def test_nothing_is_sent_when_the_client_has_not_said_yes(db, personas):
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    assert _all(db) == []


def test_a_risky_check_in_note_alerts_the_consenting_therapist_with_level_and_place(db, personas):
    _alerts_on(db, personas)
    checkin = mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    [alert] = _all(db)
    assert (alert.therapist_id, alert.client_id, alert.level, alert.place, alert.item_id) == (
        personas.carol.id, personas.alice.id, "urgent", "checkin", checkin.id)
    assert alert.words_sealed is None
    [view] = alerts.for_therapist(db, personas.carol)
    assert view.where == "a check-in note" and view.words is None
    assert view.href == f"/clients/{personas.alice.id}#checkin-{checkin.id}"  # Alice shares mood


def test_everyday_words_send_nothing(db, personas):
    _alerts_on(db, personas)
    mood.record_checkin(db, personas.alice, 4, [], EVERYDAY)
    journal.write_entry(db, personas.alice, EVERYDAY)
    assert _all(db) == []


def test_an_unshared_journal_entry_is_named_but_not_linked(db, personas):
    _alerts_on(db, personas)
    journal.write_entry(db, personas.alice, CONCERN)
    db.commit()
    [view] = alerts.for_therapist(db, personas.carol)
    assert view.level == "concern" and view.href is None
    assert view.not_shared == "a journal entry Alice has not shared with you"


def test_sharing_the_journal_later_turns_the_mention_into_a_link(db, personas):
    _alerts_on(db, personas)
    entry = journal.write_entry(db, personas.alice, CONCERN)
    consent.set_shares(db, personas.alice, personas.link_id, ["mood", "journal"])
    db.commit()
    [view] = alerts.for_therapist(db, personas.carol)
    assert view.href == f"/clients/{personas.alice.id}#entry-{entry.id}"


def test_words_are_sent_only_when_the_client_opted_in_and_are_sealed(db, personas):
    _alerts_on(db, personas, words=True)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    [alert] = _all(db)
    assert alert.words_sealed is not None and URGENT.encode() not in alert.words_sealed
    [view] = alerts.for_therapist(db, personas.carol)
    assert view.words == URGENT


def test_a_private_entry_never_gives_its_words_or_a_link(db, personas):
    _alerts_on(db, personas, words=True)
    journal.write_entry(db, personas.alice, URGENT, private=True, passphrase="a long passphrase",
                        confirm="a long passphrase")
    db.commit()
    [alert] = _all(db)
    assert alert.place == "private_journal" and alert.words_sealed is None
    [view] = alerts.for_therapist(db, personas.carol)
    assert view.href is None and view.not_shared == "a private journal entry, which only Alice can open"


def test_taking_back_the_words_withdraws_those_already_sent(db, personas):
    _alerts_on(db, personas, words=True)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    alerts.set_alerts(db, personas.alice, personas.link_id, True, False)
    db.commit()
    assert _all(db)[0].words_sealed is None
    assert alerts.for_therapist(db, personas.carol)[0].words is None


def test_words_need_alerts_on(db, personas):
    link = alerts.set_alerts(db, personas.alice, personas.link_id, False, True)
    assert (link.alerts, link.alert_words) == (False, False)


def test_an_unrelated_therapist_gets_nothing_and_cannot_mark_it_seen(db, personas):
    _alerts_on(db, personas)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    db.commit()
    assert alerts.for_therapist(db, personas.dave) == []
    from holdspace.errors import NotFound

    with pytest.raises(NotFound):
        alerts.mark_seen(db, personas.dave, _all(db)[0].id)


def test_every_alert_and_every_seen_mark_is_audited(db, personas):
    _alerts_on(db, personas)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    alerts.mark_seen(db, personas.carol, _all(db)[0].id)
    db.commit()
    actions = [e.action for e in audit.events_about(db, personas.alice.id)]
    assert actions[:3] == ["alert_seen", "alert_sent", "alerts_changed"]
    sent = next(e for e in audit.events_about(db, personas.alice.id) if e.action == "alert_sent")
    assert URGENT not in sent.detail and "level=urgent" in sent.detail and "where=checkin" in sent.detail


def test_a_second_risky_message_in_the_same_item_raises_the_unseen_alert_instead_of_repeating(db, personas):
    _alerts_on(db, personas)
    alerts.notice(db, personas.alice, assess(CONCERN), where="conversation", item_id=7)
    alerts.notice(db, personas.alice, assess(URGENT), where="conversation", item_id=7)
    [alert] = _all(db)
    assert alert.level == "urgent"
    alerts.mark_seen(db, personas.carol, alert.id)
    alerts.notice(db, personas.alice, assess(CONCERN), where="conversation", item_id=7)
    assert len(_all(db)) == 2


def test_ending_the_connection_takes_the_alerts_with_it(db, personas):
    _alerts_on(db, personas)
    mood.record_checkin(db, personas.alice, 1, [], URGENT)
    consent.end_link(db, personas.alice, personas.link_id)
    db.commit()
    assert _all(db) == [] and alerts.for_therapist(db, personas.carol) == []


def test_other_areas_call_notice_with_a_known_place_only(db, personas):
    with pytest.raises(ValueError):
        alerts.notice(db, personas.alice, Assessment("urgent"), where="somewhere")
    assert alerts.notice(db, personas.alice, Assessment("none"), where="questionnaire") == []


def test_a_questionnaire_alert_links_to_the_page_the_caller_names(db, personas):
    _alerts_on(db, personas)
    consent.set_shares(db, personas.alice, personas.link_id, ["measures"])
    [alert] = alerts.notice(db, personas.alice, Assessment("concern", ["PHQ-9 question 9"]),
                            where="questionnaire", item_id=3, path=f"/clients/{personas.alice.id}/measures/3")
    [view] = alerts.for_therapist(db, personas.carol)
    assert view.href == f"/clients/{personas.alice.id}/measures/3" and view.where == "a questionnaire"


def test_a_long_text_is_quoted_around_what_raised_it(db, personas):
    long = "ordinary words about my day. " * 40 + URGENT + " and more ordinary words." * 20
    quote = alerts.excerpt(long, assess(long))
    assert "pills" in quote and len(quote) <= alerts.WORDS_LIMIT + 2 and quote.startswith("…")
