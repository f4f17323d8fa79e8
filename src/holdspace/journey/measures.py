"""Validated questionnaires: their definitions (TOML in `instruments/`), exact scoring and change.

Pure: no database, web or settings. Scoring follows each instrument's published rules, cited in its
data file: reverse-scored items, sums or means, severity bands and what to do with unanswered items.
Change between two administrations is judged with Jacobson & Truax (1991):

    RCI = (after - before) / Sdiff,  Sdiff = sqrt(2) * SEM,  SEM = SD * sqrt(1 - reliability)

A change is reliable when |RCI| > 1.96, and clinically significant when it is reliable and the score
crosses the instrument's clinical cut-off.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from holdspace.errors import InvalidInput, NotFound

__all__ = ["Band", "Change", "Instrument", "Item", "Option", "ReliableChange", "Score", "all_instruments",
           "check_answers", "compare", "instrument", "score", "RCI_THRESHOLD"]

RCI_THRESHOLD = 1.96  # two-tailed p < .05


@dataclass(frozen=True)
class Option:
    value: int
    label: str
    loinc: str = ""


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    reverse: bool = False
    subscale: str = ""
    loinc: str = ""


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    key: str
    label: str
    words: str


@dataclass(frozen=True)
class ReliableChange:
    sem: float  # standard error of measurement
    source: str

    @property
    def sdiff(self) -> float:
        return math.sqrt(2) * self.sem

    @property
    def smallest_reliable(self) -> float:
        """How big a change must be to count as reliable, in score points."""
        return RCI_THRESHOLD * self.sdiff


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    title: str
    full_name: str
    about: str
    prompt: str
    wording: str  # "published" or "own words"
    attribution: str
    citation: str
    scoring: str  # "sum", "sum_times_4" or "mean"
    higher_is_better: bool
    options: tuple[Option, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    missing_rule: str  # "prorate", "mean" or "none"
    max_missing: int
    missing_source: str
    reliable_change: ReliableChange | None = None
    cutoff: float | None = None
    cutoff_source: str = ""
    safety_item: int | None = None
    loinc_panel: str = ""
    loinc_total: str = ""
    loinc_total_display: str = ""

    @property
    def values(self) -> frozenset[int]:
        return frozenset(o.value for o in self.options)

    @property
    def lowest(self) -> float:
        return self.bands[0].low

    @property
    def highest(self) -> float:
        return self.bands[-1].high

    def option_label(self, value: int | None) -> str:
        return next((o.label for o in self.options if o.value == value), "no answer")

    def band_for(self, total: float) -> Band:
        """The band whose range holds this total (bands are listed from the lowest up)."""
        found = self.bands[0]
        for band in self.bands:
            if total >= band.low:
                found = band
        return found

    def in_clinical_range(self, total: float) -> bool | None:
        if self.cutoff is None:
            return None
        return total < self.cutoff if self.higher_is_better else total >= self.cutoff


@dataclass(frozen=True)
class Score:
    instrument: str
    total: float | None  # None when too much is missing to score
    band: Band | None
    answered: int
    missing: tuple[int, ...]  # item numbers left unanswered
    prorated: bool = False
    reason: str = ""  # why there is no total
    subscales: dict[str, float] = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        return self.total is not None

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Change:
    difference: float  # after - before, in score points
    direction: str  # "better", "worse" or "same"
    rci: float | None  # None when the instrument has no reliable-change figures
    reliable: bool | None
    clinically_significant: bool | None
    category: str  # "recovered", "improved", "no reliable change", "deteriorated", or "difference only"
    words: str
    short: str  # the same in a few words, for tables


def _load(text: str) -> Instrument:
    data = tomllib.loads(text)
    missing = data.get("missing", {})
    rc = data.get("reliable_change")
    reliable = None
    if rc:
        sem = rc["sem"] if "sem" in rc else rc["sd"] * math.sqrt(1 - rc["reliability"])
        reliable = ReliableChange(sem=sem, source=rc["source"])
    clinical = data.get("clinical", {})
    return Instrument(
        key=data["key"], name=data["name"], title=data["title"], full_name=data["full_name"],
        about=data["about"], prompt=data["prompt"], wording=data["wording"],
        attribution=data["attribution"], citation=data["citation"], scoring=data["scoring"],
        higher_is_better=data["higher_is_better"],
        options=tuple(Option(o["value"], o["label"], o.get("loinc", "")) for o in data["option"]),
        items=tuple(Item(n, i["text"], i.get("reverse", False), i.get("subscale", ""), i.get("loinc", ""))
                    for n, i in enumerate(data["item"], start=1)),
        bands=tuple(Band(b["low"], b["high"], b["key"], b["label"], b["words"]) for b in data["band"]),
        missing_rule=missing.get("rule", "none"), max_missing=missing.get("max_missing", 0),
        missing_source=missing.get("source", ""), reliable_change=reliable,
        cutoff=clinical.get("cutoff"), cutoff_source=clinical.get("source", ""),
        safety_item=data.get("safety_item"), loinc_panel=data.get("loinc_panel", ""),
        loinc_total=data.get("loinc_total", ""), loinc_total_display=data.get("loinc_total_display", ""))


ORDER = ("phq9", "gad7", "who5", "scssf", "brs")


@cache
def all_instruments() -> tuple[Instrument, ...]:
    """Every questionnaire holdspace offers, in the order they are listed."""
    folder = resources.files("holdspace.journey").joinpath("instruments")
    loaded = {i.key: i for i in (_load(f.read_text()) for f in folder.iterdir() if f.name.endswith(".toml"))}
    return tuple(sorted(loaded.values(), key=lambda i: (ORDER.index(i.key) if i.key in ORDER else 99, i.key)))


def instrument(key: str) -> Instrument:
    for found in all_instruments():
        if found.key == key:
            return found
    raise NotFound("We don't have a questionnaire by that name.")


def check_answers(inst: Instrument, raw: Mapping[object, object]) -> dict[int, int | None]:
    """Read answers keyed by item number (or "item-N"); blank means unanswered, out of range is an error."""
    answers: dict[int, int | None] = {item.number: None for item in inst.items}
    problems: dict[str, str] = {}
    for key, value in raw.items():
        name = str(key)
        number_text = name.removeprefix("item-")
        if not number_text.isdigit() or int(number_text) not in answers:
            problems[name] = f"{inst.name} has no question {name}."
            continue
        number = int(number_text)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        text = str(value).strip()
        if isinstance(value, bool) or not text.lstrip("-").isdigit() or int(text) not in inst.values:
            choices = ", ".join(f"{o.value} ({o.label.lower()})" for o in inst.options)
            problems[f"item-{number}"] = (f"Question {number} needs one of the answers listed: {choices}.")
            continue
        answers[number] = int(text)
    if problems:
        raise InvalidInput(fields=problems)
    return answers


def _round_half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def score(inst: Instrument, answers: Mapping[int, int | None]) -> Score:
    """Score one administration by the instrument's published rules (answers already checked)."""
    n = len(inst.items)
    top = max(inst.values) + min(inst.values)  # reversing maps v to top - v
    values: list[int] = []
    missing: list[int] = []
    by_subscale: dict[str, list[int]] = {}
    for item in inst.items:
        value = answers.get(item.number)
        if value is None:
            missing.append(item.number)
            continue
        value = top - value if item.reverse else value
        values.append(value)
        if item.subscale:
            by_subscale.setdefault(item.subscale, []).append(value)
    answered = len(values)
    if len(missing) > inst.max_missing or answered == 0:
        needed = n - inst.max_missing
        reason = (f"Every one of the {n} questions needs an answer to give a score."
                  if inst.max_missing == 0 else
                  f"At least {needed} of the {n} questions need an answer to give a score.")
        return Score(inst.key, None, None, answered, tuple(missing), reason=reason)
    prorated = bool(missing)
    if inst.scoring == "mean":
        total: float = round(sum(values) / answered, 2)
    elif inst.missing_rule == "prorate" and missing:
        total = _round_half_up(sum(values) * n, answered)
    else:
        total = sum(values)
    if inst.scoring == "sum_times_4":
        total = total * 4
    subscales = {name: round(sum(vs) / len(vs), 2) for name, vs in by_subscale.items()}
    return Score(inst.key, total, inst.band_for(total), answered, tuple(missing), prorated,
                 subscales=subscales)


def _fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def compare(inst: Instrument, before: float, after: float) -> Change:
    """Judge the change from one total to a later one: direction, reliability, clinical significance."""
    difference = round(after - before, 2)
    if difference == 0:
        direction = "same"
    else:
        direction = "better" if (difference > 0) == inst.higher_is_better else "worse"
    size = f"{_fmt(abs(difference))} point{'s' if abs(difference) != 1 else ''}"
    moved = {"better": f"{size} better", "worse": f"{size} worse", "same": "no change"}[direction]
    rc = inst.reliable_change
    if rc is None:
        return Change(difference, direction, None, None, None, "difference only",
                      f"{moved}. There are no published figures here to tell a real change from chance.",
                      moved)
    rci = round(difference / rc.sdiff, 2)
    reliable = abs(rci) > RCI_THRESHOLD
    was, now = inst.in_clinical_range(before), inst.in_clinical_range(after)
    crossed = was is not None and was != now
    significant = reliable and crossed
    if not reliable:
        category = "no reliable change"
        words = (f"{moved}; a change this size can happen by chance (it takes more than "
                 f"{round(rc.smallest_reliable, 1):g} points to be reliable).") if direction != "same" else "No change."
        short = f"{moved} (within chance)" if direction != "same" else "no change"
    elif direction == "better":
        category = "recovered" if significant else "improved"
        words = (f"{moved}: a reliable improvement" +
                 (", out of the clinical range." if significant else "."))
        short = f"{moved} (reliable{', out of the clinical range' if significant else ''})"
    else:
        category = "deteriorated"
        words = (f"{moved}: a reliable worsening" +
                 (", into the clinical range." if significant else "."))
        short = f"{moved} (reliable{', into the clinical range' if significant else ''})"
    return Change(difference, direction, rci, reliable, significant, category, words, short)
