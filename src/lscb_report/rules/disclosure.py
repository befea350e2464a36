"""Small-number disclosure control: a count of children from 1 to 4 could identify a child, so it
is withheld and shown as "fewer than 5" (the threshold is the board's ``hide_counts_below``).

Withholding happens to the figures themselves, once, before anything is compiled: tables,
charts, their data and alt text, and figures written into prose (``figures.py``) can only see
what is left. Secondary suppression withholds one more figure where a total and the parts
still shown would give a withheld part away. Every count series must say whether it counts
children, and a series that is the total of others must add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from lscb_report.content.models import Metrics, Series
from lscb_report.content.positions import problem_at
from lscb_report.errors import Problem
from lscb_report.rules.printed import views
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

SAYS_CHILDREN = rule("metric-counts-children", "a count series says whether it counts children")
TOTALS = rule("metric-total", "a series that is a total of others equals the sum of its parts")
IN_PROSE = rule(
    "small-number-prose",
    "prose does not give a small count of children, families, deaths, cases or reviews",
)

_WORDS = [
    *[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
    ],
    *["fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"],
]
_PEOPLE = (
    r"(?:children|child|young (?:people|persons?)|girls?|boys?|bab(?:y|ies)|infants?|pupils?"
    r"|teenagers?|siblings?|famil(?:y|ies)|mothers?|fathers?|parents?|victims?)"
)
# What a small count in prose may be about: people, or their deaths and cases. A count of
# reviews is public (the board publishes them) unless it is a part of them ("2 of the reviews").
# "child" naming a kind of review, panel or partnership is not a count of children ("one
# local child safeguarding practice review", "one child death overview panel").
_SUBJECT = (
    rf"(?:{_PEOPLE}(?!\s+(?:safeguarding|death\s+overview)\b)|deaths?(?!\s+overview\b)"
    r"|cases?(?![ -]reviews?))"
)
# Up to three words may come between a number and what it counts ("3 sudden unexpected
# deaths", "3 of the cases"), but not a unit or a word that starts another phrase ("for 2
# years children", "rose by 3 to 27 children"), nor what gathers them ("one shared list of
# children").
_BETWEEN = (
    r"(?:(?!(?:years?|months?|weeks?|days?|hours?|times|per|percent|and|or|but|to|from|in|on"
    r"|at|for|with|by|than|out|lists?|registers?|groups?)\b)[a-z-]+\s+){0,3}?"
)
_PART = (
    r"of\s+(?:them\b|(?:these|those)(?=[,.;:]|\s+(?:were|was|had)\b)"
    r"|(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:reviews?|SCRs?)\b)"
    rf"|out\s+of\s+(?:\d+|{'|'.join(_WORDS)})\s+(?:[a-z-]+\s+){{0,2}}?(?:{_SUBJECT}|reviews?)\b"
)
# A number after these is not a count: "more than one case", "priority 3", "Key Stage 2".
_NOT_AFTER = "".join(
    f"(?<!{word} )"
    for word in [
        "than",
        "least",
        "priority",
        "section",
        "chapter",
        "paragraph",
        "page",
        "stage",
        "part",
        "aged",
    ]
)
_COUNT = re.compile(
    rf"{_NOT_AFTER}\b(?=[\dzotfsen])(\d+|{'|'.join(_WORDS)})\s+"
    rf"(?:{_PART}|{_BETWEEN}{_SUBJECT}\b"
    r"|(?:were|was)\s+(?:aged|under|over|disabled|born|babies|girls|boys)\b)",
    re.IGNORECASE,
)


def fewer_than(threshold: int) -> str:
    """What a withheld figure is shown as."""
    return f"fewer than {threshold}"


@needs("metrics")
def counts_say_whom(content: Content) -> Iterable[Problem]:
    """A count series says whether it counts children; other series do not count them."""
    metrics = content.metrics
    for index, series in enumerate(metrics.series):
        if series.unit == "count" and series.counts_children is None:
            yield tagged(
                metrics.problem(
                    ("series", index, "unit"),
                    f"say whether '{series.id}' counts children: add counts_children: true "
                    "(small figures are then shown as 'fewer than') or counts_children: false",
                ),
                SAYS_CHILDREN,
            )
        elif series.unit != "count" and series.counts_children:
            yield tagged(
                metrics.problem(
                    ("series", index, "counts_children"),
                    f"only a count can count children, and '{series.id}' is in {series.unit}; "
                    "remove counts_children",
                ),
                SAYS_CHILDREN,
            )


@needs("metrics")
def totals_add_up(content: Content) -> Iterable[Problem]:
    """A series that is the total of others names real series of its kind and equals their sum."""
    metrics = content.metrics
    by_id = {s.id: s for s in metrics.series}
    for index, series in enumerate(metrics.series):
        parts = []
        for p_index, part_id in enumerate(series.total_of):
            part = by_id.get(part_id)
            message = _part_problem(series, part, part_id)
            if message:
                path = ("series", index, "total_of", p_index)
                yield tagged(metrics.problem(path, message), TOTALS)
            elif part is not None:
                parts.append(part)
        if parts and len(parts) == len(series.total_of):
            yield from _year_sums(metrics, index, series, parts)


def _part_problem(total: Series, part: Series | None, part_id: str) -> str | None:
    if part is None:
        return f"there is no series '{part_id}' in metrics.yaml"
    if part is total:
        return "a series cannot be a total of itself"
    if part.total_of:
        return f"'{part_id}' is itself a total; list its parts instead"
    if (part.unit, part.counts_children) != (total.unit, total.counts_children):
        return f"'{part_id}' does not count the same thing (its unit or counts_children differ)"
    return None


def _year_sums(
    metrics: Metrics, index: int, total: Series, parts: list[Series]
) -> Iterable[Problem]:
    for year, value in total.values.items():
        found = [p.values.get(year) for p in parts]
        if value is None or any(v is None for v in found):
            continue
        expected = sum((v for v in found if v is not None), Decimal(0))
        if expected != value:
            yield tagged(
                metrics.problem(
                    ("series", index, "values", year),
                    f"the total {value} for {year} does not equal the sum of "
                    f"{', '.join(p.id for p in parts)}, {expected}",
                ),
                TOTALS,
            )


def count_in_prose(match: re.Match[str], threshold: int) -> bool:
    """Whether a matched count ('3 children', 'two of them', '2 were aged') is below the
    threshold (and above zero)."""
    word = match.group(1).lower()
    number = int(word) if word.isdigit() else _WORDS.index(word)
    return 0 < number < threshold


@needs("board")
def small_counts_in_prose(content: Content) -> Iterable[Problem]:
    """Prose does not state a count of children between 1 and the threshold."""
    threshold = content.board.rules.hide_counts_below
    for _, loaded, path, text in content.section_texts():
        seen: set[int] = set()
        for view in views(text):  # as written, and as printed (printed.py)
            for match in _COUNT.finditer(view.text):
                start = view.source(match.start())
                if start in seen or not count_in_prose(match, threshold):
                    continue
                seen.add(start)
                yield problem_at(
                    loaded,
                    path,
                    start,
                    f"'{match.group(0)}' is a count below {threshold}, which could identify "
                    f"a child; write '{fewer_than(threshold)}' instead of the number, or put "
                    "the figure in metrics.yaml (counts_children: true) and write {its-id}",
                    IN_PROSE.id,
                )


WITHHELD = "withheld"


def suppress(
    metrics: Metrics, threshold: int, small: str | None = None, secondary: str = WITHHELD
) -> Metrics:
    """The figures with small counts of children withheld (primary), then whatever a total
    would give away (secondary, shown as "withheld"), until no total gives a withheld figure
    away; the figures given are left as they were."""
    metrics = metrics.model_copy(deep=True)
    for series in metrics.series:
        if series.counts_children:
            for year, value in list(series.values.items()):
                if value is not None and 0 < value < threshold:
                    series.hide(year, small or fewer_than(threshold))
    by_id = {s.id: s for s in metrics.series}
    totals = [(s, [by_id[p] for p in s.total_of if p in by_id]) for s in metrics.series]
    changed = True
    while changed:
        changed = False
        for total, parts in totals:
            if total.counts_children and parts:
                for year in total.values:
                    changed |= _protect(total, parts, year, secondary)
    return metrics


def _protect(total: Series, parts: list[Series], year: str, secondary: str = WITHHELD) -> bool:
    """Withhold one more figure where a withheld one is the only unknown in total = sum of
    parts; whether anything changed."""
    unknown = [s for s in (*parts, total) if s.values.get(year) is None]
    if len(unknown) != 1 or year not in unknown[0].hidden:
        return False
    shown = [p for p in parts if p.values.get(year) is not None]
    shown.sort(key=lambda p: (p.values[year] == 0, p.values[year]))
    (shown[0] if shown else total).hide(year, secondary)
    return True


CHECKS = [counts_say_whom, totals_add_up, small_counts_in_prose]
RULES = [SAYS_CHILDREN, TOTALS, IN_PROSE]
