"""Session transcripts in: plain text with speaker prefixes, WebVTT, SRT or JSON, read into utterances.

Pure. `parse` never gives up on a whole file for one bad line: it keeps every utterance it can
read and lists a `Problem` (line number, kind words) for each line it had to leave out or guess
about. It raises `InvalidInput` only when nothing at all could be read.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from holdspace.errors import InvalidInput
from holdspace.language.text import normalize

__all__ = ["MAX_BYTES", "Problem", "Transcript", "Utterance", "parse", "role_of"]

#: A one-hour session is about 60 KB of text; anything past this is almost surely not a transcript.
MAX_BYTES = 2_000_000
MAX_PROBLEMS = 50

THERAPIST, CLIENT = "therapist", "client"
_ROLES = {
    "t": THERAPIST, "th": THERAPIST, "therapist": THERAPIST, "counsellor": THERAPIST, "counselor": THERAPIST,
    "clinician": THERAPIST, "interviewer": THERAPIST, "helper": THERAPIST, "trainee": THERAPIST,
    "practitioner": THERAPIST, "psychologist": THERAPIST, "supporter": THERAPIST,
    "c": CLIENT, "cl": CLIENT, "client": CLIENT, "patient": CLIENT, "p": CLIENT, "seeker": CLIENT,
    "interviewee": CLIENT,
}
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*({_TIME})\s*-->\s*({_TIME})(?:\s+.*)?$")
_LOOSE_TIMING = re.compile(r"-->|\d:\d\d\S*\s*-{1,2}>")
_STAMP = re.compile(rf"^\s*[\[(]?({_TIME})[\])]?\s+")
# "Name: text" with a short label; "[Name] text"; "<v Name>text" (WebVTT voice span).
_PREFIX = re.compile(r"^\s*([A-Za-z][\w .'-]{0,30}?)\s*[:：]\s*(.*)$")
_BRACKET = re.compile(r"^\s*\[([A-Za-z][\w .'-]{0,30})\]\s*(.*)$")
_VOICE = re.compile(r"^\s*<v(?:\.[\w.-]+)?\s+([^>]{1,40})>(.*?)(?:</v>)?\s*$")
_TAGS = re.compile(r"</?[a-z][^>]*>")


@dataclass(frozen=True)
class Utterance:
    index: int
    speaker: str          # "therapist" or "client"
    text: str
    line: int             # where it starts in the file (1-based)
    start: float | None = None   # seconds from the start, when the file says
    end: float | None = None
    label: str = ""       # the speaker as written in the file

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Transcript:
    utterances: tuple[Utterance, ...]
    problems: tuple[Problem, ...] = ()
    format: str = "text"
    speakers: dict[str, str] = field(default_factory=dict)   # label as written -> role

    def as_dict(self) -> dict:
        return {"format": self.format, "speakers": self.speakers,
                "utterances": [u.as_dict() for u in self.utterances],
                "problems": [{"line": p.line, "message": p.message} for p in self.problems]}

    @property
    def therapist(self) -> list[Utterance]:
        return [u for u in self.utterances if u.speaker == THERAPIST]


def role_of(label: str, names: dict[str, str] | None = None) -> str | None:
    """The role a speaker label stands for: 'therapist', 'client', or None when it's a name we weren't told about."""
    key = label.strip().lower()
    for name, role in (names or {}).items():
        if name.strip().lower() == key:
            return role
    return _ROLES.get(key.rstrip("."))


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


class _Reader:
    """Collects utterances and problems while one format walks the file."""

    def __init__(self, names: dict[str, str] | None):
        self.names = {k: v for k, v in (names or {}).items() if v in (THERAPIST, CLIENT)}
        self.rows: list[dict] = []
        self.problems: list[Problem] = []
        self.unknown: dict[str, int] = {}   # unmapped name -> first line
        self.seen: dict[str, str] = {}

    def problem(self, line: int, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(line, message))
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(Problem(0, "There were more problems than this; the first "
                                            f"{MAX_PROBLEMS} are listed."))

    def add(self, label: str, text: str, line: int, start=None, end=None) -> None:
        text = normalize(_TAGS.sub("", text))
        if not text:
            return
        role = role_of(label, self.names)
        if role is None:
            self.unknown.setdefault(label.strip(), line)
        self.rows.append({"label": label.strip(), "role": role, "text": text, "line": line,
                          "start": start, "end": end})

    def extend_last(self, text: str) -> None:
        text = normalize(_TAGS.sub("", text))
        if text:
            self.rows[-1]["text"] += " " + text

    def finish(self, fmt: str) -> Transcript:
        unknown = list(self.unknown)
        if unknown:
            known_roles = {r["role"] for r in self.rows if r["role"]}
            if len(unknown) == 1 and len(known_roles) == 1:
                # One named speaker beside a labelled one: the name is the other role.
                guess = CLIENT if THERAPIST in known_roles else THERAPIST
                self.names[unknown[0]] = guess
                self.problem(self.unknown[unknown[0]], f"“{unknown[0]}” was read as the {guess}, "
                             "since the other speaker is labelled. Say so if that's wrong.")
                unknown = []
            else:
                listed = ", ".join(f"“{u}”" for u in unknown[:6])
                self.problem(self.unknown[unknown[0]],
                             f"We don't know who {listed} {'is' if len(unknown) == 1 else 'are'}. Tell us once "
                             "which name is the therapist (for example --therapist NAME, or the "
                             "field on the upload page); their lines were left out until then.")
        utterances = []
        for row in self.rows:
            role = row["role"] or self.names.get(row["label"])
            if role is None:
                continue
            self.seen[row["label"]] = role
            utterances.append(Utterance(len(utterances), role, row["text"], row["line"],
                                        row["start"], row["end"], row["label"]))
        if not utterances:
            reasons = "; ".join(str(p) for p in self.problems[:3])
            raise InvalidInput(
                "We couldn't find any lines that say who is speaking. Start each line with T: or "
                "C: (or Therapist: / Client:), or upload WebVTT, SRT or JSON with speaker labels."
                + (f" What we noticed: {reasons}" if reasons else ""))
        return Transcript(tuple(utterances), tuple(self.problems), fmt, dict(self.seen))


def _split_label(text: str) -> tuple[str, str] | None:
    for pattern in (_VOICE, _BRACKET, _PREFIX):
        m = pattern.match(text)
        if m:
            return m.group(1), m.group(2)
    return None


def _plain(lines: list[str], reader: _Reader) -> None:
    after_blank = True
    for number, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            after_blank = True
            continue
        start = None
        stamp = _STAMP.match(text)
        if stamp:
            start, text = _seconds(stamp.group(1)), text[stamp.end():]
        if _LOOSE_TIMING.search(text) or text.isdigit():
            reader.problem(number, "This looks like subtitle timing inside a plain-text transcript, "
                                   "so it was skipped. Is the file an SRT or WebVTT file with a different name?")
            continue
        split = _split_label(text)
        if split and (role_of(split[0], reader.names) or (len(split[0].split()) <= 3 and split[0][:1].isupper())):
            reader.add(split[0], split[1], number, start)
        elif reader.rows and not after_blank:
            reader.extend_last(text)
        else:
            reader.problem(number, "This line doesn't say who is speaking (start it with T: or C:), "
                                   "so it was left out.")
        after_blank = False


def _cues(lines: list[str], reader: _Reader, fmt: str) -> None:
    """SRT and WebVTT: blocks of [id] / timing / text lines, separated by blank lines."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            blocks[-1].append((number, raw.strip()))
        elif blocks[-1]:
            blocks.append([])
    last_end = 0.0
    for block in blocks:
        if not block:
            continue
        first = block[0][1]
        if fmt == "vtt" and (first.startswith(("WEBVTT", "NOTE", "STYLE", "REGION"))):
            continue
        timing_at = next((i for i, (_, t) in enumerate(block) if _LOOSE_TIMING.search(t)), None)
        start = end = None
        if timing_at is None:
            body = block[1:] if first.isdigit() else block
            if body:
                reader.problem(block[0][0], "This cue has no timing line (like 00:01:02,000 --> "
                                            "00:01:05,000); its words were kept without a time.")
        else:
            line_no, timing = block[timing_at]
            m = _TIMING.match(timing)
            if m:
                start, end = _seconds(m.group(1)), _seconds(m.group(2))
                if end < start:
                    reader.problem(line_no, "This cue ends before it starts; its words were kept "
                                            "but its time was ignored.")
                    start = end = None
                elif start < last_end - 1:
                    reader.problem(line_no, "This cue starts before the one above it ended; the "
                                            "words were kept in file order.")
                if end is not None:
                    last_end = max(last_end, end)
            else:
                reader.problem(line_no, "This timing line can't be read (expected 00:01:02,000 "
                                        "--> 00:01:05,000); the cue's words were kept without a time.")
            body = block[timing_at + 1:]
        label_here = None
        for line_no, text in body:
            split = _split_label(text)
            if split and (role_of(split[0], reader.names) or split[0][:1].isupper()):
                label_here = split[0]
                reader.add(split[0], split[1], line_no, start, end)
            elif label_here is not None:
                reader.extend_last(text)
            else:
                reader.problem(line_no, "This subtitle line doesn't name its speaker (like "
                                        "“Therapist: …” or <v Client>), so it was left out.")


def _json(text: str, reader: _Reader) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"This JSON can't be read: {exc.msg} at line {exc.lineno}, column "
                           f"{exc.colno}.") from None
    if isinstance(data, dict):
        data = data.get("utterances") or data.get("turns") or data.get("transcript")
    if not isinstance(data, list):
        raise InvalidInput("A JSON transcript is a list of {\"speaker\": ..., \"text\": ...} "
                           "objects (or an object with such a list under \"utterances\").")
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            reader.problem(i, f"Item {i} isn't an object with speaker and text; it was left out.")
            continue
        label = item.get("speaker", item.get("role", item.get("interlocutor")))
        words = item.get("text", item.get("utterance", item.get("content")))
        if not isinstance(label, str) or not isinstance(words, str):
            reader.problem(i, f"Item {i} needs a \"speaker\" and a \"text\", both strings; it was left out.")
            continue
        start = item.get("start")
        end = item.get("end")
        reader.add(label, words, i, float(start) if isinstance(start, int | float) else None,
                   float(end) if isinstance(end, int | float) else None)


def detect(text: str, filename: str = "") -> str:
    """Guess the format: 'json', 'vtt', 'srt' or 'text' (from the name first, then the content)."""
    name = filename.lower()
    for ext, fmt in ((".json", "json"), (".vtt", "vtt"), (".srt", "srt")):
        if name.endswith(ext):
            return fmt
    head = text.lstrip("\ufeff \n\r\t")
    if head.startswith(("[", "{")):
        return "json"
    if head.startswith("WEBVTT"):
        return "vtt"
    first = [line.strip() for line in head.splitlines()[:3]]
    if first and first[0].isdigit() and len(first) > 1 and "-->" in first[1]:
        return "srt"
    return "text"


def parse(data: str | bytes, filename: str = "", names: dict[str, str] | None = None) -> Transcript:
    """Read a transcript; `names` maps speaker names to 'therapist' or 'client' (once per file)."""
    problems_before: list[Problem] = []
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            cut = data.rfind(b"\n", 0, MAX_BYTES)
            problems_before.append(Problem(0, f"The file is {len(data) / 1e6:.1f} MB; a one-hour "
                                              f"session is about 0.06 MB. Only the first "
                                              f"{MAX_BYTES / 1e6:.0f} MB were read."))
            data = data[: cut if cut > 0 else MAX_BYTES]
        if data.count(b"\x00") > len(data) // 100 + 1:
            raise InvalidInput("This file looks like a binary file (a recording or a document?), "
                               "not text. Export the transcript as plain text, SRT, WebVTT or JSON.")
        text = data.decode("utf-8-sig", errors="replace")
    else:
        text = data
        if len(text) > MAX_BYTES:
            cut = text.rfind("\n", 0, MAX_BYTES)
            problems_before.append(Problem(0, f"The transcript has {len(text):,} characters; only "
                                              f"the first {MAX_BYTES:,} were read."))
            text = text[: cut if cut > 0 else MAX_BYTES]
    if not text.strip():
        raise InvalidInput("The transcript is empty. Paste or upload the session, one speaker turn per line.")
    reader = _Reader(names)
    reader.problems.extend(problems_before)
    fmt = detect(text, filename)
    if fmt == "json":
        _json(text.lstrip("\ufeff"), reader)
    elif fmt in ("vtt", "srt"):
        _cues(text.splitlines(), reader, fmt)
    else:
        _plain(text.splitlines(), reader)
    return reader.finish(fmt)
