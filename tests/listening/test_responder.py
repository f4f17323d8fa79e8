"""The opt-in local LLM responder, against a tiny OpenAI-compatible server on loopback."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from holdspace.listening.listener import Listener
from holdspace.listening.memory import Conversation
from holdspace.listening.responder import LocalLLMResponder, Responder, problems_in, responder_from_settings
from holdspace.settings import Settings
from tests.listening.stand_ins import bag_of_words, stand_in

GOOD = ("It sounds like the move has left you feeling worried and a bit unmoored. "
        "That makes sense with so much changing. What part of it feels heaviest right now?")


class FakeServer:
    """An OpenAI-compatible /v1/chat/completions that answers what the test tells it to."""

    def __init__(self):
        self.requests: list[dict] = []
        self.content = GOOD
        self.raw: bytes | None = None     # send these bytes instead of a proper answer
        self.delay = 0.0
        self.status = 200
        self.finish_reason = "stop"
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                time.sleep(fake.delay)
                payload = fake.raw if fake.raw is not None else json.dumps({
                    "id": "x", "object": "chat.completion", "model": body.get("model"),
                    "choices": [{"index": 0, "finish_reason": fake.finish_reason,
                                 "message": {"role": "assistant", "content": fake.content}}]}).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    server = FakeServer()
    yield server
    server.close()


@pytest.fixture
def responder(fake):
    return LocalLLMResponder(fake.url, "tiny-test-model", timeout=1.0,
                             listener=Listener(emotions=stand_in, embed=bag_of_words))


def test_a_good_model_reply_is_shown_and_remembered(responder, fake):
    conversation = Conversation()
    reply = responder.respond(conversation, "I'm worried about the move next week.")
    assert reply.reply == GOOD and reply.source == "llm" and not reply.crisis
    assert reply.question == "What part of it feels heaviest right now?"
    assert conversation.turns[-1].reply is reply
    sent = fake.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["body"]["model"] == "tiny-test-model"
    roles = [m["role"] for m in sent["body"]["messages"]]
    assert roles == ["system", "user"] and "software" in sent["body"]["messages"][0]["content"]
    # the listener's reading of the message is kept, so a resumed conversation still works
    assert reply.feeling is not None and reply.key


def test_the_model_sees_the_conversation_so_far(responder, fake):
    conversation = Conversation()
    responder.respond(conversation, "I'm worried about the move next week.")
    responder.respond(conversation, "My sister won't help with the boxes.")
    messages = fake.requests[-1]["body"]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[2]["content"] == GOOD and messages[3]["content"] == "My sister won't help with the boxes."


@pytest.mark.parametrize("unsafe", [
    "You should just go for a run and calm down. What do you think?",
    "Have you considered talking to your GP about it? What's stopping you?",
    "It sounds like you have clinical depression. How long has this been going on?",
    "Why do you feel that way?",
    "At least you still have your job. How is the rest of your week?",
    "You can call 0800 123 4567 any time. Would that help?",
    "I'm your therapist and I'm here for you. What's on your mind?",
    "As an AI language model, I cannot help with that.",
    "That sounds hard. " * 60 + "What happened next?",
    "That sounds hard.",
    "If you want to lose weight, cutting carbs works. What do you eat now?",
])
def test_unsafe_advising_or_overlong_model_output_is_replaced_by_the_listener(responder, fake, unsafe):
    fake.content = unsafe
    reply = responder.respond(Conversation(), "I'm worried about the move next week.")
    assert reply.source == "listener" and reply.reply != unsafe
    assert "move next week" in reply.reply and reply.question.endswith("?")
    assert problems_in(unsafe)


@pytest.mark.parametrize("break_it", ["down", "slow", "garbage", "error", "refused", "wrong shape"])
def test_a_server_that_is_down_slow_or_talking_nonsense_falls_back_to_the_listener(responder, fake, break_it):
    if break_it == "down":
        fake.close()
    elif break_it == "slow":
        fake.delay = 2.0
    elif break_it == "garbage":
        fake.raw = b"\x00\xffnot json at all"
    elif break_it == "error":
        fake.status = 500
    elif break_it == "refused":
        fake.finish_reason = "content_filter"
    else:
        fake.raw = json.dumps({"choices": []}).encode()
    started = time.monotonic()
    reply = responder.respond(Conversation(), "I'm worried about the move next week.")
    assert reply.source == "listener" and "move next week" in reply.reply and reply.question.endswith("?")
    assert time.monotonic() - started < 1.9  # the timeout (1 s) bounds the wait
    if break_it == "down":
        fake.server = type("Closed", (), {"shutdown": lambda s: None, "server_close": lambda s: None})()


def test_a_risky_message_is_never_sent_to_the_model(responder, fake):
    conversation = Conversation()
    reply = responder.respond(conversation, "I want to kill myself tonight")
    assert reply.crisis and "/crisis" in reply.reply and fake.requests == []


def test_after_a_risk_flag_the_conversation_stays_with_the_fixed_words(responder, fake):
    conversation = Conversation()
    responder.respond(conversation, "I want to kill myself tonight")
    later = responder.respond(conversation, "I'm worried about the move next week.")
    assert fake.requests == [] and later.source == "listener"


def test_greetings_and_other_fixed_replies_do_not_go_to_the_model(responder, fake):
    conversation = Conversation()
    for text in ("hi", "thanks", "😢", ""):
        assert responder.respond(conversation, text).source == "listener"
    assert fake.requests == []


def test_a_model_reply_survives_storing_and_resuming(responder, fake):
    conversation = Conversation()
    responder.respond(conversation, "I'm worried about the move next week.")
    pairs = [(t.text, json.loads(json.dumps(t.reply.as_dict()))) for t in conversation.turns]
    resumed = Conversation.from_history(pairs)
    assert resumed.turns[0].reply.source == "llm" and resumed.turns[0].reply.reply == GOOD


def test_the_api_key_is_sent_only_when_set(fake):
    listener = Listener(emotions=stand_in, embed=bag_of_words)
    LocalLLMResponder(fake.url + "/v1", "m", api_key="k-123", listener=listener).respond(
        Conversation(), "I'm worried about the move next week.")
    LocalLLMResponder(fake.url, "m", listener=listener).respond(Conversation(), "I'm worried about the move.")
    assert [r["auth"] for r in fake.requests] == ["Bearer k-123", None]
    assert all(r["path"] == "/v1/chat/completions" for r in fake.requests)


def test_the_local_llm_is_off_unless_its_address_is_set(tmp_path, fake):
    off = Settings.from_env({}, data_dir=tmp_path)
    assert isinstance(responder_from_settings(off), Listener)
    on = Settings.from_env({"HOLDSPACE_LLM_URL": fake.url, "HOLDSPACE_LLM_MODEL": "m"}, data_dir=tmp_path)
    chosen = responder_from_settings(on)
    assert isinstance(chosen, LocalLLMResponder) and isinstance(chosen, Responder)
    assert isinstance(responder_from_settings(on, use_llm=False), Listener)


def test_a_local_llm_address_must_be_http():
    from holdspace.errors import InvalidInput

    with pytest.raises(InvalidInput, match="HOLDSPACE_LLM_URL"):
        Settings.from_env({"HOLDSPACE_LLM_URL": "file:///etc/passwd"})
    with pytest.raises(ValueError):
        LocalLLMResponder("file:///etc/passwd", "m")


def test_the_embedded_listener_is_a_responder():
    assert isinstance(Listener(emotions=stand_in, embed=bag_of_words), Responder)
