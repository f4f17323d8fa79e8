"""AnnoMI for the utterance coder: therapist rows with the client's words before them, by split.

AnnoMI (Wu et al. 2022) is public domain; its official `split` column (train / dev) is kept. The
test split is held back elsewhere and never read here.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

DATA = Path(os.environ.get("HOLDSPACE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
ANNOMI = DATA / "counselling" / "annomi" / "annomi-full.csv"
CACHE = Path(os.environ.get("HOLDSPACE_TRAINING_CACHE", "/tmp/holdspace-training"))


@dataclass(frozen=True)
class Row:
    transcript: str
    utterance: int
    text: str
    client: str          # the client's last utterance before this one ("" at the start)
    behaviour: str       # question, reflection, therapist_input, other
    question: str        # open, closed or n/a
    reflection: str      # simple, complex or n/a
    input: str           # information, advice, negotiation, options or n/a
    split: str
    next: str | None = None  # the client's reply right after, when the next turn is the client's


def read(path: Path = ANNOMI) -> list[Row]:
    """Every therapist utterance of AnnoMI, in transcript order."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)[:-1]  # the file repeats its last column name
        rows = [dict(zip(header, r)) for r in reader]
    out, last_client, current = [], "", None
    for i, r in enumerate(rows):
        if r["transcript_id"] != current:
            current, last_client = r["transcript_id"], ""
        if r["interlocutor"] == "client":
            last_client = r["utterance_text"]
            continue
        after = rows[i + 1] if i + 1 < len(rows) else None
        reply = (after["utterance_text"] if after and after["transcript_id"] == r["transcript_id"]
                 and after["interlocutor"] == "client" else None)
        out.append(Row(r["transcript_id"], int(r["utterance_id"]), r["utterance_text"], last_client,
                       r["main_therapist_behaviour"], r["question_subtype"], r["reflection_subtype"],
                       r["therapist_input_subtype"], r["split"], reply))
    return out


def transcripts(split: str, path: Path = ANNOMI) -> dict[str, list[dict]]:
    """Whole transcripts (both speakers) of a split, for the report benchmarks."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)[:-1]
        rows = [dict(zip(header, r)) for r in reader]
    out: dict[str, list[dict]] = {}
    for r in rows:
        if r["split"] == split:
            out.setdefault(r["transcript_id"], []).append(r)
    return out
