"""The rules skip a pattern only where it cannot match (needles.py): they find the same words as running them all."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from holdspace.safety import rules
from holdspace.safety.needles import grams, keys, needles
from holdspace.safety.text import normalise

DATA = Path(__file__).parent / "data"
PATTERNS = [(signal.id, pattern, key) for signal in rules.signals()
            for pattern, key in zip(signal.patterns, signal.keys, strict=True)]


def test_needles_are_what_every_match_must_hold():
    assert needles(re.compile(r"\bi'm (?:just )?(?:ending|taking) my (?:own )?life\b")) == {
        "i'm ending my life", "i'm ending my own life", "i'm taking my life", "i'm taking my own life",
        "i'm just ending my life", "i'm just ending my own life", "i'm just taking my life", "i'm just taking my own life"}
    # past a gap of any words, the longest sure piece stands for the pattern
    assert needles(re.compile(r"\b(?:the|my) plan is\b[\s,.!?;:]*(?:[\w'-]+[\s,.!?;:]+){0,8}tonight")) == {
        "my plan is", "the plan is"}
    assert keys(re.compile(r"\b(?:pills?|paracetamol)\b")) == {"pill", "pills", "parac"}


@pytest.mark.parametrize("pattern", [r"(?i)kill myself", r"(?i:kill) myself", r"(\w+) \1", r"\bi\b", r"(?:pills)?",
                                     r"[a-z]+ myself|(?:me)"])
def test_a_pattern_it_cannot_read_or_that_can_match_almost_anything_always_runs(pattern):
    assert needles(re.compile(pattern)) is None


def test_every_rules_pattern_has_keys():
    # Were one to lose them, the rules would still be right, only slower: this says the speed is still there.
    assert PATTERNS and all(key for _, _, key in PATTERNS)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.sampled_from(PATTERNS).flatmap(lambda p: st.tuples(st.just(p), st.from_regex(p[1]))))
def test_a_text_a_rules_pattern_matches_always_holds_one_of_its_keys(example):
    (signal, pattern, key), text = example
    if pattern.search(text):
        assert not key.isdisjoint(grams(text)), (signal, pattern.pattern, text)


def _texts(*names):
    for name in names:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                yield from row.get("context") or []
                yield row["text"]


def test_on_the_dev_sets_the_rules_find_exactly_what_they_find_running_every_pattern(monkeypatch):
    texts = list(_texts("risk_dev.jsonl", "must_catch.jsonl", "everyday_dev.jsonl", "classifier_dev.jsonl"))
    skipping = [rules.find_hits(t) for t in texts]
    every = tuple(dataclasses.replace(s, keys=(None,) * len(s.patterns)) for s in rules.signals())
    monkeypatch.setattr(rules, "signals", lambda: every)
    assert [rules.find_hits(t) for t in texts] == skipping
    assert sum(len(hits) for _, hits, _ in skipping) > 1000


def test_grams_are_every_piece_of_three_to_five_characters():
    assert grams("i cut") == {"i c", " cu", "cut", "i cu", " cut", "i cut"}
    assert grams(normalise("Hi").text) == frozenset()
