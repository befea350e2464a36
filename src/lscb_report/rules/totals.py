"""Totals that cannot give a small count away. A total lists each part once (6 = 2 x 3 would
let a withheld part be worked out and withhold nothing else); a count of children that is
the sum of two others, or a percentage that is a small count of another series, works as a
total whether or not it is declared, so ``check`` warns at it and says how to declare it,
so that secondary suppression can withhold one more figure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from lscb_report.errors import Problem
from lscb_report.rules.disclosure import TOTALS
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.models import Metrics, Series
    from lscb_report.content.reading import Content

REVEALING = rule(
    "metric-undeclared-total",
    "no undeclared total or percentage gives a count below the threshold away",
    "warning",
)


@needs("metrics")
def parts_listed_once(content: Content) -> Iterable[Problem]:
    """A total lists each of its parts once."""
    for index, series in enumerate(content.metrics.series):
        for place, part in enumerate(series.total_of):
            if part in series.total_of[:place]:
                yield tagged(
                    content.metrics.problem(
                        ("series", index, "total_of", place),
                        f"'{part}' is listed twice; list each part once (a part counted twice "
                        "would let a withheld figure be worked out)",
                    ),
                    TOTALS,
                )


@needs("board", "metrics")
def undeclared_totals(content: Content) -> Iterator[Problem]:
    """A count of children that is the sum of two others with a small one among them, or a
    percentage that makes a small count of a count series, is a warning at its figure."""
    metrics, threshold = content.metrics, content.board.rules.hide_counts_below
    counts = [s for s in metrics.series if s.unit == "count" and s.counts_children]
    declared = {part for s in metrics.series for part in s.total_of}  # metric-total's to judge
    for index, series in enumerate(metrics.series):
        if series.id in declared:
            continue
        for year, value in series.values.items():
            if value is None:
                continue
            if series in counts and not series.total_of:
                message = _sum_message(series, year, value, counts, threshold)
            elif series.unit == "percent":
                message = _percent_message(year, value, counts, threshold)
            else:
                continue
            if message:
                yield _warning(metrics, index, year, message)


def _sum_message(
    total: Series, year: str, value: Decimal, counts: list[Series], threshold: int
) -> str | None:
    others = [(s, v) for s in counts if s is not total and (v := s.values.get(year)) is not None]
    for (a, first), (b, second) in combinations(others, 2):
        small = any(0 < v < threshold for v in (first, second))
        if small and first + second == value:
            return (
                f"{value} is the sum of {a.id} and {b.id} for {year}, so it gives a count below "
                f"{threshold} away; add total_of: [{a.id}, {b.id}] to {total.id}, so that one "
                "more figure is withheld"
            )
    return None


def _percent_message(year: str, value: Decimal, counts: list[Series], threshold: int) -> str | None:
    for series in counts:
        whole = series.values.get(year)
        if whole is None or whole < threshold:
            continue
        part = value * whole / 100
        if 0 < round(part) < threshold and abs(part - round(part)) <= whole / 200:
            return (
                f"{value}% of {series.id} ({whole}) for {year} is about {round(part)}, a count "
                f"below {threshold}; give the percentage only where the count it stands for "
                "may be shown, or leave it out"
            )
    return None


def _warning(metrics: Metrics, index: int, year: str, message: str) -> Problem:
    problem = metrics.problem(("series", index, "values", year), message)
    return tagged(problem.as_warning(), REVEALING)


CHECKS = [parts_listed_once, undeclared_totals]
RULES = [REVEALING]
