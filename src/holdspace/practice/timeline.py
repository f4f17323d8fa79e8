"""The session timeline as inline SVG: who spoke, what each therapist turn was, and empathy over time.

Pure: takes the report's JSON (so a stored report draws the same chart) and returns SVG text.
Every mark has a <title> so a screen reader or a hover tells what it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

__all__ = ["LEGEND", "timeline_svg"]

LEGEND = (("client", "Client"), ("question", "Question"), ("reflection", "Reflection"),
          ("therapist_input", "Input"), ("other", "Other"), ("roadblock", "Roadblock"))
KINDS = tuple(key for key, _ in LEGEND[:-1])


@dataclass(frozen=True)
class Layout:
    """Where things go in one drawing: the rows of marks from `first_row`, `row_gap` apart, then empathy."""

    width: int
    left: int
    first_row: int
    row_gap: int
    mark: int
    empathy: int  # the empathy band's height, below the last row
    right: int = 12

    def row(self, kind: str) -> float:
        return self.first_row + self.row_gap * KINDS.index(kind)

    @property
    def empathy_top(self) -> float:
        return self.row(KINDS[-1]) + self.mark / 2 + 3

    @property
    def empathy_bottom(self) -> float:
        return self.empathy_top + self.empathy

    @property
    def height(self) -> float:
        return self.empathy_bottom + 14


# A laptop shows the wide drawing at about its size. A phone shrinks a drawing to about half, and its
# stylesheet draws labels at 25 so they come out at 12-13px: the narrow one leaves them room on the left
# and between rows.
LAYOUTS = {"wide": Layout(width=720, left=92, first_row=24, row_gap=29, mark=14, empathy=46),
           "narrow": Layout(width=600, left=140, first_row=24, row_gap=36, mark=18, empathy=56)}


def timeline_svg(report: dict, title: str = "Session timeline", layout: str = "wide") -> str:
    """Draw a report's utterances in order: one mark each, rows by kind, the empathy line below."""
    at = LAYOUTS[layout]
    rows = report.get("utterances", [])
    n = max(len(rows), 1)
    plot_w = at.width - at.left - at.right
    step = plot_w / n
    mark_w = max(1.0, min(10.0, step * 0.8))
    half = at.mark / 2

    def x(i: int) -> float:
        return at.left + step * i

    counts = {}
    for r in rows:
        key = r["code"]["behaviour"] if "code" in r else "client"
        counts[key] = counts.get(key, 0) + 1
    desc = (f"{len(rows)} turns in order from left to right. "
            + ", ".join(f"{counts.get(k, 0)} {label.lower()}" for k, label in LEGEND if k != "roadblock")
            + ". The line at the bottom is the empathy of each therapist response, 0 to 6.")
    ids = f"tl-{layout}-title tl-{layout}-desc"
    parts = [f'<svg class="chart timeline {layout}" viewBox="0 0 {at.width} {at.height:g}" role="img" '
             f'aria-labelledby="{ids}" preserveAspectRatio="xMidYMid meet">',
             f'<title id="tl-{layout}-title">{escape(title)}</title>'
             f'<desc id="tl-{layout}-desc">{escape(desc)}</desc>']
    for key, label in LEGEND[:-1]:
        y = at.row(key)
        parts.append(f'<text class="axis" x="{at.left - 8}" y="{y:g}" dominant-baseline="central" '
                     f'text-anchor="end">{label}</text>'
                     f'<line class="grid" x1="{at.left}" x2="{at.width - at.right}" y1="{y:g}" y2="{y:g}"/>')
    parts.append(f'<text class="axis" x="{at.left - 8}" y="{(at.empathy_top + at.empathy_bottom) / 2:g}" '
                 f'dominant-baseline="central" text-anchor="end">Empathy</text>')
    points = []
    for i, r in enumerate(rows):
        text = r["text"] if len(r["text"]) <= 140 else r["text"][:137] + "…"
        if "code" not in r:
            parts.append(f'<rect class="mark client" x="{x(i):.1f}" y="{at.row("client") - half:g}" width="{mark_w:.1f}" '
                         f'height="{at.mark}"><title>Client: {escape(text)}</title></rect>')
            continue
        code = r["code"]
        blocked = bool(code.get("roadblocks"))
        cls = "roadblock" if blocked else code["behaviour"]
        y = at.row(code["behaviour"] if code["behaviour"] in KINDS else "other")
        label = code["name"] + (f" · {code['roadblocks'][0]['name']}" if blocked else "")
        parts.append(f'<rect class="mark {cls}" x="{x(i):.1f}" y="{y - half:g}" width="{mark_w:.1f}" height="{at.mark}">'
                     f'<title>{escape(label)}: {escape(text)}</title></rect>')
        if "empathy" in r:
            total = r["empathy"]["total"]
            points.append((x(i) + mark_w / 2, at.empathy_bottom - at.empathy * total / 6))
    parts.append(f'<line class="grid" x1="{at.left}" x2="{at.width - at.right}" y1="{at.empathy_bottom:g}" '
                 f'y2="{at.empathy_bottom:g}"/>')
    if len(points) > 1:
        path = " ".join(f"{'M' if k == 0 else 'L'}{px:.1f},{py:.1f}" for k, (px, py) in enumerate(points))
        parts.append(f'<path class="line" d="{path}"/>')
    if not rows:
        parts.append(f'<text class="empty" x="{at.width / 2:g}" y="{at.height / 2:g}" text-anchor="middle">No turns to show.</text>')
    parts.append("</svg>")
    return "".join(parts)
