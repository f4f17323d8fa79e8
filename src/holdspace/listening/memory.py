"""What the listener remembers of a conversation, and one reply with its parts.

Pure data: a stored conversation (pairs of the client's text and `Reply.as_dict()`) comes back
through `Conversation.from_history` without running any model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from holdspace.listening.feelings import Feeling

__all__ = ["LINK_TEMPLATES", "NO_REPEAT_TURNS", "Conversation", "Reply", "Turn"]

#: Turns within which a template is not used again.
NO_REPEAT_TURNS = 5
#: The templates that link back to something said earlier (responses.toml, [conversation] link).
LINK_TEMPLATES = frozenset({"l-earlier", "l-back"})


@dataclass(frozen=True)
class Reply:
    """One reply and its parts; `reply` is what the client sees."""

    reply: str
    reflection: str = ""
    validation: str = ""
    question: str = ""
    feeling: Feeling | None = None
    emotions: tuple[tuple[str, float], ...] = ()
    level: str = "none"
    crisis: bool = False
    templates: tuple[str, ...] = ()
    key: str = ""                  # the client's words this reply reflected, shifted to "you"
    topic: str | None = None
    rejected: tuple[str, ...] = ()  # feeling labels the client's message said were wrong
    source: str = "listener"       # who wrote `reply`: the embedded listener, or "llm"
    variant: str = ""              # for a crisis reply: which crisis response it gave (safety.response.variant_for)

    def as_dict(self) -> dict:
        """Everything a stored conversation needs to show this reply and to resume from it."""
        return {"reply": self.reply, "reflection": self.reflection, "validation": self.validation,
                "question": self.question,
                "emotions": [{"label": k, "score": round(v, 4)} for k, v in self.emotions],
                "feeling": self.feeling.as_dict() if self.feeling else None, "level": self.level,
                "crisis": self.crisis, "templates": list(self.templates), "key": self.key,
                "topic": self.topic, "rejected": list(self.rejected), "source": self.source,
                "variant": self.variant}

    @classmethod
    def from_dict(cls, data: dict) -> Reply:
        """The reply `as_dict` gave; missing or malformed parts (older records) become empty."""
        def text(name: str) -> str:
            value = data.get(name)
            return value if isinstance(value, str) else ""

        def strings(name: str) -> tuple[str, ...]:
            value = data.get(name)
            return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()

        feeling = data.get("feeling")
        try:
            feeling = Feeling(feeling["word"], feeling["label"], feeling.get("intensity", "moderate"),
                              tuple(feeling.get("cues") or ())) if isinstance(feeling, dict) else None
        except (KeyError, TypeError):
            feeling = None
        emotions = tuple((e["label"], float(e["score"])) for e in data.get("emotions") or ()
                         if isinstance(e, dict) and isinstance(e.get("label"), str)
                         and isinstance(e.get("score"), int | float))
        level = data.get("level") if data.get("level") in ("none", "concern", "urgent") else "none"
        topic = data.get("topic") if isinstance(data.get("topic"), str) else None
        return cls(text("reply"), text("reflection"), text("validation"), text("question"), feeling,
                   emotions, level, bool(data.get("crisis")), strings("templates"), text("key"), topic,
                   strings("rejected"), text("source") or "listener", text("variant"))


@dataclass
class Turn:
    text: str
    reply: Reply
    key: str = ""             # the reflected content, already shifted to "you"
    topic: str | None = None
    vector: np.ndarray | None = None


@dataclass
class Conversation:
    """What the listener remembers of one conversation."""

    turns: list[Turn] = field(default_factory=list)
    safety: object = None     # holdspace.safety.conversation.ConversationSafety
    rejected: set[str] = field(default_factory=set)  # feeling labels the client said were wrong
    last_link: int = -10

    def recent_templates(self) -> set[str]:
        return {t for turn in self.turns[-(NO_REPEAT_TURNS - 1):] for t in turn.reply.templates}

    @classmethod
    def from_history(cls, pairs: Iterable[tuple[str, dict]]) -> Conversation:
        """Rebuild the listener's memory from stored `(client_text, Reply.as_dict())` pairs.

        Nothing is run again: templates, reflected words, topics, rejected feelings and the
        conversation's risk flag all come from the stored replies. Earlier messages are embedded
        later, in one batch, only when a link back becomes possible (and only the last
        LINK_WINDOW of them).
        """
        from holdspace.safety.conversation import ConversationSafety
        from holdspace.safety.risk import LEVELS

        conversation = cls()
        level, raised_at = "none", None
        for number, (text, data) in enumerate(pairs, start=1):
            reply = Reply.from_dict(data if isinstance(data, dict) else {})
            # as stored: normalising 300 messages again would cost more than all the rest together
            clean = text.strip() if isinstance(text, str) else ""
            conversation.turns.append(Turn(clean, reply, reply.key, reply.topic))
            conversation.rejected.update(reply.rejected)
            if set(reply.templates) & LINK_TEMPLATES:
                conversation.last_link = number - 1
            if LEVELS.index(reply.level) > LEVELS.index(level):
                level, raised_at = reply.level, number
        conversation.safety = ConversationSafety(level=level, turns=len(conversation.turns), raised_at=raised_at)
        return conversation
