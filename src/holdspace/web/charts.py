"""Small charts drawn as inline SVG on the server: readable without JavaScript, and printable.

Mood over the last weeks, mood over any span (weekly averages when the span is long), and
questionnaire scores over their severity bands. Times are placed in UTC; every date a person reads
is the practice's (`zone`, from `clock.zone(db)`), so a check-in at 23:30 there is labelled with its own day.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, tzinfo

from markupsafe import Markup, escape

from holdspace import clock

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28
BANDS_RIGHT = 132  # room for the severity band labels
VALUE_ROOM = 22  # room above a bar for its value
EDGE = 44  # a date label this near an end of the plot lines up with that end instead of centring on its place
THINNED_APART = 170  # on a phone, the least room between the dates shown under a chart


def _frame(chart_id: str, title: str, desc: str) -> list[str]:
    return [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">',
            f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>']


def x_label(x: float, y: float, text: str, *, index: int, count: int, apart: float,
            width: int = WIDTH, right: int = RIGHT) -> str:
    """A date under the plot, `apart` from its neighbours: kept inside the plot at its ends, minor when crowded.

    Centred at the left end, a date ran into the lowest number of the y axis. On a phone, where the
    dates are drawn larger to stay readable, only every k-th (counted back from the newest) is shown,
    k being what it takes to put THINNED_APART between them; the rest are marked minor.
    """
    anchor = "middle"
    if x - LEFT < EDGE:
        x, anchor = LEFT, "start"
    elif width - right - x < EDGE:
        x, anchor = width - right, "end"
    every = max(1, math.ceil(THINNED_APART / max(apart, 1.0)))
    minor = " minor" if (count - 1 - index) % every else ""
    return f'<text class="axis{minor}" x="{x:.1f}" y="{y:g}" text-anchor="{anchor}">{escape(text)}</text>'


def _day(at: datetime, zone: tzinfo | None, fmt: str) -> str:
    return clock.local(at, zone).strftime(fmt)


def _line(xy: list[tuple[float, float]]) -> str:
    path = " ".join(f"{'M' if i == 0 else 'L'}{px:.1f},{py:.1f}" for i, (px, py) in enumerate(xy))
    return f'<path class="line" d="{path}"/>'


def mood_chart(checkins, *, zone: tzinfo | None, days: int = 28,
               title: str = "Mood over the last four weeks") -> Markup:
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
    parts = _frame("chart", title, desc)
    for value in (0, 5, 10):
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" '
                     f'y2="{y(value):.1f}"/><text class="axis" x="{LEFT - 8}" y="{y(value) + 4:.1f}" '
                     f'text-anchor="end">{value}</text>')
    weeks = range(0, days + 1, 7)
    for i, week in enumerate(weeks):
        at = start + timedelta(days=week)
        parts.append(x_label(x(at), HEIGHT - 8, _day(at, zone, "%-d %b"), index=i, count=len(weeks),
                             apart=plot_w * 7 / days))
    if len(points) > 1:
        parts.append(_line([(x(at), y(m)) for at, m in points]))
    for at, m in points:
        parts.append(f'<circle class="dot" cx="{x(at):.1f}" cy="{y(m):.1f}" r="4">'
                     f'<title>{_day(at, zone, "%-d %b")}: {m}</title></circle>')
    if not points:
        parts.append(f'<text class="empty" x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">'
                     f'Your check-ins will appear here.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _x_axis(start: datetime, end: datetime, x, zone: tzinfo | None) -> list[str]:
    span = (end - start).days
    step = 7 if span <= 42 else 30 if span <= 200 else 91 if span <= 800 else 365
    fmt = "%-d %b" if step < 91 else "%b %Y" if step < 365 else "%Y"
    ticks = []
    while start + timedelta(days=step * len(ticks)) <= end:
        ticks.append(start + timedelta(days=step * len(ticks)))
    apart = x(start + timedelta(days=step)) - x(start)
    return [x_label(x(at), HEIGHT - 8, _day(at, zone, fmt), index=i, count=len(ticks), apart=apart)
            for i, at in enumerate(ticks)]


def _time_x(start: datetime, end: datetime, plot_w: float):
    seconds = max(1.0, (end - start).total_seconds())
    return lambda at: LEFT + plot_w * (at - start).total_seconds() / seconds


def _span(times: list[datetime], least_days: int) -> tuple[datetime, datetime]:
    end = max([clock.now(), *times])
    start = min([end - timedelta(days=least_days), *times])
    return start, end


def measure_chart(inst, administrations, *, zone: tzinfo | None, chart_id: str | None = None) -> Markup:
    """Each finished administration's score, over the instrument's severity bands.

    `administrations` holds objects with `total` and either `completed_at` or `at`.
    """
    chart_id = chart_id or f"chart-{inst.key}"
    points = sorted((getattr(a, "completed_at", None) or a.at, a.total) for a in administrations
                    if a.total is not None)
    start, end = _span([t for t, _ in points], 28)
    low, high = inst.lowest, inst.highest
    plot_w, plot_h = WIDTH - LEFT - BANDS_RIGHT, HEIGHT - TOP - BOTTOM
    x = _time_x(start, end, plot_w)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    if points:
        last = points[-1][1]
        desc = (f"{len(points)} result{'s' if len(points) != 1 else ''}; latest {last:g} "
                f"({inst.band_for(last).label.lower()}), first {points[0][1]:g}. "
                + ("Higher is better." if inst.higher_is_better else "Lower is better."))
    else:
        desc = "No results yet."
    parts = _frame(chart_id, f"{inst.name} over time", desc)
    legend = []
    for i, band in enumerate(inst.bands):
        top = y(min(high, inst.bands[i + 1].low if i + 1 < len(inst.bands) else high))
        bottom = y(band.low)
        shade = i if inst.higher_is_better is False else len(inst.bands) - 1 - i
        legend.append(f'<li><span class="swatch band-{shade}"></span>{escape(band.label)}</li>')
        parts.append(f'<rect class="band band-{shade}" x="{LEFT}" y="{top:.1f}" width="{plot_w}" '
                     f'height="{max(0.0, bottom - top):.1f}"/>'
                     f'<text class="band-label" x="{WIDTH - BANDS_RIGHT + 6}" y="{(top + bottom) / 2 + 4:.1f}">'
                     f'{escape(band.label)}</text>')
    for value in (low, high):
        parts.append(f'<text class="axis" x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{value:g}</text>')
    parts.extend(_x_axis(start, end, x, zone))
    if len(points) > 1:
        parts.append(_line([(x(at), y(v)) for at, v in points]))
    for at, v in points:
        parts.append(f'<circle class="dot" cx="{x(at):.1f}" cy="{y(v):.1f}" r="4">'
                     f'<title>{_day(at, zone, "%-d %b %Y")}: {v:g}</title></circle>')
    parts.append("</svg>")
    # Scaled down to a phone, the names beside the bands are too small to read: there, this list shows instead.
    parts.append(f'<ul class="legend band-legend">{"".join(legend)}</ul>')
    return Markup("".join(parts))


def mood_span_chart(points: list[tuple[datetime, float]], *, zone: tzinfo | None, title: str,
                    chart_id: str = "mood-chart",
                    least_days: int = 28) -> Markup:
    """Mood (0–10) against time; `points` may be single check-ins or weekly averages."""
    start, end = _span([t for t, _ in points], least_days)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x = _time_x(start, end, plot_w)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / 10)

    if points:
        values = [v for _, v in points]
        desc = (f"{len(points)} points from {_day(points[0][0], zone, '%-d %b %Y')} to "
                f"{_day(points[-1][0], zone, '%-d %b %Y')}; "
                f"average {sum(values) / len(values):.1f} out of 10.")
    else:
        desc = "No check-ins yet."
    parts = _frame(chart_id, title, desc)
    for value in (0, 5, 10):
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - 12}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
                     f'<text class="axis" x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>')
    parts.extend(_x_axis(start, end, x, zone))
    if len(points) > 1:
        parts.append(_line([(x(at), y(v)) for at, v in points]))
    if len(points) <= 120:
        for at, v in points:
            parts.append(f'<circle class="dot" cx="{x(at):.1f}" cy="{y(v):.1f}" r="3.5">'
                         f'<title>{_day(at, zone, "%-d %b %Y")}: {v:.1f}</title></circle>')
    if not points:
        parts.append(f'<text class="empty" x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">'
                     f'Your check-ins will appear here.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def minutes_chart(months, *, chart_id: str = "practice-chart", last: int = 12) -> Markup:
    """Practice minutes per month (the `last` months that had any, oldest first) as bars."""
    shown = sorted((m for m in months if m.practices), key=lambda m: (m.year, m.month))[-last:]
    total = sum(m.practice_minutes for m in shown)
    desc = (f"{total} minutes over {len(shown)} month{'s' if len(shown) != 1 else ''}; most in "
            f"{max(shown, key=lambda m: m.practice_minutes).label}: "
            f"{max(m.practice_minutes for m in shown)} minutes." if shown else "No practice noted yet.")
    parts = _frame(chart_id, "Practice minutes by month", desc)
    top = max([m.practice_minutes for m in shown] + [10])
    # No number axis: each bar carries its own "23 min", so there is room above the tallest for it.
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM - VALUE_ROOM
    base = HEIGHT - BOTTOM
    slot = plot_w / max(1, len(shown))
    # Many months to a phone's width leave no room for "min" beside each number: there it is left out.
    unit = " min" if slot >= 100 else '<tspan class="unit"> min</tspan>'
    parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>')
    for i, m in enumerate(shown):
        height = plot_h * m.practice_minutes / top
        bar = min(slot * 0.6, 48.0)  # one month alone is a bar, not a wall
        x = LEFT + i * slot + (slot - bar) / 2
        label = f"{datetime(m.year, m.month, 1):%b %Y}" if i == 0 or m.month == 1 else f"{datetime(m.year, m.month, 1):%b}"
        parts.append(f'<rect class="column" x="{x:.1f}" y="{base - height:.1f}" width="{bar:.1f}" '
                     f'height="{height:.1f}"><title>{escape(m.label)}: {m.practice_minutes} minutes</title></rect>'
                     f'<text class="axis value" x="{x + bar / 2:.1f}" y="{base - height - 6:.1f}" '
                     f'text-anchor="middle">{m.practice_minutes}{unit}</text>'
                     + x_label(x + bar / 2, HEIGHT - 8, label, index=i, count=len(shown), apart=slot))
    parts.append("</svg>")
    return Markup("".join(parts))
