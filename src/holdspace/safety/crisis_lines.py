"""Crisis lines by country, read from crisis_lines.toml: no database, no model, no login."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Line:
    name: str
    said: str = ""  # how a sentence names it: "call 988 to reach <said>"
    call: str = ""
    text: str = ""
    text_word: str = ""
    web: str = ""
    hours: str = ""
    source: str = ""
    for_abuse: bool = False  # a line for people hurt, threatened or controlled by someone (domestic abuse)
    for_child: bool = False  # a line for adults worried about a child (child protection)
    reviewed: str = ""       # when this line was checked, if later than the rest of its country

    @property
    def spoken(self) -> str:
        return self.said or self.name

    @property
    def call_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.call if ch.isdigit() or ch == "+")

    @property
    def text_href(self) -> str:
        number = "".join(ch for ch in self.text if ch.isdigit() or ch == "+")
        return f"sms:{number}" + (f"?body={self.text_word}" if self.text_word else "")


@dataclass(frozen=True)
class CountryLines:
    code: str
    name: str
    emergency: str
    reviewed: str
    lines: tuple[Line, ...]

    @property
    def call_line(self) -> Line | None:
        return next((line for line in self.lines if line.call and not (line.for_abuse or line.for_child)), None)

    @property
    def text_line(self) -> Line | None:
        return next((line for line in self.lines if line.text and not (line.for_abuse or line.for_child)), None)

    @property
    def abuse_call_line(self) -> Line | None:
        """The country's line for someone being hurt by another person, else its general call line."""
        return next((line for line in self.lines if line.call and line.for_abuse), None) or self.call_line

    @property
    def abuse_text_line(self) -> Line | None:
        return next((line for line in self.lines if line.text and line.for_abuse), None) or self.text_line

    @property
    def child_call_line(self) -> Line | None:
        """The country's line for adults worried about a child, else its abuse line, else its general call line."""
        return next((line for line in self.lines if line.call and line.for_child), None) or self.abuse_call_line

    @property
    def child_text_line(self) -> Line | None:
        return next((line for line in self.lines if line.text and line.for_child), None) or self.abuse_text_line

    @property
    def child_lines(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.for_child)


@cache
def all_countries() -> dict[str, CountryLines]:
    raw = tomllib.loads(resources.files("holdspace.safety").joinpath("crisis_lines.toml").read_text())
    return {code: CountryLines(code, entry["name"], entry["emergency"], entry["reviewed"],
                               tuple(Line(**line) for line in entry["lines"]))
            for code, entry in raw.items()}


def lines_for(country: str) -> CountryLines:
    """The country's lines, or the international fallback for a country we don't list."""
    countries = all_countries()
    return countries.get(country.upper(), countries["INT"])


def international() -> CountryLines:
    return all_countries()["INT"]
