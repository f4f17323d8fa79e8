"""Batch tasks of the listening area for `holdspace analyze`."""

from __future__ import annotations

from functools import cache

from holdspace.batch import batch_task
from holdspace.errors import InvalidInput
from holdspace.language.text import is_readable, normalize


def client_text(record: dict, field: str = "text") -> str:
    """Return the record's text, normalised, or raise InvalidInput saying what is wrong with it."""
    value = record.get(field)
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be a string of text.")
    text = normalize(value)
    if not value.strip():
        raise InvalidInput(f"{field} is empty; there is nothing to analyse.")
    if not text:
        raise InvalidInput(f"{field} has no readable words, letters or symbols.")
    if not is_readable(text):
        raise InvalidInput(f"{field} has no readable words, letters or symbols.")
    return text


@batch_task("emotion", required=("text",),
            help="GoEmotions' 28 emotions with scores, those above threshold, the family and a feeling word.")
def emotion(record: dict) -> dict:
    from holdspace.language.emotions import emotion_detector
    from holdspace.listening.feelings import feeling_for

    text = client_text(record)
    found = emotion_detector().detect_one(text)
    feeling = feeling_for(found, text)
    return {**found.as_dict(), "feeling": feeling.as_dict() if feeling else None}


@cache
def _listener():
    """One listener for the whole batch, warmed first: a cold risk check can overrun its budget,
    and a check that overruns counts as a risk."""
    from holdspace.listening.listener import Listener

    listener = Listener()
    listener.warm()
    return listener


@batch_task("reflect", required=("text",), optional=("history",),
            help="The reflective listener's reply: reflection, validation and one open question.")
def reflect(record: dict) -> dict:
    from holdspace.listening.memory import Conversation

    history = record.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise InvalidInput("history must be a list of the client's earlier texts.")
    text = record["text"]
    if not isinstance(text, str):
        raise InvalidInput("text must be a string of text.")
    listener, conversation = _listener(), Conversation()
    for earlier in history[-50:]:
        listener.respond(conversation, earlier)
    return listener.respond(conversation, text).as_dict()
