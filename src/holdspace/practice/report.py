"""The session report: every therapist turn coded and read for empathy, the summary measures set
against MITI thresholds, and three moments done well and three to try differently.

Pure: a Transcript in, a SessionReport out. Alternatives come from the reflective listener
(holdspace.listening) and the rewrite rules, never from the transcript's future.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from holdspace.language.text import words
from holdspace.practice.coding import Coded, code_utterances
from holdspace.practice.empathy import Empathy, read_empathy
from holdspace.practice.features import extract
from holdspace.practice.reflection import Quality, rewrite_question, score_reflection
from holdspace.practice.transcripts import CLIENT, THERAPIST, Transcript, Utterance

__all__ = ["Line", "Measure", "Moment", "SessionReport", "analyse", "thresholds"]

ROADBLOCK_CODES = {"advice_without_permission"}


@cache
def thresholds() -> dict:
    with (Path(__file__).parent / "miti.toml").open("rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Line:
    utterance: Utterance
    client: str = ""                    # the client's words just before (therapist lines only)
    coded: Coded | None = None
    empathy: Empathy | None = None
    quality: Quality | None = None      # reflections only


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    value: float | None
    display: str
    band: str          # good, fair, below, or none (no threshold / nothing to measure)
    fair: float | None
    good: float | None
    source: str
    explain: str
    counts: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Moment:
    index: int          # the utterance's index in the transcript
    line: int           # its line in the file
    client: str
    said: str
    label: str          # what it was ("Complex reflection", "Judging", ...)
    why: str
    alternative: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SessionReport:
    transcript: Transcript
    lines: list[Line]
    measures: list[Measure]
    counts: dict[str, int]
    done_well: list[Moment]
    try_differently: list[Moment]
    empathy_series: list[tuple[int, int]] = field(default_factory=list)  # (utterance index, total 0–6)

    @property
    def therapist_lines(self) -> list[Line]:
        return [line for line in self.lines if line.coded is not None]

    def measure(self, key: str) -> Measure:
        return next(m for m in self.measures if m.key == key)

    def as_dict(self) -> dict:
        return {
            "format": self.transcript.format,
            "problems": [{"line": p.line, "message": p.message} for p in self.transcript.problems],
            "measures": [m.as_dict() for m in self.measures],
            "counts": self.counts,
            "thresholds": {"fair": thresholds()["fair_means"], "good": thresholds()["good_means"]},
            "done_well": [m.as_dict() for m in self.done_well],
            "try_differently": [m.as_dict() for m in self.try_differently],
            "utterances": [_line_dict(line) for line in self.lines],
        }


def _line_dict(line: Line) -> dict:
    out = {"index": line.utterance.index, "speaker": line.utterance.speaker, "text": line.utterance.text,
           "line": line.utterance.line, "start": line.utterance.start}
    if line.coded:
        c = line.coded
        out["code"] = {"behaviour": c.behaviour, "code": c.code, "name": c.name, "confidence": c.confidence,
                       "evidence": list(c.evidence), "why": c.why,
                       "roadblocks": [{"kind": r.kind, "name": r.name, "words": r.words, "instead": r.instead}
                                      for r in c.roadblocks]}
    if line.empathy:
        out["empathy"] = line.empathy.as_dict()
    if line.quality:
        out["reflection_quality"] = line.quality.as_dict()
    return out


def _band(value: float | None, fair: float | None, good: float | None) -> str:
    if value is None or fair is None:
        return "none"
    return "good" if value >= good - 1e-9 else "fair" if value >= fair - 1e-9 else "below"


def _measure(key: str, value: float | None, counts: str, display: str | None = None) -> Measure:
    spec = thresholds()["measures"][key]
    fair, good = spec.get("fair"), spec.get("good")
    if display is None:
        if value is None:
            display = "—"
        elif spec["format"] == "percent":
            display = f"{value:.0%}"
        elif spec["format"] == "ratio":
            display = f"{value:.1f} : 1"
        else:
            display = f"{value:.1f}"
    return Measure(key, spec["name"], value, display, _band(value, fair, good), fair, good, spec["source"],
                   spec["explain"], counts)


def _talk_share(utterances: tuple[Utterance, ...]) -> tuple[float | None, str]:
    timed = [u for u in utterances if u.start is not None and u.end is not None and u.end > u.start]
    if len(timed) >= 0.8 * len(utterances) and timed:
        secs = {s: sum(u.end - u.start for u in timed if u.speaker == s) for s in (THERAPIST, CLIENT)}
        total = sum(secs.values())
        return (secs[CLIENT] / total if total else None,
                f"client {secs[CLIENT] / 60:.1f} min, therapist {secs[THERAPIST] / 60:.1f} min")
    n = {s: sum(len(words(u.text)) for u in utterances if u.speaker == s) for s in (THERAPIST, CLIENT)}
    total = sum(n.values())
    return (n[CLIENT] / total if total else None, f"client {n[CLIENT]:,} words, therapist {n[THERAPIST]:,} words")


def _alternative(client: str, fallback: str) -> str:
    """A stronger response to the client's words, from the reflective listener; `fallback` if it can't."""
    if not client.strip():
        return fallback
    try:
        from holdspace.listening.listener import Listener
        from holdspace.listening.memory import Conversation

        reply = Listener().respond(Conversation(), client)
    except Exception:  # the alternative is a kindness, never a reason the report fails
        return fallback
    if reply.crisis or not reply.reflection:
        return fallback
    return " ".join(part for part in (reply.reflection, reply.question) if part)


def _moments(lines: list[Line], alternatives: bool) -> tuple[list[Moment], list[Moment]]:
    good: list[tuple[float, Moment]] = []
    weak: list[tuple[float, Moment]] = []
    for line in lines:
        c, e, q, u = line.coded, line.empathy, line.quality, line.utterance
        if c is None:
            continue
        empathy = e.total if e else 0
        if c.code in ("complex_reflection", "summary") and q and q.score >= 0.55:
            good.append((1.0 + q.score + 0.1 * empathy, Moment(
                u.index, u.line, line.client, u.text, c.name,
                f"It {c.why}" + (" and names a feeling." if q.feeling else ".")
                + (f" Empathy {empathy}/6." if empathy else ""))))
        elif c.code == "affirmation" and not c.roadblocks:
            good.append((0.9 + 0.05 * empathy, Moment(u.index, u.line, line.client, u.text, c.name, f"It {c.why}.")))
        elif (c.code == "open_question" and not c.roadblocks and e and e.explorations.level == 2
              and not _is_why(u.text) and not _FACT_QUESTION.search(u.text)):
            good.append((0.8 + 0.1 * empathy, Moment(u.index, u.line, line.client, u.text, c.name,
                                                     f"It {c.why}, and follows what the client said.")))
        elif c.code in ("advice_with_permission", "emphasising_autonomy") and not c.roadblocks:
            good.append((0.7, Moment(u.index, u.line, line.client, u.text, c.name, f"It {c.why}.")))
        if c.roadblocks:
            r = c.roadblocks[0]
            weak.append((2.0, Moment(u.index, u.line, line.client, u.text, r.name,
                                     f"{r.means} (“{r.words}”)", r.instead)))
        elif c.code == "advice_without_permission":
            weak.append((1.6, Moment(u.index, u.line, line.client, u.text, c.name,
                                     "It suggests what to do before asking whether the client wants ideas.",
                                     "Ask first: “Would it be all right if I shared an idea some people find useful?”")))
        elif c.behaviour == "question" and _is_why(u.text):
            weak.append((1.5, Moment(u.index, u.line, line.client, u.text, "A “why” question",
                                     "“Why” can sound like a demand to justify oneself.", rewrite_question(u.text))))
        elif c.code == "closed_question" and len(words(line.client)) >= 6:
            weak.append((1.0, Moment(u.index, u.line, line.client, u.text, c.name,
                                     "A yes/no question where the client had more to say.",
                                     rewrite_question(u.text) or "")))
        elif c.behaviour == "reflection" and q and q.band == "weak":
            weak.append((1.2 - q.score, Moment(u.index, u.line, line.client, u.text, "A thin reflection",
                                               q.notes[0] if q.notes else "It misses what the client said.",
                                               q.suggestion)))
    good.sort(key=lambda t: -t[0])
    weak.sort(key=lambda t: -t[0])
    done = _spread([m for _, m in good])
    tries = _spread([m for _, m in weak])
    if alternatives:
        tries = [m if m.alternative and m.label not in ("A thin reflection", "Closed question")
                 else Moment(m.index, m.line, m.client, m.said, m.label, m.why,
                             _alternative(m.client, m.alternative)) for m in tries]
    return done, tries


def _is_why(text: str) -> bool:
    return any(w.lower().startswith("why") for w in words(text)[:4])


# "What gym…?", "How far…?": what/how questions that ask for a fact are closed in all but form.
_FACT_QUESTION = re.compile(r"\b(what|which) (gym|time|day|kind|sort|type|job|school|drink|number|one|year|age)\b|"
                            r"\bhow (far|many|much|long|often|old|soon)\b", re.I)


def _spread(moments: list[Moment], n: int = 3) -> list[Moment]:
    """Up to n moments, preferring different kinds from different parts of the session."""
    chosen: list[Moment] = []
    for strict in (True, False):
        for m in moments:
            if len(chosen) == n:
                break
            if any(m.index == c.index or _same_words(m.said, c.said) for c in chosen):
                continue  # (a line said twice, as when a scene is played again, is one moment)
            if strict and any(c.label == m.label or abs(m.index - c.index) < 3 for c in chosen):
                continue
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.index)


def _same_words(a: str, b: str) -> bool:
    """Whether two lines say nearly the same thing: most of their words shared."""
    x, y = ({w.lower() for w in words(t)} for t in (a, b))
    return len(x & y) >= 0.6 * max(len(x | y), 1)


def analyse(transcript: Transcript, *, alternatives: bool = True, encoder=None) -> SessionReport:
    """Code, read and measure a whole session."""
    previous_client = ""
    pairs: list[tuple[Utterance, str]] = []
    for u in transcript.utterances:
        if u.speaker == CLIENT:
            previous_client = u.text
        else:
            pairs.append((u, previous_client))
    texts = [u.text for u, _ in pairs]
    clients = [c for _, c in pairs]
    following = {u.index: transcript.utterances[u.index + 1].text for u in transcript.utterances[:-1]
                 if transcript.utterances[u.index + 1].speaker == CLIENT}
    nexts = [following.get(u.index) for u, _ in pairs]
    feats = extract(texts, clients, encoder, nexts=nexts) if texts else None
    coded = code_utterances(texts, clients, feats) if texts else []
    by_index: dict[int, Line] = {}
    for (u, client), c in zip(pairs, coded):
        empathy = read_empathy(client, u.text) if client else None
        quality = score_reflection(client, u.text) if c.behaviour == "reflection" and client else None
        by_index[u.index] = Line(u, client, c, empathy, quality)
    lines = [by_index.get(u.index) or Line(u) for u in transcript.utterances]
    codes = [c.code for c in coded]
    n_q = sum(c.behaviour == "question" for c in coded)
    n_r = sum(c.behaviour == "reflection" for c in coded)
    n_open = codes.count("open_question")
    n_closed = codes.count("closed_question")
    n_complex = codes.count("complex_reflection") + codes.count("summary")
    blocked = sum(bool(c.roadblocks) or c.code in ROADBLOCK_CODES for c in coded)
    share, talk = _talk_share(transcript.utterances)
    empathy_lines = [line for line in lines if line.empathy is not None]
    mean_empathy = float(np.mean([line.empathy.total for line in empathy_lines])) if empathy_lines else None
    measures = [
        _measure("reflection_to_question", n_r / n_q if n_q else None, f"{n_r} reflections, {n_q} questions",
                 None if n_q else ("—" if not n_r else f"{n_r} : 0")),
        _measure("complex_reflections", n_complex / n_r if n_r else None, f"{n_complex} of {n_r} reflections"),
        _measure("open_questions", n_open / (n_open + n_closed) if n_open + n_closed else None,
                 f"{n_open} of {n_open + n_closed} questions"),
        _measure("without_roadblocks", 1 - blocked / len(coded) if coded else None,
                 f"{blocked} of {len(coded)} responses had one"),
        _measure("client_talk", share, talk),
        _measure("empathy", mean_empathy, f"over {len(empathy_lines)} responses"),
    ]
    counts = {code: codes.count(code) for code in dict.fromkeys(codes)}
    for c in coded:
        for r in c.roadblocks:
            counts[f"roadblock:{r.kind}"] = counts.get(f"roadblock:{r.kind}", 0) + 1
    done, tries = _moments(lines, alternatives)
    series = [(line.utterance.index, line.empathy.total) for line in empathy_lines]
    return SessionReport(transcript, lines, measures, counts, done, tries, series)
