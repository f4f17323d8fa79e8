"""`holdspace analyze risk`: the risk level and reasons for each client text."""

from __future__ import annotations

from holdspace.batch import batch_task
from holdspace.errors import InvalidInput
from holdspace.safety.risk import assess


@batch_task("risk", required=("text",),
            help="Risk level of a client text (none, concern or urgent) and the reasons, in plain words.")
def risk(record: dict) -> dict:
    text = record["text"]
    if not isinstance(text, str):
        raise InvalidInput("text must be a string.")
    result = assess(text)
    return {"level": result.level, "reasons": result.reasons}
