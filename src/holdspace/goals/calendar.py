"""The iCalendar feed of goal check-in reminders (RFC 5545), pure.

The feed lives at a secret address anyone holding it can read, and calendar apps copy it to
servers the client doesn't control, so it carries no words of the goal: every event is titled
only "holdspace: goal check-in". Times are floating (the client's own local time, whatever their
zone), and each goal is one weekly event repeating on its check-in days until its end date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

__all__ = ["SUMMARY", "Reminder", "feed"]

SUMMARY = "holdspace: goal check-in"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Reminder:
    uid: str  # stable per goal, and free of anything the client wrote
    days: str  # seven characters, Monday first
    starts: date
    ends: date | None
    at: str  # "HH:MM", local time
    changed: datetime


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1); continuation lines start with a space."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # never split a UTF-8 character
            end -= 1
        parts.append(raw[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(parts)


def _utc(at: datetime) -> str:
    return at.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _first(reminder: Reminder) -> date:
    first = reminder.starts
    while reminder.days[first.weekday()] != "1":  # DTSTART is always an occurrence: make it match
        first = date.fromordinal(first.toordinal() + 1)
    return first


def _event(reminder: Reminder, stamp: datetime) -> list[str]:
    hour, minute = (int(p) for p in reminder.at.split(":"))
    first = _first(reminder)
    rule = "FREQ=WEEKLY;BYDAY=" + ",".join(d for d, on in zip(_BYDAY, reminder.days) if on == "1")
    if reminder.ends is not None:
        rule += f";UNTIL={reminder.ends:%Y%m%d}T235959"  # floating, like DTSTART
    return [
        "BEGIN:VEVENT",
        f"UID:{reminder.uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"LAST-MODIFIED:{_utc(reminder.changed)}",
        f"DTSTART:{first:%Y%m%d}T{hour:02d}{minute:02d}00",
        "DURATION:PT10M",
        f"RRULE:{rule}",
        f"SUMMARY:{SUMMARY}",
        "TRANSP:TRANSPARENT",
        "CLASS:PRIVATE",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{SUMMARY}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
    ]


def feed(reminders: list[Reminder], *, now: datetime) -> str:
    """The whole calendar as text with CRLF line ends; goals with no days or already ended are left out."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//holdspace//goal check-ins//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:holdspace check-ins"]
    for reminder in reminders:
        if "1" not in reminder.days or (reminder.ends is not None and reminder.ends < _first(reminder)):
            continue
        lines += _event(reminder, now)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
