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
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.emotions import Emotions, family_of
from holdspace.language.text import is_readable, normalize, words
from holdspace.listening.content import as_clause, key_part, reflect_words, sentence_weight, units_of
from holdspace.listening.feelings import CUE_WEIGHT, Feeling, feeling_cues, feeling_for, own_word, own_words
from holdspace.listening.memory import NO_REPEAT_TURNS, Conversation, Reply, Turn
from holdspace.listening.signals import (APOLOGY, ASKS_ADVICE, ASKS_MEDICATION, ASKS_WHAT_IT_IS, CORRECTION, DISMISS, DONT_KNOW,
                                         DOUBTS_IT, GREETING, NOT_BEING_HERE, ROADBLOCKS, SELF_CRITICAL, SELF_HARM, SELF_HATE,
                                         THANKS, looks_english, roadblocks_in)

__all__ = ["Conversation", "Listener", "NO_REPEAT_TURNS", "Reply", "ROADBLOCKS", "roadblocks_in"]

#: A short summary is offered on every Nth message.
SUMMARY_EVERY = 4
#: Every Nth message, the listener says again that it is software (SAFETY.md, clinical point 9).
REMINDER_EVERY = 30
#: How alike (cosine) a message must be to an earlier one to link back to it.
LINK_SIMILARITY = 0.55
#: Only this many recent messages are candidates for a link back (and ever embedded for it).
LINK_WINDOW = 12
#: A message longer than this (in words) is reflected with its opening as well as its weightiest part.
LONG_MESSAGE = 45
#: Below every threshold, a feeling is still offered (mildly) when its score reaches this.
FEELING_FLOOR = 0.08
# Labels that judge rather than feel, or that sting when wrong ("repulsed"): said back only when
# the model is sure of them or the client's words point to them.
_OPINIONS = {"disapproval", "admiration", "amusement", "disgust"}
_POSITIVE = {"admiration", "amusement", "approval", "caring", "desire", "excitement", "gratitude", "joy", "love",
             "optimism", "pride", "relief"}
_NEGATIVE = {"anger", "annoyance", "disappointment", "disapproval", "disgust", "embarrassment", "fear", "grief",
             "nervousness", "remorse", "sadness"}
_AFTER_A_DEATH = {"grief", "sadness", "remorse", "anger", "fear", "nervousness", "confusion", "love", "caring"}
# Words of distress that the feeling cues leave out.
_DISTRESS = re.compile(r"\b(?:depress\w*|anxiety|panic\w*|trauma\w*|ptsd|ocd|bipolar|diagnos\w*|meds|medication|"
                       r"therapy|therapist|mess|messed|worse|worst|awful|terrible|horrible|hate|heaviness|struggl\w*|"
                       r"can'?t cope|falling apart|fall apart|breaking down|hard|difficult|hurt\w*|pain\w*|"
                       r"inconclusive|scary|crap|shit\w*|sucks?|rough|nightmare|drowning|stuck)\b", re.I)
# Labels that are not feelings to say back to someone ("you seem to feel approval").
_NOT_FELT = {"neutral", "approval", "realization", "curiosity"}

# Which validations and questions fit a feeling: by its family, except where the family would
# mislead (caring is "joy" in GoEmotions, but "concerned" is a worry; guilt and shame get their own).
_RESPONSE_GROUP = {"caring": "fear", "confusion": "unsure", "realization": "unsure", "desire": "neutral",
                   "remorse": "shame", "embarrassment": "shame"}
_SHE = re.compile(r"\b(?:she|her|hers|herself|mum|mom|mother|mam|sister|wife|girlfriend|grandma|grandmother|nan|"
                  r"nana|granny|daughter|aunt|auntie|niece)\b")
_HE = re.compile(r"\b(?:he|him|his|himself|dad|father|brother|husband|boyfriend|grandpa|grandfather|grandad|"
                 r"granddad|son|uncle|nephew)\b")
_A_DEATH = re.compile(r"\b(?:died|dies|passed|death|funeral|lost my|put down|killed)\b", re.I)
_THIRD_PERSON = ("he ", "she ", "they ", "his ", "her ", "their ", "he's ", "she's ", "they're ")
# Topics whose questions ask about the client's own situation ("How has work been affecting...").
_ABOUT_THE_CLIENT = {"work", "study", "health", "money"}
_CHECK_IN_REASON = "The message sounds like thoughts of not being here, or of hurting oneself."


@cache
def _responses() -> dict:
    return tomllib.loads((Path(__file__).parent / "responses.toml").read_text(encoding="utf-8"))


def _is_question(sentence: str) -> bool:
    """A question, with or without its mark: "what if I fail" said back as "So what if you fail" would scoff."""
    return sentence.rstrip().endswith("?") or bool(re.match(r"\W*(?:but |and |so )?what if\b", sentence, re.I))


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(phrase.lower()) + r"(?![\w'])", text.lower()) is not None


def _shorten(said: str) -> str:
    """The first clause of a long reflected piece, for a summary; cut at a word only when it must be."""
    for match in re.finditer(r",\s|\s(?:and|but|because|so|when|since|after)\s", said):
        if 4 <= len(said[:match.start()].split()) <= 12:
            return said[:match.start()]
    return " ".join(said.split()[:10]).rstrip(",;:") + "…"


def _alike(a: str, b: str) -> bool:
    """Whether two reflected pieces say nearly the same words (a summary says each once)."""
    x, y = set(a.lower().split()), set(b.lower().split())
    return len(x & y) >= 0.6 * min(len(x), len(y))


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
        pool = fresh or list(options) or list(fallback)
        choice = pool[len(conversation.turns) % len(pool)]
        used.append(choice["id"])
        return choice

    def _fixed(self, options: Sequence[dict], conversation: Conversation, used: list[str], **values) -> Reply:
        """A fixed reply from `options`; its closing question, if it has one, is its question."""
        text = self._pick(options, conversation, used)["text"].format(**values)
        sentences = re.split(r"(?<=[.!?])\s+", text)
        question = sentences[-1] if sentences[-1].endswith("?") else ""
        return Reply(text, question=question, templates=tuple(used))

    def _topic(self, text: str) -> str | None:
        """The topic of highest priority, then with most of its words in the text, then mentioned first."""
        lower = " " + " ".join(w.lower() for w in words(text)) + " "
        best, rank = None, (0, 0, 0)
        for name, topic in _responses()["topics"].items():
            places = [lower.find(f" {w} ") for w in topic["words"] if f" {w} " in lower]
            if places and (topic.get("priority", 1), len(places), -min(places)) > rank:
                best, rank = name, (topic.get("priority", 1), len(places), -min(places))
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
            reply = self._fixed(r["empty"], conversation, used)
            return self._remember(conversation, clean, reply)
        if not is_readable(clean):
            return self._remember(conversation, clean, Reply(r["unreadable"]))

        assessment = self.risk(clean)
        check_in = assessment.level == "none" and bool(NOT_BEING_HERE.search(clean) or SELF_HARM.search(clean))
        if check_in:
            # the risk check found nothing, but this is no ordinary feeling to reflect
            assessment = replace(assessment, level="concern", reasons=[_CHECK_IN_REASON])
        conversation.safety = conversation.safety.observe(clean, assessment)
        # the conversation's view: once it is flagged, words that mean little alone can escalate
        level = conversation.safety.last.level
        if check_in and level == "concern":
            said = r["check_in"] if NOT_BEING_HERE.search(clean) else r["check_in_self_harm"]
            return self._remember(conversation, clean, Reply(said, level="concern", crisis=True))
        if level != "none":
            earlier = conversation.safety.reasons[:len(conversation.safety.reasons) - len(conversation.safety.last.reasons)] \
                if conversation.safety.turns > 1 else ()
            return self._remember(conversation, clean, self._crisis(conversation.safety.last, has_safety_plan, earlier))
        if conversation.safety.flagged and (is_retraction(clean) or DISMISS.match(clean)):
            # A bare "I'm fine" after a flag: stay gentle and keep the door to help open.
            reply = Reply(r["after_flag"], level=conversation.safety.level, crisis=True)
            return self._remember(conversation, clean, reply)

        if GREETING.match(clean):
            reply = self._fixed(r["greeting"], conversation, used)
            return self._remember(conversation, clean, reply)
        if THANKS.match(clean):
            reply = self._fixed(r["thanks"], conversation, used)
            return self._remember(conversation, clean, reply)
        if DISMISS.match(clean):
            reply = self._fixed(r["dismiss"], conversation, used)
            return self._remember(conversation, clean, reply)
        if not any(ch.isalpha() for ch in clean):
            reply = self._fixed(r["no_words"], conversation, used, text=clean[:40])
            return self._remember(conversation, clean, reply)
        if not looks_english(clean):
            reply = self._fixed(r["other_language"], conversation, used)
            return self._remember(conversation, clean, reply)
        for signal, key in ((ASKS_WHAT_IT_IS, "asks_what_it_is"), (DOUBTS_IT, "doubts_it"),
                            (ASKS_MEDICATION, "asks_medication"), (ASKS_ADVICE, "asks_advice")):
            if signal.search(clean) and len(words(clean)) <= 20:
                return self._remember(conversation, clean, self._fixed(r[key], conversation, used))
        if APOLOGY.match(clean):
            reply = self._fixed(r["apology"], conversation, used)
            return self._remember(conversation, clean, reply)
        if DONT_KNOW.match(clean):
            reply = self._fixed(r["dont_know"], conversation, used)
            return self._remember(conversation, clean, reply)
        if CORRECTION.search(clean) and conversation.turns:
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
            named = theirs and theirs[1] not in conversation.rejected
            ask = self._pick(r["correction_named_questions" if named else "correction_questions"], conversation,
                             used)["text"].format(feeling=theirs[0] if named else "")
            feeling = Feeling(theirs[0], theirs[1], "theirs") if theirs and theirs[1] not in conversation.rejected else None
            reply = Reply(f"{said} {ask}", validation=said, question=ask, feeling=feeling, templates=tuple(used),
                          rejected=rejected)
            return self._remember(conversation, clean, reply)

        sentences = units_of(clean) or [clean]
        overall, per_sentence = self._emotions(clean, sentences)
        feeling = self._feeling(overall, per_sentence, sentences, conversation)
        reflection, key = self._reflection(clean, sentences, per_sentence, conversation, used)
        topic = self._topic(key) or self._topic(clean)
        if topic is None and feeling and feeling.label == "grief":
            topic = "loss"
        before = conversation.turns[-1].topic if conversation.turns else None
        if before and (topic is None and feeling is None or key.startswith(_THIRD_PERSON)
                       or before == "loss" and topic in (None, "health", "family")):
            # still the same story: "I keep picking up the phone to call her" after "my mum died";
            # "he went straight back to work" is about the brother, not the client's work
            topic = before
        elif key.startswith(_THIRD_PERSON) and topic in _ABOUT_THE_CLIENT:
            topic = None
        parts = []
        link, vector = self._link(conversation, clean, used)
        if link:
            parts.append(link)
        if reflection:
            parts.append(reflection)
        if feeling and not _has_phrase(reflection, feeling.word):
            # (when their own feeling word is already in the reflection, naming it again is an echo)
            parts.append(self._pick(_responses()["feeling"]["templates"], conversation, used)["text"]
                         .format(feeling=feeling.word))
        family = "mixed" if feeling and feeling.intensity == "mixed" else \
            (_RESPONSE_GROUP.get(feeling.label) or family_of(feeling.label)) if feeling else "neutral"
        # a death, harsh words about oneself, or a feeling at its strongest gets the whole reply to itself: no summary
        heavy = topic == "loss" or bool(SELF_CRITICAL.search(clean) or SELF_HATE.search(clean)) or feeling is not None and (feeling.label == "grief" or feeling.intensity == "strong")
        summary = self._summary(conversation, feeling, used) if not heavy and self._summary_due(conversation) else ""
        validation = "" if summary else self._pick(
            _responses()["validation"].get(family, ()), conversation, used, _responses()["validation"]["neutral"])["text"]
        question = self._question(topic, family, conversation, used, self._pronoun(conversation, clean))
        parts += [p for p in (validation, summary, question) if p]
        if (len(conversation.turns) + 1) % REMINDER_EVERY == 0:
            parts.insert(0, r["reminder"])
        emotions = tuple((label, overall.scores[label]) for label in overall.labels)
        reply = Reply(" ".join(parts), reflection, validation or summary, question, feeling, emotions,
                      "none", False, tuple(used), key, topic)
        return self._remember(conversation, clean, reply, key=key, topic=topic, vector=vector)

    def name_feeling(self, text: str) -> Feeling | None:
        """The feeling the listener would name for one message, on its own."""
        clean = normalize(text)
        sentences = units_of(clean) or [clean]
        overall, per_sentence = self._emotions(clean, sentences)
        return self._feeling(overall, per_sentence, sentences, Conversation())

    def _emotions(self, clean: str, sentences: list[str]) -> tuple[Emotions, list[Emotions]]:
        """Emotions of the whole message and of each piece, in one batch; a one-piece message once."""
        if sentences == [clean]:
            found = self.emotions([clean])
            return found[0], found
        found = self.emotions([clean] + sentences)
        return found[0], found[1:]

    def _crisis(self, assessment, has_safety_plan: bool = False, earlier: tuple[str, ...] = ()) -> Reply:
        from holdspace.safety.levels import SENTENCES
        from holdspace.safety.response import crisis_response, variant_for

        variant = variant_for(assessment) or "concern"
        if variant == "someone_else" and set(earlier) - {SENTENCES["third_party"], SENTENCES["third_party_urgent"]}:
            # "I'm scared to go home" after "my partner hit me" is about the writer, whatever its grammar
            variant = "concern"
        response = crisis_response(self.country, has_safety_plan=has_safety_plan, variant=variant)
        return Reply(response.message + " You can also open /crisis at any time.", level=assessment.level, crisis=True)

    def _feeling(self, overall: Emotions, per_sentence: list[Emotions], sentences: list[str],
                 conversation: Conversation) -> Feeling | None:
        """The client's own feeling word, else the likeliest feeling from the model and the cues.

        A label's score is its best score over the whole message and each piece of it, plus
        CUE_WEIGHT when a cue word for it is there. Labels the model is sure of count in full;
        others only once the score reaches FEELING_FLOOR, and they are then offered mildly.
        """
        text = " ".join(sentences)
        skip = _NOT_FELT | conversation.rejected
        theirs = [(w, l) for w, l in own_words(text) if l not in conversation.rejected]
        glad = [w for w, l in theirs if l in _POSITIVE]
        hurting = [(w, l) for w, l in theirs if l in _NEGATIVE]
        if glad and hurting:
            # "happy for her but jealous": both at once is the reflection, not either one alone
            return Feeling(f"{glad[0]} and {hurting[0][0]} at the same time", hurting[0][1], "mixed")
        theirs = feeling_for(replace(overall, labels=()), text, conversation.rejected)
        if theirs:
            return theirs
        cues = feeling_cues(text)
        # Naming a happy feeling to someone describing pain is worse than naming none: where the
        # words carry distress and nothing glad, a glad label needs the model to be very sure.
        distress = any(label in _NEGATIVE for label in cues) or bool(_DISTRESS.search(text))
        gloomy = distress and not any(label in _POSITIVE for label in cues)
        if "grief" in cues:
            # someone telling of a death is not "disappointed" or "annoyed" about it
            skip = skip | (set(overall.scores) - _AFTER_A_DEATH)
        if SELF_CRITICAL.search(text) or SELF_HATE.search(text):
            # turned against oneself, anger reads as shame or sadness, not fury at someone; and it is never glad
            skip = skip | {"anger", "annoyance", "disapproval", "disgust"} | _POSITIVE
        if any(label != "confusion" for label in cues):
            skip = skip | {"confusion"}  # "I don't know anyone here" is lonely before it is confused
        best_label, best = None, FEELING_FLOOR
        for label in overall.scores:
            if label in skip:
                continue
            model = max([overall.scores[label]] + [e.scores[label] for e in per_sentence])
            sure = any(label in e.labels for e in [overall] + per_sentence)
            if label in _OPINIONS and not sure and label not in cues:
                continue
            if gloomy and label in _POSITIVE and (model < 0.8 or label == "amusement"):
                continue  # ("lol my life is a mess" laughs at pain; it is not amusement)
            if label == "disgust" and label not in cues:
                continue
            # each distinct cue counts, up to two: "snapped at my kids... feel terrible" is guilt
            score = model + CUE_WEIGHT * min(2, len(set(cues.get(label, ()))))
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
            key = as_clause(reflect_words(said)) if len(words(said)) > 1 else said
            if SELF_CRITICAL.search(said) or SELF_HATE.search(said):
                key = f"you said {key}"
            return self._pick(templates["short"], conversation, used)["text"].format(content=said), key
        def felt(i: int) -> float:
            scores = per_sentence[i].scores
            model = max((s for l, s in scores.items() if l not in _NOT_FELT | _OPINIONS), default=0.0)
            return model + (CUE_WEIGHT if feeling_cues(sentences[i]) else 0.0)

        ranked = sorted(range(len(sentences)), key=lambda i: -sentence_weight(sentences[i], felt(i)))
        # statements first; a message that only asks gets its question said back as a wondering
        for asked in (False, True):
            for i in ranked:
                if _is_question(sentences[i]) != asked:
                    continue
                part = key_part(sentences[i])
                if len(words(part)) < 2:
                    continue
                key = reflect_words(part) if asked else as_clause(reflect_words(part))
                if roadblocks_in(key + ("?" if asked else "")):
                    continue
                if not asked and len(words(clean)) > LONG_MESSAGE and i != 0 and len(sentences) > 2:
                    # In a long message, what brought them is usually said first: keep it too.
                    opening = as_clause(reflect_words(key_part(sentences[0])))
                    if len(words(opening)) >= 3 and not roadblocks_in(opening) and not _is_question(sentences[0]):
                        key = f"{opening}, and {key}"
                harsh = SELF_CRITICAL.search(sentences[i]) or SELF_HATE.search(sentences[i])
                options = templates["wondering"] if asked else \
                    templates["self_critical"] if SELF_CRITICAL.search(sentences[i]) else \
                    [t for t in templates["templates"] if t.get("theirs")] if harsh else templates["templates"]
                said = self._pick(options, conversation, used)["text"].format(content=key)
                # said back later (a summary, a link) it stays theirs: never "you're useless" as a fact
                return said, f"you said {key}" if harsh and not asked else key
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

    @staticmethod
    def _summary_due(conversation: Conversation) -> bool:
        """A summary is due once SUMMARY_EVERY - 1 messages with content have come since the last one."""
        since = 0
        for turn in reversed(conversation.turns):
            if any(t.startswith("m-") for t in turn.reply.templates):
                break
            since += bool(turn.key)
        return since >= SUMMARY_EVERY - 1

    def _summary(self, conversation: Conversation, feeling: Feeling | None, used: list[str]) -> str:
        points: list[str] = []
        felt: list[str] = []
        for turn in reversed(conversation.turns):
            if any(t.startswith("m-") for t in turn.reply.templates) or len(points) == SUMMARY_EVERY - 1:
                break
            wondered = any(t.startswith("w-") for t in turn.reply.templates)  # a question reads badly as a point
            if turn.key and not wondered and len(turn.key.split()) >= 3 and not any(_alike(turn.key, p) for p in points):
                tokens = turn.key.split()
                points.insert(0, turn.key if len(tokens) <= 14 else _shorten(turn.key))
                if turn.reply.feeling and turn.reply.feeling.word not in felt:
                    felt.insert(0, turn.reply.feeling.word)
        if len(points) < 2:
            return ""
        joined = ", ".join(points[:-1]) + ", and " + points[-1] if len(points) > 2 else " and ".join(points)
        said = self._pick(_responses()["conversation"]["summary"], conversation, used)["text"].format(points=joined)
        felt = [w for w in felt if (not feeling or w != feeling.word) and not w.endswith("about it")][-2:]
        if felt:
            said += " " + self._pick(_responses()["conversation"]["summary_feelings"], conversation, used)["text"] \
                .format(feelings=" and ".join(felt))
        return said

    @staticmethod
    def _pronoun(conversation: Conversation, clean: str) -> str:
        """Her, him or them: who died, from the latest message telling of a death, if only one is clear.

        Only that message counts: "my brother went back to work" after "my dad died" must never
        turn into a question about the brother as if he had died.
        """
        texts = [clean] + [t.text for t in reversed(conversation.turns[-6:])]
        told = next((t.lower() for t in texts if _A_DEATH.search(t)), "")
        she, he = len(_SHE.findall(told)), len(_HE.findall(told))
        return "her" if she and not he else "him" if he and not she else "them"

    def _question(self, topic: str | None, family: str, conversation: Conversation, used: list[str],
                  them: str = "them") -> str:
        if topic and family not in ("joy", "surprise", "mixed"):  # topic questions ask about a weight
            recent = conversation.recent_templates()
            fresh = [q for q in _responses()["topics"][topic]["questions"] if q["id"] not in recent]
            if fresh:
                return self._pick(fresh, conversation, used)["text"].format(them=them)
        return self._pick(_responses()["questions"].get(family, ()), conversation, used,
                          _responses()["questions"]["neutral"])["text"]

    def _remember(self, conversation: Conversation, clean: str, reply: Reply, key: str = "",
                  topic: str | None = None, vector: np.ndarray | None = None) -> Reply:
        if roadblocks_in(reply.reply) and not reply.crisis:
            # Never expected from our templates; if the client's words brought one in, drop them.
            reply = replace(reply, reply=" ".join(p for p in (reply.validation, reply.question) if p),
                            reflection="")
        conversation.turns.append(Turn(clean, reply, key, topic, vector))
        return reply

    def warm(self) -> None:
        """Load the models and the risk rules now, so the first replies come as quickly as the rest.

        (A cold risk check can overrun its time budget on a busy machine, and a check that
        overruns counts as a risk: the first message would get the crisis response.)
        """
        self.risk("warming up")
        self.emotions(["warming up"])
        if self.embed is not None:
            self.embed(["warming up"])

    def opening(self) -> str:
        """What the listener says first in every conversation."""
        return _responses()["conversation"]["opening"]
