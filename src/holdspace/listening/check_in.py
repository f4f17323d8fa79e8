"""Answers to the listener's own questions about risk: "are you having thoughts of ending your life?" (the gentle
and the direct check-in, the crisis responses), and what a "no" to them leaves to listen to."""

from __future__ import annotations

from holdspace.listening.memory import Conversation
from holdspace.listening.signals import DISMISS, NO_TO_CHECK_IN
from holdspace.listening.templates import responses
from holdspace.safety.response import GENTLE

__all__ = ["CARRIED_ON", "answered_no", "asked_about_ending_life", "asked_only_about_thoughts", "said_no_to_check_in"]

#: Marks (among a reply's templates) the reply that carried on after a "no" to the gentle check-in.
CARRIED_ON = "carry-on"


def asked_about_ending_life(conversation: Conversation) -> bool:
    """Whether the last reply asked "are you having thoughts of ending your life?" (the gentle or the direct
    check-in, or the concern or urgent crisis response)."""
    return bool(conversation.turns) and conversation.turns[-1].reply.variant in (GENTLE, "concern", "urgent")


def asked_only_about_thoughts(conversation: Conversation) -> bool:
    """Whether the last reply's one question was "are you having thoughts of ending your life?" (the direct
    check-in, the concern response): a "no" then answers it. After "are you safe right now, and are you
    thinking about ending your life?" (the urgent response, the self-harm check-in) a "no" could mean "I'm not
    safe", so it is never thanked as reassurance."""
    if not conversation.turns:
        return False
    last = conversation.turns[-1].reply
    return last.variant == "concern" and last.reply != responses()["conversation"]["check_in_self_harm"]


def answered_no(conversation: Conversation) -> bool:
    """Whether the last risk the conversation raised was the gentle check-in, answered "no" (and carried on)."""
    for n in range(len(conversation.turns) - 1, -1, -1):
        if conversation.turns[n].reply.variant:
            return conversation.turns[n].reply.variant == GENTLE and n + 1 < len(conversation.turns) \
                and CARRIED_ON in conversation.turns[n + 1].reply.templates
    return False


def said_no_to_check_in(conversation: Conversation, clean: str) -> str | None:
    """After the gentle check-in, a "no" to it: what to listen to now (what followed the "no", or else the
    message the check-in was about), or None when this message is not such an answer."""
    from holdspace.safety.conversation import is_retraction

    if not conversation.turns or conversation.turns[-1].reply.variant != GENTLE \
            and not asked_only_about_thoughts(conversation):
        return None
    found = NO_TO_CHECK_IN.match(clean)
    if found is None:
        return None
    rest = clean[found.end():].strip()
    if len(rest.split()) >= 2 and not is_retraction(rest) and not DISMISS.match(rest):
        return rest
    # (after the direct check-in or the crisis response a bare "no" has its own reply, and the flag its own words)
    return conversation.turns[-1].text if conversation.turns[-1].reply.variant == GENTLE else None
