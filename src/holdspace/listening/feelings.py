"""A plain feeling word, at a fitting intensity, for what the emotion model detected.

The words and the cues that turn a feeling up or down live in feelings.toml. The intensity
starts from the model's confidence (mild below 0.5, moderate above) and moves one step for an
intensifier ("so", "really", "!!", a word in capitals) or a softener ("a bit", "kind of"). The strongest
word takes both: the model sure of the feeling (0.8 or more) and an intensifier in the words.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from holdspace.language.emotions import LABELS, Emotions
from holdspace.listening.signals import without_independence

__all__ = ["CUE_WEIGHT", "GLAD_LABELS", "INTENSITIES", "Feeling", "at_its_strongest", "denied_cues", "feeling_cues",
           "feeling_for", "feelings_table", "intensity_cues", "negated", "someone_elses", "unfelt"]

#: How much a cue word in the message adds to its label's score when choosing a feeling.
CUE_WEIGHT = 0.35

INTENSITIES = ("mild", "moderate", "strong")


@dataclass(frozen=True)
class Feeling:
    """The word to say back, the label it stands for, its intensity and why."""

    word: str
    label: str
    intensity: str
    cues: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"word": self.word, "label": self.label, "intensity": self.intensity,
                "cues": list(self.cues)}


@cache
def feelings_table() -> dict:
    """feelings.toml: the feeling words by label, the cues, and the client's own words."""
    table = tomllib.loads((Path(__file__).parent / "feelings.toml").read_text(encoding="utf-8"))
    missing = set(LABELS) - {"neutral"} - set(table["words"])
    if missing or any(len(w) != len(INTENSITIES) for w in table["words"].values()):
        raise ValueError(f"feelings.toml needs three words for each label; missing: {sorted(missing)}")
    return table


@cache
def _cue_pattern(kind: str) -> re.Pattern:
    phrases = sorted(feelings_table()["cues"][kind], key=len, reverse=True)
    return re.compile(r"(?<![\w'])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w'])"
                      + (_NOT_AFTER_SO if kind == "stronger" else ""))


# "so" joins clauses as often as it intensifies: skip it before these words or at a clause end.
_NOT_AFTER_SO = (r"(?:(?<!\bso)|(?<=\bso)(?!\s*(?:[,.;:!?]|$|i\b|we\b|you\b|he\b|she\b|they\b|it\b|"
                 r"that\b|the\b|a\b|what\b|if\b|far\b|now\b|then\b|yeah\b|and\b|is\b|was\b|do\b|did\b)))")


def at_its_strongest(feeling: Feeling, text: str) -> bool:
    """Whether a feeling is at its strongest: by the model, or in the client's own word when that word
    is one of the strongest ("terrified", "devastated") or said with an intensifier ("absolutely terrified")."""
    if feeling.intensity != "theirs":
        return feeling.intensity == "strong"
    strongest = {w[-1] for w in feelings_table()["words"].values()}
    return feeling.word in strongest or intensity_cues(_without_feeling_cues(text))[0] > 0


# A word typed long ("soooo", "reallyyy") is the same intensifier as the short one.
_STRETCHED = re.compile(r"\b(s)o{2,}\b|\b(reall)y{2,}\b|\b(ver)y{2,}\b", re.I)


def intensity_cues(text: str) -> tuple[int, tuple[str, ...]]:
    """Return how many steps the wording moves a feeling (-1, 0 or +1) and the cues found."""
    text = _STRETCHED.sub(lambda m: (m[1] and m[1] + "o") or (m[2] and m[2] + "y") or m[3] + "y", text)
    lower = text.lower()
    down = _cue_pattern("softer").findall(lower)
    # the "really" of "I don't really know" hedges; it doesn't intensify
    up = _cue_pattern("stronger").findall(_cue_pattern("softer").sub(lambda m: " " * len(m.group(0)), lower))
    if "!!" in text:
        up.append("!!")
    shouted = [w for w in re.findall(r"\b[A-Z]{3,}\b", text) if w not in {"OK", "TV", "USA", "ADHD", "PTSD", "OCD"}]
    if shouted:
        up.append(shouted[0])
    step = (1 if up else 0) - (1 if down else 0)
    return step, tuple(dict.fromkeys(up + down))


# A negation reaches at most two words on, and never past a comma or the end of a sentence:
# "not angry, just tired" is tired. "I used to love this job" tells of a love that is gone, not one felt now.
# Typed without the apostrophe ("i dont even feel sad anymore") it is the same denial.
_NEGATION = re.compile(r"\b(?:not|never|no|isn't|aren't|wasn't|don't|didn't|doesn't|n't|nor|without|(?:i|we) used to|"
                       r"dont|didnt|doesnt|isnt|arent|wasnt|nothing to)"
                       # (never past a "but": "it's not much but it's mine" is theirs, and glad)
                       # ("it's not that i'm sad": "i'm" one word)
                       r"[^\w,;:.!?]+(?:(?!but\b|yet\b)\w+(?:'\w+)?[^\w,;:.!?]+){0,2}$")
# "No one really knows me", "I don't think anyone cares": the negation is the feeling, not its absence.
_NOBODY = re.compile(r"\b(?:no one|anyone|anybody)\b")


# "I should be proud", "I had to fake being excited", "I thought I'd be happy", "I just want to be happy":
# a feeling expected, pretended or wished for, not one felt. Named back, it would tell them what they
# told us they don't feel.
_UNFELT = re.compile(r"\b(?:should(?:n'?t)?|ought to|supposed to|meant to|expected to|(?:thought|think) i'?d|"
                     r"(?:thought|think) i (?:would|will)|want(?:ed)? to|wish i (?:was|were|could)|pretend(?:ing|ed)? to|"
                     r"pretend(?:ing|ed)?|fake|faking|faked|act(?:ing|ed)?|force(?:d)? myself to|"
                     # "my mum said she only wants me to be happy": her wish for them, not what they feel
                     r"(?:wants?|wanted|needs?|expects?|expected) (?:me|us) to)"
                     r"\s+(?:(?:be|feel|being|feeling|look|looking|seem)\s+)?(?:\w+\s+)?$")


def unfelt(lower: str, start: int) -> bool:
    """Whether the feeling word at `start` is denied, or only expected, pretended or wished for."""
    return negated(lower, start) or bool(_UNFELT.search(lower[max(0, start - 40):start]))


def negated(lower: str, start: int) -> bool:
    """Whether the words just before `start` deny what follows ("not sad", "never lonely")."""
    before = lower[max(0, start - 40):start]
    found = _NEGATION.search(before)
    return bool(found) and not _NOBODY.search(found.group(0))


# "Everyone is so happy", "he was proud of me", "my sister's excited": someone else's feeling, not the client's.
_SOMEONE_ELSE_FEELS = re.compile(
    r"\b(?:he|she|they|everyone|everybody|people|someone|somebody|nobody|no one|(?:my|his|her|their|our|the)\s+\w+)"
    r"(?:\s+(?:all|both))?"  # "they all looked so happy"
    r"(?:'s|'d\s+(?:be|feel|get)|\s+(?:is|was|were|are|seems?|seemed|looks?|looked|felt|feels?|got|gets|became|sounds?|"
    r"sounded|acts?|acted|(?:is |are |was |were )?(?:acting|pretending to be)|pretends? to be|pretended to be|"
    r"(?:would|will|might|could|must|may)(?:\s+(?:be|feel|get|have been))|"
    # "she can't manage alone anymore": her being alone, not the client's loneliness
    r"(?:can'?t|cannot|couldn'?t|can|could|won'?t)\s+(?:manage|cope|live|stay|be left|be)))"
    r"(?:\s+(?:been|so|really|very|super|quite|pretty|all|too|just|always|never|\w+ly)){0,2}\s+$")


#: Every label that is a glad or warm feeling (the rest are painful, or no feeling to say back).
GLAD_LABELS = frozenset({"admiration", "amusement", "approval", "caring", "desire", "excitement", "gratitude", "joy",
                         "love", "optimism", "pride", "relief"})


# "I want her to be proud", "he'd be angry": a feeling wished on or expected of someone else.
_SOMEONE_ELSE_TO_FEEL = re.compile(r"\b(?:him|her|them|you|someone|somebody|people|everyone|(?:my|his|her|their)\s+\w+)"
                                   r"\s+to\s+(?:be|feel|get)(?:\s+\w+)?\s+$|\b(?:he|she|they)(?:'d|\s+would|\s+will|'ll)"
                                   r"\s+(?:be|feel|get)(?:\s+\w+)?\s+$")
# "proud of me", "angry with me", "happy for me": someone else's feeling about the client.
_ABOUT_ME = re.compile(r"\s+(?:of|for|with|at)\s+me\b")
# "my partner checks my phone and gets angry": a clause with no subject of its own shares the one before.
_NO_SUBJECT = re.compile(r"^\s*(?:gets|got|get|is|was|seems|seemed|looks|looked|becomes|became|goes|went|sounds|sounded)\b")
_THIRD_PARTY_SUBJECT = re.compile(r"^\s*(?:he|she|they|everyone|everybody|people|someone|somebody|(?:my|his|her|their|the)\s+\w+)\b")


def someone_elses(lower: str, start: int) -> bool:
    """Whether the feeling word at `start` is said of someone else ("everyone is so happy", "proud of me")."""
    sentence = re.split(r"[;:.!?]", lower[max(0, start - 80):start])[-1]
    clauses = re.split(r",|\band\b|\bbut\b", sentence)
    clause = clauses[-1]
    word_end = re.match(r"[a-z]*", lower[start:]).end()
    if _NO_SUBJECT.match(clause) and len(clauses) > 1 and _THIRD_PARTY_SUBJECT.match(clauses[-2]):
        return True
    if lower[start:start + word_end] in _FEELING_VERBS and _SOMEONE_ELSE_DOES.search(" " + clause):
        return True  # "she'd just worry"
    return bool(_SOMEONE_ELSE_FEELS.search(" " + clause) or _SOMEONE_ELSE_TO_FEEL.search(" " + clause)
                or _ABOUT_ME.match(lower, start + word_end))


@cache
def _label_patterns() -> dict[str, re.Pattern]:
    return {label: re.compile(r"(?<![\w'])(" + "|".join(re.escape(c.lower()) for c in cues) + r")(?![\w'])")
            for label, cues in feelings_table()["cues"]["labels"].items()}


@cache
def _not_cues() -> re.Pattern:
    phrases = sorted(feelings_table()["cues"]["not_cues"]["phrases"], key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w'])")


# Cue words that are things people do ("worry", "cry"), and someone else doing them ("she'd just worry").
_FEELING_VERBS = frozenset({"worry", "worries", "worrying", "cry", "cries", "crying", "cried", "panic", "stress",
                            "stressed", "worried", "scared", "upset", "hurt", "hurts",
                            # "the garden she loved": her love, not the client's
                            "love", "loves", "loved", "hate", "hates", "hated"})
_SOMEONE_ELSE_DOES = re.compile(r"\b(?:he|she|they|(?:my|his|her|their) \w+)(?:'d|'ll|'s| would| will| might| just| always|"
                                r" only| really| gets?| got| be| get| was| is| started| starts| began| kept| keeps)*\s+$")
_APOSTROPHES = {"dont": "don't", "cant": "can't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
                "wasnt": "wasn't", "havent": "haven't", "hasnt": "hasn't", "couldnt": "couldn't", "wouldnt": "wouldn't",
                "shouldnt": "shouldn't", "arent": "aren't", "werent": "weren't", "im": "i'm", "ive": "i've", "its": "it's"}
_NO_APOSTROPHE = re.compile(r"\b(" + "|".join(_APOSTROPHES) + r")\b")


def _with_apostrophes(lower: str) -> str:
    """ "dont know a single person" typed as people type it: the cues are written "don't"."""
    return _NO_APOSTROPHE.sub(lambda m: _APOSTROPHES[m.group(1)], lower)


def feeling_cues(text: str) -> dict[str, list[str]]:
    """Return label -> the cue words for it found in the text, skipping negated ones and those
    inside a phrase that means something else ("keeps me going")."""
    return {label: list(found) for label, found in _feeling_cues(text)}


@lru_cache(maxsize=256)
def _feeling_cues(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """feeling_cues, once per text: a reply asks about the same message and its pieces several times."""
    lower = without_independence(_not_cues().sub(lambda m: " " * len(m.group(0)), _with_apostrophes(text.lower())))
    found: dict[str, list[str]] = {}
    own = feelings_table()["own"]
    for label, pattern in _label_patterns().items():
        for match in pattern.finditer(lower):
            # a feeling word only expected or pretended ("should be proud") is no cue; "I don't want to be a
            # burden" still fears being one
            denied = unfelt if match.group(1) in own else negated
            if match.group(1) in _FEELING_VERBS and _SOMEONE_ELSE_DOES.search(lower[max(0, match.start() - 40):match.start()]):
                continue  # "she'd just worry": her worry, not the client's
            if not denied(lower, match.start()) and not (match.group(1) in own and someone_elses(lower, match.start())):
                found.setdefault(label, []).append(match.group(1))
    return tuple((label, tuple(cues)) for label, cues in found.items())


def denied_cues(text: str) -> set[str]:
    """Labels whose cue words are there only denied or past ("I used to love this job", "I don't enjoy
    it any more"): the model hears the word, but the feeling is the one gone."""
    lower = text.lower()
    return {label for label, pattern in _label_patterns().items()
            if (starts := [m.start() for m in pattern.finditer(lower)]) and all(unfelt(lower, s) for s in starts)}


def _without_feeling_cues(text: str) -> str:
    """The text with its feeling phrases blanked: the "really" of "nobody really knows me" names
    the loneliness; it doesn't make it stronger."""
    lower = text.lower()
    if len(lower) != len(text):
        return text
    kept = list(text)
    for pattern in _label_patterns().values():
        for match in pattern.finditer(lower):
            kept[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(kept)


def feeling_for(emotions: Emotions, text: str = "", avoid: frozenset[str] | set[str] = frozenset()) -> Feeling | None:
    """Name the client's own feeling word if they used one, else the strongest non-neutral label.

    None when neither is there (the text reads as neutral). Labels in `avoid` (the client
    said that was not it) are never named, in their words or ours.
    """
    from holdspace.listening.own_words import denied_labels, own_word  # (own_words reads the cues defined here)

    avoid = set(avoid) | (denied_labels(text) if text else set())
    felt = [label for label in emotions.labels if label != "neutral" and label not in avoid]
    theirs = own_word(text) if text else None
    if theirs and theirs[1] not in avoid:
        return Feeling(theirs[0], theirs[1], "theirs", ())
    if not felt:
        return None
    label = felt[0]
    score = emotions.scores[label]
    level = 0 if score < 0.5 else 2 if score >= 0.8 else 1
    step, cues = intensity_cues(_without_feeling_cues(text)) if text else (0, ())
    if level == 2 and step <= 0 and text:
        # the model's certainty says which feeling it is, not how strong: "i miss my old school" (sadness 0.84)
        # is sad, not devastated. The strongest word needs their words to say so too ("so", "really", "!!").
        level = 1
    # "so", "really", "SO" lift a mild word one step, never to the strongest: "he is being so selfish and it
    # hurts" is not "devastated", and "im so bored" is not "down" made "sad" made "devastated". Only the
    # model's own certainty names a feeling at its strongest.
    level = min(max(level + step, 0), max(level, 1))
    return Feeling(feelings_table()["words"][label][level], label, INTENSITIES[level], cues)
