"""Batch tasks of the self-compassion area for `holdspace analyze`."""

from __future__ import annotations

from holdspace.batch import batch_task
from holdspace.listening.tasks import client_text


@batch_task("distortion", required=("text",),
            help="Whether a thought shows thinking traps, which ones, and the words that showed each.")
def distortion(record: dict) -> dict:
    from holdspace.selfcompassion.traps import detector

    return detector().detect(client_text(record)).as_dict()
