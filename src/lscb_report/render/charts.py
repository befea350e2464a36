"""Charts from metrics: an SVG per series (drawn by matplotlib) and its trend in words.

matplotlib is imported only when a document has a chart to draw, so the executive summary
and a Markdown-only build never pay for it. The SVG keeps its text as text and carries no
date or random ids, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from lscb_report.content.models import Series
from lscb_report.numbers import figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes

INK = "#1b1b1b"
MUTED = "#505a5f"
ACCENT = "#1d4f91"
FONTS = "'Report Sans', 'DejaVu Sans', sans-serif"
SUBJECTS = {
    "count": "The number",
    "percent": "The percentage",
    "pounds": "The amount",
    "days": "The time",
    "weeks": "The time",
    "rate-per-10000": "The rate",
    "ratio": "The ratio",
}
UNIT_LABELS = {
    "count": "Number",
    "percent": "Per cent",
    "pounds": "Pounds (£)",
    "days": "Days",
    "weeks": "Weeks",
    "rate-per-10000": "Rate per 10,000 children",
    "ratio": "Ratio",
}
_FIGURE = re.compile(r"^::: figure ([a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*$", re.MULTILINE)
_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "lscb-report",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "text.color": INK,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}


def _points(series: Series) -> list[tuple[str, Decimal]]:
    return sorted((year, value) for year, value in series.values.items() if value is not None)


def describe(series: Series) -> str:
    """The chart in words, for its alternative text: what it shows and the trend."""
    kind = "Line chart" if series.chart == "line" else "Bar chart"
    title = (
        series.title[0].lower() + series.title[1:] if series.title[1:2].islower() else series.title
    )
    points = _points(series)
    hidden = series.hidden
    missing = sorted(y for y, v in series.values.items() if v is None and y not in hidden)
    text = f"{kind} of {title}: there are no figures yet."
    if points:
        span = points[0][0] if len(points) == 1 else f"{points[0][0]} to {points[-1][0]}"
        text = f"{kind} of {title}, {span}. {SUBJECTS[series.unit]} {_trend(points, series.unit)}."
    for shown in sorted(set(hidden.values())):
        years = sorted(year for year, words in hidden.items() if words == shown)
        many = len(years) > 1
        text += (
            f" The figure{'s' if many else ''} for {_and(years)} {'are' if many else 'is'} "
            f"{shown}, to protect children's identities."
        )
    if missing:
        text += f" There is no figure yet for {_and(missing)}."
    return text


def _trend(points: list[tuple[str, Decimal]], unit: str) -> str:
    """How the figures moved, first to last, with the peak or trough between where there is one."""
    (first_year, first), (last_year, last) = points[0], points[-1]
    start, end = f"{figure(first, unit)} in {first_year}", f"{figure(last, unit)} in {last_year}"
    if len(points) == 1:
        return f"was {start}"
    values = [value for _, value in points]
    steps = list(pairwise(values))
    if all(b > a for a, b in steps):
        return f"rose every year, from {start} to {end}"
    if all(b < a for a, b in steps):
        return f"fell every year, from {start} to {end}"
    if first == last and all(a == b for a, b in steps):
        return f"stayed at {figure(first, unit)} from {first_year} to {last_year}"
    if last == first:
        text = f"was {figure(first, unit)} in both {first_year} and {last_year}"
    else:
        text = f"{'rose' if last > first else 'fell'} overall, from {start} to {end}"
    high_year, high = max(points[1:-1], key=lambda p: p[1], default=(first_year, first))
    low_year, low = min(points[1:-1], key=lambda p: p[1], default=(first_year, first))
    if high > max(first, last):
        text += f", with a high of {figure(high, unit)} in {high_year}"
    if low < min(first, last):
        text += f", with a low of {figure(low, unit)} in {low_year}"
    return text


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def chart_sources(
    markdown: str, series: Iterable[Series], draw: Callable[[Series], str] | None = None
) -> dict[str, str]:
    """A data: URI of the chart of every series that the Markdown shows as a figure, each
    drawn by ``draw`` (the build passes one that keeps charts between builds)."""
    wanted = figures(markdown)
    return {s.id: data_uri((draw or chart_svg)(s)) for s in series if s.id in wanted}


def figures(markdown: str) -> set[str]:
    """The ids of the series that the Markdown shows as figures."""
    return set(_FIGURE.findall(markdown))


def data_uri(svg: str) -> str:
    """An SVG as a data: URI, so the page that shows it stands alone."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def chart_svg(series: Series) -> str:
    """The series drawn as an SVG bar or line chart, withheld figures labelled as such."""
    return _draw(series.model_dump_json(), tuple(sorted(series.hidden.items())))


@lru_cache(maxsize=64)
def _draw(series_json: str, hidden: tuple[tuple[str, str], ...]) -> str:
    """Draw once per series: the HTML and the PDF of a build show the same chart."""
    import matplotlib
    from matplotlib.figure import Figure

    series = Series.model_validate_json(series_json)
    for year, words in hidden:
        series.hide(year, words)
    years = sorted(series.values)
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        chart = Figure(figsize=(5.0, 2.6))  # inches, drawn near this size in print
        axes = chart.add_subplot()
        if series.chart == "line":
            _line(axes, series, years)
        else:
            _bars(axes, series, years)
        _frame(axes, series)
        out = io.StringIO()
        chart.savefig(
            out, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None}
        )
    svg = out.getvalue()
    return svg.replace("font-family: 'DejaVu Sans'", f"font-family: {FONTS}")


def _bars(axes: Axes, series: Series, years: list[str]) -> None:
    values = [series.values[year] for year in years]
    bars = axes.bar(years, [float(v or 0) for v in values], color=ACCENT, width=0.6)
    labels = [_label(series, year) for year in years]
    axes.bar_label(bars, labels=labels, padding=3)
    axes.set_ylim(0, max((float(v or 0) for v in values), default=0) * 1.18 or 1)


def _line(axes: Axes, series: Series, years: list[str]) -> None:
    values = [series.values[year] for year in years]
    heights = [float(v) if v is not None else float("nan") for v in values]
    axes.plot(years, heights, color=ACCENT, linewidth=2.5, marker="o", markersize=7)
    for year, value in zip(years, values, strict=True):
        label = _label(series, year)
        axes.annotate(
            label, (year, float(value or 0)), textcoords="offset points", xytext=(0, 9), ha="center"
        )
    axes.set_ylim(0, max((float(v or 0) for v in values), default=0) * 1.22 or 1)


def _label(series: Series, year: str) -> str:
    """The figure over a bar or point: the number, or the words that stand for it."""
    value = series.values[year]
    if value is not None:
        return figure(value, series.unit)
    return series.hidden.get(year, "no figure")


def _tick(value: float, unit: str) -> str:
    """An axis label written as the table writes its figures: 2,500, 25% or £1,000."""
    number = f"{value:,.0f}" if value == round(value) else f"{value:,.1f}"
    return {"percent": f"{number}%", "pounds": f"£{number}"}.get(unit, number)


def _frame(axes: Axes, series: Series) -> None:
    """Axes kept to what helps reading: no box, the unit named. Illustrative figures are
    said so once, in the figure's caption, not again on the chart."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.spines[["top", "right"]].set_visible(False)
    axes.set_ylabel(UNIT_LABELS[series.unit])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick(value, series.unit)))
    axes.tick_params(length=4)
    if len(series.values) > 6:
        axes.tick_params(axis="x", labelrotation=45)
    axes.margins(x=0.08)
    if series.unit == "count":
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
