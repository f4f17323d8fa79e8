"""Batch tasks of the practice area for `holdspace analyze`: code, empathy, reflection and language."""

from __future__ import annotations

from holdspace.batch import batch_task
from holdspace.errors import InvalidInput


def _text(record: dict, field: str, *, required: bool = True) -> str:
    value = record.get(field, "")
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be a string of text.")
    if required and not value.strip():
        raise InvalidInput(f"{field} is empty; there is nothing to analyse.")
    return value


@batch_task("code", required=("text",), optional=("client",),
            help="Code a therapist utterance (behaviour and fine code, roadblocks) with the words behind it; "
                 "client is the client's previous utterance.")
def code(record: dict) -> dict:
    from holdspace.practice.coding import code_utterances

    coded = code_utterances([_text(record, "text")], [_text(record, "client", required=False)])[0]
    out = coded.as_dict()
    out.pop("index")
    out.pop("text")
    return out


@batch_task("empathy", required=("response",), optional=("client",),
            help="EPITOME's emotional reactions, interpretations and explorations (0–2) in a response, with spans.")
def empathy(record: dict) -> dict:
    from holdspace.practice.empathy import read_empathy

    return read_empathy(_text(record, "client", required=False), _text(record, "response")).as_dict()


@batch_task("reflection", required=("client", "reflection"),
            help="How well a reflection captures the client's content and feeling (0–1), with a rewrite hint.")
def reflection(record: dict) -> dict:
    from holdspace.practice.reflection import score_reflection

    return score_reflection(_text(record, "client"), _text(record, "reflection")).as_dict()
