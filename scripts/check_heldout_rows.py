"""Check a freshly written held-back risk set before it is committed, without showing anyone else's rows.

    python3 scripts/check_heldout_rows.py tests/safety/data/risk_test5.jsonl tests/safety/data/everyday_test5.jsonl

For the files named (the writer's own): every line parses; a risk row has `id`, `level`, `category` (one of dev's
categories, starting with its level), `text` and optionally `context`; an everyday row has `id`, `level` "none", a
`kind` that everyday_dev.jsonl uses, and `text`. Then no text or context line may repeat, after lower-casing and
stripping punctuation, a line of any other file in tests/safety/data or a string in tests/safety/*.py, nor another of
the writer's own rows; and with --near (default 0.6) any row sharing that share of its words (Jaccard, rows of four
words or more) with another file's line is listed too. Only the writer's own ids and texts are printed, never another
file's text, so a writer can run it without seeing dev or other held-back rows. Exit status 1 on any problem.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "safety" / "data"


def norm(text: str) -> str:
    text = re.sub(r"['\u2019]", "", text.lower())  # "I'm" and "im" are the same words
    words = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    return words or " ".join(text.split())  # a text of emoji alone is itself, not the same empty line as every other


def lines_of(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def others(mine: set[Path]) -> set[str]:
    """Normalised texts of every other data file (whole lines, texts and contexts) and of the safety tests' strings."""
    seen: set[str] = set()
    for path in DATA.glob("*.jsonl"):
        if path.resolve() in mine:
            continue
        for line in lines_of(path):
            seen.add(norm(line))
            try:
                row = json.loads(line)
            except ValueError:
                continue
            for text in [row.get("text")] + list(row.get("context") or []):
                if isinstance(text, str):
                    seen.add(norm(text))
    for path in (ROOT / "tests" / "safety").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 8:
                seen.add(norm(node.value))
    seen.discard("")
    return seen


def check(paths: list[Path], near: float, new_categories: bool = False) -> list[str]:
    mine = {p.resolve() for p in paths}
    categories = {json.loads(line)["category"] for name in ("risk_dev.jsonl", "classifier_dev.jsonl")
                  for line in lines_of(DATA / name)}
    kinds = {json.loads(line)["kind"] for line in lines_of(DATA / "everyday_dev.jsonl")}
    known = others(mine)
    known_words = [set(k.split()) for k in known if len(k.split()) >= 4]
    problems: list[str] = []
    own: dict[str, str] = {}
    for path in paths:
        for number, line in enumerate(lines_of(path), 1):
            try:
                row = json.loads(line)
            except ValueError:
                problems.append(f"{path.name}:{number} does not parse")
                continue
            rid = row.get("id", f"{path.name}:{number}")
            if "category" in row:
                if (row.get("category") not in categories and not new_categories) or not row["category"].startswith(f"{row.get('level')}."):
                    problems.append(f"{rid} category {row.get('category')!r} is not one of dev's for level {row.get('level')!r}")
                if set(row) - {"id", "level", "category", "text", "context"}:
                    problems.append(f"{rid} has keys beyond id, level, category, text, context")
            elif row.get("level") != "none" or row.get("kind") not in kinds or set(row) != {"id", "level", "kind", "text"}:
                problems.append(f"{rid} is not an everyday row (level none, a kind of everyday_dev.jsonl)")
            for text in [row.get("text", "")] + list(row.get("context") or []):
                key = norm(text)
                if key in known:
                    problems.append(f"{rid} repeats a line of another file: {text!r}")
                if text == row.get("text") and key in own:
                    problems.append(f"{rid} repeats {own[key]}")
                own.setdefault(key, rid)
            words = set(norm(row.get("text", "")).split())
            if near and len(words) >= 4:
                best = max((len(words & k) / len(words | k) for k in known_words), default=0.0)
                if best >= near:
                    problems.append(f"{rid} shares {best:.0%} of its words with a line of another file: {row['text']!r}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path, help="the writer's own new files")
    parser.add_argument("--new-categories", action="store_true",
                        help="a classifier-set batch may bring categories of its own (each must still start with its level)")
    parser.add_argument("--near", type=float, default=0.6, help="word-overlap share that counts as a near repeat (0: off)")
    args = parser.parse_args()
    problems = check(args.files, args.near, args.new_categories)
    print("\n".join(problems) if problems else f"ok: {', '.join(p.name for p in args.files)}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
