"""Talking with the listener on the web and through the API, and what a therapist may see of it."""

import html
import io
import json
import re
import zipfile

from sqlalchemy import select

from holdspace.listening import chat
from holdspace.privacy import consent
from holdspace.privacy.audit import AuditEvent

WORRY = "My sister hasn't spoken to me since the wedding and I keep rehearsing what to say."
URGENT = "I have the pills saved up and I'm going to take them all tonight."


def page_text(response) -> str:
    """The words on a page, as a person reads them (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)))


def start(client) -> str:
    response = client.submit("/talk", {})
    assert response.status_code == 303
    return response.headers["location"]


def say(client, where: str, text: str):
    return client.submit(where, {"text": text}, page=where)


def share(db, personas, categories):
    consent.set_shares(db, personas.alice, personas.link_id, categories)
    db.commit()


# --- the client's pages ---------------------------------------------------------------------------

def test_a_conversation_opens_with_the_listener_saying_it_is_software_and_not_watched(personas, sign_in):
    alice = sign_in(personas.alice)
    opened = alice.get(start(alice))
    words = page_text(opened)
    assert "software, not a person or a therapist" in words
    assert "no one watches holdspace around the clock" in words
    assert re.search(r'<div role="log" aria-label="Your conversation with the listener">', opened.text)
    assert re.search(r'id="reply-0"[^>]*autofocus', opened.text)  # the opening has focus


def test_sending_a_message_shows_it_with_the_reply_and_puts_focus_on_the_reply(personas, sign_in):
    alice = sign_in(personas.alice)
    where = start(alice)
    sent = say(alice, where, WORRY)
    assert sent.status_code == 303 and sent.headers["location"] == f"{where}#reply-1"
    shown = alice.get(where)
    words = page_text(shown)
    assert WORRY in words
    assert "sister" in words.split(WORRY, 1)[1]  # the reply, after the message, reflects it
    assert re.search(r'id="reply-1"[^>]*autofocus', shown.text)
    assert 'id="reply-0"' in shown.text and not re.search(r'id="reply-0"[^>]*autofocus', shown.text)


def test_a_crisis_reply_is_shown_apart_with_call_text_and_the_crisis_page(personas, sign_in):
    alice = sign_in(personas.alice)
    where = start(alice)
    say(alice, where, "Work was long today.")
    say(alice, where, URGENT)
    shown = alice.get(where).text
    reply = shown[shown.index('id="reply-2"'):]
    reply = reply[:reply.index("</li>")]
    assert "crisis-reply" in shown[shown.rindex("<li", 0, shown.index('id="reply-2"')):shown.index('id="reply-2"')]
    assert 'href="tel:988"' in reply and 'href="sms:988' in reply
    assert 'href="/crisis"' in reply and "Your safety first" in reply
    assert '<a href="/crisis">crisis page</a>' in reply and "(/crisis)" not in reply  # words, not a path
    first = shown[shown.index('id="reply-1"'):shown.index('id="reply-2"')]
    assert "tel:988" not in first  # the ordinary reply stays ordinary


def test_a_crisis_reply_about_a_child_being_hurt_offers_the_child_line_it_named(personas, sign_in):
    alice = sign_in(personas.alice)
    where = start(alice)
    say(alice, where, "one of my pupils told me her dad hits her with a belt")
    shown = alice.get(where).text
    reply = shown[shown.index('id="reply-1"'):]
    reply = reply[:reply.index("</li>")]
    assert "1-800-422-4453" in page_text(alice.get(where)) and 'href="tel:18004224453"' in reply
    assert 'href="tel:988"' not in reply and "suicide" not in html.unescape(reply).lower()


def test_a_message_that_is_too_long_comes_back_with_a_kind_word_and_nothing_lost(personas, sign_in, db):
    alice = sign_in(personas.alice)
    where = start(alice)
    long = "I need to get this all out. " * 200  # 5,600 characters
    response = say(alice, where, long)
    assert response.status_code == 400
    assert "A message can hold up to 5,000 characters; this one has" in page_text(response)
    assert long.strip() in html.unescape(response.text)  # kept in the box to shorten
    assert re.search(r'<textarea[^>]*aria-invalid="true"[^>]*autofocus', response.text)
    empty = say(alice, where, "  ")
    assert empty.status_code == 400 and "nothing written yet" in page_text(empty)
    assert db.scalar(select(chat.ChatMessage.id)) is None


def test_the_talk_page_lists_conversations_newest_first_with_a_preview(personas, sign_in, db):
    alice = sign_in(personas.alice)
    first = start(alice)
    say(alice, first, "The move is next week.\nBoxes everywhere.")
    second = start(alice)
    say(alice, second, "Slept badly again.")
    words = page_text(alice.get("/talk"))
    assert words.index("Slept badly again.") < words.index("The move is next week.")
    assert "Boxes everywhere" not in words  # the preview is the first line only
    assert "1 message" in words and "Only you can read these" in words
    share(db, personas, ["mood", "conversations"])
    assert "Carol can read these" in page_text(alice.get("/talk"))


def test_a_client_deletes_a_conversation_for_good(personas, sign_in, db):
    alice = sign_in(personas.alice)
    where = start(alice)
    say(alice, where, "Something I'd rather not keep.")
    deleted = alice.submit(f"{where}/delete", {}, page=where)
    assert deleted.status_code == 303
    assert "The conversation is deleted, for good." in page_text(alice.get(deleted.headers["location"]))
    assert alice.get(where).status_code == 404
    assert db.scalar(select(chat.ChatMessage.id)) is None


def test_someone_elses_conversation_looks_exactly_like_a_missing_one(personas, sign_in):
    alice, bob = sign_in(personas.alice), sign_in(personas.bob)
    where = start(alice)
    theirs, missing = bob.get(where), bob.get("/talk/999999")
    assert theirs.status_code == missing.status_code == 404 and theirs.text == missing.text
    assert say(bob, where, "hello").status_code == 404


# --- the API ------------------------------------------------------------------------------------

def test_the_api_gives_the_crisis_response_the_reply_gave_not_only_the_level(personas, web, api_token, monkeypatch):
    from holdspace.safety import classifier, risk
    from holdspace.safety.assessment import NO_RISK, Assessment

    heard = "Most days lately feel like wading through grey water and I can't see the other side."

    def hears_one_sentence(text, deadline):
        return Assessment("concern", [classifier.REASON]) if heard in text else NO_RISK
    hears_one_sentence.only_when_none = True
    monkeypatch.setattr(risk, "default_layers", lambda: [risk.rules_layer, hears_one_sentence])
    headers = api_token(personas.alice)
    url = f"/api/v1/conversations/{web.post('/api/v1/conversations', headers=headers).json()['id']}/messages"
    gentle = web.post(url, json={"text": heard}, headers=headers).json()
    assert gentle["level"] == "concern" and "I'd rather ask than miss it" in gentle["reply"]["reply"]
    assert gentle["crisis_response"][1] == "Are you having any thoughts of ending your life, or of not being here?"
    url = f"/api/v1/conversations/{web.post('/api/v1/conversations', headers=headers).json()['id']}/messages"
    friend = web.post(url, json={"text": "my mate says his stepdad is coming after him with a knife right now"},
                      headers=headers).json()
    assert friend["level"] == "urgent"
    assert friend["crisis_response"][0].startswith("It sounds like someone you care about may be in danger right now")


def test_the_api_starts_a_conversation_sends_lists_reads_and_deletes(personas, web, api_token):
    headers = api_token(personas.alice)
    created = web.post("/api/v1/conversations", headers=headers)
    assert created.status_code == 201
    body = created.json()
    assert "software, not a person or a therapist" in body["opening"] and body["exchanges"] == []
    url = f"/api/v1/conversations/{body['id']}"
    sent = web.post(f"{url}/messages", json={"text": WORRY}, headers=headers)
    assert sent.status_code == 201
    reply = sent.json()
    assert reply["level"] == "none" and reply["crisis_response"] is None
    assert "sister" in reply["reply"]["reply"] and reply["reply"]["question"].endswith("?")
    urgent = web.post(f"{url}/messages", json={"text": URGENT}, headers=headers).json()
    assert urgent["level"] == "urgent" and urgent["turn"] == 2
    assert any("988" in sentence for sentence in urgent["crisis_response"])
    listed = web.get("/api/v1/conversations", headers=headers).json()
    assert [(c["id"], c["messages"], c["level"], c["preview"]) for c in listed] == [
        (body["id"], 2, "urgent", WORRY[:79] + "…")]
    read = web.get(url, headers=headers).json()
    assert [e["text"] for e in read["exchanges"]] == [WORRY, URGENT]
    assert read["exchanges"][0]["reply"] == reply["reply"]
    assert web.delete(url, headers=headers).status_code == 204
    assert web.get(url, headers=headers).status_code == 404


def test_the_api_refuses_a_long_message_with_a_field_error(personas, web, api_token):
    headers = api_token(personas.alice)
    url = f"/api/v1/conversations/{web.post('/api/v1/conversations', headers=headers).json()['id']}"
    response = web.post(f"{url}/messages", json={"text": "x" * 5001}, headers=headers)
    assert response.status_code == 400 and "5,000" in response.json()["fields"]["text"]
    assert web.get(url, headers=headers).json()["exchanges"] == []


# --- the therapist --------------------------------------------------------------------------------

def _alice_talks(sign_in, personas) -> tuple[int, str]:
    alice = sign_in(personas.alice)
    where = start(alice)
    say(alice, where, WORRY)
    return int(where.rsplit("/", 1)[1]), where


def test_a_therapist_sees_conversations_only_while_they_are_shared(personas, sign_in, db):
    conversation_id, _ = _alice_talks(sign_in, personas)
    carol = sign_in(personas.carol)
    client_page = f"/clients/{personas.alice.id}"
    shared_view = f"{client_page}/conversations/{conversation_id}"
    assert WORRY[:40] not in page_text(carol.get(client_page))  # not even the preview
    assert carol.get(shared_view).status_code == 404

    share(db, personas, ["mood", "conversations"])
    words = page_text(carol.get(client_page))
    assert "Conversations with the listener" in words and WORRY[:40] in words
    view = carol.get(shared_view)
    assert view.status_code == 200 and WORRY in page_text(view) and "Read-only" in page_text(view)
    assert "<form" not in view.text.split("<main", 1)[1].split("</main>")[0]  # nothing to send or delete

    share(db, personas, ["mood"])  # revoked: the very next request is refused
    assert carol.get(shared_view).status_code == 404
    assert WORRY[:40] not in page_text(carol.get(client_page))


def test_a_therapists_reads_of_conversations_are_audited(personas, sign_in, db, api_token, web):
    conversation_id, _ = _alice_talks(sign_in, personas)
    share(db, personas, ["mood", "conversations"])
    sign_in(personas.carol).get(f"/clients/{personas.alice.id}/conversations/{conversation_id}")
    headers = api_token(personas.carol)
    listed = web.get(f"/api/v1/clients/{personas.alice.id}/conversations", headers=headers)
    one = web.get(f"/api/v1/clients/{personas.alice.id}/conversations/{conversation_id}", headers=headers)
    assert listed.status_code == one.status_code == 200 and one.json()["exchanges"][0]["text"] == WORRY
    db.rollback()
    reads = db.scalars(select(AuditEvent).where(AuditEvent.action == "read",
                                                AuditEvent.detail == "conversations",
                                                AuditEvent.actor_id == personas.carol.id)).all()
    assert len(reads) >= 3 and {r.subject_id for r in reads} == {personas.alice.id}


def test_an_unrelated_therapist_never_sees_a_conversation_even_when_shared(personas, sign_in, db, api_token, web):
    conversation_id, _ = _alice_talks(sign_in, personas)
    share(db, personas, ["mood", "conversations"])
    dave = sign_in(personas.dave)
    for path in (f"/clients/{personas.alice.id}/conversations/{conversation_id}", f"/talk/{conversation_id}"):
        response = dave.get(path)
        assert response.status_code in (403, 404) and WORRY not in page_text(response)
    headers = api_token(personas.dave)
    for path in (f"/api/v1/clients/{personas.alice.id}/conversations",
                 f"/api/v1/clients/{personas.alice.id}/conversations/{conversation_id}",
                 f"/api/v1/conversations/{conversation_id}"):
        response = web.get(path, headers=headers)
        assert response.status_code in (403, 404) and WORRY not in response.text


def test_the_shared_record_download_carries_conversations_only_when_shared(personas, sign_in, db):
    _alice_talks(sign_in, personas)
    carol = sign_in(personas.carol)
    assert "conversations" not in carol.get(f"/clients/{personas.alice.id}/export").json()
    share(db, personas, ["mood", "conversations"])
    record = carol.get(f"/clients/{personas.alice.id}/export").json()
    assert record["conversations"][0]["messages"][0]["text"] == WORRY


def test_the_clients_own_export_holds_her_conversations(personas, sign_in):
    _alice_talks(sign_in, personas)
    response = sign_in(personas.alice).get("/account/export")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("export.json"))
    [conversation] = data["conversations"]
    [message] = conversation["messages"]
    assert message["text"] == WORRY and message["level"] == "none" and "sister" in message["reply"]["reply"]


def test_an_answer_to_the_gentle_check_in_is_heard_as_an_answer_through_the_api(personas, web, api_token, monkeypatch):
    """The conversation is stored between messages: the check-in it asked must still be known when the answer comes."""
    from holdspace.safety import classifier, risk
    from holdspace.safety.assessment import NO_RISK, Assessment

    heard = "my boyfriend dumped me on saturday"

    def hears_one_sentence(text, deadline):
        return Assessment("concern", [classifier.REASON]) if heard in text else NO_RISK
    hears_one_sentence.only_when_none = True
    monkeypatch.setattr(risk, "default_layers", lambda: [risk.rules_layer, hears_one_sentence])
    headers = api_token(personas.alice)

    def conversation():
        url = f"/api/v1/conversations/{web.post('/api/v1/conversations', headers=headers).json()['id']}/messages"
        assert "I'd rather ask than miss it" in web.post(url, json={"text": heard}, headers=headers).json()["reply"]["reply"]
        return url

    url = conversation()
    no = web.post(url, json={"text": "no"}, headers=headers).json()
    assert no["reply"]["reply"].startswith("Thank you for answering that - let's carry on.")
    assert "your boyfriend dumped you on Saturday" in no["reply"]["reply"]
    url = conversation()
    yes = web.post(url, json={"text": "yeah"}, headers=headers).json()
    assert yes["level"] != "none" and yes["reply"]["crisis"]
    assert yes["reply"]["reply"].startswith("Thank you for telling me, and I'm really glad you did")
