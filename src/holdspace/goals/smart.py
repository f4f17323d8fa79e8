"""Read a goal's wording for SMART: specific, measurable, achievable, relevant, time-bound.

Pure rules over normalised text (`holdspace.language.text`), with the word lists in smart.toml:
no database, no model, the same answer every time, and a reason for each judgement that names
the words it rests on. Each criterion is True, False, or None where the words can't tell —
achievable and relevant mostly need the person (how sure they are, why it matters), so the
builder passes those answers in when it has them.

Conventions (the labelled set in benchmarks/data/smart_*.jsonl follows them):
    specific     names something you would be seen doing ("walk", "call my sister"); a feeling,
                 a state, a direction ("be happier", "improve my sleep") or a broad activity with
                 only "more" or "better" ("exercise more") is not yet specific.
    measurable   could be counted or ticked off: an amount, a duration, a frequency, a clock time,
                 a limit, or one act that is done or not ("book a GP appointment").
    time_bound   has a deadline or a bounded period ("by March", "for the next six weeks",
                 "before my birthday", "on Sunday"); how often ("every day") or when in the day
                 ("before bed") alone is not a time frame, nor is a start date alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from holdspace.language.text import normalize

__all__ = ["CRITERIA", "Criterion", "SmartAnalysis", "analyse"]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
CONFIDENT = 7  # from 7 out of 10, people usually follow through; below, a smaller step helps

_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUM = (r"(?:\d+(?:[.,]\d+)*|(?:a\s+)?half(?:\s+an?)?|a\s+couple\s+of|a\s+dozen|(?:a\s+)?hundred|"
       r"(?:a\s+)?thousand|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS[:9]) + r"))?|"
       + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")")
_CLOCK_WORD = "|".join(_UNITS[:12])
MONTHS = ("january february march april june july august september october november december "
          "sept").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MEASURE_UNITS = ("hour hours minute minutes mile miles kilometre kilometres km page pages glass glasses "
                  "litre litres liter liters cup cups chapter chapters lap laps length lengths episode "
                  "episodes portion portions bag bags").split()


def _alt(items) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


@cache
def _words() -> dict[str, list[str]]:
    return tomllib.loads((Path(__file__).parent / "smart.toml").read_text(encoding="utf-8"))["words"]


@cache
def _patterns() -> dict[str, re.Pattern | list[re.Pattern]]:
    w = _words()
    months, days = _alt(MONTHS), _alt(WEEKDAYS)
    periods, seasons, holidays = _alt(w["periods"]), _alt(w["seasons"]), _alt(w["holidays"])
    part = r"(?:mornings|evenings|nights|afternoons)"
    return {
        "clock": [
            re.compile(r"\b(?:by|at|before|after|until|till|from|around)?\s*\d{1,2}(?::\d{2})?\s*"
                       r"(?:am|pm|a\.m\.|p\.m\.)(?![\w])"),
            re.compile(r"\b(?:by|at|before|after|until|till|from|around)?\s*\d{1,2}:\d{2}\b"),
            re.compile(r"\b(?:by|at|before|after|until|till|around)?\s*(?:noon|midday|midnight)\b"),
            re.compile(rf"\b(?:{_CLOCK_WORD}|\d{{1,2}})\s*o'clock\b"),
            re.compile(rf"\b(?:by|at|before|after|until|till)\s+(?:{_CLOCK_WORD}|\d{{1,2}})"
                       r"(?=\s+(?:every|each|on|at night|at the latest|most|in the|tonight)\b|\s*[,.;!]|\s*$)"),
        ],
        "routine": re.compile(rf"\b(?:before|after|by|until|till|at|with|during|over|around|for)\s+"
                              rf"(?:{_alt(w['routines'])})\b"),
        "start": re.compile(rf"\b(?:starting|beginning|from|as of|commencing)\s+(?:on\s+|in\s+|with\s+)?"
                            rf"(?:today|tonight|tomorrow|now|this\s+\w+|next\s+\w+|{days}|{months}|may|"
                            rf"the\s+\d+\w*|\d+\w*)\b"),
        "deadline": [
            re.compile(r"\b(?:by|before|until|till|til|up to|no later than|ahead of|through|throughout|"
                       r"from now until|between now and|for|over|during)\s+(?:the\s+)?(?:very\s+)?"
                       r"(?:end|start|beginning|middle|close|rest|remainder)\s+of\s+(?:the\s+|this\s+|"
                       r"next\s+|my\s+|our\s+)?[\w'-]+"),
            re.compile(rf"\b(?:this|next|the coming|coming|the following)\s+(?:{periods}|{days}|{seasons}|"
                       r"morning|afternoon|evening)\b(?!\s+(?:a|an|per|each|every)\b)"),
            re.compile(rf"\b(?:in|within|over|for|during|throughout|across)\s+(?:the\s+)?"
                       rf"(?:(?:next|coming|following|first|rest of the|remainder of the)\s+(?:{NUM}\s+)?|"
                       rf"(?:{NUM}|an?|a few|a couple of)\s+)(?:more\s+)?(?:{periods})\b"
                       r"(?!\s+(?:a|an|per|each|every)\b)"),
            re.compile(rf"\b(?:{months})\b"),
            re.compile(r"\b(?:in|by|before|until|till|during|through|throughout|of|end of|since|from|"
                       r"early|late|mid|mid-|this|next)\s+may\b|\bmay\s+\d"),
            re.compile(rf"\b(?:by|before|until|till|on|this|next|this coming|coming)\s+(?:next\s+)?"
                       rf"(?:{days})\b(?!s)(?!\s+{part}\b)"),
            re.compile(r"\b(?:today|tonight|tomorrow|this morning|this afternoon|this evening)\b"),
            re.compile(rf"\b(?:{holidays})\b"),
            re.compile(rf"\b(?:by|before|until|till|for|in|during|through|throughout|over|this|next|the)\s+"
                       rf"(?:the\s+)?(?:{seasons})\b(?!\s+asleep)"),
            re.compile(rf"\b(?:by|before|until|till|til|ahead of|up to|in time for|no later than)\s+"
                       rf"(?:my|our|the|his|her|their|this|next|a)\s+(?:[\w'-]+\s+){{0,3}}?"
                       rf"(?:{_alt(w['events'])})\b"),
            re.compile(r"\b(?:my|our|the)\s+next\s+(?:session|appointment|meeting|review|check-up|visit|"
                       r"class|lesson)\b"),
            re.compile(rf"\b(?:before|by the time|until|till)\s+(?:i|we)\s+(?:{_alt(w['event_clauses'])})\b"),
            re.compile(r"\b(?:on|by|before|until|till)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b"),
            re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b"),
            re.compile(r"\b(?:in|by|before|until|till|during|through|throughout|end of)\s+(?:19|20)\d\d\b"),
        ],
        "frequency": [
            re.compile(r"\b(?:daily|nightly|weekly|fortnightly|monthly|yearly|annually|hourly|everyday|"
                       r"weekdays?|weeknights?|whenever|every time|each time)\b"),
            re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?!now\b|once\b|so\b)"
                       rf"(?:other\s+|second\s+|third\s+|{NUM}\s+|few\s+)?[\w-]+"),
            re.compile(rf"(?:[£$€]\s?)?\b(?:{NUM}|once|twice|thrice)\s*(?:x\s*|times?\s+|[\w'-]+\s+){{0,3}}?"
                       r"(?:a|an|per|each|every|in a)\s+(?:day|night|week|month|fortnight|year|morning|"
                       r"evening|weekday|weekend)\b"),
            re.compile(rf"\b{NUM}\s+(?:days?|nights?|evenings?|mornings?|times?)\s+(?:out\s+of|in)\s+"
                       rf"(?:{NUM}|the\s+week|every)"),
            re.compile(rf"\b(?:on|at)\s+(?:alternate|the weekends?|weekends|weekend)\b|\balternate\s+\w+|"
                       rf"\bevery other\b|\b(?:{days})s\b|\b(?:{days})\s+{part}\b|"
                       rf"\bfrom\s+(?:{days})\s+to\s+(?:{days})\b"),
        ],
        "quantity": [
            re.compile(r"[£$€]\s?\d[\d,.]*"),
            re.compile(rf"\b{NUM}(?:k|km|kg|x|ml|l|%)?(?![\w])(?:[\s-]+(?!(?:a|an|per|each|every|of|and|or|to|in|on|at|by|for)\b)[a-z]+)?"),
            re.compile(rf"\b(?:an?|one)\s+(?:{_alt(_MEASURE_UNITS)})\b"),
            re.compile(r"\ball\s+(?:of\s+)?(?:my|the)\s+(?!time\b|while\b|way\b|same\b)"),
        ],
        "year": re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b"),
        "lead": re.compile(rf"^(?:(?:{_alt(w['lead_ins'])})\b\s*)+"),
        "condition": re.compile(r"^(?:when|whenever|if|once|each time|every time|any time)\b[^,]{1,80},\s*"),
        "means": re.compile(r"\bby\s+(\w+ing\b.*)$"),
    }


def _phrase(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<![\w'])(?:{_alt(words)})(?![\w'])")


@cache
def _lists() -> dict[str, re.Pattern]:
    w = _words()
    return {key: _phrase(w[key]) for key in ("vague_phrases", "comparatives", "vague_frequency",
                                              "vague_targets", "absolutes", "reasons", "abstract_objects",
                                              "empty_objects")}


@dataclass(frozen=True)
class Criterion:
    """One SMART criterion: met (True, False, or None when the words can't tell), why, and a question."""

    met: bool | None
    reason: str
    suggestion: str = ""


@dataclass(frozen=True)
class SmartAnalysis:
    specific: Criterion
    measurable: Criterion
    achievable: Criterion
    relevant: Criterion
    time_bound: Criterion
    found: dict[str, tuple[str, ...]] = field(default_factory=dict)  # phrases each judgement rests on

    def criteria(self) -> list[tuple[str, Criterion]]:
        return [(name, getattr(self, name)) for name in CRITERIA]

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The questions worth asking next, in SMART order, without repeats."""
        out: list[str] = []
        for _, criterion in self.criteria():
            if criterion.met is not True and criterion.suggestion and criterion.suggestion not in out:
                out.append(criterion.suggestion)
        return tuple(out)

    @property
    def is_smart(self) -> bool:
        """Specific, measurable and time-bound, and nothing says it isn't achievable or relevant."""
        return (all(c.met for c in (self.specific, self.measurable, self.time_bound))
                and self.achievable.met is not False and self.relevant.met is not False)

    def as_dict(self) -> dict:
        result: dict = {name: c.met for name, c in self.criteria()}
        result["reasons"] = {name: c.reason for name, c in self.criteria()}
        result["suggestions"] = list(self.suggestions)
        result["found"] = {k: list(v) for k, v in self.found.items() if v}
        return result


# --- finding phrases ------------------------------------------------------------------------------

class _Text:
    """The goal lowered for matching, with spans masked as they are explained, and the shown text."""

    def __init__(self, raw: str):
        self.shown = normalize(raw)
        self.low = self.shown.lower()
        if len(self.low) != len(self.shown):  # a rare letter changed length when lowered
            self.shown = self.low
        self.masked = self.low

    def take(self, patterns, *, mask: bool = True, text: str | None = None) -> list[str]:
        """Find every match (in the masked text unless given); quote them and mask them."""
        found: list[str] = []
        for pattern in patterns if isinstance(patterns, list) else [patterns]:
            source = self.masked if text is None else text
            for m in pattern.finditer(source):
                if not m.group().strip():
                    continue
                found.append(self.shown[m.start():m.end()].strip(" ,."))
                if mask:
                    self.masked = self.masked[:m.start()] + " " * (m.end() - m.start()) + self.masked[m.end():]
        found = list(dict.fromkeys(found))
        return [f for f in found if not any(f != other and f in other for other in found)]


def _core(low: str) -> str:
    """The goal without its opening ("I want to"), or after a leading condition ("when I ..., ")."""
    p = _patterns()
    core = low.strip(" .!")
    for _ in range(3):
        before = core
        core = p["lead"].sub("", core).strip()
        core = p["condition"].sub("", core).strip()
        if core == before:
            break
    return core


def _first_words(core: str, n: int = 4) -> list[str]:
    return re.findall(r"[\w'£$€-]+", core)[:n]


def _starts(core: str, phrases: list[str]) -> str:
    for phrase in sorted(phrases, key=len, reverse=True):
        if core == phrase or core.startswith(phrase + " ") or core.startswith(phrase + ","):
            return phrase
    return ""


# --- the judgements ---------------------------------------------------------------------------------

def _specific(core: str, low: str, ev: dict, lists: dict) -> tuple[bool, str, str]:
    w = _words()
    words = _first_words(core, 8)
    hard = bool(ev["quantity"] or ev["frequency"] or ev["clock"])
    detail = hard or bool(ev["routine"])
    if len(_first_words(low, 3)) < 2:
        return (False, "One word is a start; a few more will make it something you can act on.",
                "What would you do, when, and how often?")
    vague = lists["vague_phrases"].search(low)
    if vague:
        return (False, f"“{vague.group()}” points a direction, but doesn't yet say what you'd do.",
                "What is one thing you could actually do that moves you this way?")
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 else ""
    if first in w["state_verbs"] and not (first == "be" and second in w["be_concrete"]):
        return (False, "It describes a feeling or a state: a good direction, but not yet something "
                       "you could do on a given day.",
                "What would you be doing differently if this were happening? Pick one small, visible step.")
    if first in w["abstain"] and second in w["abstain_states"]:
        return (False, f"“{first} {second}” is a state of mind more than an act.",
                "What would you do instead, at the moment it happens?")
    comparative = lists["comparatives"].search(_without_limits(low))
    if comparative and not hard:
        return (False, f"“{comparative.group()}” compares with now, but doesn't say what you'll do or how much.",
                "What exactly would you do, and how much of it?")
    doing = first in ("do", "have", "try", "practise", "practice", "find", "make")
    empty = lists["empty_objects"].search(" ".join(words[1:5]))
    if doing and empty:
        return (False, f"“{empty.group()}” leaves open what you'd actually do.",
                "What exactly would you do? Name the activity.")
    abstract = lists["abstract_objects"].search(" ".join(words[1:5]))
    if doing and abstract and not hard:
        return (False, f"“{abstract.group()}” leaves open what you'd actually do.",
                "What exactly would you do? Name the activity.")
    broad = _starts(core, w["broad_verbs"])
    gerund = re.fullmatch(r"\w+ing", first or "") is not None or (first == "try" and second.endswith("ing"))
    if broad or gerund:
        label = broad or first
        if broad in w["needs_amount"]:
            if ev["quantity"]:
                return True, f"It says what and how much: “{ev['quantity'][0]}”.", ""
            return (False, f"“{label}” could mean a little or a lot.",
                    "How much, exactly? For example, how many, or which part first?")
        rest = core[len(broad):].strip().split() if broad else core.split()[1:]
        has_object = bool(rest) and rest[0] not in ("regularly", "often", "sometimes", "again", "more",
                                                     "less", "every", "each", "daily")
        if detail or (broad and has_object and not lists["vague_frequency"].search(core)):
            return True, f"It names what you'll do: “{_quote_core(core)}”.", ""
        return (False, f"“{label}” could mean many things.",
                "What kind, where, or for how long?")
    return True, f"It names what you'll do: “{_quote_core(core)}”.", ""


def _quote_core(core: str) -> str:
    words = core.split()
    return " ".join(words[:6]) + ("…" if len(words) > 6 else "")


def _without_limits(low: str) -> str:
    return re.sub(r"\b(?:no|not|never)\s+more\s+than\b|\bmore\s+than\b|\bless\s+than\b|\bat\s+least\b|"
                  r"\bno\s+more\b|\bno\s+later\b|\bnot\s+later\b", " ", low)


def _one_off(core: str, lists: dict) -> str:
    """The single act this goal names ("book an appointment"), or ""."""
    w = _words()
    verb = _starts(core, w["one_off_verbs"])
    if not verb:
        return ""
    rest = core[len(verb):].strip(" ,").split()
    if not rest or _starts(" ".join(rest), w["not_an_object"]):
        return ""
    nxt = rest[0]
    if verb in w["ongoing_leads"] and nxt.endswith("ing"):
        return ""
    if verb == "go to" and _starts(" ".join(rest), w["habit_places"]):
        return ""
    determiners = {"a", "an", "the", "my", "one", "our", "his", "her", "their", "this", "all", "for",
                   "in", "up", "out", "off", "to", "about"}
    if verb in ("try", "get", "read", "write", "make", "see", "run", "take", "start", "watch", "cook",
                "paint", "draw", "give", "meet", "move", "find") and nxt not in determiners \
            and not re.fullmatch(NUM, nxt):
        return ""
    if lists["vague_frequency"].search(core):
        return ""
    return " ".join([verb] + rest[:3])


def _measurable(core: str, low: str, ev: dict, lists: dict) -> tuple[bool, str, str]:
    w = _words()
    hard = ev["quantity"] + ev["frequency"] + ev["clock"]
    ask = "How often, or how much? For example “three times a week” or “for 20 minutes”."
    vague_target = lists["vague_targets"].search(low)
    if vague_target and not (ev["quantity"] or ev["clock"]):
        return (False, f"“{vague_target.group()}” can't be checked: which time, exactly?",
                "What time or amount would tell you it's done?")
    comparative = lists["comparatives"].search(_without_limits(low))
    if comparative and not hard:
        return (False, f"“{comparative.group()}” has no amount, so you couldn't tell when it's enough.",
                "How will you know you've done it? Put a number on it.")
    if hard:
        # a frequency already holds its numbers ("three times a week"): don't quote them twice
        parts = ev["frequency"] + ev["clock"]
        parts += [q for q in ev["quantity"] if not any(q in f for f in parts)]
        shown = ", ".join(f"“{p}”" for p in parts[:3])
        return True, f"You could check it: {shown}.", ""
    words = _first_words(core, 3)
    vague = lists["vague_phrases"].search(low)
    if words and words[0] in w["abstain"] and not vague and len(words) > 1 \
            and words[1] not in w["abstain_states"]:
        return True, f"You could tick it off each day: “{_quote_core(core)}”.", ""
    act = _one_off(core, lists)
    if act and not vague:
        return True, f"It's one act you could tick off: “{act}”.", ""
    vague_freq = lists["vague_frequency"].search(low)
    if vague_freq:
        return (False, f"“{vague_freq.group()}” doesn't say how often.", ask)
    return False, "There's nothing here to count or tick off yet.", ask


def _time_bound(ev: dict) -> tuple[bool, str, str]:
    ask = "By when? For example “until the end of the month” or “for the next six weeks”."
    if ev["deadline"]:
        return True, f"It has a time frame: “{ev['deadline'][0]}”.", ""
    if ev["start"]:
        return (False, f"It says when you'll start (“{ev['start'][0]}”) but not when you'll look back.", ask)
    if ev["frequency"]:
        return (False, "It says how often, but not for how long or by when.", ask)
    return False, "There's no end date or time frame yet, so it's hard to know when to look back.", ask


def _achievable(low: str, lists: dict, confidence: int | None) -> tuple[bool | None, str, str]:
    absolute = lists["absolutes"].search(low)
    if absolute:
        return (False, f"“{absolute.group()}” leaves no room for an ordinary off day.",
                "Could you give it some room — a number you'd be glad to reach, rather than all or nothing?")
    if confidence is not None:
        if confidence >= CONFIDENT:
            return True, f"You feel {confidence} out of 10 sure you can do it.", ""
        return (False, f"At {confidence} out of 10, it may be a stretch just now.",
                f"What would make it a {CONFIDENT} out of 10? A smaller step often helps.")
    return (None, "Only you can tell how doable this feels.",
            "How sure are you, from 0 to 10, that you can do this?")


def _relevant(low: str, lists: dict, why: str) -> tuple[bool | None, str, str]:
    if why.strip():
        return True, "You've said what would be different for you.", ""
    reason = lists["reasons"].search(low)
    if reason:
        return True, f"It says why it matters: “{reason.group()} …”.", ""
    return None, "Only you know why this matters to you.", "What would be different for you if you did this?"


def _without_reason(low: str, lists: dict) -> str:
    """The goal without its "so that ..." clause: the why is judged apart from the what."""
    reason = lists["reasons"].search(low)
    return low[:reason.start()].rstrip(" ,") if reason and reason.start() > 0 else low


def analyse(text: str, *, confidence: int | None = None, why: str = "") -> SmartAnalysis:
    """Judge a goal's wording; `confidence` (0–10) and `why` are the person's own answers, if given."""
    if confidence is not None and not 0 <= confidence <= 10:
        raise ValueError("confidence goes from 0 to 10")
    t = _Text(text)
    p, lists = _patterns(), _lists()
    ev: dict[str, list[str]] = {}
    ev["clock"] = t.take(p["clock"])
    ev["routine"] = t.take(p["routine"])
    ev["start"] = t.take(p["start"])
    ev["deadline"] = t.take(p["deadline"])
    t.take(p["year"])  # years and dates are never amounts
    ev["frequency"] = t.take(p["frequency"], mask=False)
    ev["quantity"] = t.take(p["quantity"], mask=False)
    judged = _without_reason(t.low, lists)
    core = _core(judged)
    means = p["means"].search(core)
    spec = _specific(core, judged, ev, lists)
    if not spec[0] and means and not lists["vague_phrases"].search(means.group(1)):
        spec = _specific(means.group(1), means.group(1), ev, lists)
    meas = _measurable(core, judged, ev, lists)
    if not meas[0] and means:
        alt = _measurable(means.group(1), means.group(1), ev, lists)
        meas = alt if alt[0] else meas
    return SmartAnalysis(
        specific=Criterion(*spec), measurable=Criterion(*meas),
        achievable=Criterion(*_achievable(t.low, lists, confidence)),
        relevant=Criterion(*_relevant(t.low, lists, why)),
        time_bound=Criterion(*_time_bound(ev)),
        found={k: tuple(v) for k, v in ev.items()},
    )
