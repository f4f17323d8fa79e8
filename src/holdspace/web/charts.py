"""Small charts drawn as inline SVG on the server: readable without JavaScript, and printable."""

from __future__ import annotations

from datetime import timedelta

from markupsafe import Markup, escape

from holdspace import clock

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28


def mood_chart(checkins, *, days: int = 28, title: str = "Mood over the last four weeks") -> Markup:
    """Plot each check-in's mood (0–10) against its day; an empty chart says so in words."""
    end = clock.now()
    start = end - timedelta(days=days)
    points = sorted((c.created_at, c.mood) for c in checkins if c.created_at >= start)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(at) -> float:
        return LEFT + plot_w * (at - start).total_seconds() / (end - start).total_seconds()

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / 10)

    if points:
        average = sum(m for _, m in points) / len(points)
        desc = (f"{len(points)} check-in{'s' if len(points) != 1 else ''}; average mood {average:.1f} out of 10, lowest "
                f"{min(m for _, m in points)}, highest {max(m for _, m in points)}.")
    else:
        desc = "No check-ins in this period yet."
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">',
             f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>']
    for value in (0, 5, 10):
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" '
                     f'y2="{y(value):.1f}"/><text class="axis" x="{LEFT - 8}" y="{y(value) + 4:.1f}" '
                     f'text-anchor="end">{value}</text>')
    for week in range(0, days + 1, 7):
        at = start + timedelta(days=week)
        parts.append(f'<text class="axis" x="{x(at):.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
                     f'{at.strftime("%-d %b")}</text>')
    if len(points) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(at):.1f},{y(m):.1f}" for i, (at, m) in enumerate(points))
        parts.append(f'<path class="line" d="{path}"/>')
    for at, m in points:
        parts.append(f'<circle class="dot" cx="{x(at):.1f}" cy="{y(m):.1f}" r="4">'
                     f'<title>{at.strftime("%-d %b")}: {m}</title></circle>')
    if not points:
        parts.append(f'<text class="empty" x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">'
                     f'Your check-ins will appear here.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
