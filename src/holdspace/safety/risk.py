"""Risk detection: `assess(text)` gives a level (none, concern, urgent), reasons and the words behind them.

Two layers run one after another (the second can be switched off: SECOND_LAYER_ON below): the rules
(rules.py, rules.toml), then the fine-tuned risk model (classifier.ModelLayer), which can raise a text to
`concern` or `urgent`. The model speaks where the rules found nothing, or found a concern it reads as surely
urgent, and never where they set their words aside (a denial, a past said to be behind the writer, a story, song,
news report or suicide as a topic). Each layer can only raise the level. If a layer raises or runs out of time,
the text counts as at risk: the result is at least `concern` with the reason "could not check" — never `none`.
Every message is judged on its own, so the same words get the same level at turn 1 and at turn 300.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import cache

from holdspace.safety import levels, rules, safeguarding
from holdspace.safety.assessment import LEVELS, NO_RISK, Assessment, Layer, Span, higher

__all__ = ["Assessment", "Span", "assess", "assess_phq9_item9", "classifier_only", "combined", "higher",
           "COULD_NOT_CHECK", "LEVELS", "NO_RISK", "SECOND_LAYER_ON", "default_layers", "with_classifier", "PHQ9_ITEM9_REASON",
           "for_replies", "rules_layer", "warm", "with_risk_model"]

COULD_NOT_CHECK = "could not check"
PHQ9_ITEM9_REASON = ("PHQ-9 question 9 (thoughts of being better off dead or of hurting oneself) "
                     "was answered above 'not at all'.")
TIME_BUDGET_S = 2.0




_MEANS_KINDS = frozenset({"means_weak", "means_have", "means_question", "means_seek"})
_FRAMED = frozenset({"media", "topic"})


def rules_layer(text: str, deadline: float) -> Assessment:
    """Our own patterns (rules.toml), read with negation, tense, quotation and whose risk it is."""
    norm, hits, resolved = rules.find_hits(text, deadline=deadline)
    hurt = [norm.text[h.start:h.end] for h in hits if h.kind == "abuse" and h.who == "other" and not h.dropped]
    judgement = levels.judge(hits, resolved=resolved, child=bool(hurt) and safeguarding.about_a_child(norm.text, hurt))
    spans = []
    for hit in judgement.hits:
        start, end = norm.span(hit.start, hit.end)
        spans.append(Span(start, end, text[start:end], hit.signal))
    well = not hits and rules.says_well(norm.text)  # no risk word at all, not even a time
    return Assessment(judgement.level, list(judgement.reasons), spans, list(judgement.cues),
                      sets_aside(hits, resolved) or well, sets_aside(hits, resolved, means=False) or well)


@cache
def _load_rules() -> None:
    """Compile the rules (about 0.7 s, once per process): like loading a model, not checking, so `assess` does it
    before its clock starts. A first message on a busy machine otherwise ran out of time ("could not check")."""
    norm, hits, resolved = rules.find_hits("warming up")
    levels.judge(hits, resolved=resolved)


rules_layer.load = _load_rules


def sets_aside(hits, resolved: bool, *, means: bool = True) -> bool:
    """Whether the rules set risk words aside: denied or negated, framed (a story, a song, the news, suicide as a
    topic), resolved and past, or (with `means`) a means named for oneself without the rest of a plan. A means
    named alone keeps the frozen head quiet but not the risk model (since 30 Nov 2026): "bought a length of rope
    today. i keep looking up at the banister" is what the model is there for."""
    return any(
        (h.who == "self" and (h.negated or h.dropped == "denied" or (means and h.kind in _MEANS_KINDS)))
        or h.dropped in _FRAMED
        or (h.who == "self" and resolved and (h.past or h.kind == "attempt_history") and h.kind in levels.PAST_SENSITIVE)
        for h in hits)


# The second layer is the fine-tuned risk model, which replaced the frozen-vector head on 30 Nov 2026 (then
# risk_ship6_L4; from session 9 risk_ship9_L4; since session 17 risk_ship16_L4, trained also on three fresh writers'
# dev batches R1-R3 and the retired held-back sets 4-9). On the blind held-back set 10, read once, the rules with it flag
# 77.2% of urgent statements (rules with risk_ship9_L4: 70.6%) and 77.3% of concern ones (70.9%), with no false alarm
# on its everyday and figurative rows. What it alone heard gets the gentle check-in, or the crisis response when it
# hears danger now. A local model's replies are read with risk_ship9_L4 still (for_replies). The figures:
# training/README.md, "Each check keeps its own model".
SECOND_LAYER_ON = True


def default_layers() -> list[Layer]:
    """The layers `assess` runs: the rules, then (when SECOND_LAYER_ON) the risk model where they found nothing."""
    return with_risk_model() if SECOND_LAYER_ON else [rules_layer]


def with_risk_model() -> list[Layer]:
    """The rules, then the fine-tuned risk model (classifier.ModelLayer) where they found nothing: the product's layers."""
    return [rules_layer, _model_layer()]


def for_replies() -> list[Layer]:
    """The layers that read a local model's reply (listening.responder.problems_in): the rules, then the reply check's
    own risk model (classifier.REPLY_MODEL_FILE), the one that check was measured with."""
    return [rules_layer, _reply_model_layer()] if SECOND_LAYER_ON else [rules_layer]


def with_classifier() -> list[Layer]:
    """The rules, then the frozen-vector head (classifier.EmbeddingLayer) the risk model replaced: for measurement."""
    return [rules_layer, _classifier_layer()]


@cache
def _model_layer():
    from holdspace.safety.classifier import ModelLayer

    return ModelLayer()


@cache
def _reply_model_layer():
    from holdspace.safety.classifier import REPLY_THRESHOLD, ModelLayer, reply_risk_encoder

    return ModelLayer(model=reply_risk_encoder, threshold=REPLY_THRESHOLD)


@cache
def _classifier_layer():
    from holdspace.safety.classifier import EmbeddingLayer

    return EmbeddingLayer()


def warm(layers: Sequence[Layer] | None = None) -> None:
    """Load what the layers (by default the product's) need, their risk model, ahead of the first text."""
    for layer in default_layers() if layers is None else layers:
        load = getattr(layer, "load", None)
        if load is not None:
            load()


def classifier_only(assessment: Assessment) -> bool:
    """True when only a classifier heard risk: no words behind it but the classifier's own reason.

    Such a text gets a lighter check-in ("I may be reading too much into this, but I'd rather ask")
    rather than the full crisis response: a model can mistake an everyday goodbye for a farewell. Its
    level stays what it is for everything else: therapist alerts, the audit log and a conversation's
    flag treat it like any other.
    """
    from holdspace.safety.classifier import REASON, URGENT_REASON

    return (assessment.level, list(assessment.reasons)) in (("concern", [REASON]), ("urgent", [URGENT_REASON]))


def combined(assessments: Sequence[Assessment]) -> Assessment:
    """Several texts judged as one: the highest level, every reason once, all the spans."""
    level = max((a.level for a in assessments), key=LEVELS.index, default="none")
    reasons = list(dict.fromkeys(r for a in assessments for r in a.reasons))
    return Assessment(level, reasons, [s for a in assessments for s in a.spans])


def assess(text: str, *, layers: Sequence[Layer] | None = None, budget_s: float = TIME_BUDGET_S) -> Assessment:
    """Judge one piece of client-written text. Never raises; on any failure the answer is at least concern."""
    try:
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        chosen = list(layers) if layers is not None else default_layers()
    except Exception:
        return Assessment("concern", [COULD_NOT_CHECK])
    level, reasons, spans, cues, failed, set_aside, framed = "none", [], [], [], False, False, False
    ready = []
    for layer in chosen:
        # Loading a model (once per process) is not checking: it happens before the clock starts.
        try:
            load = getattr(layer, "load", None)
            if load is not None:
                load()
            ready.append(layer)
        except Exception:
            failed = True
    deadline = time.monotonic() + budget_s
    for layer in ready:
        second = getattr(layer, "second_opinion", False)
        if second and (level == "urgent" or failed or framed):
            continue  # nothing it could add, or words the rules read as denied, past or framed
        if getattr(layer, "only_when_none", False) and (level != "none" or failed or set_aside):
            continue
        try:
            result = layer(text, deadline, over=level) if second else layer(text, deadline)
            if result.level not in LEVELS:
                raise ValueError(f"unknown level {result.level!r}")
            if time.monotonic() > deadline:
                raise rules.LayerTimeout("over budget")
        except Exception:
            failed = True
            continue
        if second and level == "concern" and result.level != "urgent":
            continue  # over the rules' concern, a second opinion counts only when it hears danger now
        level = higher(level, result.level)
        reasons += [r for r in result.reasons if r not in reasons]
        spans += result.spans
        cues += [c for c in result.cues if c not in cues]
        set_aside = set_aside or result.set_aside
        framed = framed or result.denied_or_framed
    if failed:
        level = higher(level, "concern")
        reasons.append(COULD_NOT_CHECK)
    return Assessment(level, reasons, sorted(spans, key=lambda s: (s.start, s.end)), cues, set_aside, framed)


def assess_phq9_item9(answer: object) -> Assessment:
    """PHQ-9 item 9 above 0 is always a concern (SAFETY.md point 8); an unreadable answer is too."""
    if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= 3:
        return Assessment("concern", [COULD_NOT_CHECK])
    return Assessment("concern", [PHQ9_ITEM9_REASON]) if answer > 0 else Assessment("none")
