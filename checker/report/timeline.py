"""A small timeline of one quantity across days: each source's value (and its interval) at
its article's date, for the HTML report's inline SVG (no script, so the page's CSP holds).

Pure geometry: the template draws what :func:`timeline_of` lays out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.units import OPEN_END

WIDTH, HEIGHT = 560, 160
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 14, 30


@dataclass(frozen=True)
class TimelinePoint:
    x: float
    y: float
    y_low: float
    y_high: float
    label: str  # outlet and value, the point's tooltip
    earlier: bool


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    points: list[TimelinePoint]
    x_ticks: list[tuple[float, str, str]]  # x, label, text-anchor (the ends stay inside the box)
    y_ticks: list[tuple[float, str]]
    baseline: float  # y of the date axis


def timeline_of(sources, format_number) -> Timeline | None:
    """The layout for ``sources`` (SourceView) when they fall on two or more days, else None."""
    dated = [(s, s.article.published or s.article.recorded) for s in sources]
    dated = [(s, day) for s, day in dated if day is not None]
    if len({day for _, day in dated}) < 2:
        return None
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    values = [v for s, _ in dated for v in (s.claim.value.low, s.claim.value.high, s.claim.value.point) if abs(v) < OPEN_END]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    low, high = low - pad, high + pad

    def x(day: dt.date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / max((last - first).days, 1), 1)

    def y(value: float) -> float:
        value = min(max(value, low), high)  # an open bound ("more than 100") runs to the edge
        return round(TOP + (HEIGHT - TOP - BOTTOM) * (high - value) / (high - low), 1)

    points = [
        TimelinePoint(x=x(day), y=y(s.claim.value.point), y_low=y(s.claim.value.low), y_high=y(s.claim.value.high),
                      label=f"{s.outlet}, {day.isoformat()}: {s.claim.text}", earlier=s.article.earlier)
        for s, day in sorted(dated, key=lambda sd: (sd[1], sd[0].claim.id))
    ]
    days = sorted({d for _, d in dated})
    shown = days if len(days) <= 4 else [days[0], days[len(days) // 2], days[-1]]
    x_ticks = [(x(d), d.isoformat(), "start" if d == first else "end" if d == last else "middle") for d in shown]
    y_ticks = [(y(v), format_number(v)) for v in (low + pad, high - pad)]
    return Timeline(WIDTH, HEIGHT, points, x_ticks, y_ticks, HEIGHT - BOTTOM)
