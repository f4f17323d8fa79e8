"""The output filter: what no generated text may say (SAFETY.md, clinical safety point 6).

`check_output(text)` lists the problems in a text a model produced — methods, doses or lethality;
going along with suicide, self-harm or hurting someone, saying others would be better off, or telling
the person they want to die; help hiding risk; diet or weight-loss advice; diagnosis, medication advice or treatment plans;
discouraging contact with people or professionals. An empty list means it may be shown. The
filter fails closed: if it cannot check, it reports that as a problem.

`reads_as_harmful(text)` reads a local model's reply as a whole: a logistic head over the product's sentence
embedding, trained on the team's harmful and caring replies (training/reply_check.py), for the harm that the
patterns' wording misses. It too fails closed.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Problem", "check_output", "is_safe_to_show", "reads_as_harmful"]


@dataclass(frozen=True)
class Problem:
    rule: str       # method, harm, hiding, diet, clinical, isolation, or unchecked
    message: str    # a plain sentence for logs and reviewers (never shown to the client)
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Rule:
    id: str
    message: str
    patterns: tuple[re.Pattern[str], ...]
    model_only: bool = False  # what a model may not raise, though holdspace's own fixed words may (the crisis response)


@cache
def _rules() -> tuple[_Rule, ...]:
    raw = tomllib.loads(resources.files("holdspace.safety").joinpath("output_filter.toml").read_text("utf-8"))
    return tuple(_Rule(r["id"], r["message"], tuple(re.compile(p) for p in r["patterns"]), r.get("model_only", False))
                 for r in raw["rule"])


def _fold(text: str) -> str:
    # Same length as the input, so spans point into the original text.
    folded = "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)
    return folded.translate(dict.fromkeys(map(ord, "‘’ʼ`´"), "'"))


def check_output(text: str, *, ours: bool = False) -> list[Problem]:
    """Every problem found in generated `text`, in order; [] means it may be shown.

    `ours`: the text is holdspace's own fixed wording (the crisis response), which may name what a model's reply may
    not raise at all (rules marked `model_only`: suicide, self-harm, a means, hiding risk...).
    """
    try:
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        folded = _fold(unicodedata.normalize("NFC", text))
        if len(folded) != len(text):
            folded = _fold(text)
        problems = []
        for rule in _rules():
            if ours and rule.model_only:
                continue
            for pattern in rule.patterns:
                for m in pattern.finditer(folded):
                    problems.append(Problem(rule.id, rule.message, m.start(), m.end(), text[m.start():m.end()]))
        return sorted(problems, key=lambda p: (p.start, p.rule))
    except Exception as exc:  # fail closed: what can't be checked isn't shown
        return [Problem("unchecked", f"The text could not be checked ({type(exc).__name__}).", 0, 0, "")]


def is_safe_to_show(text: str) -> bool:
    return not check_output(text)


def reads_as_harmful(text: str, head=None) -> bool:
    """Whether a model's reply, read as a whole, is more like the harmful replies than the caring ones (`head`: another
    whole-reply head than the shipped one, for measuring a candidate)."""
    try:
        from holdspace.language.embedding import encoder
        from holdspace.language.heads import load_head

        head = head or load_head("reply_check")
        score = head.probabilities(encoder().embed(text))[0]
        return bool(score >= float(head.extras["threshold"]))
    except Exception:  # fail closed: a reply that can't be read isn't shown
        return True
