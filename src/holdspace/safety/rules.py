"""The rules layer: find risk signals in a text and read each one in its context.

A *hit* is one match of one signal (rules.toml), with what its sentence says about it: whose
risk it is, whether it is negated, hedged, in the past, resolved, quoted from a song or a story,
or only a topic being studied. `levels.py` turns hits into a level and reasons.
"""

from __future__ import annotations

import re
import time
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from holdspace.safety.needles import grams, keys
from holdspace.safety.text import Text, normalise

_GAP = re.compile(r" ?~(\d+)~ ?")
_FRAGMENT = re.compile(r"<([a-z_]+)>")
_SEP = r"[\s,.!?;:]+"


class LayerTimeout(Exception):
    """The layer ran past its time budget."""


@dataclass(frozen=True)
class Signal:
    id: str
    kind: str
    who: str
    negatable: bool
    patterns: tuple[re.Pattern[str], ...]
    requires: re.Pattern[str] | None
    requires_scope: str
    # for each pattern, strings one of which a text's `needles.grams` hold if it can match (None: always run it)
    keys: tuple[frozenset[str] | None, ...]
    unless: re.Pattern[str] | None = None
    unless_text: re.Pattern[str] | None = None   # the same, found anywhere in the text


@dataclass(frozen=True)
class Hit:
    signal: str
    kind: str
    start: int          # in the normalised text
    end: int
    sentence: int       # index of the sentence it sits in
    who: str            # "self", "other" or "you"
    negated: bool
    hedged: bool
    past: bool
    dropped: str        # why the hit does not count ("" if it does): media, topic, denied, you


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    for _ in range(3):  # fragments may use fragments
        pattern = _FRAGMENT.sub(lambda m: fragments.get(m.group(1), m.group(0)), pattern)
    return _GAP.sub(lambda m: f"{_SEP[:-1]}*(?:[\\w'-]+{_SEP}){{0,{m.group(1)}}}", pattern)


@cache
def signals() -> tuple[Signal, ...]:
    raw = tomllib.loads(resources.files("holdspace.safety").joinpath("rules.toml").read_text("utf-8"))
    fragments = raw["fragments"]
    out = []
    for entry in raw["signal"]:
        requires = entry.get("requires")
        unless = entry.get("unless")
        unless_text = entry.get("unless_text")
        patterns = tuple(re.compile(_expand(p, fragments)) for p in entry["patterns"])
        out.append(Signal(
            id=entry["id"], kind=entry["kind"], who=entry.get("who", "match"),
            negatable=entry.get("negatable", True),
            patterns=patterns,
            requires=re.compile(_expand(requires, fragments)) if requires else None,
            requires_scope=entry.get("requires_scope", "sentence"),
            unless=re.compile(_expand(unless, fragments)) if unless else None,
            unless_text=re.compile(_expand(unless_text, fragments)) if unless_text else None,
            keys=tuple(keys(p) for p in patterns)))
    return tuple(out)


# ---------------------------------------------------------------- context markers

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[a-z])")
_CLAUSE_END = re.compile(r"[,:()–—]| - |\b(?:but|though|although|however|except|whereas|yet|because|so)\b")

SELF = {"i", "i'm", "i've", "i'll", "i'd", "me", "my", "myself", "mine"}
YOU = {"you", "you're", "your", "yourself", "you'd", "you'll", "you've", "ya", "yourselves", "we", "we're", "we'll", "we'd", "us", "our", "ourselves", "one", "oneself"}
OTHER = {
    "he", "she", "they", "he's", "she's", "they're", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll",
    "him", "her", "them", "his", "their", "himself", "herself", "themselves", "themself", "theirs", "hers",
    "friend", "friends", "mate", "mates", "bestie", "brother", "sister", "mum", "mom", "mother", "dad", "father",
    "son", "daughter", "partner", "boyfriend", "girlfriend", "husband", "wife", "cousin", "uncle", "aunt",
    "grandma", "grandad", "grandpa", "nan", "child", "kid", "kids", "baby", "student", "students", "client",
    "clients", "patient", "patients", "someone", "somebody", "people", "person", "man", "woman", "girl", "boy",
    "guy", "colleague", "coworker", "flatmate", "roommate", "housemate", "teammate", "classmate", "neighbour",
    "neighbor", "character", "protagonist", "hero", "heroine", "villain", "detective", "narrator", "singer",
    "teen", "teenager", "stepdad", "stepmum", "stepmom", "fiance", "fiancee", "ex", "bf", "gf", "who",
}
# Inside a match only pronouns that name the subject count ("wish *someone* would kill *me*" is mine).
IN_MATCH = SELF | {"you", "you're", "your", "yourself", "you'd", "you'll", "he", "she", "they", "he's", "she's",
                   "they're", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll", "his", "their", "himself",
                   "herself", "themselves", "themself"}
NEGATORS = {"not", "never", "no", "don't", "won't", "wouldn't", "couldn't", "can't", "cannot", "isn't",
            "aren't", "ain't", "didn't", "doesn't", "nobody", "without", "nor", "wasn't", "haven't",
            "hasn't", "hadn't", "shouldn't", "neither", "zero"}
# Words that may stand between a negator and what it negates ("not *going to* kill myself").
GOVERNED = {"going", "to", "gonna", "want", "wanna", "wants", "ever", "actually", "really", "planning", "plan",
            "plans", "try", "trying", "intend", "intention", "intentions", "be", "have", "had", "any", "having",
            "feel", "feeling", "of", "about", "thinking", "thought", "thoughts", "i", "i'd", "i'm", "i'll",
            "would", "will", "do", "did", "seriously", "even", "again", "am", "is", "are", "was", "a", "the",
            "you", "him", "her", "them", "anyone", "anybody", "need", "one", "wish", "urge", "urges", "desire",
            "longer", "gonna", "ready", "currently", "anymore", "and", "or", "suicidal", "being", "get",
            "got", "ideas", "idea", "at", "all", "myself", "self", "hurt", "harm", "kill"}

_HEDGE = re.compile(r"\b(?:probably|maybe|i don't think|not sure|i guess|yet|for now|at the moment|this time|"
                    r"unless|i hope|i'll try|i think|kind of|sort of|most of the time|promise|not really sure|"
                    r"not today|i don't know|idk|might|for tonight)\b")
_PAST = re.compile(
    r"\b(?:(?:\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|a couple of|couple of)"
    r" (?:years|months|yrs) ago|years ago|long ago|ages ago|when i was (?:\d+|a (?:teen|teenager|kid|child|student|"
    r"young \w+)|younger|little|small|in (?:school|uni|college|high school)|at (?:school|uni))|as a (?:teen|teenager|"
    r"kid|child|student|young \w+)|in my (?:teens|twenties|thirties|20s|30s|teenage years|youth|early \w+)|used to|"
    r"back (?:then|in (?:school|uni|the day|\d{4}))|in (?:uni|university|college|high school|secondary school|\d{4})|"
    r"last year|years back|once,? (?:a long time ago|years ago)|a long time ago|in the past|a phase|went through|"
    r"there was a time|at one (?:point|time)|there were times|for a while (?:there|back then)|"
    r"(?:\w+|\d+) years? (?:this (?:month|week|year) |today |now )?since|"
    r"(?:feels|felt|seems) like (?:another|a different|a past) (?:lifetime|life)|back when|a (?:wee |little )?while (?:back|ago)|"
    r"(?:is|are|'s) (?:long |well |all )?behind me|lifted (?:a long time ago|years ago|ages ago|long ago))\b")
# A turn to the present after a past marker in the same sentence ("years ago i wanted to die, but tonight i have the
# pills ready"): what follows it is not the past, whatever came before.
_NOW_TURN = re.compile(r"\b(?:now|right now|tonight|today|lately|these days|recently|again)\b")
_RESOLVED = re.compile(
    r"\b(?:in a (?:(?:really|very|much|so much|pretty|way) )?(?:good|better|great|healthy|safe|stable) place|doing (?:much |so much |a lot |really |way |pretty )?"
    r"(?:better|well|great|good|okay|ok)(?: now)?|(?:fully |completely )?recovered|in recovery|(?:clean|free) (?:for|since)|"
    r"haven't (?:\w+ ){0,3}(?:in|for|since) (?:over |more than )?(?:\d+|a|an|two|three|four|five|six|ten|many|several|years|months)|"
    r"glad (?:i'm|i am|to be) (?:still )?(?:here|alive)|(?:so )?grateful (?:i|to be|that i) (?:survived|'m alive|am alive|"
    r"'m still here|am still here|alive|here)|so grateful i survived|life is (?:really |so |pretty )?(?:good|great|better)|"
    r"things are (?:much |so much |a lot )?(?:better|good)|worked through (?:it|that)|healed|proud of (?:that|myself|how far)|"
    r"got (?:help|better)|moved on|don't feel (?:that way|like that) anymore|not anymore|behind me(?: now)?|"
    r"haven't (?:felt|done|had) (?:that|it|anything like that) (?:since|in|for)|i'm (?:okay|ok|fine|safe) now|"
    r"(?:today|now|these days) i (?:volunteer|help others|train others|work (?:for|at|with|on) (?:a )?(?:crisis|helpline|samaritans))|"
    r"(?:today|now|these days),? i'm (?:a |an )?(?:peer support|support|crisis|mental health|suicide prevention|recovery) (?:worker|volunteer|mentor|counsellor|counselor|trainer|coach)|"
    r"no longer (?:feel|want|do|think)|(?:therapy|treatment|counselling|counseling|medication|support|dbt|cbt|emdr) (?:really )?(?:did )?help(?:ed)?\b|"
    r"(?:the )?(?:urges|thoughts|cutting|self-harm|self harm) (?:to \w+ )?stopped (?:about |around |over )?(?:\d+|a few|two|three|four|five|ten|many) (?:years|months) ago|"
    r"happened to (?:someone|somebody) (?:else|i'd like to)|"
    r"(?:they're|they are|the thoughts are|those thoughts are) (?:long )?gone|(?:so )?glad (?:every day )?(?:that )?i stayed|"
    r"glad (?:every day )?(?:that )?it (?:didn't|didnt|did not|never) work|(?:feels|felt|seems) like (?:another|a different) "
    r"(?:lifetime|life)|(?:that|it|the fog|the feeling|those feelings) lifted|i (?:actually |really )?(?:like|love|enjoy) my life|"
    r"safe and settled|(?:i'm |im )?(?:doing|doin) (?:fine|grand|good|well) (?:now|noo|these days))\b")
# Feeling well now, said plainly ("ive been feeling much better lately", "life seems to be going pretty good, no
# complaints"), where nothing else in the text is a risk word: the risk model is not asked for a second opinion on it
# (it had sent such texts the check-in). Not where the calm follows a decision or a goodbye, a warning sign.
_WELL_NOW = re.compile(
    r"\b(?:(?:i've|i have|ive) been (?:feeling |doing )?|i'm (?:feeling |doing )?|im (?:feeling |doing )?|i am (?:feeling |doing )?|"
    r"i feel|feeling|i've felt|life(?:'s| is| has been| seems| seem)(?: to be)?(?: going)?|things are(?: going)?) "
    r"(?:so much |much |a lot |loads |way |really |pretty |quite |so )?(?:better|good|great|well|happy|happier|fine|grand|brilliant)\b"
    r"|\bno complaints\b")
_CALM_WARNING = re.compile(
    r"\b(?:decided|decision|made (?:my )?peace|at peace|relie(?:f|ved)|soon|won't be|wont be|goodbye|bye|finally|plan|"
    r"planned|ready|sorted|in order|once|after|last|end|over|gone|free|die|dead|death|kill|suicide|pills|tablets|"
    r"but|except|until|till|though|although|because|since)\b")


def says_well(text: str) -> bool:
    """Whether a normalised text says plainly that the writer feels well now, with no calm-before-a-decision word."""
    return bool(_WELL_NOW.search(text)) and not _CALM_WARNING.search(text)
_MEDIA = re.compile(
    r"\b(?:book|books|novel|film|movie|show|series|episode|tv|telly|game|story|stories|chapter|character|characters|play|"
    r"scene|song|songs|lyrics?|chorus|verse|album|poem|poetry|article|news|newspaper|paper|report|documentary|podcast|"
    r"headline|police said|according to|fiction|fanfic|script|screenplay|anime|manga|comic|villain|hero|detective|"
    r"narrator|protagonist|singing|sings|sang|rapper|band|track|netflix|the line|quote|meme|"
    r"(?<!not a )(?<!isn't a )(?<!\bno )joke)\b")  # "not a joke this time" frames nothing
_TOPIC = re.compile(
    r"\b(?:essay|article|paper|lecture|module|course|training|research|study|book|documentary|podcast|"
    r"policy|awareness|prevention|statistics|rates|leaflet|workshop|thesis|dissertation|"
    r"presentation|assignment|seminar|webinar|campaign|exam|learned|learnt|learning|taught|teaching|covered|"
    r"studied|studying|placement) (?:on|about|into|of|"
    r"regarding|around|for) (?:[\w-]+ ){0,2}$"
    # Professional talk: warning signs of it, asking people about it, patients after it.
    r"|\b(?:warning signs of|signs and symptoms of|screening for|ask(?:ing|ed|s)? (?:every |all |each |my |our |the )?(?:clients?|patients?|people|students?|"
    r"them|someone|young people|teenagers|callers?|service users?)(?: (?:with|who have|on|in) [\w-]+)? (?:directly |routinely |always )?about|ask(?:ing)? about|(?:patients|clients|people|"
    r"callers) (?:after|with|who have had|recovering from)|(?:a |the )?(?:client|patient|student|young person|child|caller|service user) "
    r"(?:discloses|disclosed|reports|reported|mentions|mentioned|talks about|brings up)) (?:[\w-]+ ){0,2}$")
# Words in quotation marks talked about as words ("my aunt says 'commit suicide' but we're meant to say 'died by
# suicide'"): a remark about language, not a risk.
_MENTION = re.compile(
    r"\b(?:meant to say|supposed to say|should say|we say|people say|instead of saying|rather than saying|"
    r"the (?:word|words|term|terms|phrase|expression)|language)\b")
_DENIED = re.compile(
    r"\basked (?:me )?(?:if|whether|about)\b.*\b(?:said no|told (?:him|her|them) no|i (?:said|told (?:him|her|them)) (?:that )?i"
    r"(?:'ve| have)? (?:never|haven't|hadn't|don't|didn't)|i've never done it|i have never done it|honestly,? no)")
_QUOTE = re.compile(r"\"[^\"\n]{1,300}\"|(?:(?<=\s)|^)'[^'\n]{1,300}'(?=[\s,.!?;:]|$)")
_TOKEN = re.compile(r"[a-z0-9'-]+")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in pattern.finditer(text):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if last < len(text):
        spans.append((last, len(text)))
    return spans or [(0, len(text))]


def _locate(bounds: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if bounds[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _classify(token: str) -> str:
    if token in SELF:
        return "self"
    if token in YOU:
        return "you"
    if token in OTHER:
        return "other"
    return ""


def _who_in(text: str) -> str:
    for token in _TOKEN.findall(text):
        if token in IN_MATCH:
            return _classify(token)
    return ""


def _who_before(prefix: str) -> str:
    for token in reversed(_TOKEN.findall(prefix)[-8:]):
        if who := _classify(token):
            return who
    return ""


def _negated(prefix: str) -> bool:
    tokens = _TOKEN.findall(prefix)[-7:]
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if token in NEGATORS:
            # "if I don't end my life..." is a condition, not a denial.
            return not ({"if", "unless"} & set(tokens[max(0, i - 2):i]))
        if token not in GOVERNED:
            return False
    return False


@dataclass(frozen=True)
class _Index:
    """Every signal's patterns in rules.toml's order, and which of them a text's `needles.grams` can wake."""
    patterns: tuple[tuple[Signal, re.Pattern[str]], ...]
    always: frozenset[int]                  # patterns with no known needles: run on every text
    by_key: dict[str, tuple[int, ...]]      # a needle's key -> the patterns that hold it
    keys: frozenset[str]


@cache
def _index() -> _Index:
    patterns, always, by_key = [], set(), {}
    for signal in signals():
        for pattern, needed in zip(signal.patterns, signal.keys, strict=True):
            if needed is None:
                always.add(len(patterns))
            else:
                for key in needed:
                    by_key.setdefault(key, []).append(len(patterns))
            patterns.append((signal, pattern))
    return _Index(tuple(patterns), frozenset(always), {k: tuple(v) for k, v in by_key.items()}, frozenset(by_key))


def _patterns_to_run(present: frozenset[str]) -> list[tuple[Signal, re.Pattern[str]]]:
    """The (signal, pattern) pairs that can match a text holding `present`, in rules.toml's order: a pattern none of
    whose needles the text holds cannot match it (needles.py), so it is not run. One set intersection finds the
    rest, rather than a test of every pattern's needles."""
    index = _index()
    woken = set(index.always)
    for key in index.keys & present:
        woken.update(index.by_key[key])
    return [index.patterns[i] for i in sorted(woken)]


def find_hits(raw: str, *, deadline: float | None = None) -> tuple[Text, list[Hit], bool]:
    """Normalise `raw`; return it, every signal hit read in its context, and whether the text says it's resolved."""
    norm = normalise(raw)
    text = norm.text
    sentences = _spans(_SENTENCE_END, text)
    quotes = [m.span() for m in _QUOTE.finditer(text)]
    resolved = bool(_RESOLVED.search(text))
    sentence_cache: dict[int, dict[str, bool]] = {}
    present = grams(text)

    def sentence_facts(index: int) -> dict[str, bool]:
        if index not in sentence_cache:
            s, e = sentences[index]
            body = text[s:e]
            following = text[sentences[index + 1][0]:sentences[index + 1][1]] if index + 1 < len(sentences) else ""
            sentence_cache[index] = {
                "past": bool(_PAST.search(body)),
                "media": bool(_MEDIA.search(body)),
                "denied": bool(_DENIED.search(body)),
                "hedge": bool(_HEDGE.search(body)) or bool(re.match(r"\W*(?:probably|maybe|i think|not sure)\b", following)),
            }
        return sentence_cache[index]

    hits: list[Hit] = []
    for signal, pattern in _patterns_to_run(present):
        if deadline is not None and time.monotonic() > deadline:
            raise LayerTimeout(signal.id)
        for m in pattern.finditer(text):
            start, end = m.span()
            if end <= start:
                continue
            index = _locate(sentences, start)
            s_start, s_end = sentences[index]
            sentence = text[s_start:s_end]
            if signal.requires is not None:
                scope = text if signal.requires_scope == "text" else sentence
                if not signal.requires.search(scope):
                    continue
            if signal.unless is not None and signal.unless.search(sentence):
                continue
            if signal.unless_text is not None and signal.unless_text.search(text):
                continue
            local = start - s_start
            clause_start = s_start + max((c.end() for c in _CLAUSE_END.finditer(sentence, 0, local)), default=0)
            prefix = text[clause_start:start]
            facts = sentence_facts(index)
            who = _who(signal, m, text[s_start:start], prefix)
            in_quote = any(qs <= start and end <= qe for qs, qe in quotes)
            dropped = ""
            if who == "you" and signal.kind not in {"directed"}:
                dropped = "you"
            elif facts["media"] and (who == "other" or in_quote or signal.kind in CONTEXT_KINDS):
                dropped = "media"
            elif _TOPIC.search(prefix) or (in_quote and _MENTION.search(sentence)):
                dropped = "topic"
            elif facts["denied"] and who == "self":
                dropped = "denied"
            negated = signal.negatable and _negated(prefix)
            past = facts["past"]
            if past:  # the past marker, then a turn to now before this hit: the hit is the present
                marker = _PAST.search(text, s_start, s_end)
                past = not (marker and marker.end() <= start and _NOW_TURN.search(text, marker.end(), start))
            hits.append(Hit(signal.id, signal.kind, start, end, index, who, negated,
                            facts["hedge"], past, dropped))
    return norm, hits, resolved


CONTEXT_KINDS = {"timeframe", "means_weak", "plan_weak", "despair", "hopeless", "immediacy", "commit"}


def _who(signal: Signal, match: re.Match[str], sentence_prefix: str, clause_prefix: str) -> str:
    if signal.who == "self" or signal.kind in CONTEXT_KINDS:
        return "self"
    if signal.who == "obj":
        obj = (match.groupdict().get("obj") or "").strip()
        # "my throat", "grabbed my wrist" and a pattern with an empty obj ("locks the fridge") are the writer's own
        return "self" if obj in {"me", "us", "i", "i'm", "i am", "my", ""} else "other"
    if signal.who == "lookback":
        return _who_before(clause_prefix) or _who_before(sentence_prefix) or "self"
    return _who_in(match.group(0)) or _who_before(clause_prefix) or _who_before(sentence_prefix) or "self"

