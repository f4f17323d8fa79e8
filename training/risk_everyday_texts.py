"""Which everyday texts of the product a risk model raises: the listener benchmark's messages, the demo's texts, the
practice bank's invented client statements (since session 15) and the strings in the listener's tests (many of them
risk on purpose, so each raise is judged by hand).

    PYTHONPATH=src .venv/bin/python training/risk_everyday_texts.py [CANDIDATE.onnx THRESHOLD]

Without a candidate, the shipped model. Prints every text flagged, with its level and first reason; a reason that
begins "The wording resembles" is the model's alone (the rules found nothing). Nothing here is trained on.
"""

from __future__ import annotations

import ast
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from holdspace.safety.risk import assess, rules_layer  # noqa: E402


def strings(obj):
    """Every string of three words or more in a TOML document."""
    if isinstance(obj, str):
        if len(obj.split()) >= 3:
            yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from strings(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from strings(value)


def texts() -> list[str]:
    found = [json.loads(line)["text"] for line in
             (ROOT / "benchmarks" / "data" / "listening.jsonl").read_text(encoding="utf-8").splitlines() if line]
    found += strings(tomllib.loads((ROOT / "src" / "holdspace" / "demo.toml").read_text(encoding="utf-8")))
    from holdspace.practice.exercise import bank

    found += [s.text for s in bank()]
    for path in sorted((ROOT / "tests" / "listening").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value.split()) >= 4 \
                    and not node.value.startswith(("It ", "You ", "That ", "What ")):
                found.append(node.value)
    return list(dict.fromkeys(found))


def main() -> None:
    layers = None
    if len(sys.argv) == 3:
        from risk import CandidateModelLayer
        layers = [rules_layer, CandidateModelLayer(sys.argv[1], float(sys.argv[2]))]
    every = texts()
    flagged = [(t, a) for t in every for a in [assess(t, layers=layers)] if a.flagged]
    print(f"{len(flagged)} of {len(every)} flagged; by the model alone:")
    for t, a in flagged:
        if a.reasons and a.reasons[0].startswith("The wording resembles"):
            print(f"  {a.level:8} {t[:110]!r}")


if __name__ == "__main__":
    main()
