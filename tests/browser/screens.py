"""Looking at pages: each screen and colour scheme checked for sideways scroll and by axe-core, and saved."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

LIGHT = {"light": "light"}
LIGHT_AND_DARK = {"light": "light", "dark": "dark"}
# Each screen is one browser profile; a desktop walk-through is shot in light and in dark.
SCREENS = {
    "desktop": ({}, LIGHT_AND_DARK),
    "phone": ({"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
               "device_scale_factor": 2}, {"mobile": "light"}),
}
# What axe-core checks on every page and scheme: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def no_sideways_scroll(page: Page, name: str) -> None:
    # Measured against the screen, not window.innerWidth: a phone widens its page to fit anything too
    # wide (and shrinks everything to match), so innerWidth grows with the overflow.
    overflow = page.evaluate("document.documentElement.scrollWidth") - page.viewport_size["width"]
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"


def accessibility_problems(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in found.response["violations"]]


def assert_no_axe_problems(problems: dict[str, list[str]]) -> None:
    assert not problems, "axe-core found WCAG A/AA problems:\n" + "\n".join(
        f"{where}: {p}" for where, found in problems.items() for p in found)


@dataclass
class Album:
    """Screenshots saved to `folder` (file names start with `prefix`) and what axe-core found on them."""

    folder: Path
    prefix: str = ""
    problems: dict[str, list[str]] = field(default_factory=dict)

    def shot(self, page: Page, name: str, schemes: Mapping[str, str] = LIGHT) -> None:
        """Check and save the page in each scheme (suffix -> colour scheme), then leave it light."""
        # Right after a form post the next page may still be loading: its document can be missing
        # (CI once saw `document.documentElement` null) or not yet the one to look at.
        page.wait_for_load_state("load")
        for suffix, scheme in schemes.items():
            page.emulate_media(color_scheme=scheme)
            where = f"{name}-{suffix}"
            no_sideways_scroll(page, where)
            if found := accessibility_problems(page):
                self.problems[where] = found
            page.screenshot(path=self.folder / f"{self.prefix}{where}.png", full_page=True)
        page.emulate_media(color_scheme="light")

    def screens(self, new_context) -> Iterator[Screen]:
        """A walk on each of SCREENS in turn: a fresh profile and page, closed when the walk moves on."""
        for name, (options, schemes) in SCREENS.items():
            context = new_context(**options)
            yield Screen(name, context.new_page(), schemes, self)
            context.close()


@dataclass
class Screen:
    """One walk-through on one screen: its page, and its colour schemes to shoot each page in."""

    name: str
    page: Page
    schemes: dict[str, str]
    album: Album

    def shot(self, name: str) -> None:
        self.album.shot(self.page, name, self.schemes)
