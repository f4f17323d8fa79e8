"""Sticky risk flags within one conversation.

Each message is assessed on its own, at turn 1 and at turn 300 alike. Once a message raises a
flag, the conversation keeps it: a later bare "I'm fine", "nvm" or "forget it" does not lower it.
Only `confirm_safe()` — an explicit step the client takes in the interface, answering the crisis
response's safety question — steps an urgent flag down to concern; nothing clears it within the
conversation. In a conversation already flagged, words that mean little alone — preparations
("tonight is the night", "I've got everything ready"), goodbyes, "I'm going to do it" — make
that message urgent, and so does insisting, alone, that the earlier words were meant ("i mean it").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from holdspace.safety.risk import Assessment, assess, classifier_only, higher

__all__ = ["ConversationSafety", "is_retraction", "ESCALATING_CUES", "ESCALATION_REASON", "INSISTENCE_REASON"]

ESCALATING_CUES = {"plan_weak", "farewell_weak", "affairs", "commit"}
INSISTENCE_REASON = ("Risk was raised earlier in this conversation, and this message insists it was meant.")
# "i mean it", "i'm not joking": said alone after risk, it says the earlier words were meant.
_INSISTS = re.compile(
    r"^\W*(?:(?:and|but|no|honestly|seriously|like|i swear)\W+)*(?:i (?:really )?mean it|i'?m (?:being )?serious|im serious|"
    r"i am serious|(?:i'?m |im |i am )?not (?:joking|kidding)|(?:this|it) (?:isn'?t|is not|'s not|s not) a joke|"
    r"deadly serious|dead serious)"
    r"(?:\W+(?:this time|i (?:really )?mean it|i swear|for real|honestly|seriously|not joking))*[\s.!]*$",
    re.IGNORECASE)
ESCALATION_REASON = ("Risk was raised earlier in this conversation, and this message mentions preparations, "
                     "a goodbye or going through with it.")

_FILLER = r"(?:no|nah|honestly|seriously|really|anyway|ok|okay|lol|haha|sorry|um+|uh+|it's|its|oh|yeah|yes|actually|just|but|so|and)"
_CORE = (
    r"(?:(?:(?:i'?m|im|i am|i feel|feeling)\s+)?(?:fine|ok|okay|k|good|alright|all right|grand|better now|over it|"
    r"totally fine|completely fine|perfectly fine|fine now|good now|okay now|ok now|safe|not serious)"
    r"|nvm|never\s*mind|forget (?:it|that|i said (?:anything|that|it)|what i said|about it)|ignore (?:that|me|what i said|it)|"
    r"it'?s nothing|it doesn'?t matter|doesn'?t matter|jk|just kidding|kidding|i was (?:just )?(?:joking|kidding)|"
    r"don'?t worry(?: about (?:it|me))?|all good|no worries|whatever|drop it|leave it|moving on|it'?s fine|"
    r"(?:it'?s |its |it was |it isn'?t |it wasn'?t )?(?:not (?:that|so|as) bad|not a big deal|no big deal|not serious)|(?:it |that )?(?:wasn'?t|isn'?t) (?:that|so|as) bad)")
_TAIL = r"(?:\W+(?:lol|haha|really|honestly|seriously|i promise|promise|thanks|thank you|anyway|now|though|tho|x+))*"
# One to three reassurances in a row ("I'm fine, forget it", "nvm, all good honestly"), and nothing else.
_RETRACTION = re.compile(
    rf"^\W*(?:{_FILLER}\W+){{0,3}}{_CORE}{_TAIL}(?:\W+(?:{_FILLER}\W+){{0,2}}{_CORE}{_TAIL}){{0,2}}\W*$",
    re.IGNORECASE)


def is_retraction(text: str) -> bool:
    """True for a short reassurance or take-back with nothing else in it ("I'm fine", "nvm")."""
    return isinstance(text, str) and len(text) <= 80 and bool(_RETRACTION.match(text.strip()))


@dataclass(frozen=True)
class ConversationSafety:
    """The risk state of one conversation; `observe` returns a new state."""

    level: str = "none"                  # the conversation's flag: the highest level raised so far
    reasons: tuple[str, ...] = ()
    turns: int = 0
    raised_at: int | None = None         # the turn that first raised the current flag
    last: Assessment = field(default_factory=lambda: Assessment("none"))
    retracted_at: tuple[int, ...] = ()   # turns where a bare "I'm fine" followed a flag
    confirmed_safe_at: int | None = None

    @property
    def flagged(self) -> bool:
        return self.level != "none"

    def observe(self, text: str, assessment: Assessment | None = None) -> ConversationSafety:
        """Assess one message on its own and fold it into the conversation's flag."""
        result = assessment if assessment is not None else assess(text)
        # (a model's urgent alone would bring only the gentle check-in; here the words are known to mean more)
        if self.flagged and (result.level != "urgent" or classifier_only(result)) and ESCALATING_CUES & set(result.cues):
            result = replace(result, level="urgent", reasons=[*result.reasons, ESCALATION_REASON])
        elif self.flagged and result.level == "none" and _INSISTS.match(text or ""):
            result = replace(result, level="urgent", reasons=[INSISTENCE_REASON])
        turn = self.turns + 1
        level = higher(self.level, result.level)
        raised_at = self.raised_at if self.level == level or result.level != level else turn
        if self.level == "none" and level != "none":
            raised_at = turn
        retracted = self.retracted_at + ((turn,) if self.flagged and is_retraction(text) else ())
        reasons = self.reasons + tuple(r for r in result.reasons if r not in self.reasons)
        return replace(self, level=level, reasons=reasons, turns=turn, raised_at=raised_at,
                       last=result, retracted_at=retracted)

    def confirm_safe(self) -> ConversationSafety:
        """The client said they are safe through the interface's explicit question: urgent becomes concern."""
        if self.level != "urgent":
            return self
        return replace(self, level="concern", confirmed_safe_at=self.turns)
