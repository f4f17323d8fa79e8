"""The reflective listener: reflect the content and the feeling, validate, ask one open question.

Every message passes risk detection first; a message at risk gets the fixed crisis response and
nothing generated. Otherwise the reply is built from the client's own words (shifted to "you")
and the templates in responses.toml, never repeating a template within five turns. It remembers
the conversation: it links back to something said earlier, offers a short summary every few
turns, and steps back when told "that's not it".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.emotions import Emotions, family_of
from holdspace.language.text import is_readable, normalize, words
from holdspace.listening.content import key_part, reflect_words, sentence_weight, units_of
from holdspace.listening.feelings import CUE_WEIGHT, Feeling, feeling_cues, feeling_for, own_word

__all__ = ["Conversation", "Listener", "Reply", "ROADBLOCKS", "roadblocks_in"]

#: Turns within which a template is not used again.
NO_REPEAT_TURNS = 5
#: A short summary is offered on every Nth message.
SUMMARY_EVERY = 4
#: How alike (cosine) a message must be to an earlier one to link back to it.
LINK_SIMILARITY = 0.55
#: Only this many recent messages are candidates for a link back (and ever embedded for it).
LINK_WINDOW = 40
#: A message longer than this (in words) is reflected with its opening as well as its weightiest part.
LONG_MESSAGE = 45
#: Below every threshold, a feeling is still offered (mildly) when its score reaches this.
FEELING_FLOOR = 0.08
# Labels that judge rather than feel: said back only when the model is sure of them.
_OPINIONS = {"disapproval", "admiration", "amusement"}
# Labels that are not feelings to say back to someone ("you seem to feel approval").
_NOT_FELT = {"neutral", "approval", "realization", "curiosity"}

#: Phrases that block listening; none may appear in what the listener says.
ROADBLOCKS = (r"\bat least\b", r"\bcalm down\b", r"\bdon'?t worry\b", r"\byou should\b",
              r"\byou ought to\b", r"\bjust relax\b",
              r"\bcheer up\b", r"\blook on the bright side\b", r"\beverything happens for a reason\b",
              r"\bit could be worse\b", r"\bhave you tried\b", r"\bwhy\b[^.!?]*\?")
_ROADBLOCK = re.compile("|".join(ROADBLOCKS), re.I)

# Which validations and questions fit a feeling: by its family, except where the family would
# mislead (caring is "joy" in GoEmotions, but "concerned" is a worry).
_RESPONSE_GROUP = {"caring": "fear", "confusion": "unsure", "realization": "unsure", "desire": "neutral"}
_GREETING = re.compile(r"^\W*(?:hi|hello|hey|hiya|heya|yo|good (?:morning|afternoon|evening)|morning|evening)"
                       r"(?: there| again| you)?\W*$", re.I)
_DISMISS = re.compile(r"^\W*(?:(?:i'?m|im) (?:fine|ok|okay|alright)|fine|ok|okay|forget it|never ?mind|nvm|"
                      r"whatever|doesn'?t matter|it'?s nothing|it'?s fine|leave it|drop it)"
                      r"(?:\W+(?:(?:i'?m|im) (?:fine|ok|okay)|fine|ok|okay|forget it|never ?mind|nvm|whatever|"
                      r"really|honestly|anyway|lol|it'?s fine|doesn'?t matter))*\W*$", re.I)
_THANKS = re.compile(r"^\W*(?:ok(?:ay)?\W+)?(?:thanks|thank you|thx|ty|cheers)(?: (?:so much|a lot|for (?:listening|"
                     r"your time|this|that|the chat|talking|everything)))*(?:\W+(?:i guess|anyway|really|bye|x+))*\W*$", re.I)
# Ways of saying "I might not want to be here" that a listener must never reflect back as an
# ordinary feeling. If the risk check says "none" for one of these, the listener still checks in.
_NOT_BEING_HERE = re.compile(
    r"\b(?:disappear(?:ed|ing)?|not (?:be |being )?(?:here|around) anymore|wasn'?t (?:here|around)|"
    r"better off without me|no point (?:in )?(?:living|going on|anything)|can'?t go on|"
    r"end it all|don'?t want to (?:be here|wake up|exist)|wish i (?:was|were) (?:dead|gone|never born)|"
    r"nobody would (?:notice|care|miss me)|no one would (?:notice|care|miss me))\b", re.I)

_CHECK_IN_REASON = "The message sounds like thoughts of not being here."
_LINK_IDS = {"l-earlier", "l-back"}

_CORRECTION = re.compile(
    r"\b(?:that'?s not (?:it|right|true|what i (?:meant|said|mean))|not what i (?:meant|said|mean)|"
    r"you(?:'re| are) not (?:getting|listening|hearing)|you (?:don'?t|do not) get it|"
    r"that'?s not how i feel|i(?:'m| am) not (?:feeling )?(?:that|really)\b|no,? (?:that'?s )?wrong|"
    r"you'?ve got it wrong|that isn'?t it|not quite)\b", re.I)


def roadblocks_in(text: str) -> list[str]:
    """Return the roadblock phrases found in a reply (empty when it is clean)."""
    return [m.group(0) for m in _ROADBLOCK.finditer(text)]


@cache
def _responses() -> dict:
    return tomllib.loads((Path(__file__).parent / "responses.toml").read_text(encoding="utf-8"))


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

    def as_dict(self) -> dict:
        """Everything a stored conversation needs to show this reply and to resume from it."""
        return {"reply": self.reply, "reflection": self.reflection, "validation": self.validation,
                "question": self.question,
                "emotions": [{"label": k, "score": round(v, 4)} for k, v in self.emotions],
                "feeling": self.feeling.as_dict() if self.feeling else None, "level": self.level,
                "crisis": self.crisis, "templates": list(self.templates), "key": self.key,
                "topic": self.topic, "rejected": list(self.rejected)}

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
                   strings("rejected"))


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
            clean = normalize(text) if isinstance(text, str) else ""
            conversation.turns.append(Turn(clean, reply, reply.key, reply.topic))
            conversation.rejected.update(reply.rejected)
            if set(reply.templates) & _LINK_IDS:
                conversation.last_link = number - 1
            if LEVELS.index(reply.level) > LEVELS.index(level):
                level, raised_at = reply.level, number
        conversation.safety = ConversationSafety(level=level, turns=len(conversation.turns), raised_at=raised_at)
        return conversation


def _default_risk(text: str):
    from holdspace.safety.risk import assess

    return assess(text)


def _default_emotions(texts: list[str]) -> list[Emotions]:
    from holdspace.language.emotions import emotion_detector

    return emotion_detector().detect(texts)


def _default_embed(texts: list[str]) -> np.ndarray:
    from holdspace.language.embedding import encoder

    return encoder().embed(texts)


class Listener:
    """Builds replies; holds no conversation state itself (pass a Conversation)."""

    def __init__(self, *, emotions: Callable[[list[str]], list[Emotions]] = _default_emotions,
                 risk: Callable = _default_risk, embed: Callable[[list[str]], np.ndarray] | None = _default_embed,
                 country: str = "INT"):
        self.emotions, self.risk, self.embed, self.country = emotions, risk, embed, country

    # -- choosing words -------------------------------------------------------------------------

    def _pick(self, options: Sequence[dict], conversation: Conversation, used: list[str],
              fallback: Sequence[dict] = ()) -> dict:
        recent = conversation.recent_templates() | set(used)
        fresh = [o for o in options if o["id"] not in recent] or \
            [o for o in fallback if o["id"] not in recent]
        pool = fresh or list(options)
        choice = pool[len(conversation.turns) % len(pool)]
        used.append(choice["id"])
        return choice

    def _topic(self, text: str) -> str | None:
        """The topic with most of its words in the text; on a tie, the one mentioned first."""
        lower = " " + " ".join(w.lower() for w in words(text)) + " "
        best, rank = None, (0, 0)
        for name, topic in _responses()["topics"].items():
            places = [lower.find(f" {w} ") for w in topic["words"] if f" {w} " in lower]
            if places and (len(places), -min(places)) > rank:
                best, rank = name, (len(places), -min(places))
        return best

    # -- the reply --------------------------------------------------------------------------------

    def respond(self, conversation: Conversation, text: str, *, has_safety_plan: bool = False) -> Reply:
        """Reply to one client message and remember it in `conversation`.

        `has_safety_plan` says whether the client already has a safety plan; a crisis response
        then points to it rather than offering to make one.
        """
        from holdspace.safety.conversation import ConversationSafety, is_retraction

        if conversation.safety is None:
            conversation.safety = ConversationSafety()
        r = _responses()["conversation"]
        clean = normalize(text) if isinstance(text, str) else ""
        used: list[str] = []
        if not clean:
            reply = Reply(self._pick(r["empty"], conversation, used)["text"], templates=tuple(used))
            return self._remember(conversation, clean, reply)
        if not is_readable(clean):
            return self._remember(conversation, clean, Reply(r["unreadable"]))

        assessment = self.risk(clean)
        check_in = assessment.level == "none" and bool(_NOT_BEING_HERE.search(clean))
        if check_in:
            # the risk check found nothing, but this is no ordinary feeling to reflect
            assessment = replace(assessment, level="concern", reasons=[_CHECK_IN_REASON])
        conversation.safety = conversation.safety.observe(clean, assessment)
        # the conversation's view: once it is flagged, words that mean little alone can escalate
        level = conversation.safety.last.level
        if check_in and level == "concern":
            return self._remember(conversation, clean, Reply(r["check_in"], level="concern", crisis=True))
        if level != "none":
            return self._remember(conversation, clean, self._crisis(level, has_safety_plan))
        if conversation.safety.flagged and (is_retraction(clean) or _DISMISS.match(clean)):
            # A bare "I'm fine" after a flag: stay gentle and keep the door to help open.
            reply = Reply(r["after_flag"], level=conversation.safety.level, crisis=True)
            return self._remember(conversation, clean, reply)

        if _GREETING.match(clean):
            reply = Reply(self._pick(r["greeting"], conversation, used)["text"], templates=tuple(used))
            return self._remember(conversation, clean, reply)
        if _THANKS.match(clean):
            reply = Reply(self._pick(r["thanks"], conversation, used)["text"], templates=tuple(used))
            return self._remember(conversation, clean, reply)
        if _DISMISS.match(clean):
            reply = Reply(self._pick(r["dismiss"], conversation, used)["text"], templates=tuple(used))
            return self._remember(conversation, clean, reply)
        if _CORRECTION.search(clean) and conversation.turns:
            last = conversation.turns[-1].reply.feeling
            if last:
                conversation.rejected.add(last.label)
                rejected = (last.label,)
            else:
                rejected = ()
            said = self._pick(r["correction"], conversation, used)["text"]
            theirs = own_word(clean)
            if theirs and theirs[1] not in conversation.rejected:
                # "that's not it, I'm angry": they named it themselves, so say their word back
                said += " " + self._pick(r["correction_named"], conversation, used)["text"].format(feeling=theirs[0])
            ask = self._pick(r["correction_questions"], conversation, used)["text"]
            feeling = Feeling(theirs[0], theirs[1], "theirs") if theirs and theirs[1] not in conversation.rejected else None
            reply = Reply(f"{said} {ask}", validation=said, question=ask, feeling=feeling, templates=tuple(used),
                          rejected=rejected)
            return self._remember(conversation, clean, reply)

        sentences = units_of(clean) or [clean]
        found = self.emotions([clean] + sentences)
        overall, per_sentence = found[0], found[1:]
        feeling = self._feeling(overall, per_sentence, sentences, conversation)
        reflection, key = self._reflection(clean, sentences, per_sentence, conversation, used)
        topic = self._topic(key) or self._topic(clean)
        parts = []
        link, vector = self._link(conversation, clean, used)
        if link:
            parts.append(link)
        if reflection:
            parts.append(reflection)
        if feeling:
            parts.append(self._pick(_responses()["feeling"]["templates"], conversation, used)["text"]
                         .format(feeling=feeling.word))
        family = (_RESPONSE_GROUP.get(feeling.label) or family_of(feeling.label)) if feeling else "neutral"
        turn_number = len(conversation.turns) + 1
        summary = self._summary(conversation, key, feeling, used) if turn_number % SUMMARY_EVERY == 0 else ""
        validation = "" if summary else self._pick(
            _responses()["validation"][family], conversation, used, _responses()["validation"]["neutral"])["text"]
        question = self._question(topic, family, conversation, used)
        parts += [p for p in (validation, summary, question) if p]
        emotions = tuple((label, overall.scores[label]) for label in overall.labels)
        reply = Reply(" ".join(parts), reflection, validation or summary, question, feeling, emotions,
                      "none", False, tuple(used), key, topic)
        return self._remember(conversation, clean, reply, key=key, topic=topic, vector=vector)

    def name_feeling(self, text: str) -> Feeling | None:
        """The feeling the listener would name for one message, on its own."""
        clean = normalize(text)
        sentences = units_of(clean) or [clean]
        found = self.emotions([clean] + sentences)
        return self._feeling(found[0], found[1:], sentences, Conversation())

    def _crisis(self, level: str, has_safety_plan: bool = False) -> Reply:
        from holdspace.safety.response import crisis_response

        response = crisis_response(self.country, has_safety_plan=has_safety_plan,
                                   variant="urgent" if level == "urgent" else "concern")
        return Reply(response.message + " You can also open /crisis at any time.", level=level, crisis=True)

    def _feeling(self, overall: Emotions, per_sentence: list[Emotions], sentences: list[str],
                 conversation: Conversation) -> Feeling | None:
        """The client's own feeling word, else the likeliest feeling from the model and the cues.

        A label's score is its best score over the whole message and each piece of it, plus
        CUE_WEIGHT when a cue word for it is there. Labels the model is sure of count in full;
        others only once the score reaches FEELING_FLOOR, and they are then offered mildly.
        """
        text = " ".join(sentences)
        skip = _NOT_FELT | conversation.rejected
        theirs = feeling_for(replace(overall, labels=()), text, conversation.rejected)
        if theirs:
            return theirs
        cues = feeling_cues(text)
        best_label, best = None, FEELING_FLOOR
        for label in overall.scores:
            if label in skip:
                continue
            model = max([overall.scores[label]] + [e.scores[label] for e in per_sentence])
            sure = any(label in e.labels for e in [overall] + per_sentence)
            if label in _OPINIONS and not sure:
                continue
            score = model + (CUE_WEIGHT if label in cues else 0.0)
            if score > best:
                best_label, best = label, score
        if best_label is None:
            return None
        scores = dict(overall.scores)
        scores[best_label] = min(1.0, max(overall.scores[best_label], best - CUE_WEIGHT / 2))
        found = feeling_for(Emotions(scores, (best_label,), overall.family), text, conversation.rejected)
        if found and best_label in cues:
            found = replace(found, cues=found.cues + tuple(cues[best_label]))
        return found

    def _reflection(self, clean: str, sentences: list[str], per_sentence: list[Emotions],
                    conversation: Conversation, used: list[str]) -> tuple[str, str]:
        templates = _responses()["reflection"]
        if len(words(clean)) <= 3:
            said = clean.rstrip(".!?, ")
            return self._pick(templates["short"], conversation, used)["text"].format(content=said), said
        def felt(i: int) -> float:
            scores = per_sentence[i].scores
            model = max((s for l, s in scores.items() if l not in _NOT_FELT | _OPINIONS), default=0.0)
            return model + (CUE_WEIGHT if feeling_cues(sentences[i]) else 0.0)

        ranked = sorted(range(len(sentences)), key=lambda i: -sentence_weight(sentences[i], felt(i)))
        # statements first; a message that only asks gets its question said back as a wondering
        for asked in (False, True):
            for i in ranked:
                if sentences[i].rstrip().endswith("?") != asked:
                    continue
                part = key_part(sentences[i])
                if len(words(part)) < 2:
                    continue
                key = reflect_words(part)
                if roadblocks_in(key + ("?" if asked else "")):
                    continue
                if not asked and len(words(clean)) > LONG_MESSAGE and i != 0 and len(sentences) > 2:
                    # In a long message, what brought them is usually said first: keep it too.
                    opening = reflect_words(key_part(sentences[0]))
                    if len(words(opening)) >= 3 and not roadblocks_in(opening) and not sentences[0].rstrip().endswith("?"):
                        key = f"{opening}, and {key}"
                options = templates["wondering"] if asked else templates["templates"]
                return self._pick(options, conversation, used)["text"].format(content=key), key
        return "", ""

    def _link(self, conversation: Conversation, clean: str, used: list[str]) -> tuple[str, np.ndarray | None]:
        """Link back to an earlier message like this one; embeds only when a link may be made."""
        if self.embed is None or len(conversation.turns) < 2 \
                or len(conversation.turns) - conversation.last_link < 3:
            return "", None
        # Earlier messages are embedded here, together, the first time a link is possible.
        candidates = conversation.turns[-LINK_WINDOW:-1]  # not the message just before: that's no link back
        missing = [t for t in candidates if t.key and t.vector is None]
        vectors = self.embed([clean] + [t.text for t in missing])
        for turn, v in zip(missing, vectors[1:]):
            turn.vector = v
        vector = vectors[0]
        best, score = None, LINK_SIMILARITY
        for turn in candidates:
            if turn.vector is not None and turn.key and float(turn.vector @ vector) > score:
                best, score = turn, float(turn.vector @ vector)
        if best is None:
            return "", vector
        conversation.last_link = len(conversation.turns)
        text = self._pick(_responses()["conversation"]["link"], conversation, used)["text"]
        return text.format(earlier=best.key), vector

    def _summary(self, conversation: Conversation, key: str, feeling: Feeling | None, used: list[str]) -> str:
        points = []
        for turn in conversation.turns[-(SUMMARY_EVERY - 1):]:
            if turn.key and len(turn.key.split()) >= 3:
                point = turn.key if len(turn.key.split()) <= 14 else " ".join(turn.key.split()[:12]) + "..."
                if turn.reply.feeling:
                    point += f" (feeling {turn.reply.feeling.word})"
                points.append(point)
        if not points:
            return ""
        joined = points[0] if len(points) == 1 else "; ".join(points[:-1]) + "; and " + points[-1]
        return self._pick(_responses()["conversation"]["summary"], conversation, used)["text"].format(points=joined)

    def _question(self, topic: str | None, family: str, conversation: Conversation, used: list[str]) -> str:
        if topic and family not in ("joy", "surprise"):  # topic questions ask about a weight
            recent = conversation.recent_templates()
            fresh = [q for q in _responses()["topics"][topic]["questions"] if q["id"] not in recent]
            if fresh:
                return self._pick(fresh, conversation, used)["text"]
        return self._pick(_responses()["questions"][family], conversation, used,
                          _responses()["questions"]["neutral"])["text"]

    def _remember(self, conversation: Conversation, clean: str, reply: Reply, key: str = "",
                  topic: str | None = None, vector: np.ndarray | None = None) -> Reply:
        if roadblocks_in(reply.reply) and not reply.crisis:
            # Never expected from our templates; if the client's words brought one in, drop them.
            reply = replace(reply, reply=" ".join(p for p in (reply.validation, reply.question) if p),
                            reflection="")
        conversation.turns.append(Turn(clean, reply, key, topic, vector))
        return reply

    def opening(self) -> str:
        """What the listener says first in every conversation."""
        return _responses()["conversation"]["opening"]
