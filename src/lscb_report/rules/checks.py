"""Rules across files that the schema alone cannot state: ids that must exist, figures that
must add up, dates that must fall in the reporting year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.errors import Problem
from lscb_report.rules.placeholders import unfilled
from lscb_report.rules.registry import Check, Rule, needs
from lscb_report.years import FinancialYear

if TYPE_CHECKING:
    from lscb_report.content.loading import Path_
    from lscb_report.content.models import FileModel
    from lscb_report.content.reading import Content


@needs("board", "glossary", "metrics")
def unique_ids(content: Content) -> Iterable[Problem]:
    """Partner ids, glossary terms, metric ids and practice area ids are each used once."""
    yield from _duplicates(content.board, "partners", [p.id for p in content.board.partners], "id")
    yield from _duplicates(
        content.glossary, "terms", [t.term for t in content.glossary.terms], "term"
    )
    yield from _duplicates(content.metrics, "series", [s.id for s in content.metrics.series], "id")
    for priority in content.priorities:
        yield from _duplicates(
            priority, "practice_areas", [a.id for a in priority.practice_areas], "id"
        )


def _duplicates(model: FileModel, field: str, values: list[str], key: str) -> Iterable[Problem]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield model.problem(
                (field, index, key), f"'{value}' is used twice; each {key} must be different"
            )
        seen.add(value)


@needs("board", "budget")
def known_partners(content: Content) -> Iterable[Problem]:
    """Every partner id used by a priority or the budget is one of the board's partners."""
    known = [p.id for p in content.board.partners]
    hint = f"the board's partners are: {', '.join(known)} ({content.board.file})"
    for priority in content.priorities:
        for index, partner in enumerate(priority.partners):
            if partner not in known:
                yield priority.problem(
                    ("partners", index), f"'{partner}' is not a partner of the board; {hint}"
                )
    for index, line in enumerate(content.budget.income.lines):
        if line.partner not in known:
            yield content.budget.problem(
                ("income", "lines", index, "partner"),
                f"'{line.partner}' is not a partner of the board; {hint}",
            )


@needs("metrics")
def known_metrics(content: Content) -> Iterable[Problem]:
    """Every metric a section refers to is defined in metrics.yaml."""
    known = {s.id for s in content.metrics.series}
    hint = f"metrics.yaml defines: {', '.join(sorted(known)) or 'none'}"
    sections: list[tuple[FileModel, Path_, list[str]]] = [
        (p, ("metrics",), p.metrics) for p in content.priorities
    ]
    sections += [(a, ("metrics",), a.metrics) for a in content.activities]
    for priority in content.priorities:
        for i, area in enumerate(priority.practice_areas):
            sections.append((priority, ("practice_areas", i, "metrics"), area.metrics))
    for model, path, metrics in sections:
        for index, metric in enumerate(metrics):
            if metric not in known:
                yield model.problem((*path, index), f"there is no metric '{metric}'; {hint}")


@needs("metrics")
def years_in_range(content: Content) -> Iterable[Problem]:
    """Metric years and review start years are financial years no later than the report's."""
    for s_index, series in enumerate(content.metrics.series):
        for key in series.values:
            path = ("series", s_index, "values", key)
            yield from _year_problem(content, content.metrics, path, key, "a figure", key=True)
    for review in content.reviews:
        if review.started is not None:
            yield from _year_problem(content, review, ("started",), review.started, "a review")


def _year_problem(
    content: Content,
    model: FileModel,
    path: tuple[str | int, ...],
    text: str,
    what: str,
    *,
    key: bool = False,
) -> Iterable[Problem]:
    try:
        year = FinancialYear.parse(text)
    except ValueError as error:
        yield model.problem(path, str(error), key=key)
        return
    if year > content.year:
        yield model.problem(
            path,
            f"{year} is after the reporting year {content.year}; {what} in "
            "this report cannot come from a later year",
            key=key,
        )


@needs("report")
def cover_date(content: Content) -> Iterable[Problem]:
    """The committee meets after the reporting year has ended, within the year after it."""
    day, year = content.report.cover.date, content.year
    if day <= year.end:
        yield content.report.problem(
            ("cover", "date"),
            f"the committee date {day.isoformat()} is not after the end of the reporting year "
            f"{year} ({year.end.isoformat()}); the report covers a year that has ended",
        )
    elif day > year.next().end:
        yield content.report.problem(
            ("cover", "date"),
            f"the committee date {day.isoformat()} is more than a year after the reporting year "
            f"{year}; check the year of the date",
        )


@needs("glossary")
def acronyms_in_glossary(content: Content) -> Iterable[Problem]:
    """An acronym the glossary does not explain is a warning at its first use in each file."""
    from lscb_report.rules.glossary import unexplained

    singles = [content.board, content.report, content.budget, content.metrics]
    models = [m for m in singles if m is not None]  # a file that could not be read is None
    yield from unexplained(
        content.glossary,
        [
            *models,
            *content.priorities,
            *content.contributions,
            *content.activities,
            *content.reviews,
        ],
    )


@needs()
def still_to_fill(content: Content) -> Iterable[Problem]:
    """Each placeholder that 'lscb-report new' left and nobody has written yet, as a warning."""
    singles = [content.board, content.glossary, content.report, content.budget, content.metrics]
    models = [
        *singles,
        *content.priorities,
        *content.contributions,
        *content.activities,
        *content.reviews,
    ]
    return unfilled(model.file for model in models if model is not None)


CHECKS: list[Check] = [
    unique_ids,
    known_partners,
    known_metrics,
    years_in_range,
    cover_date,
    still_to_fill,
    acronyms_in_glossary,
]

RULES: list[Rule] = []
