"""From rule hits to a level and reasons a person can read.

urgent: intent, plan, means, an attempt under way, imminent harm to others, danger now.
concern: passive ideation, self-harm, abuse, risk to someone else, hopelessness with thoughts of
death, eating-disorder behaviour. none: nothing, or only figurative, resolved, quoted or denied.
Signals that mean little alone (a time, a means, a goodbye) raise the level only beside others.
"""

from __future__ import annotations

from dataclasses import dataclass

from holdspace.safety.rules import Hit

URGENT = {"intent", "plan", "means_seek", "means_have", "method_thoughts", "attempt", "farewell", "danger",
          "self_harm_danger", "harm_others_urgent"}
CONCERN = {"thoughts", "passive", "not_missed", "burden", "cant_go_on", "death", "hedged", "self_harm", "abuse", "eating", "harm_others",
           "harm_others_thoughts", "directed", "attempt_history", "history", "farewell_weak", "means_question"}
IDEATION = {"thoughts", "passive", "not_missed", "burden", "cant_go_on", "death", "hedged", "attempt_history", "history"}
# Kinds whose past tense, once resolved, is no longer a risk.
PAST_SENSITIVE = URGENT | CONCERN - {"abuse", "directed"}
# Kinds that only ever add to others.
MODIFIERS = {"affairs", "commit", "timeframe", "means_weak", "plan_weak", "despair", "hopeless", "immediacy", "threat"}

NOUNS = {  # parts of an urgent reason, in the order they are listed
    "wish": "thoughts of dying",
    "intent": "an intention to die by suicide",
    "plan": "a plan",
    "plan_weak": "preparations",
    "method_thoughts": "thoughts about a specific method",
    "means_seek": "a question about methods or means",
    "means_have": "access to a means",
    "means_weak": "a possible means",
    "timeframe": "a time",
    "farewell": "saying goodbye",
    "farewell_weak": "saying goodbye or putting affairs in order",
    "attempt": "an attempt that may be under way",
}
SENTENCES = {
    "thoughts": "Thoughts of suicide were mentioned.",
    "passive": "A wish not to be alive was expressed.",
    "not_missed": "A feeling that nobody would notice or miss them if they were gone was expressed.",
    "cant_go_on": "A feeling of not being able to go on was expressed.",
    "burden": "A feeling of being a burden to everyone close was expressed.",
    "death": "Thoughts of death were mentioned.",
    "hopeless_death": "Hopelessness with thoughts of death was expressed.",
    "hedged": "Suicide was ruled out only tentatively.",
    "self_harm": "Hurting oneself was mentioned.",
    "self_harm_danger": "A serious injury may be happening now.",
    "abuse": "Being hurt, threatened or controlled by someone was described.",
    "danger": "Danger right now was described.",
    "eating": "Eating-disorder behaviour was described (not eating, purging or similar).",
    "harm_others": "Hurting someone else was mentioned.",
    "harm_others_thoughts": "Thoughts of hurting someone else were mentioned.",
    "harm_others_urgent": "Hurting someone else soon was mentioned.",
    "directed": "Someone was told to kill themselves.",
    "attempt_history": "A past suicide attempt was mentioned, without saying it is behind them.",
    "history": "Past self-harm or suicidal acts were mentioned, without saying they are behind them.",
    "means_question": "A question about heights or means was asked.",
    "farewell_weak": "Saying goodbye or putting affairs in order was mentioned.",
    "third_party": "Someone else may be at risk: this is about another person, not the writer.",
    "third_party_urgent": "Someone else may be in danger right now: this is about another person.",
    # Someone else hurt, threatened or controlled by a person: the danger is that person, not their own wish to die.
    "third_party_hurt": ("Someone else is being hurt, threatened or controlled by another person: this is about them, "
                         "not the writer."),
    "third_party_hurt_urgent": "Someone else is being hurt by another person right now: this is about them, not the writer.",
    "third_party_child": "The person being hurt may be a child.",
}


@dataclass(frozen=True)
class Judgement:
    level: str
    reasons: tuple[str, ...]
    hits: tuple[Hit, ...]   # the hits that count, for spans
    cues: tuple[str, ...] = ()  # the writer's own context signals (a time, preparations...), even alone


def _near(a: Hit, b: Hit, distance: int = 1) -> bool:
    return abs(a.sentence - b.sentence) <= distance


def judge(hits: list[Hit], *, resolved: bool = False, child: bool = False) -> Judgement:
    """Decide the level from hits already read in context; `resolved`: the text says it is behind them; `child`: the
    text names a child as the one someone else is hurting (safeguarding.about_a_child)."""
    live: list[Hit] = []
    for hit in hits:
        if hit.dropped:
            continue
        if hit.negated:
            if not hit.hedged or hit.kind in MODIFIERS:
                continue
            hit = _as(hit, "hedged")
        if resolved and (hit.past or hit.kind == "attempt_history") and hit.kind in PAST_SENSITIVE:
            continue
        if hit.past and hit.kind in PAST_SENSITIVE:
            hit = _as(hit, "history" if hit.kind != "attempt_history" else "attempt_history")
        live.append(hit)

    mine = [h for h in live if h.who == "self"]
    theirs = [h for h in live if h.who == "other"]
    kinds = {h.kind for h in mine}
    urgent_parts: set[str] = set()
    concern: list[str] = []
    counted: list[Hit] = []

    def by_kind(kind: str) -> list[Hit]:
        return [h for h in mine if h.kind == kind]

    urgent_sentences: list[str] = []
    for h in mine:
        if h.kind in {"danger", "self_harm_danger", "harm_others_urgent"}:
            urgent_sentences.append(SENTENCES[h.kind])
            counted.append(h)
        elif h.kind in URGENT:
            urgent_parts.add(h.kind)
            counted.append(h)
    # Ideation with "and I'm going to do it" is intent.
    for h in by_kind("commit"):
        if [i for i in mine if i.kind in IDEATION | {"plan_weak"}]:
            urgent_parts.add("intent")
            counted.append(h)
    # A bare mention of the act, with a time beside it, is intent.
    for h in by_kind("thoughts"):
        for t in by_kind("timeframe"):
            if t.sentence == h.sentence:
                urgent_parts.update({"intent", "timeframe"})
                counted += [h, t]
    ideation = [h for h in mine if h.kind in IDEATION]
    for h in ideation:
        for m in by_kind("means_weak"):
            if _near(h, m):
                urgent_parts.update({"means_weak"})
                counted += [h, m]
        for q in by_kind("means_question"):
            urgent_parts.add("means_seek")
            counted += [h, q]
    if ideation and (by_kind("farewell_weak") or by_kind("plan_weak") or by_kind("affairs")):
        urgent_parts.update({k for k in ("farewell_weak", "plan_weak") if by_kind(k)})
        if by_kind("affairs"):
            urgent_parts.add("farewell_weak")
        counted += ideation + by_kind("farewell_weak") + by_kind("plan_weak") + by_kind("affairs")
    if len({h.signal + str(h.start) for h in by_kind("plan_weak")}) >= 2:
        urgent_parts.add("plan")
        counted += by_kind("plan_weak")
    weak_goodbyes = by_kind("farewell_weak")
    # A will, "if anything happens to me" or "I won't be coming back" counts as a goodbye only beside
    # other risk, or beside another such goodbye ("if you're reading this, I'm already gone").
    affairs = by_kind("affairs")
    if weak_goodbyes or ideation or by_kind("plan_weak") or len({h.start for h in affairs}) >= 2:
        weak_goodbyes = weak_goodbyes + affairs
    if len({h.start for h in weak_goodbyes}) >= 2:
        urgent_parts.add("farewell_weak")
        counted += weak_goodbyes
    timed = [(w, t) for w in weak_goodbyes for t in by_kind("timeframe") if _near(w, t, 0)]
    if timed:
        urgent_parts.update({"farewell_weak", "timeframe"})
        counted += [h for pair in timed for h in pair]
    # Giving things away or sorting affairs, beside preparations ("I wrote the letters"), is a plan in motion.
    if weak_goodbyes and by_kind("plan_weak"):
        urgent_parts.update({"farewell_weak", "plan_weak"})
        counted += weak_goodbyes + by_kind("plan_weak")
    # Preparations with a means in the same sentence ("it's all worked out, the pills are in my drawer").
    for p in by_kind("plan_weak"):
        for m in by_kind("means_weak"):
            if _near(p, m, 0):
                urgent_parts.update({"plan_weak", "means_weak"})
                counted += [p, m]
    for m in by_kind("means_weak"):
        for d in by_kind("despair"):
            if _near(m, d):
                urgent_parts.add("means_weak")
                counted += [m, d]
    if urgent_parts & {"intent", "plan", "means_have", "means_seek", "method_thoughts", "farewell", "attempt"}:
        for t in by_kind("timeframe"):
            urgent_parts.add("timeframe")
            counted.append(t)
    # Harm to others: urgent with a weapon or a time beside it; a child at risk is always urgent.
    harm_urgent = False
    for h in by_kind("harm_others"):
        near = [m for m in mine if m.kind in {"means_weak", "timeframe", "means_have"} and m.sentence == h.sentence]
        if near:
            harm_urgent = True
            counted += [h] + near
        else:
            concern.append("harm_others")
            counted.append(h)
    # Abuse or a threat, with danger named as present, is danger now.
    danger = "danger" in kinds
    threats = by_kind("threat")
    abuse = by_kind("abuse")
    for t in threats:
        if abuse or any(x.kind in {"immediacy"} and x.sentence == t.sentence for x in mine):
            abuse.append(t)
    for a in abuse:
        if any(x.kind == "immediacy" and x.sentence == a.sentence for x in mine):
            danger = True
        counted.append(a)
    if abuse:
        concern.append("abuse")
    for kind in ("thoughts", "passive", "not_missed", "burden", "cant_go_on", "death", "hedged", "self_harm", "eating", "harm_others_thoughts",
                 "directed", "attempt_history", "history", "means_question", "farewell_weak"):
        if kind in kinds:
            concern.append(kind)
            counted += by_kind(kind)
    if "death" in kinds and "hopeless" in kinds:
        concern = ["hopeless_death" if k == "death" else k for k in concern]
        counted += by_kind("hopeless")

    # Someone else's risk: a concern, or urgent when it is happening now.
    other_urgent = any(h.kind in {"attempt", "danger", "harm_others_urgent"} for h in theirs)
    other_abuse_now = any(h.kind == "abuse" and any(x.kind == "immediacy" and x.sentence == h.sentence for x in live)
                          for h in theirs)
    other_risk = [h for h in theirs if h.kind in URGENT | CONCERN | {"harm_others"}]

    # Ideation that took part in an urgent finding is named in it ("thoughts of dying and a time...").
    if urgent_parts and "intent" not in urgent_parts and any(h in counted for h in ideation):
        urgent_parts.add("wish")
    reasons: list[str] = []
    level = "none"
    if urgent_parts or urgent_sentences or danger or harm_urgent or other_urgent or other_abuse_now:
        level = "urgent"
    elif concern or other_risk:
        level = "concern"
    if urgent_parts:
        reasons.append(_compose(urgent_parts))
    reasons += urgent_sentences
    if danger:
        reasons.append(SENTENCES["danger"])
    if harm_urgent:
        reasons.append(SENTENCES["harm_others_urgent"])
    for kind in dict.fromkeys(concern):
        if kind in urgent_parts or (urgent_parts and kind in IDEATION | {"hopeless_death", "farewell_weak"}):
            continue
        reasons.append(SENTENCES[kind])
    # Someone else hurt by a person, and nothing else about them, is said so: "my sister's boyfriend hits her" asks
    # whether she is safe from him, "my friend wants to die because he hits her" still whether she might end her life.
    hurt_only = bool(other_risk) and all(h.kind == "abuse" for h in other_risk)
    if hurt_only:
        reasons.append(SENTENCES["third_party_hurt_urgent" if other_abuse_now else "third_party_hurt"])
        if child:
            reasons.append(SENTENCES["third_party_child"])
        counted += other_risk
    elif other_urgent or other_abuse_now:
        reasons.append(SENTENCES["third_party_urgent"])
        counted += [h for h in theirs if h.kind in {"attempt", "danger", "harm_others_urgent", "abuse"}]
    elif other_risk:
        reasons.append(SENTENCES["third_party"])
        counted += other_risk
    unique = {(h.start, h.end, h.signal): h for h in counted}
    cues = tuple(sorted({h.kind for h in mine if h.kind in MODIFIERS | {"farewell_weak"}}))
    return Judgement(level, tuple(dict.fromkeys(reasons)), tuple(sorted(unique.values(), key=lambda h: h.start)), cues)


def _as(hit: Hit, kind: str) -> Hit:
    return Hit(hit.signal, kind, hit.start, hit.end, hit.sentence, hit.who, False, hit.hedged, False, hit.dropped)


def _compose(parts: set[str]) -> str:
    if {"means_have", "means_seek"} & parts:
        parts = parts - {"means_weak"}
    if "farewell" in parts:
        parts = parts - {"farewell_weak"}
    if "plan" in parts:
        parts = parts - {"plan_weak"}
    nouns = [NOUNS[k] for k in NOUNS if k in parts]
    if len(nouns) == 1:
        sentence = f"{nouns[0]} was mentioned."
    else:
        sentence = f"{', '.join(nouns[:-1])} and {nouns[-1]} were mentioned."
    return sentence[0].upper() + sentence[1:]
