"""What a risk check says about one text: its level, the reasons, the words behind them.

Shared by the layers that judge a text (risk.py's rules, classifier.py's embedding head) and by
everything that reads their answer; it imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["LEVELS", "NO_RISK", "Assessment", "Layer", "Span", "higher"]

LEVELS = ("none", "concern", "urgent")


@dataclass(frozen=True)
class Span:
    """Words in the original text behind a reason: [start, end) and which rule found them."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Assessment:
    level: str
    reasons: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    # Context signals that mean little alone ("tonight", "I've got everything ready", goodbyes);
    # a conversation already flagged uses them (see conversation.py).
    cues: list[str] = field(default_factory=list)
    # The rules read risk words and set them aside: a denial ("I would never kill myself"), medicines
    # and other means in an everyday sense ("should I take my meds tonight?"), a past the writer says
    # is behind them ("there was a time I wanted to die, but I'm happy now"), or a frame (a story, a
    # song, the news, suicide as a topic). The classifier, which reads neither negation nor context,
    # then defers to them (classifier.py).
    set_aside: bool = False
    # Set aside for a reason other than a means named in an everyday sense: a denial, a past behind the writer,
    # a frame. The risk model (classifier.ModelLayer) defers only to these; the frozen head to any `set_aside`.
    denied_or_framed: bool = False

    @property
    def flagged(self) -> bool:
        return self.level != "none"

    @property
    def urgent(self) -> bool:
        return self.level == "urgent"


Layer = Callable[[str, float], Assessment]
NO_RISK = Assessment("none")


def higher(a: str, b: str) -> str:
    """The more serious of two levels."""
    return a if LEVELS.index(a) >= LEVELS.index(b) else b
