"""The listener's words (responses.toml, with its topics in topics.toml and its questions in questions.toml), and
choosing one not used within NO_REPEAT_TURNS."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from holdspace.listening.memory import Conversation, Reply

__all__ = ["feeling_said", "feeling_templates", "fixed", "pick", "responses"]


@cache
def responses() -> dict:
    """The templates in responses.toml, with topics.toml under "topics" and questions.toml under "questions", read once."""
    here = Path(__file__).parent
    table = tomllib.loads((here / "responses.toml").read_text(encoding="utf-8"))
    table["topics"] = tomllib.loads((here / "topics.toml").read_text(encoding="utf-8"))["topics"]
    table["questions"] = tomllib.loads((here / "questions.toml").read_text(encoding="utf-8"))["questions"]
    return table


def _opening(sentence: str) -> str:
    return " ".join(re.findall(r"[a-z']+", sentence.lower())[:3])


def pick(options: Sequence[dict], conversation: Conversation, used: list[str], fallback: Sequence[dict] = (),
         after: str = "") -> dict:
    """A template from `options` not used lately (else from `fallback`), recorded in `used`.

    `after` is what the reply already says: a template opening as one of its sentences does ("It
    sounds like part of you... It sounds like you might be feeling...") is taken only when no other is left.
    """
    recent = conversation.recent_templates() | set(used)
    fresh = [o for o in options if o["id"] not in recent] or \
        [o for o in fallback if o["id"] not in recent]
    said = {_opening(s) for s in re.split(r"(?<=[.!?])\s+", after) if s}
    fresh = [o for o in fresh if _opening(o["text"]) not in said] or fresh
    pool = fresh or list(options) or list(fallback)
    choice = pool[len(conversation.turns) % len(pool)]
    used.append(choice["id"])
    return choice


def fixed(options: Sequence[dict], conversation: Conversation, used: list[str], **values) -> Reply:
    """A fixed reply from `options`; its closing question, if it has one, is its question."""
    text = pick(options, conversation, used)["text"].format(**values)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    question = sentences[-1] if sentences[-1].endswith("?") else ""
    return Reply(text, question=question, templates=tuple(used))


def feeling_said(template: str, word: str) -> str:
    """A feeling template filled in; a state ("in shock") is said as one: "I wonder if you're in shock", never
    "feeling in shock"."""
    return (template.replace("feeling {feeling}", "{feeling}") if word.startswith("in ") else template).format(feeling=word)


def feeling_templates(word: str) -> list[dict]:
    """The templates that can name this feeling: one spoken to them ("like you're missing out on them") is never said of
    "anyone" ("That could leave anyone feeling like you're missing out on them")."""
    templates = responses()["feeling"]["templates"]
    if re.search(r"\byou(?:r|'re|rself)?\b", word):
        return [t for t in templates if "anyone" not in t["text"]]
    return templates
