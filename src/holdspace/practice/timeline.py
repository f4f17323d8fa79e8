"""The session timeline as inline SVG: who spoke, what each therapist turn was, and empathy over time.

Pure: takes the report's JSON (so a stored report draws the same chart) and returns SVG text.
Every mark has a <title> so a screen reader or a hover tells what it was.
"""

from __future__ import annotations

from html import escape

__all__ = ["LEGEND", "timeline_svg"]

WIDTH, HEIGHT = 720, 210
LEFT, RIGHT = 92, 12
ROWS = {"client": 24, "question": 56, "reflection": 84, "therapist_input": 112, "other": 140}
EMPATHY_TOP, EMPATHY_BOTTOM = 150, 196
LEGEND = (("client", "Client"), ("question", "Question"), ("reflection", "Reflection"),
          ("therapist_input", "Input"), ("other", "Other"), ("roadblock", "Roadblock"))


def timeline_svg(report: dict, title: str = "Session timeline") -> str:
    """Draw a report's utterances in order: one mark each, rows by kind, the empathy line below."""
    rows = report.get("utterances", [])
    n = max(len(rows), 1)
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / n
    mark_w = max(1.0, min(10.0, step * 0.8))

    def x(i: int) -> float:
        return LEFT + step * i

    counts = {}
    for r in rows:
        key = r["code"]["behaviour"] if "code" in r else "client"
        counts[key] = counts.get(key, 0) + 1
    desc = (f"{len(rows)} turns in order from left to right. "
            + ", ".join(f"{counts.get(k, 0)} {label.lower()}" for k, label in LEGEND if k != "roadblock")
            + ". The line at the bottom is the empathy of each therapist response, 0 to 6.")
    parts = [f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="tl-title tl-desc" preserveAspectRatio="xMidYMid meet">',
             f'<title id="tl-title">{escape(title)}</title><desc id="tl-desc">{escape(desc)}</desc>']
    for key, label in LEGEND[:-1]:
        y = ROWS[key]
        parts.append(f'<text class="axis" x="{LEFT - 8}" y="{y + 4}" text-anchor="end">{label}</text>'
                     f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
    parts.append(f'<text class="axis" x="{LEFT - 8}" y="{(EMPATHY_TOP + EMPATHY_BOTTOM) / 2 + 4}" '
                 f'text-anchor="end">Empathy</text>')
    points = []
    for i, r in enumerate(rows):
        text = r["text"] if len(r["text"]) <= 140 else r["text"][:137] + "…"
        if "code" not in r:
            parts.append(f'<rect class="mark client" x="{x(i):.1f}" y="{ROWS["client"] - 7}" width="{mark_w:.1f}" '
                         f'height="14"><title>Client: {escape(text)}</title></rect>')
            continue
        code = r["code"]
        blocked = bool(code.get("roadblocks"))
        cls = "roadblock" if blocked else code["behaviour"]
        y = ROWS.get(code["behaviour"], ROWS["other"])
        label = code["name"] + (f" · {code['roadblocks'][0]['name']}" if blocked else "")
        parts.append(f'<rect class="mark {cls}" x="{x(i):.1f}" y="{y - 7}" width="{mark_w:.1f}" height="14">'
                     f'<title>{escape(label)}: {escape(text)}</title></rect>')
        if "empathy" in r:
            total = r["empathy"]["total"]
            points.append((x(i) + mark_w / 2, EMPATHY_BOTTOM - (EMPATHY_BOTTOM - EMPATHY_TOP) * total / 6))
    parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{EMPATHY_BOTTOM}" y2="{EMPATHY_BOTTOM}"/>')
    if len(points) > 1:
        path = " ".join(f"{'M' if k == 0 else 'L'}{px:.1f},{py:.1f}" for k, (px, py) in enumerate(points))
        parts.append(f'<path class="line" d="{path}"/>')
    if not rows:
        parts.append(f'<text class="empty" x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">No turns to show.</text>')
    parts.append("</svg>")
    return "".join(parts)
