"""Batch task of the goals area for `holdspace analyze`."""

from __future__ import annotations

from holdspace.batch import batch_task
from holdspace.errors import InvalidInput
from holdspace.goals.smart import analyse
from holdspace.listening.tasks import client_text


@batch_task("smart", required=("text",), optional=("confidence", "why"),
            help="SMART reading of a goal: specific, measurable, achievable, relevant, time_bound "
                 "(true, false or null), reasons and suggestions.")
def smart(record: dict) -> dict:
    text = client_text(record)
    confidence = record.get("confidence")
    if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, int)
                                   or not 0 <= confidence <= 10):
        raise InvalidInput("confidence must be a whole number from 0 to 10.")
    why = record.get("why", "")
    if not isinstance(why, str):
        raise InvalidInput("why must be a string of text.")
    return analyse(text, confidence=confidence, why=why).as_dict()
