"""Staying with someone after the crisis response: which fixed words come next in the same conversation.

The first time risk is raised, the full crisis response (safety/crisis_response.toml). Raised again, the
shorter one ("again": the lines still first) rather than the same text read out again; someone hurting them,
or someone else at risk, told of again, is stayed with. A message right after a crisis response that the risk
check finds nothing in ("like 20 minutes ago", "yes he is in the next room") belongs to the crisis and is never
reflected as an ordinary message: a fixed reply keeps the next step to safety in front.
"""

from __future__ import annotations

from dataclasses import replace

from holdspace.listening.memory import Conversation, Reply
from holdspace.listening.templates import fixed, responses
from holdspace.safety.crisis_lines import lines_for
from holdspace.safety.levels import SENTENCES
from holdspace.safety.response import GENTLE, VARIANTS, crisis_response, variant_for

__all__ = ["CRISIS_PAGE_NOTE", "crisis_reply", "reply_to_risk", "stay_with"]

# Added to the crisis response in a conversation; the web page makes "the crisis page" a link.
CRISIS_PAGE_NOTE = " More ways to reach someone are on the crisis page (/crisis), at any hour."
# Which full responses, already given in this conversation, make a new one of each kind a repeat (urgent after
# the concern response is new, and said in full).
_COVERED_BY = {"urgent": {"urgent", "not_safe"}, "concern": {"urgent", "concern", "not_safe"}, "not_safe": {"not_safe"},
               "hurt_by_someone": {"hurt_by_someone"}, "someone_else": {"someone_else", "someone_else_urgent"},
               "someone_else_hurt": {"someone_else_hurt", "child_hurt"}, "child_hurt": {"child_hurt"},
               "someone_else_urgent": {"someone_else_urgent"}, "harm_to_others": {"harm_to_others"}}
# The fixed replies that stay with a crisis (responses.toml stay_with_*, after_not_safe), by their ids' openings.
_STAYING = ("sw-", "sh-", "ss-", "so-", "ns-")
_THIRD_PARTY = {SENTENCES["third_party"], SENTENCES["third_party_urgent"], SENTENCES["third_party_hurt"],
                SENTENCES["third_party_hurt_urgent"], SENTENCES["third_party_child"]}


def reply_to_risk(conversation: Conversation, assessment, country: str, has_safety_plan: bool = False,
                  earlier: tuple[str, ...] = ()) -> Reply:
    """The reply to a message at risk in `conversation` (`earlier`: the reasons raised before it)."""
    variant = variant_for(assessment) or "concern"
    if variant == GENTLE:
        # only the classifier heard this message, but the conversation was flagged before: a full response
        variant = "concern"
    if variant in ("someone_else", "someone_else_urgent") and set(earlier) - _THIRD_PARTY:
        # "I'm scared to go home" after "my partner hit me" is about the writer, whatever its grammar
        variant = "concern" if variant == "someone_else" else "urgent"
    return crisis_reply(conversation, variant, assessment.level, country, has_safety_plan)


def crisis_reply(conversation: Conversation, variant: str, level: str, country: str, has_safety_plan: bool) -> Reply:
    """The crisis response `variant`, or, when this conversation has had it in full, the shorter one."""
    given = {turn.reply.variant for turn in conversation.turns if turn.reply.reply.endswith(CRISIS_PAGE_NOTE)}
    if given & _COVERED_BY.get(variant, set()):
        if variant not in ("urgent", "concern", "not_safe"):
            # someone hurting them, or someone else at risk, told of again: stay with it, the lines are above
            stay = stay_with(conversation, country, [], after_any=True)
            if stay is not None:
                return replace(stay, level=level)
        variant = "again"
    response = crisis_response(country, has_safety_plan=has_safety_plan, variant=variant)
    return Reply(response.message + CRISIS_PAGE_NOTE, level=level, crisis=True, variant=variant)


def stay_with(conversation: Conversation, country: str, used: list[str], after_any: bool = False) -> Reply | None:
    """Right after a crisis response (or a reply that stayed with one), the fixed reply for a message the risk check
    found nothing in; None to listen as usual (after a concern for themselves, or once another reply came between).
    `after_any`: whatever the last reply was."""
    last = conversation.turns[-1].reply if conversation.turns else None
    if not after_any and (last is None or not (last.variant in VARIANTS or conversation.safety.level == "urgent"
                                               and any(t.startswith(_STAYING) for t in last.templates))):
        return None  # (below urgent, one reply stays with it; then they are listened to as usual)
    full = next((t.reply.variant for t in reversed(conversation.turns) if t.reply.variant in VARIANTS), "")
    r = responses()["conversation"]
    if full == "hurt_by_someone":
        options = r["stay_with_hurt"]
    elif full == "harm_to_others":
        options = r["stay_with_harming"]
    elif full in ("someone_else", "someone_else_urgent", "someone_else_hurt", "child_hurt"):
        options = r["stay_with_someone"]
    elif conversation.safety.level == "urgent":
        options = r["stay_with_urgent"]
    else:
        return None
    reply = fixed(options, conversation, used, emergency=lines_for(country).emergency)
    return replace(reply, level=conversation.safety.level, crisis=True)
