"""Practice mode: a client statement from the bank, the trainee's response, and immediate feedback.

Pure. The bank (statements.toml) is written by the team, in three levels of difficulty. The next
statement is the first unseen one at the trainee's level; the level rises after three strong
responses in a row at it. Feedback says what kind of response it was, how empathic, whether it
carried the client's content and feeling, and offers a stronger alternative.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from holdspace.errors import InvalidInput, NotFound
from holdspace.language.text import normalize, words
from holdspace.practice.cues import FEELING, overlap

__all__ = ["Feedback", "Statement", "bank", "give_feedback", "next_statement", "statement"]

RESPONSE_LIMIT = 2000
STRONG = 70
LEVELS = (1, 2, 3)


@dataclass(frozen=True)
class Statement:
    id: str
    level: int
    topic: str
    feelings: tuple[str, ...]
    text: str
    about: tuple[str, ...] = ()   # what it is about, as a trainee might say it in their own words (patterns)


@cache
def bank() -> tuple[Statement, ...]:
    with (Path(__file__).parent / "statements.toml").open("rb") as f:
        data = tomllib.load(f)
    return tuple(Statement(s["id"], s["level"], s["topic"], tuple(s["feelings"]), s["text"], tuple(s.get("about", ())))
                 for s in data["statement"])


def statement(statement_id: str) -> Statement:
    for s in bank():
        if s.id == statement_id:
            return s
    raise NotFound("That practice statement isn't in the bank.")


def level_for(history: list[tuple[str, int]]) -> int:
    """The trainee's level from their attempts (statement id, score), oldest first."""
    level, streak = 1, 0
    levels = {s.id: s.level for s in bank()}
    for sid, score in history:
        if levels.get(sid) != level:
            continue
        streak = streak + 1 if score >= STRONG else 0
        if streak >= 3 and level < LEVELS[-1]:
            level, streak = level + 1, 0
    return level


def next_statement(history: list[tuple[str, int]]) -> Statement:
    """The next statement to practise on: unseen, at the trainee's level, else the least practised."""
    level = level_for(history)
    seen = [sid for sid, _ in history]
    at_level = [s for s in bank() if s.level == level]
    for s in at_level:
        if s.id not in seen:
            return s
    return min(at_level, key=lambda s: (seen.count(s.id), -seen[::-1].index(s.id) if s.id in seen else 0))


@dataclass(frozen=True)
class Feedback:
    statement_id: str
    response: str
    kind: str                  # the code's name, e.g. "Complex reflection"
    code: str
    behaviour: str
    evidence: tuple[str, ...]
    empathy: dict              # the three mechanisms with levels and spans
    content: bool              # carried the client's content
    feeling: bool              # named a feeling
    feeling_words: tuple[str, ...]
    roadblocks: tuple[dict, ...]
    score: int                 # 0–100
    notes: tuple[str, ...]
    alternative: str

    def as_dict(self) -> dict:
        return asdict(self)


#: Sentence-vector cosine above which a response is taken to carry the statement's content in other words.
CONTENT_SIMILARITY = 0.45


# Words that carry no content of their own, which the coder's overlap cue (read by the trained heads) keeps:
# "Don't worry" shares "don't" with "I don't speak to a single person" and says nothing of the evenings.
_FUNCTION = re.compile(r"\b(?:\w+'\w+|most|every|single|still|even|much|many|more|ever|never|always|really|sure|"
                       r"honestly|actually|maybe|anything|everything|something|nothing)\b", re.I)


def _without_function_words(text: str) -> str:
    return _FUNCTION.sub(" ", text)


@cache
def _about(statement_id: str) -> re.Pattern | None:
    terms = statement(statement_id).about
    return re.compile("|".join(rf"\b(?:{t})(?:s|es)?\b" for t in terms), re.I) if terms else None


def _says_about(s: Statement, response: str) -> bool:
    """Whether the response names what the statement is about in its own words ("your family", "while you still can"),
    as a complex reflection does."""
    pattern = _about(s.id)
    return bool(pattern and pattern.search(response))


def _similarity(a: str, b: str) -> float:
    try:
        from holdspace.language.embedding import encoder

        va, vb = encoder().embed([a, b])
    except Exception:  # no model: fall back to the words alone
        return 0.0
    return float(va @ vb)


# A question that carries the helper's own plan for the client ("Have you tried…?", "Why not just…?").
_SUGGESTING = re.compile(r"\b(?:have you (?:tried|thought about|considered)|why (?:don'?t you|not)|how about|"
                         r"what about (?:trying|asking|telling|talking)|could you (?:just |maybe )?(?:try|ask|tell|talk))\b",
                         re.I)


# Glad feelings; every other word in FEELING is a painful one. Naming pain to someone glad (or
# gladness to someone in pain) is a miss, however warmly it is said.
GLAD = {"calm", "excited", "glad", "happy", "hopeful", "proud", "relieved", "grateful", "thrilled", "delighted",
        "pleased", "content", "joyful", "overjoyed", "elated", "thankful"}


def _mismatched(named: tuple[str, ...], expected: tuple[str, ...]) -> tuple[str, ...]:
    """The feelings named that go against the client's: glad for pain, or pain for gladness."""
    glad_client = all(f.split()[0] in GLAD for f in expected)
    return tuple(w for w in named if w not in expected and (w in GLAD) != glad_client)


# Words that name a feeling only in a feeling's frame: "you sound down", not "poured it down the sink".
_FRAMED_ONLY = {"down", "lost", "alone", "hard", "difficult", "tough", "stuck", "pain"}
_FRAME = re.compile(r"\b(?:feel\w*|felt|sound\w*|seem\w*|you're|you are|you've been|so|really|very|quite|pretty|bit|"
                    r"rather|must be|been|be)\s+(?:\w+ly\s+|so\s+|really\s+)?$")


# Feelings a trainee says back in everyday words, beyond the coder's cue list (`cues.FEELING`, which the trained heads
# read, so it stays as it is): hurt and rejection, wear, shock, and phrases. Matched as whole words.
_MORE_FEELINGS = re.compile(r"\b(?:let (?:\w+ )?down|left out|fed up|brushed off|pushed aside|taken for granted|"
                            r"worn out|burn[et] out|on edge|dismissed|ignored|unheard|unseen|invisible|rejected|"
                            r"betrayed|heartbroken|devastated|crushed|gutted|miserable|humiliated|isolated|"
                            r"unappreciated|undervalued|overlooked|furious|livid|drained|powerless|worthless|"
                            r"inadequate|shocked|stunned|grieving|dreading|uncertain|unsure|pleased|delighted|"
                            r"thrilled|grateful|thankful|joyful|elated|overjoyed)\b")


# A feeling word the trainee tells the client not to have ("don't worry", "no need to be scared") names none of theirs.
_TOLD_NOT_TO = re.compile(r"\b(?:don'?t|do not|no need to|nothing to|never|stop|try not to|should|shouldn'?t|ought to|must|"
                          r"need to|have to)\s+(?:you\s+)?(?:be\s+|feel\s+)?"
                          r"(?:so\s+|too\s+)?[a-z]+", re.I)


def _feeling_words(response: str, expected: tuple[str, ...]) -> tuple[str, ...]:
    low = _TOLD_NOT_TO.sub(lambda m: " " * len(m.group()), response.lower())
    found = [f for f in expected if re.search(rf"\b{re.escape(f.split()[0][:6])}", low)]
    for m in re.finditer(r"[a-z']+", low):
        w = m.group()
        if w in FEELING and w not in found and (w not in _FRAMED_ONLY or _FRAME.search(low[:m.start()])):
            found.append(w)
    found += [w for w in (re.sub(r"^let \w+ down$", "let down", m.group()) for m in _MORE_FEELINGS.finditer(low))
              if w not in found]
    return tuple(found)


# How a statement's feeling is said back to a client, where the bank's label is not how one would say it;
# labels that are an observer's judgement ("defensive", "in denial") are not said back at all.
_SAID_AS = {"ambivalent": "torn", "grieving": "full of grief", "mistrustful": "wary", "sceptical": "doubtful"}
_NOT_SAID = {"testing", "in denial", "missing", "justified", "loyal", "defensive", "bitter", "envious", "jealous"}


def _feeling_said(s: Statement) -> str:
    said = [_SAID_AS.get(f, f) for f in s.feelings if f not in _NOT_SAID][:2]
    return f"It sounds like you're feeling {' and '.join(said)}." if said else ""


def _alternative(s: Statement) -> str:
    """A response that carries the statement's content and names its feeling, then asks one open question."""
    from holdspace.listening.listener import Listener
    from holdspace.listening.memory import Conversation
    from holdspace.listening.pronouns import to_second_person
    from holdspace.safety.assessment import Assessment

    # "I can barely get us out of the door" said back is "you can barely get you out…": a client's "us" after their
    # own "I" in the same clause is everyone in the house, so it is said back as "everyone".
    text = re.sub(r"(\bI\b[^.,;:!?]*?)\bus\b", r"\1everyone", s.text)
    try:
        reply = Listener().respond(Conversation(), text)
        if reply.crisis or not reply.reflection:
            # an invented client's statement, read for a trainee: the example is a reflection, not the crisis
            # response a client's own words at risk would get
            reply = Listener(risk=lambda text: Assessment("none")).respond(Conversation(), text)
    except Exception:  # the model is missing: fall back to the bank's own words
        reply = None
    if reply is not None and reply.reflection and not reply.crisis:
        named = set(_feeling_words(reply.reflection, s.feelings))
        if named & set(s.feelings) or not _feeling_said(s):
            return " ".join(p for p in (reply.reflection, reply.validation, reply.question) if p)
        return " ".join(p for p in (reply.reflection, _feeling_said(s), reply.question) if p)
    said = to_second_person(text)
    said = f"You're saying {said[0].lower()}{said[1:]}" if said.startswith(("You ", "Your ")) else said
    return f"{said} {_feeling_said(s)} What's that been like for you?".replace("  ", " ")


# "I know (exactly) how you feel": a claim on the client's experience that turns the talk to the helper.
_KNOW_EXACTLY = re.compile(r"\bi know (?:exactly |just )?how you(?:'re| are)? feel(?:ing)?\b", re.I)
_ABOUT_ME = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b", re.I)
_ABOUT_YOU = re.compile(r"\byou(?:r|'re|'ve|'d|'ll|rself)?\b", re.I)


_ASKS_PERMISSION = re.compile(r"\b(?:would it be (?:okay|ok|all right|alright) if i|(?:can|could|may) i (?:share|offer|suggest|tell)|"
                              r"would you (?:like|mind) (?:to hear|if i|some)|do you mind if i)\b", re.I)


def _turns_back(text: str) -> bool:
    """Whether some sentence is about the client alone: "you", and no "I" or "my" of the helper's."""
    from holdspace.language.text import split_sentences

    return any(_ABOUT_YOU.search(s) and not _ABOUT_ME.search(s) for s in split_sentences(text) or [text])


def give_feedback(statement_id: str, response: str, *, alternative: bool = True) -> Feedback:
    """Read a trainee's response to a bank statement, kindly and specifically."""
    from holdspace.practice.coding import code_utterances
    from holdspace.practice.empathy import read_empathy

    s = statement(statement_id)
    text = normalize(response or "")
    if not text:
        raise InvalidInput(fields={"response": "Type what you would say to this client; even one sentence is enough."})
    if len(text) > RESPONSE_LIMIT:
        raise InvalidInput(fields={"response": f"Keep it to what you'd say in one turn (up to {RESPONSE_LIMIT:,} "
                                               f"characters; this has {len(text):,})."})
    coded = code_utterances([text], [s.text])[0]
    empathy = read_empathy(s.text, text)
    share, reused = overlap(_without_function_words(text), _without_function_words(s.text))
    content = (reused >= 0.12 or share >= 0.3 or _says_about(s, text)
               or _similarity(s.text, text) >= CONTENT_SIMILARITY)
    named = _feeling_words(text, s.feelings)
    wrong = _mismatched(named, s.feelings)
    feels = tuple(w for w in named if w not in wrong)
    notes = []
    score = 0
    if coded.behaviour == "reflection":
        score += 35 if coded.code in ("complex_reflection", "summary") else 25
    elif coded.code == "affirmation":
        score += 25  # a validation ("it makes sense you'd feel…") does a reflection's work, and warms it
    elif coded.code == "open_question":
        score += 20
    elif coded.behaviour == "question" and _ASKS_PERMISSION.search(text):
        score += 8  # asking before offering is right; it still comes best after a reflection
        notes.append("Asking permission before you offer an idea keeps the choice with the client; "
                     "it lands best after a reflection that shows you've understood.")
    elif coded.behaviour == "question":
        score += 8
        notes.append("A closed question narrows what the client can say; try an open one or a reflection.")
    if coded.behaviour == "question" and _SUGGESTING.search(text):
        notes.append("That is a suggestion put as a question: the client hears what you think they should do. "
                     "Reflect what they said first; offer ideas later, with permission.")
    else:
        score += 5
    score += 20 if content else 0
    score += 20 if feels else 0
    score += 5 * min(empathy.total, 5)
    if coded.roadblocks:
        score = max(0, score - 30)
        for r in coded.roadblocks:
            notes.append(f"{r.name}: “{r.words}”. {r.instead}")
    if coded.code == "advice_without_permission":
        score = max(0, score - 20)
        notes.append("Advice before understanding tends to meet a “yes, but”. Reflect first; offer ideas with permission.")
    if coded.code == "self_disclosure" and (len(words(text)) > 15 or not _turns_back(text)):
        score = max(0, score - 10)
        notes.append("Sharing your own story helps when it is brief and turns straight back to the client: "
                     "one sentence about you, then one about them.")
    if _KNOW_EXACTLY.search(text):
        notes.append("“I know how you feel” moves the spotlight to you, and no one quite knows another's feeling: "
                     "say what you hear them feeling instead.")
    if not content:
        notes.append("Bring in what the client actually told you, in their words or close to them.")
    if wrong:
        notes.append(f"You named “{wrong[0]}”, but this client sounds {' or '.join(s.feelings[:2])}: "
                     f"check the feeling against their words before you name it.")
    elif not feels:
        notes.append(f"Name the feeling you hear — perhaps {' or '.join(s.feelings[:2])}.")
    if text.lower().startswith("why"):
        notes.append("“Why” can sound like a demand to justify; “what” invites the story.")
    if not (content and feels):
        score = min(score, STRONG - 5)  # strong means the client's content and feeling both came back to them
    if not notes:
        notes.append("This carries the content and the feeling. Stay with it: a pause after a reflection like this lets the client go deeper.")
    # a roadblock is what the client hears first, whatever the utterance's form
    kind = f"{coded.roadblocks[0].name} (a roadblock)" if coded.roadblocks else coded.name
    return Feedback(s.id, text, kind, coded.code, coded.behaviour, coded.evidence, empathy.as_dict(),
                    content, bool(feels), feels,
                    tuple({"kind": r.kind, "name": r.name, "words": r.words, "instead": r.instead}
                          for r in coded.roadblocks),
                    min(100, score), tuple(notes), _alternative(s) if alternative else "")
