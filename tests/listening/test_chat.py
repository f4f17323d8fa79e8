"""Stored conversations with the listener: sealed, remembered between messages, flagged, removable."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from holdspace import clock
from holdspace.errors import InvalidInput, NotAllowed, NotFound
from holdspace.listening import chat
from holdspace.listening.listener import Listener
from holdspace.listening.memory import NO_REPEAT_TURNS
from holdspace.privacy import crypto, keys
from holdspace.privacy.deletion import delete_account

URGENT = "I have the pills saved up and I'm going to take them all tonight."


@pytest.fixture(scope="module")
def listener():
    return Listener()  # the real one: ONNX emotions and embeddings, real risk detection


def talk(db, person, listener, *texts):
    conversation = chat.start_chat(db, person)
    sent = [chat.send(db, person, conversation, text, listener) for text in texts]
    db.commit()
    return conversation, sent


def benign_history(turns: int):
    now = clock.now() - timedelta(days=1)
    return [(now + timedelta(minutes=i), f"Another ordinary day at work, number {i}.",
             {"reply": "It sounds like work has been steady. What stands out about it?", "level": "none",
              "templates": [f"t-{i % 7}"]}, "none") for i in range(turns)]


def test_what_the_client_writes_and_the_reply_are_sealed_at_rest_and_open_again(db, personas, listener):
    words = "My brother stopped answering my calls and I keep checking my phone."
    conversation, [sent] = talk(db, personas.alice, listener, words)
    raw = db.execute(select(chat.ChatMessage.text_sealed, chat.ChatMessage.reply_sealed)).one()
    assert words.encode() not in raw[0] and b"brother" not in raw[1]
    [opened] = chat.messages(db, conversation)
    assert opened.text == words
    assert opened.reply == sent.message.reply and opened.reply["reply"]
    assert "brother" in opened.reply["reply"]  # reflected in the client's own words


def test_a_sealed_message_does_not_open_when_moved_to_another_row(db, personas, listener):
    conversation, _ = talk(db, personas.alice, listener, "First thing on my mind.", "Second thing on my mind.")
    first, second = db.scalars(select(chat.ChatMessage).order_by(chat.ChatMessage.turn)).all()
    first.text_sealed = second.text_sealed
    db.flush()
    with pytest.raises(crypto.CryptoError):
        chat.messages(db, conversation)


def test_the_listener_remembers_the_conversation_between_messages(db, personas, listener):
    texts = ["Work has been piling up and my manager keeps adding more.",
             "I stayed late again last night to finish the report.",
             "My partner says I'm never home anymore.",
             "I feel like I'm letting everyone down.",
             "Even at the weekend I'm thinking about emails.",
             "I used to have time to go running."]
    conversation, sent = talk(db, personas.alice, listener, *texts)
    used = [m.message.reply["templates"] for m in sent]
    for turn, templates in enumerate(used):
        earlier = {t for ids in used[max(0, turn - NO_REPEAT_TURNS + 1):turn] for t in ids}
        assert not earlier & set(templates), f"turn {turn + 1} repeated a template from the last five"
    assert [m.turn for m in chat.messages(db, conversation)] == [1, 2, 3, 4, 5, 6]
    assert conversation.message_count == 6


def test_a_message_at_risk_gets_the_crisis_response_at_turn_one_and_at_turn_three_hundred(db, personas, listener):
    _, [first] = talk(db, personas.alice, listener, URGENT)
    long = chat.restore_chat(db, personas.alice, clock.now() - timedelta(days=1), benign_history(299))
    late = chat.send(db, personas.alice, long, URGENT, listener)
    db.commit()
    for sent in (first, late):
        assert sent.message.level == "urgent" and sent.raised
        assert "988" in sent.message.reply["reply"] or "/crisis" in sent.message.reply["reply"]
    assert late.message.turn == 300 and long.level == "urgent"


def test_a_flag_stays_on_the_conversation_after_a_bare_im_fine(db, personas, listener):
    conversation, sent = talk(db, personas.alice, listener,
                              "Some days I wish I could just not wake up.", "I'm fine, forget it.")
    levels = [s.message.level for s in sent]
    assert levels[0] == "concern" and conversation.level == "concern"
    assert sent[0].raised and not sent[1].raised
    stored = db.scalars(select(chat.ChatMessage.level).order_by(chat.ChatMessage.turn)).all()
    assert stored == levels  # in the clear: found without opening anything


def test_an_empty_or_too_long_message_is_refused_kindly_and_nothing_is_kept(db, personas, listener):
    conversation = chat.start_chat(db, personas.alice)
    with pytest.raises(InvalidInput, match="nothing written yet"):
        chat.send(db, personas.alice, conversation, "   ", listener)
    with pytest.raises(InvalidInput, match="up to 5,000 characters; this one has 5,001"):
        chat.send(db, personas.alice, conversation, "a" * 5001, listener)
    assert db.scalar(select(func.count(chat.ChatMessage.id))) == 0
    assert chat.send(db, personas.alice, conversation, "word " * 1000, listener).message.turn == 1


def test_conversations_are_listed_newest_first_with_the_first_line_as_preview(db, personas, listener):
    older, _ = talk(db, personas.alice, listener, "The move is next week.\nBoxes everywhere.")
    newer, _ = talk(db, personas.alice, listener, "x" * 120)
    older.updated_at = clock.now() - timedelta(days=2)
    db.commit()
    listed = chat.list_chats(db, personas.alice.id)
    assert [c.id for c in listed] == [newer.id, older.id]
    assert listed[1].preview == "The move is next week."
    assert listed[0].preview == "x" * 79 + "…"
    assert chat.list_chats(db, personas.bob.id) == []


def test_only_the_owner_can_open_send_to_or_delete_a_conversation(db, personas, listener):
    conversation, _ = talk(db, personas.alice, listener, "Just mine.")
    for action in (lambda: chat.own_chat(db, personas.bob, conversation.id),
                   lambda: chat.send(db, personas.bob, conversation, "hello", listener),
                   lambda: chat.delete_chat(db, personas.bob, conversation.id)):
        with pytest.raises(NotFound):
            action()
    with pytest.raises(NotAllowed):
        chat.start_chat(db, personas.carol)


def test_deleting_a_conversation_removes_every_message(db, personas, listener):
    keep, _ = talk(db, personas.alice, listener, "Keep this one.")
    gone, _ = talk(db, personas.alice, listener, "Delete this one.", "And this.")
    chat.delete_chat(db, personas.alice, gone.id)
    db.commit()
    assert [c.id for c in chat.list_chats(db, personas.alice.id)] == [keep.id]
    assert db.scalar(select(func.count(chat.ChatMessage.id))) == 1


def test_deleting_the_account_removes_conversations_and_shreds_their_key(db, personas, listener):
    talk(db, personas.alice, listener, "Words that must not outlive the account.")
    delete_account(db, personas.alice)
    db.commit()
    assert db.scalar(select(func.count(chat.Chat.id))) == 0
    assert db.scalar(select(func.count(chat.ChatMessage.id))) == 0
    assert db.scalar(select(func.count(keys.DataKey.id)).where(keys.DataKey.user_id == personas.alice.id)) == 0


def test_export_then_import_elsewhere_brings_conversations_back_exactly(db, personas, listener, settings, tmp_path):
    from dataclasses import replace

    from holdspace.database import open_database
    from holdspace.privacy import export

    talk(db, personas.alice, listener, "The move is next week.", URGENT, "I'm fine, forget it.")
    talk(db, personas.alice, listener, "A quieter day.")
    first = export.export_data(db, personas.alice)
    archive = export.export_archive(db, personas.alice)
    db.commit()
    other = open_database(replace(settings, data_dir=tmp_path / "other", key_file=tmp_path / "other.key",
                                  database_url=f"sqlite:///{tmp_path / 'other' / 'holdspace.sqlite3'}"))
    try:
        with other.sessionmaker() as elsewhere:
            restored = export.import_data(elsewhere, export.read_archive(archive))
            elsewhere.commit()
            again = export.export_data(elsewhere, restored)
            [flagged, quiet] = sorted(chat.list_chats(elsewhere, restored.id), key=lambda c: c.created_at)
            assert (flagged.level, flagged.message_count, quiet.level) == ("urgent", 3, "none")
    finally:
        other.dispose()
    assert again["conversations"] == first["conversations"]
    assert [m["level"] for m in first["conversations"][0]["messages"]] == ["none", "urgent", "urgent"]


def test_an_export_with_a_damaged_conversation_is_refused_by_name(db):
    from holdspace.privacy import export

    for damage, words in [({"messages": "no"}, "conversation 1: it isn't a conversation"),
                          ({"messages": [{"text": "hi", "reply": {}, "level": "none"}]}, "no reply"),
                          ({"messages": [{"text": "hi", "reply": {"reply": "ok"}, "level": "dire"}]}, "unknown level"),
                          ({"messages": [{"text": "x" * 5001, "reply": {"reply": "ok"}, "level": "none"}]}, "5,000")]:
        data = {"format": "holdspace-export", "version": 1,
                "account": {"email": "kim@example.org", "display_name": "Kim", "role": "client",
                            "created_at": "2026-10-01T10:00:00+00:00", "password_hash": "$argon2id$v=19$x"},
                "checkins": [], "conversations": [{"created_at": "2026-10-02T10:00:00+00:00", **damage}]}
        with pytest.raises(InvalidInput, match=words):
            export._check(data)
