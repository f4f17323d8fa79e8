"""The crisis response: fixed, versioned text from crisis_response.toml, localised by country.

Never generated: the only variable parts are the country's call and text routes (from
crisis_lines.toml), whether the client already has a safety plan, and who else is told (the
therapists the client asked to be alerted, if the caller knows).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from holdspace.safety import crisis_lines
from holdspace.safety.crisis_lines import CountryLines, Line

__all__ = ["CrisisResponse", "GENTLE", "OWN_LINES", "VARIANTS", "crisis_response", "variant_for", "version"]

VARIANTS = ("urgent", "concern", "someone_else", "someone_else_urgent", "hurt_by_someone", "someone_else_hurt",
            "child_hurt", "harm_to_others", "again", "not_safe")
# ("again" and "not_safe" belong to a conversation that has already had a full response: the listener picks
# them, the shorter one for risk raised again, the other after "no" to "Are you safe right now?"; variant_for
# never returns them.)
# The lighter check-in for a concern only the classifier heard (risk.classifier_only): it asks first,
# then gives the call and text routes, so the crisis response's first-two-sentences rule is not its rule.
GENTLE = "unsure"
# Which of the country's lines a variant offers first: someone being hurt by a person, the writer or someone else,
# gets the domestic abuse line (it takes calls from worried friends and family too), a child the child-protection
# line; everyone else the general crisis lines.
OWN_LINES = {"hurt_by_someone": "abuse", "someone_else_hurt": "abuse", "child_hurt": "child"}


@dataclass(frozen=True)
class CrisisResponse:
    version: str
    variant: str
    country: str
    sentences: tuple[str, ...]
    call: Line | None          # the line offered for a call, None for the international fallback
    text: Line | None          # the line offered for a text
    emergency: str
    safety_plan_offered: bool  # the client's own plan was offered (True) or making one was (False)
    told: tuple[str, ...] | None = None  # therapists alerted; () nobody; None: not known here

    @property
    def message(self) -> str:
        return " ".join(self.sentences)


@cache
def _templates() -> dict:
    return tomllib.loads(resources.files("holdspace.safety").joinpath("crisis_response.toml").read_text("utf-8"))


def version() -> str:
    return _templates()["version"]


def _routes(here: CountryLines, lines: str = "general") -> tuple[str, str, Line | None, Line | None]:
    routes = _templates()["routes"]
    call, text = {"general": (here.call_line, here.text_line), "abuse": (here.abuse_call_line, here.abuse_text_line),
                  "child": (here.child_call_line, here.child_text_line)}[lines]
    text = call if call is not None and call.text else text
    webs = [line for line in here.lines if line.web]
    if call is None or text is None:  # the international fallback lists websites, not numbers
        first = webs[0].web if webs else "https://findahelpline.com"
        second = webs[1].web if len(webs) > 1 else first
        return (routes["web"].format(web=first), routes["web_text"].format(web=second), None, None)
    hours = call.hours or "any time"
    call_route = routes["call"].format(number=call.call, said=call.spoken, hours=hours)
    if text is call:  # the same service: its name was just given
        key = "text_same_line_word" if text.text_word else "text_same_line"
        text_route = routes[key].format(number=text.text, word=text.text_word)
    else:
        key = "text_with_word" if text.text_word else "text_plain"
        text_route = routes[key].format(word=text.text_word, number=text.text, said=text.spoken,
                                        hours=text.hours or "any time")
    return call_route, text_route, call, text


def _told(told: tuple[str, ...] | None, variant: str) -> str:
    sentences = _templates()[variant].get("told") or _templates()["told"]
    if told is None:
        return sentences["unknown"]
    if not told:
        return sentences["nobody"]
    names = told[0] if len(told) == 1 else ", ".join(told[:-1]) + " and " + told[-1]
    return sentences["therapists"].format(names=names)


def crisis_response(country: str, *, has_safety_plan: bool, variant: str = "urgent",
                    told: tuple[str, ...] | list[str] | None = None) -> CrisisResponse:
    """The fixed response for `country` (ISO code; unknown codes get the international fallback).

    `has_safety_plan`: the client has one (it is offered) or not (making one is). `told`: the
    therapists this client asked to be alerted (see safety/alerts.py), () when nobody is, None
    when the caller can't know; the response then makes no claim about who is told.
    """
    if variant not in VARIANTS + (GENTLE,):
        raise ValueError(f"variant must be one of {VARIANTS + (GENTLE,)}")
    here = crisis_lines.lines_for(country or "INT")
    template = _templates()[variant]
    call_route, text_route, call, text = _routes(here, OWN_LINES.get(variant, "general"))
    plan = template["safety_plan_exists" if has_safety_plan else "safety_plan_missing"]
    emergency = here.emergency
    told = None if told is None else tuple(told)
    sentences = tuple(
        s.format(call_route=call_route, text_route=text_route, emergency=emergency, country=here.name,
                 safety_plan=plan, told=_told(told, variant))
        for s in template["sentences"])
    sentences = tuple(s for s in sentences if s)  # (a variant may have nothing to say about who is told)
    return CrisisResponse(version(), variant, here.code, sentences, call, text, emergency,
                          has_safety_plan, told)


def variant_for(assessment) -> str | None:
    """Which response an assessment calls for: urgent, concern, someone_else(_urgent), hurt_by_someone,
    someone_else_hurt, child_hurt, harm_to_others, unsure, or None.

    A concern only the embedding classifier heard, with no words behind it, gets the gentle check-in
    (`GENTLE`, "unsure"): the classifier can be wrong, so it asks rather than alarms.

    Someone being hurt or threatened by another person ("he pushed me into the wall", "he's coming up
    the stairs with a knife"), with no risk to themselves named, is asked about their safety from
    that person, at either level. So is someone else being hurt by a person, with nothing said about their own
    wish to die or the writer's own risk ("my sister's boyfriend hits her"): the writer is helped to get help to
    them, with a child-protection line when the one hurt is a child ("one of my pupils told me her dad hits her").
    """
    from holdspace.safety.levels import SENTENCES
    from holdspace.safety.risk import classifier_only

    if assessment.level not in ("urgent", "concern"):
        return None
    if classifier_only(assessment):
        return GENTLE
    reasons = set(assessment.reasons)
    hurt = {SENTENCES["abuse"], SENTENCES["danger"]}
    hurt_others = {SENTENCES["third_party_hurt"], SENTENCES["third_party_hurt_urgent"], SENTENCES["third_party_child"]}
    others = {SENTENCES["third_party"], SENTENCES["third_party_urgent"]}
    harming = {SENTENCES["harm_others"], SENTENCES["harm_others_thoughts"], SENTENCES["harm_others_urgent"]}
    if reasons & harming and reasons <= harming | others | hurt_others:
        # ("i keep having thoughts of hurting my son"): asked whether they might act and whether everyone is safe
        return "harm_to_others"
    if reasons & hurt and reasons <= hurt | others | hurt_others:
        # ("he says he'll kill me tonight" also reads as someone else at risk; the writer is the one in danger)
        return "hurt_by_someone"
    if reasons & hurt_others and reasons <= hurt_others:
        # ("my neighbour's husband is beating her right now"): the emergency number first, at either level
        return "child_hurt" if SENTENCES["third_party_child"] in reasons else "someone_else_hurt"
    if assessment.level == "urgent":
        # ("my friend just took 40 paracetamol", "his stepdad is coming after him with a knife right now")
        return "someone_else_urgent" if reasons <= others else "urgent"
    return "someone_else" if reasons and reasons <= others else "concern"
