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

from holdspace.language.emotions import LABELS, Emotions, family_of
from holdspace.listening.signals import without_independence
from holdspace.listening.strain import PHRASE_LABELS, STRAIN_PHRASES, TURNS_GLAD

__all__ = ["CUE_WEIGHT", "GLAD_LABELS", "INTENSITIES", "Feeling", "at_its_strongest", "denied_cues", "denied_labels", "feeling_cues", "feeling_for", "intensity_cues", "negated", "others_labels", "own_word", "own_words",
           "someone_elses"]

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
def _table() -> dict:
    table = tomllib.loads((Path(__file__).parent / "feelings.toml").read_text(encoding="utf-8"))
    missing = set(LABELS) - {"neutral"} - set(table["words"])
    if missing or any(len(w) != len(INTENSITIES) for w in table["words"].values()):
        raise ValueError(f"feelings.toml needs three words for each label; missing: {sorted(missing)}")
    return table


@cache
def _cue_pattern(kind: str) -> re.Pattern:
    phrases = sorted(_table()["cues"][kind], key=len, reverse=True)
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
    strongest = {w[-1] for w in _table()["words"].values()}
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
# Ways of saying numb or cut off without a feeling word: said back in one plain word.
_OWN_PHRASES = (
    (re.compile(r"\b(?:i (?:just )?(?:feel|felt)|i'?m feeling|feeling) (?:like )?(?:nothing|numb)\b|"
                r"\bi (?:don'?t|can'?t|didn'?t|couldn'?t) (?:really )?feel (?:anything|a thing)\b"), "numb"),
    (re.compile(r"\b(?:i (?:just )?(?:feel|felt)|i'?m feeling|feeling) (?:so |really |completely |kind of )?"
                r"(?:empty|hollow)\b"), "empty"),
    (re.compile(r"\b(?:so |really )?(?:far away|far|distant|cut off) from (?:everyone|everybody|everything|people)\b|"
                r"\bwatching (?:my|our) (?:own )?life\b|\bthrough (?:a )?glass\b|"
                r"\b(?:i (?:just )?(?:feel|felt)|i'?m feeling|feeling|i'?m) (?:so |really |kind of )?"
                r"(?:disconnected|detached)\b"), "disconnected"),
    # "I haven't slept more than 2 hours in a row", "running on no sleep": exhausted, in other words
    (re.compile(r"\b(?:i (?:have|haven'?t|havent|hadn'?t)(?: really)? (?:not )?slept|(?:haven'?t|havent) "
                r"(?:had )?(?:any )?(?:slept|sleep)|running on (?:no|zero|empty)(?: sleep)?|no sleep|(?:can'?t|cant) "
                r"remember the last time i slept|running on fumes)\b|"
                # "i've been sleeping really badly", "3 hours a night"
                r"\b(?:sleeping|slept|sleep) (?:so |really |very |super |terribly |awfully )?(?:badly|terribly|awfully|horribly|"
                r"rubbish|like crap|like shit)\b|\b(?:barely|hardly|(?:haven'?t|havent|not) been) sleeping\b|"
                r"^\W*(?:only |maybe |like |about |barely )?(?:\d+|one|two|three|four|a couple of|a few) hours? (?:of sleep )?"
                r"(?:a|per|each) night\b"), "exhausted"),
    # "my car broke down" told on its own: a setback, which the model hears as a low ("sad ... a lot to carry")
    (re.compile(r"^\W*(?:my|our|the) (?:car|van|boiler|bike|washing machine) (?:just |has |had |completely )?(?:broke down|broken down|"
                r"died|won'?t start|wouldn'?t start|packed in)(?: (?:again|today|this morning|last night|yesterday|on the way to "
                r"work|on the motorway|on the way home))*\W*$"), "frustrated"),
    # "i can't believe how fast it went" (a child starting school), "where did the time go": glad and sad at once
    *((re.compile(r"\bhow (?:fast|quickly|quick) (?:it|it all|the time|time|the years|(?:they|he|she)(?:'ve| have| has)?) "
                  r"(?:has |have |all )?(?:went|goes|gone|flew|flies|flown|grew up|grow up|grown(?: up)?|went by|goes by|gone by)\b"
                  r"(?! (?:downhill|down|wrong|bad|badly|south|off the rails))|"
                  r"\bwhere (?:did|has|have) (?:the|all the) (?:time|years) (?:go|gone)\b|"
                  r"\b(?:grown|growing|grew|grow) up (?:so |too )?(?:fast|quickly)\b|"
                  # a child leaving for university ("my daughter is going off to uni next week"): a milestone, not a loss
                  r"\b(?:my|our) (?:son|daughter|kid|child|boy|girl|youngest|eldest|oldest|baby)(?:'s| is)? (?:\w+ )?(?:going|off|leaving|"
                  r"leaves|heading|moving|starting|starts)(?: off| away)? (?:to |for )?(?:university|uni|college)\b|"
                  # ...or starting school ("my son starts school next week")
                  r"\b(?:my|our) (?:son|daughter|kid|child|boy|girl|youngest|eldest|oldest|baby)(?:'s| is)? (?:starting|starts) "
                  r"(?:big |primary |secondary |high )?(?:school|nursery|reception|kindergarten|preschool)\b"
                  r"(?![^.!?]*\b(?:dread|scared|worried|nervous|anxious|terrified|afraid))"), word)
      for word in ("proud", "a little sad")),
    # "i don't even want to go anymore" (to the gym, to school), "i just want to give up": worn down, pulling back;
    # never "irritated"
    (re.compile(r"\bi (?:don'?t|dont|do not) (?:even |really )?(?:want|wanna) to (?:go|try|bother|do (?:it|anything))"
                r"(?: \w+){0,3}? (?:anymore|any more)\b|\bi (?:just |really |kind of |kinda )?(?:want to|wanna|feel like)"
                r" giv(?:e|ing) up\b(?! on (?:life|living|everything))"), "discouraged"),
    # "i walked home feeling lighter than i have in ages", "i can breathe again", "felt free": a weight gone
    (re.compile(r"\b(?:feel|felt|feeling) (?:so |so much |much |a lot |a bit |really |actually |way )?lighter\b"), "lighter"),
    (re.compile(r"\b(?:i (?:feel|felt) like )?i can (?:finally |actually )?breathe again\b|\b(?:a |the |this )?(?:massive |huge |"
                r"big )?weight (?:is|has) (?:gone|lifted)\b|\bweight (?:off|lifted off) my shoulders\b"), "relieved"),
    (re.compile(r"\b(?:feel|felt|feeling) (?:so |really |finally )?free\b(?! to\b)"), "free"),
    # "ive just been feeling off lately": not right, without a name for it
    (re.compile(r"\b(?:i (?:just )?(?:feel|felt)|i'?ve (?:just )?been feeling|been feeling|i'?m feeling|feeling) "
                r"(?:a (?:bit|little) |kind of |kinda |so |really |just )?off\b(?! (?:to|work|sick|school|the)\b)"),
     "off"),
    # "i feel weirdly flat about it", "feeling a bit meh": flat, even about good news
    (re.compile(r"(?:\bi (?:just )?(?:feel|felt)|^\W*(?:just )?(?:feel|felt)|\bi'?m feeling|\bfeeling|\bi'?m|\bim) (?:\w+ly |so |really |kind of |kinda |a bit |"
                r"just )?(?:flat|meh|blah|bleh)\b"), "flat"),
    # "i am SO sick of it", "im fed up with her": their own word for it
    (re.compile(r"\b(?:i'?m|im|i am) (?:so |really |completely |totally |just |getting |sick and )?(?:sick of|fed up)\b"),
     "fed up"),
    # "he said i'm too much", "she told me i was too needy": a verdict from someone close, and it wounds
    (re.compile(r"\b(?:said|says|told me|tells me|called me) (?:that )?(?:i'?m|im|i am|i was) (?:way |just |always )?"
                r"(?:too much|too needy|too sensitive|too clingy|too emotional|a lot to deal with|hard to love)\b|"
                # "my boss said my work wasn't good enough": a verdict on what they made or did
                r"\b(?:said|says|told me) (?:that )?my \w+ (?:was|is|wasn'?t|isn'?t|was not|is not) (?:\w+ )?(?:good enough|"
                r"rubbish|terrible|awful|crap|useless|a mess|sloppy)\b"), "hurt"),
    # "nobody gets it, they think im being lazy": not believed, not understood
    (re.compile(r"\b(?:nobody|no one|noone|no-one) (?:\w+ )?(?:gets it|understands|believes me|gets what)\b|"
                r"\b(?:think|thinks|say|says) (?:i'?m|im|i am) (?:just )?(?:being lazy|faking|making it up|exaggerating)\b"),
     "misunderstood"),
    # "i keep cancelling plans because i just dont have the energy": worn out, not irritated
    (re.compile(r"\b(?:i )?(?:just )?(?:don'?t|dont|do not|never) have (?:the|any) energy\b|\b(?:i have|i've got|ive got) "
                r"(?:no|zero) energy\b"), "drained"),
    # "i dont know how to tell my parents", "how im going to tell my wife": news still to be told, and dreaded
    (re.compile(r"\b(?:don'?t|dont|do not) (?:even |really )?know how (?:to|i'?m (?:going to|gonna)|im (?:going to|gonna)|i'?ll|i will|i can) "
                r"(?:ever )?(?:tell|break it to) (?:my|him|her|them|anyone|everyone|people|mum|mom|dad|the)\b|"
                # "i dont know how to bring it up without a fight"
                r"\b(?:don'?t|dont|do not) know how to (?:bring (?:it|this|that) up|raise (?:it|this|that)|ask (?:him|her|them)|"
                r"talk to (?:him|her|them|my \w+) about)\b"), "worried"),
    # "everything feels pointless lately": no point or meaning left in anything
    (re.compile(r"\b(?:everything|it all|life|nothing|anything) (?:\w+ )?(?:feels|seems|is|feel) (?:so |just |kind of |kinda |"
                r"completely |totally )?(?:pointless|meaningless)\b|\bnothing (?:really )?matters (?:anymore|any more)\b"),
     "hopeless"),
    # "i honestly thought i failed" (and passed): a fear that was, and was not borne out
    (re.compile(r"\bi (?:honestly |really |genuinely |actually |seriously )?(?:thought|was sure|was convinced) "
                r"(?:i'?d|id|i|i had) (?:completely |totally )?(?:failed|bombed|flunked|messed (?:it|them|that) up)\b"),
     "relieved"),
    # "im actually buzzing": glad, in British English (a phone buzzing is no feeling)
    (re.compile(r"\b(?:i'?m|im|i am|i was|we'?re|we are|feeling|still) (?:\w+ )?buzzing\b"), "buzzing"),
    # "i'm just falling apart", "im a wreck": more than they can hold
    (re.compile(r"\b(?:i'?m|im|i am|i feel like i'?m|i feel like im) (?:just |completely |totally |kind of |kinda |"
                r"literally |honestly )?(?:falling apart|breaking down|a wreck|an absolute wreck|a mess)\b|"
                # "i don't think i can keep this up much longer"
                r"\b(?:i (?:don'?t|dont) think i can|i can'?t|i cant|i cannot) keep (?:this|it|going like this) up\b"), "overwhelmed"),
    # "i havent had a day off in weeks": worn down by going on without a break, not let down
    (re.compile(r"\b(?:haven'?t|havent|have not|not|hasn'?t been|never) (?:had )?(?:a|one|a single) (?:day|weekend|night|minute|break)"
                r"(?: off| to myself| for myself)? (?:in|for) (?:weeks|months|ages|forever|a long time)\b"), "worn out"),
    # "everything feels like too much", "it's all too much": more than they can hold
    (re.compile(r"\b(?:everything|it all|all of it|it'?s all|its all|life|things)(?:'s| is| feels| felt| seems| has been)?"
                r"(?: (?:like|just|all|getting|becoming|so))* (?:way |far |a bit |kind of )?too much\b"), "overwhelmed"),
    # "i just want to sleep" (after "everything feels like too much"): worn out, not a longing; a wish never to wake
    # is the risk check's, and never said back as tiredness
    (re.compile(r"\bi (?:just |really |only )?(?:want|wanna|need) to (?:sleep|go to bed|stay in bed|crawl into bed|lie down)\b"
                r"(?! (?:forever|for ever|for good|and (?:never|not)|with|over|on)\b)"), "worn out"),
    # "i keep comparing myself to everyone on instagram": measured against others and coming off worse
    (re.compile(r"\bcompar(?:e|es|ed|ing) myself (?:to|with|against)\b|\b(?:don'?t|dont|never|not) measur(?:e|ing) up\b"),
     "not good enough"),
    # "im 29 and still living with my parents": where they are in life, not yet where they hoped to be
    (re.compile(r"\bstill (?:living|live|at home) with (?:my )?(?:parents|mum|mom|dad|folks)\b|"
                r"\b(?:behind (?:everyone|in life)|(?:everyone|people) my age)\b|"
                # "i just feel stuck", "going nowhere", "in a rut" (not "stuck in traffic": only said of life or of them)
                r"\b(?:(?:i (?:just )?(?:feel|felt)|feeling) (?:like i'?m )?|(?:i'?m|im|i am) (?:\w+ )?)(?:so |really |just |kinda |a bit )?"
                r"stuck(?= *(?:$|[.,!?;]|and\b|but\b| in (?:life|a rut|my life|a loop)))|\bgoing nowhere\b|\bin a rut\b"),
     "stuck"),
    # "i can't believe she's gone": the shock of a death, and the grief in it
    (re.compile(r"\b(?:can'?t|cannot|cant) (?:believe|accept)(?: that)? (?:she|he|they|my (?:mum|mom|dad|nan|gran|grandma|grandad|"
                r"grandpa|brother|sister|wife|husband|partner|son|daughter|friend|best friend|dog|cat|baby))(?:'s|s|'re| is| are| has| have)? "
                r"(?:really |actually |just )?(?:gone|dead|died|passed(?: away)?)\b"), "shocked and heartbroken"),
    # "what's the point of even trying", "why do I even bother": worn down by trying, said in a question
    (re.compile(r"\b(?:what'?s|whats|what is) the (?:point|use)(?: (?:of|in) (?:\w+ ){0,2}(?:trying|bother\w*|applying|"
                r"going|doing|caring|studying|revising))?\b(?! of (?:talking|writing|speaking|typing))|"
                r"\bwhy (?:do|should|would|even) (?:i )?(?:even )?(?:bother|try)\b|\bwhy bother\b"), "discouraged"),
)


# Good news, in which the same words are the trouble left behind ("finally paid off my debt", "i passed!!").
_GLAD = frozenset({"relief", "pride", "joy", "excitement"})
#: Every label that is a glad or warm feeling (the rest are painful, or no feeling to say back).
GLAD_LABELS = frozenset({"admiration", "amusement", "approval", "caring", "desire", "excitement", "gratitude", "joy",
                         "love", "optimism", "pride", "relief"})


def _glad(text: str) -> bool:
    """Whether a message is glad news, or glad of what it tells with no turn from it ("she relies on me and i love
    that"; "i love my kids but it's all on me" still turns)."""
    cues = set(feeling_cues(text))
    return bool(_GLAD & cues) or "love" in cues and not re.search(r"\b(?:but|though|except)\b", text.lower())
# Slips too far from the word for _slips ("im stresd out").
_FAR_SLIPS = {"stresd": "stressed", "stresssed": "stressed", "overwelmd": "overwhelmed", "overwhelmd": "overwhelmed"}
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


def others_labels(text: str) -> set[str]:
    """Labels of feeling words said only of someone else ("he gets angry if I talk to my friends"):
    the model hears them too, but they are not the client's to be named."""
    return _families_where(text, someone_elses)


# Real words one slip away from a feeling word: never read as that feeling ("I tried", "a sacred place").
_NOT_SLIPS = frozenset({"tried", "sacred", "lovely", "tires", "hired", "wired", "fired", "trade", "sadder", "angel",
                        "anger", "upsets", "relived", "relieve", "confuse", "devastate", "frustrate", "irritate",
                        "tankful", "scare", "exited", "numbe", "lone", "hopful", "cuffed", "stoke", "excite"})


@cache
def _slips() -> dict[str, str]:
    """Common slips of the client's feeling words -> the word: two neighbouring letters swapped ("lonley")
    in words of five letters or more, one letter dropped ("exausted", "anxous") in words of six or more."""
    found: dict[str, str] = {}
    for word in _table()["own"]:
        if len(word) >= 5:
            for i in range(1, len(word) - 1):  # the first letter is rarely the slip
                found.setdefault(word[:i] + word[i + 1] + word[i] + word[i + 2:], word)
        if len(word) >= 6:  # ("anxous", "woried", "lonly": six letters is long enough to be sure)
            for i in range(1, len(word)):
                found.setdefault(word[:i] + word[i + 1:], word)
    return {slip: word for slip, word in found.items() if slip != word and slip not in _table()["own"]
            and slip not in _NOT_SLIPS}


# Own words said back in the form that follows "feeling": "alone" -> "lonely", "worry" -> "worried".
_SAID_AS = {"alone": "lonely", "worry": "worried", "scary": "scared", "exciting": "excited", "anxiety": "anxious",
            "fuming": "furious", "seething": "furious",  # ("feeling fuming" reads badly)
            "humiliating": "humiliated", "embarrassing": "embarrassed", "mortifying": "mortified",
            "terrifying": "terrified", "frightening": "frightened", "frustrating": "frustrated",
            "infuriating": "furious", "upsetting": "upset", "heartbreaking": "heartbroken", "exhausting": "exhausted",
            "overwhelming": "overwhelmed", "stressful": "stressed", "disappointing": "disappointed",
            "stressing": "stressed", "worrying": "worried", "panicking": "panicked"}


# Feeling words that are nouns, and whose they are when typed without an apostrophe ("my mums anxiety", "his worry").
_NOUNS = frozenset({"anxiety", "worry", "worrying"})
_THEIR_NOUN = re.compile(r"\b(?:his|her|their|(?:my|his|her|their|our|the)\s+\w+(?:'s|s'|s))\s+$")


def own_words(text: str) -> list[tuple[str, str]]:
    """Every feeling word the client uses about themselves, not negated, in order: [(word, label)]."""
    return list(_own_words(text))


# A greeting, which names no feeling of theirs ("nobody at work even said happy birthday"): blanked before own words are read.
_GREETING = re.compile(r"\bhappy (?:birthday|bday|b-day|new year|christmas|xmas|easter|anniversary|holidays|hanukkah|diwali|eid|"
                       r"mother'?s day|father'?s day|valentine'?s(?: day)?|hour)\b")


@lru_cache(maxsize=256)
def _own_words(text: str) -> tuple[tuple[str, str], ...]:
    """own_words, once per text: a reply asks about the same message and its pieces many times."""
    own = _table()["own"]
    lower = _GREETING.sub(lambda m: " " * len(m.group(0)), text.lower())
    found: list[tuple[int, str, str]] = []
    for match in re.finditer(r"[a-z]+", lower):
        word = _FAR_SLIPS.get(match.group(0)) or _slips().get(match.group(0), match.group(0))
        if word in own and not unfelt(lower, match.start()) and not someone_elses(lower, match.start()) \
                and not (word in _NOUNS and _THEIR_NOUN.search(lower[max(0, match.start() - 40):match.start()])):
            found.append((match.start(), _SAID_AS.get(word, word), own[word]))
    for pattern, word in _OWN_PHRASES:
        match = pattern.search(lower)
        if match and not (word == "exhausted" and "grief" in feeling_cues(text)):  # ("...since my wife died": grief)
            found.append((match.start(), word, PHRASE_LABELS.get(word, "sadness")))
    if not found and not _glad(text):  # their own feeling word, where there is one, says it better
        for pattern, word in STRAIN_PHRASES:
            match = next((m for m in pattern.finditer(lower) if not negated(lower, m.start())
                          and not TURNS_GLAD.search(lower, m.end())), None)
            if match:
                found.append((match.start(), word, PHRASE_LABELS.get(word, "sadness")))
    return tuple(dict.fromkeys((word, label) for _, word, label in sorted(found)))


def denied_labels(text: str) -> set[str]:
    """Feelings the client says they don't have ("I'm not sad", "I don't feel lonely"), with their
    family ("not angry" is not "irritated" either), unless they use a word of that family for
    themselves elsewhere: never to be named back to them."""
    return _families_where(text, unfelt)


def _families_where(text: str, test) -> set[str]:
    """Every label in the family of a feeling word for which `test(lower, start)` holds, unless the
    client uses a word of that family for themselves elsewhere."""
    own = _table()["own"]
    lower = text.lower()
    families = {family_of(own[m.group(0)]) for m in re.finditer(r"[a-z]+", lower)
                if m.group(0) in own and test(lower, m.start())}
    families -= {family_of(label) for _, label in own_words(text)}
    return {label for label in LABELS if family_of(label) in families}


def own_word(text: str) -> tuple[str, str] | None:
    """The first feeling word the client uses about themselves, not negated: (word, label)."""
    found = own_words(text)
    return found[0] if found else None


@cache
def _label_patterns() -> dict[str, re.Pattern]:
    return {label: re.compile(r"(?<![\w'])(" + "|".join(re.escape(c.lower()) for c in cues) + r")(?![\w'])")
            for label, cues in _table()["cues"]["labels"].items()}


@cache
def _not_cues() -> re.Pattern:
    phrases = sorted(_table()["cues"]["not_cues"]["phrases"], key=len, reverse=True)
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
    own = _table()["own"]
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
    return Feeling(_table()["words"][label][level], label, INTENSITIES[level], cues)
