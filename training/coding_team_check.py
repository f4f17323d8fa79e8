"""Check that no team-written example equals an AnnoMI utterance (train or dev; both speakers),
after normalising case, punctuation and spacing. Prints each match; exits 1 if there is one.

Every therapist turn (`text`, what the heads learn from) is checked; the client's words (`client`,
`next`) from five words up: replies like "Yeah." or "Not yet." are common speech, not copying,
and equal AnnoMI lines by the hundred (they are counted, not listed).

    python training/coding_team_check.py training/coding_team_examples.toml training/coding_team_examples_b.toml

Only the text is compared (exact equality after normalising); nothing from AnnoMI is printed
unless it matches. Session 8.
"""

from __future__ import annotations

import csv
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from annomi import ANNOMI  # noqa: E402


def normal(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("’", "'")).split())


def main() -> None:
    with ANNOMI.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)[:-1]
        annomi = {normal(r["utterance_text"]) for r in (dict(zip(header, row)) for row in reader)
                  if r["split"] in ("train", "dev")}
    found = 0
    for path in map(Path, sys.argv[1:]):
        with path.open("rb") as f:
            data = tomllib.load(f)
        n = short = 0
        for task, entries in data.items():
            for e in entries:
                for field in ("client", "text", "next"):
                    words = normal(e[field]).split()
                    if field != "text" and len(words) < 5:
                        short += bool(words) and " ".join(words) in annomi
                        continue
                    n += 1
                    if " ".join(words) in annomi:
                        found += 1
                        print(f"{path.name} {task} {field}: {e[field]!r} equals an AnnoMI utterance")
        print(f"{path.name}: {sum(len(v) for v in data.values())} examples; {n} texts checked (every "
              f"therapist turn, client words of 5+ words) against {len(annomi)} distinct AnnoMI train and "
              f"dev utterances; {short} client replies under 5 words equal one (not checked)")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
