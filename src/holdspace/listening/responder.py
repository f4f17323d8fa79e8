"""Who writes the listener's replies: the embedded listener, or (opt-in) a local language model.

A `Responder` answers one client message within a `Conversation`. The embedded `Listener` is one
and the default. `LocalLLMResponder` asks any OpenAI-compatible server (llama.cpp, Ollama, vLLM)
at `/v1/chat/completions`, using only the standard library, and keeps every guardrail:

1. The embedded listener reads the message first: risk detection, the fixed crisis response, the
   fixed replies (greetings, thanks, emoji...). A message at risk never reaches the model, and
   once a conversation has been flagged, the model is not used again in it.
2. What the model writes must pass safety's output filter, the risk check, the roadblock filter,
   the no-advice rules, the length limit, and must end with a question; it must not give
   numbers or addresses (a made-up helpline is dangerous) or claim to be a person.
3. On any failure — no answer in time, an error, bad JSON, a refusal, an unsafe reply — the
   embedded listener's reply is shown instead. The client always gets an answer.

Why a fallback happened is logged without the client's words.
"""

from __future__ import annotations

import json
import logging
import re
import tomllib
import urllib.error
import urllib.request
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from holdspace.listening.listener import Listener
from holdspace.listening.memory import Conversation, Reply
from holdspace.listening.signals import roadblocks_in

__all__ = ["LocalLLMResponder", "MAX_REPLY_CHARS", "Responder", "problems_in", "responder_from_settings"]

log = logging.getLogger(__name__)

#: The longest model reply shown; a longer one is not cut but replaced (it has stopped listening).
MAX_REPLY_CHARS = 600
#: How many earlier turns the model sees.
HISTORY_TURNS = 8

# Advice, plans and "have you thought about": what a listener doesn't say (on top of ROADBLOCKS).
_ADVICE = re.compile(
    r"\b(?:you (?:could|might|may) (?:want to |try|consider|start|reach out|talk to|speak to|call|see a)|"
    r"try (?:to |and |some |a |this|taking|writing|going|talking|breathing)|"
    r"(?:have you|did you) (?:considered|thought about|tried)|i (?:would )?(?:suggest|recommend|advise)|"
    r"my advice|it (?:might|may|could|would) (?:help|be helpful|be worth|be good) (?:to|if)|"
    r"(?:make sure|remember) to|you (?:need|have|must|ought) to|consider (?:talking|trying|reaching|speaking|seeing)|"
    r"here are (?:some|a few)|tips?\b|steps? you can take|a good idea|reach out to (?:a|your) "
    r"(?:professional|doctor|therapist|gp))", re.I)
# A model that refuses, talks about being a model, or claims to be what it is not.
_REFUSAL_OR_PRETENDING = re.compile(
    r"\b(?:as an ai|language model|i(?:'m| am) (?:not able|unable) to|i can(?:no|')t (?:help|assist|provide|do that)|"
    r"i(?:'m| am) (?:a|your) (?:therapist|counsell?or|psychologist|doctor|friend)|i(?:'m| am) (?:a )?(?:human|real person)|"
    r"openai|chatgpt|i(?:'ll| will) (?:call|contact|check on) you)\b", re.I)
# Numbers of three or more digits and web addresses: a model must not make up a helpline.
_NUMBERS_OR_LINKS = re.compile(r"\d[\d\s().-]{2,}\d|https?://|www\.|\b[\w-]+\.(?:com|org|net|uk|gov|io)\b", re.I)


@runtime_checkable
class Responder(Protocol):
    """Anything that can answer a client's message within a conversation."""

    def respond(self, conversation: Conversation, text: str, *, has_safety_plan: bool = False) -> Reply: ...


@cache
def _prompt() -> dict:
    return tomllib.loads((Path(__file__).parent / "llm_prompt.toml").read_text(encoding="utf-8"))


def problems_in(text: object) -> list[str]:
    """Why a model's reply may not be shown (empty when it may)."""
    from holdspace.safety.output_filter import check_output, reads_as_harmful
    from holdspace.safety.risk import assess, for_replies

    if not isinstance(text, str) or not text.strip():
        return ["empty"]
    problems = []
    if len(text) > MAX_REPLY_CHARS:
        problems.append("too long")
    problems += [f"output filter: {p.rule}" for p in check_output(text)]
    if assess(text, layers=for_replies()).level != "none":
        problems.append("risk check")
    if reads_as_harmful(text):
        problems.append("reads as harmful")
    if roadblocks_in(text):
        problems.append("roadblock")
    if _ADVICE.search(text):
        problems.append("advice")
    if _REFUSAL_OR_PRETENDING.search(text):
        problems.append("refusal or pretending")
    if _NUMBERS_OR_LINKS.search(text):
        problems.append("number or address")
    if not text.rstrip().endswith("?"):
        problems.append("no closing question")
    if text.count("?") > 2:
        problems.append("too many questions")
    return problems


class LocalLLMResponder:
    """Replies from a local OpenAI-compatible server, inside the embedded listener's guardrails."""

    def __init__(self, url: str, model: str, *, timeout: float = 10.0, api_key: str = "",
                 listener: Listener | None = None):
        base = url.strip().rstrip("/")
        if not base.lower().startswith(("http://", "https://")):
            raise ValueError("the local LLM's address must start with http:// or https://")
        self.endpoint = base if base.endswith("/chat/completions") else \
            base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")
        self.model, self.timeout, self.api_key = model, timeout, api_key
        self.listener = listener or Listener()

    def warm(self) -> None:
        self.listener.warm()
        from holdspace.safety.risk import for_replies, warm

        warm(for_replies())  # the reply check's own risk model, loaded only once a local model writes replies

    def opening(self) -> str:
        return self.listener.opening()

    def respond(self, conversation: Conversation, text: str, *, has_safety_plan: bool = False) -> Reply:
        """Reply to one message: the model's words when they pass every check, else the listener's."""
        fallback = self.listener.respond(conversation, text, has_safety_plan=has_safety_plan)
        if fallback.crisis or conversation.safety is None or conversation.safety.flagged:
            return fallback  # risk: fixed words only, for the rest of this conversation
        if not fallback.key:
            return fallback  # a fixed reply (greeting, thanks, emoji, another language...)
        try:
            said = self._ask(conversation)
        except Exception as exc:  # any failure at all: the listener's reply stands
            log.info("local LLM not used: %s", type(exc).__name__)
            return fallback
        problems = problems_in(said)
        if problems:
            log.info("local LLM reply replaced: %s", ", ".join(problems))
            return fallback
        said = said.strip()
        question = re.split(r"(?<=[.!?])\s+", said)[-1]
        reply = replace(fallback, reply=said, reflection="", validation="", question=question,
                        templates=(), source="llm")
        conversation.turns[-1].reply = reply
        return reply

    def _messages(self, conversation: Conversation) -> list[dict]:
        prompt = _prompt()
        messages = [{"role": "system", "content": prompt["system"].strip()}]
        earlier = conversation.turns[-(HISTORY_TURNS + 1):-1]
        for turn in earlier:
            if turn.text and turn.reply.reply and not turn.reply.crisis:
                messages += [{"role": "user", "content": turn.text[:2000]},
                             {"role": "assistant", "content": turn.reply.reply}]
        messages.append({"role": "user", "content": conversation.turns[-1].text[:4000]})
        return messages

    def _ask(self, conversation: Conversation) -> str:
        body = json.dumps({"model": self.model, "messages": self._messages(conversation), "temperature": 0.6,
                           "max_tokens": 220, "stream": False}).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http(s) only)
            raw = response.read(200_000)
        data = json.loads(raw.decode("utf-8"))
        choice = data["choices"][0]
        if choice.get("finish_reason") not in (None, "stop", "eos", "end_turn"):
            raise ValueError(f"finish_reason {choice.get('finish_reason')}")
        content = choice["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("content is not text")
        return content


def responder_from_settings(settings, *, use_llm: bool = True, listener: Listener | None = None) -> Responder:
    """The responder the settings call for: the local LLM when one is configured and wanted, else the listener."""
    listener = listener or Listener(country=settings.country)
    if use_llm and settings.llm_url:
        return LocalLLMResponder(settings.llm_url, settings.llm_model, timeout=settings.llm_timeout_seconds,
                                 api_key=settings.llm_api_key, listener=listener)
    return listener
