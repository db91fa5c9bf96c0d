"""Inline SVG charts for the story pages: plain markup written here, so a page needs no script,
no stylesheet from elsewhere and no network to draw them. Every mark links to the sentence it
comes from (an anchor in the page's article section) and carries a <title> tooltip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

STATUS_COLOURS = {
    "conflict": "#c62828",
    "vague": "#e08a00",
    "evolving": "#1565c0",
    "consistent": "#2e7d32",
    "single_source": "#6d6d6d",
}
LABEL_WIDTH = 300
PLOT_WIDTH = 520
ROW = 24
TOP = 28
FONT = "font-family='system-ui, sans-serif' font-size='12'"


@dataclass(frozen=True)
class Mark:
    """One statement: a value (or a day) with the bounds it admits; high None = open-ended."""

    label: str
    low: float | None
    high: float | None
    point: float
    exact: bool
    href: str
    tooltip: str


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    step = (hi - lo) / n
    magnitude = 10 ** (len(str(int(step))) - 1) if step >= 1 else 1
    step = max(magnitude, round(step / magnitude) * magnitude)
    first = (lo // step) * step
    return [first + i * step for i in range(n + 2) if lo <= first + i * step <= hi]


def _frame(n_rows: int) -> tuple[int, int]:
    return LABEL_WIDTH + PLOT_WIDTH + 20, TOP + n_rows * ROW + 10


def _svg(width: int, height: int, body: list[str], title: str) -> Markup:
    return Markup(
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart' role='img' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}'><title>{escape(title)}</title>{''.join(body)}</svg>")


def _row_mark(y: float, x_low: float, x_high: float | None, x_point: float, exact: bool, colour: str,
              right_edge: float) -> str:
    if exact or (x_high is not None and x_high - x_low < 2):
        return f"<circle class='mark' cx='{x_point:.1f}' cy='{y:.1f}' r='6' fill='{colour}'/>"
    if x_high is None:  # open-ended: a bar fading out at the edge of the plot
        return (f"<rect class='mark' x='{x_low:.1f}' y='{y - 5:.1f}' width='{max(right_edge - x_low, 3):.1f}' "
                f"height='10' fill='{colour}' fill-opacity='0.35' stroke='{colour}' stroke-dasharray='4 2'/>"
                f"<circle cx='{x_point:.1f}' cy='{y:.1f}' r='3' fill='{colour}'/>")
    return (f"<rect class='mark' x='{x_low:.1f}' y='{y - 5:.1f}' width='{max(x_high - x_low, 3):.1f}' height='10' "
            f"fill='{colour}' fill-opacity='0.35' stroke='{colour}'/>"
            f"<circle cx='{x_point:.1f}' cy='{y:.1f}' r='3' fill='{colour}'/>")


def value_chart(marks: list[Mark], status: str, consensus: float | None, title: str) -> Markup:
    """One claim: a row per figure (outlet and date), its value as a dot, its bounds as a bar."""
    colour = STATUS_COLOURS.get(status, "#444")
    values = [v for m in marks for v in (m.low, m.high, m.point) if v is not None]
    lo = min(0.0, *values)
    hi = max(values) * 1.15 or 1.0
    x0, right = LABEL_WIDTH, LABEL_WIDTH + PLOT_WIDTH

    def x(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * PLOT_WIDTH

    width, height = _frame(len(marks))
    body = [f"<line x1='{x0}' x2='{right}' y1='{TOP - 8}' y2='{TOP - 8}' stroke='#999'/>"]
    for t in _ticks(lo, hi):
        body.append(f"<text x='{x(t):.1f}' y='{TOP - 12}' text-anchor='middle' {FONT} fill='#555'>{_fmt(t)}</text>")
    for t in _ticks(lo, hi):
        body.append(f"<line x1='{x(t):.1f}' x2='{x(t):.1f}' y1='{TOP - 8}' y2='{height - 6}' stroke='#eee'/>")
    if consensus is not None:
        body.append(f"<line class='consensus' x1='{x(consensus):.1f}' x2='{x(consensus):.1f}' y1='{TOP - 8}' "
                    f"y2='{height - 6}' stroke='#222' stroke-dasharray='3 3'><title>consensus {_fmt(consensus)}"
                    "</title></line>")
    for i, m in enumerate(marks):
        y = TOP + i * ROW + ROW / 2
        low = x(m.low) if m.low is not None else x0
        high = x(m.high) if m.high is not None else None
        body.append(
            f"<a href='{escape(m.href)}'><title>{escape(m.tooltip)}</title>"
            f"<text x='{x0 - 8}' y='{y + 4:.1f}' text-anchor='end' {FONT}>{escape(m.label)}</text>"
            f"{_row_mark(y, low, high, x(m.point), m.exact, colour, right)}</a>")
    return _svg(width, height, body, title)


@dataclass(frozen=True)
class DayMark:
    label: str
    start: dt.date
    end: dt.date
    href: str
    tooltip: str


@dataclass(frozen=True)
class EventRow:
    title: str
    status: str
    consensus: tuple[dt.date, dt.date] | None
    marks: list[DayMark]


def _off_axis(m: DayMark, first: dt.date, last: dt.date, x0: float, right: float, y: float, colour: str) -> str:
    """A range wholly outside the axis: an arrow at the edge it lies beyond, with its dates."""
    days = m.start.isoformat() if m.start == m.end else f"{m.start.isoformat()} – {m.end.isoformat()}"
    if m.start >= last:
        return (f"<path class='mark' d='M{right - 10:.1f},{y - 6:.1f} L{right:.1f},{y:.1f} "
                f"L{right - 10:.1f},{y + 6:.1f} Z' "
                f"fill='{colour}'/><text x='{right - 14:.1f}' y='{y + 4:.1f}' text-anchor='end' {FONT} "
                f"fill='{colour}'>{days}</text>")
    return (f"<path class='mark' d='M{x0 + 10:.1f},{y - 6:.1f} L{x0:.1f},{y:.1f} L{x0 + 10:.1f},{y + 6:.1f} Z' "
            f"fill='{colour}'/><text x='{x0 + 14:.1f}' y='{y + 4:.1f}' {FONT} fill='{colour}'>{days}</text>")


def timeline(events: list[EventRow], title: str) -> Markup:
    """Events in date order: a heading row per event, then a row per outlet with the days it gives."""
    days = [d for e in events for m in e.marks for d in (m.start, m.end)]
    if not days:
        return Markup("")
    # A year-long range (`next year`) would squeeze the days a story is about into a few pixels:
    # the axis spans the short ranges, with a margin, and longer ones are cut at its ends.
    short = [d for e in events for m in e.marks if (m.end - m.start).days <= 31 for d in (m.start, m.end)] or days
    margin = dt.timedelta(days=max(3, (max(short) - min(short)).days // 10))
    first, last = min(short) - margin, max(short) + margin + dt.timedelta(days=1)
    span = max((last - first).days, 1)
    x0, right = LABEL_WIDTH, LABEL_WIDTH + PLOT_WIDTH

    def x(d: dt.date) -> float:
        return min(max(x0 + (d - first).days / span * PLOT_WIDTH, x0), right)

    n_rows = sum(1 + len(e.marks) for e in events)
    width, height = _frame(n_rows)
    body = [f"<line x1='{x0}' x2='{right}' y1='{TOP - 8}' y2='{TOP - 8}' stroke='#999'/>"]
    for i in range(4):
        d = first + dt.timedelta(days=round((i + 0.5) * span / 4))
        body.append(f"<line x1='{x(d):.1f}' x2='{x(d):.1f}' y1='{TOP - 8}' y2='{height - 6}' stroke='#e4e4e4'/>"
                    f"<text x='{x(d):.1f}' y='{TOP - 12}' text-anchor='middle' {FONT} fill='#555'>"
                    f"{d.isoformat()}</text>")
    row = 0
    for event in events:
        colour = STATUS_COLOURS.get(event.status, "#444")
        y = TOP + row * ROW + ROW / 2
        body.append(f"<text x='4' y='{y + 4:.1f}' {FONT} font-weight='bold' fill='{colour}'>"
                    f"{escape(event.title)} ({escape(event.status)})</text>")
        if event.consensus:
            a, b = event.consensus
            body.append(f"<rect class='consensus' x='{x(a):.1f}' y='{y - 3:.1f}' "
                        f"width='{max(x(b + dt.timedelta(days=1)) - x(a), 2):.1f}' height='6' fill='#222'>"
                        f"<title>consensus {a}{'' if a == b else '..' + str(b)}</title></rect>")
        row += 1
        for m in event.marks:
            y = TOP + row * ROW + ROW / 2
            x_end = x(m.end + dt.timedelta(days=1))
            shape = (_off_axis(m, first, last, x0, right, y, colour)
                     if m.start >= last or m.end < first else
                     f"<circle class='mark' cx='{(x(m.start) + x_end) / 2:.1f}' cy='{y:.1f}' r='6' fill='{colour}'/>"
                     if x_end - x(m.start) < 8 else
                     f"<rect class='mark' x='{x(m.start):.1f}' y='{y - 5:.1f}' width='{x_end - x(m.start):.1f}' "
                     f"height='10' fill='{colour}' fill-opacity='0.35' stroke='{colour}'/>")
            body.append(f"<a href='{escape(m.href)}'><title>{escape(m.tooltip)}</title>"
                        f"<text x='{x0 - 8}' y='{y + 4:.1f}' text-anchor='end' {FONT}>{escape(m.label)}</text>"
                        f"{shape}</a>")
            row += 1
    return _svg(width, height, body, title)
