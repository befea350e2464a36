"""Figures in prose by key: ``{fgm-referrals}`` is that series' figure for the reporting year,
``{fgm-referrals.2013-14}`` its figure for another year, and ``{budget.income.total}``,
``{budget.expenditure.total}``, ``{budget.brought_forward}``, ``{budget.carried_forward}`` and
``{budget.income.PARTNER}`` the budget's. ``\\{`` writes a brace.

The compiler fills them in after small numbers are withheld, so prose says "fewer than 5"
wherever a table does. Content is never evaluated as a template: a placeholder is looked up
in a table of figures, and a key that is not there is an error at its line and column.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from lscb_report.content.models import FileModel
from lscb_report.content.positions import problem_at
from lscb_report.errors import Problem
from lscb_report.numbers import UNKNOWN
from lscb_report.numbers import money as pounds
from lscb_report.rules.disclosure import suppress
from lscb_report.rules.registry import needs, rule

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

M = TypeVar("M", bound=FileModel)
KEY = rule("figure-key", "a figure written in prose as {key} is one the report has")
WITHHELD_IN_PROSE = rule(
    "withheld-figure-prose", "prose does not use a figure withheld to protect a small one"
)
NOT_KNOWN = rule(
    "figure-unknown",
    "a figure written in prose is known (a gap in a draft, an error in a final build)",
    "warning",
)
PLACEHOLDER = re.compile(r"(?<!\\)\{([a-z0-9][a-z0-9._-]*)\}")
_HOW = (
    "write {metric-id} or {metric-id.YEAR} for a figure in metrics.yaml, or {budget.income.total}, "
    "{budget.expenditure.total}, {budget.brought_forward}, {budget.carried_forward} or "
    "{budget.income.PARTNER}; write \\{ for a brace"
)


def figure_table(content: Content) -> dict[str, str]:
    """Every figure prose can name, as the report prints it (from the files that could be
    read: a check still runs when one could not)."""
    table: dict[str, str] = {}
    year = str(content.year)
    for series in content.metrics.series if content.metrics is not None else []:
        for key in series.values:
            table[f"{series.id}.{key}"] = series.text(key)
        if year in series.values:
            table[series.id] = series.text(year)
    if content.budget is not None:
        table |= _budget_figures(content)
    return table


def _budget_figures(content: Content) -> dict[str, str]:
    budget = content.budget
    style = content.board.words.negative_style if content.board is not None else "minus"

    def money(amount: Decimal) -> str:
        return pounds(amount, negative=style)

    table = {
        "budget.income.total": money(budget.income.total),
        "budget.expenditure.total": money(budget.expenditure.total),
        "budget.brought_forward": money(budget.brought_forward),
        "budget.carried_forward": money(budget.carried_forward),
    }
    if budget.reserves_used is not None:
        table["budget.reserves_used"] = money(budget.reserves_used)
    for line in budget.income.lines:
        if line.amount is not None:
            table.setdefault(f"budget.income.{line.partner}", money(line.amount))
    return table


@needs()
def known_figures(content: Content) -> Iterable[Problem]:
    """Every {key} in prose names a figure the report has; a key whose file could not be read
    (metrics.yaml, or budget.yaml for budget.*) is left until that file reads."""
    table = figure_table(content)
    for _, loaded, path, text in content.section_texts():
        for match in PLACEHOLDER.finditer(text):
            key = match.group(1)
            unread = (
                content.budget is None if key.startswith("budget.") else content.metrics is None
            )
            if key not in table and not unread:
                yield problem_at(loaded, path, match.start(), _unknown(key, table), KEY.id)


def _unknown(key: str, table: dict[str, str]) -> str:
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.75)
    if close:
        return f"{{{key}}} is not a figure the report has; did you mean {{{close[0]}}}?"
    return f"{{{key}}} is not a figure the report has; {_HOW}"


@needs("metrics", "budget")
def known_values(content: Content) -> Iterable[Problem]:
    """Each {key} in prose whose figure is not yet known, as a warning: a draft shows a gap."""
    return unknown_in_prose(content)


def unknown_in_prose(content: Content) -> list[Problem]:
    """A problem at each {key} in prose whose figure is not yet known (an error to publish)."""
    table = figure_table(content)
    return [
        problem_at(
            loaded,
            path,
            match.start(),
            f"the figure {{{match.group(1)}}} is not yet known (its value in metrics.yaml is "
            "empty), so the draft shows a gap here; give the figure, or rewrite the sentence "
            "without it, before the report is published",
            NOT_KNOWN.id,
        ).as_warning()
        for _, loaded, path, text in content.section_texts()
        for match in PLACEHOLDER.finditer(text)
        if table.get(match.group(1)) == UNKNOWN
    ]


@needs("board", "metrics", "budget")
def withheld_in_prose(content: Content) -> Iterable[Problem]:
    """No prose uses a figure that would print as a symbol rather than words: one withheld so
    that a total cannot give a small one away ('withheld'), or any withheld under a board's
    own symbol (such as the dfe preset's 'c')."""
    rules = content.board.rules
    metrics = suppress(content.metrics, rules.hide_counts_below, rules.small_as, rules.secondary_as)
    table = figure_table(replace(content, metrics=metrics))
    unreadable = {rules.secondary_as, *([rules.small_as] if rules.withheld_as else [])}
    for _, loaded, path, text in content.section_texts():
        for match in PLACEHOLDER.finditer(text):
            shown = table.get(match.group(1))
            if shown in unreadable:
                yield problem_at(
                    loaded,
                    path,
                    match.start(),
                    f"the figure {{{match.group(1)}}} is withheld, to protect a small count, "
                    f"and the sentence would print '{shown}' in its place; rewrite the sentence "
                    "without that figure",
                    WITHHELD_IN_PROSE.id,
                )


def gap(key: str) -> str:
    """What prose shows where a figure is not yet known: a gap no reader can miss."""
    return f"**[{key}: not yet known]**"


def fill(content: Content) -> Content:
    """The content with each figure in place of its key, in every section's text (after
    checking); the sections that change are copies, the others are shared."""
    table = {k: gap(k) if v == UNKNOWN else v for k, v in figure_table(content).items()}
    changed: dict[int, FileModel] = {}
    for model, _, path, text in content.section_texts():
        if PLACEHOLDER.search(text):
            copy = changed.setdefault(id(model), model.model_copy(deep=True))
            _replace_at(copy, path, table)

    def filled(model: M) -> M:
        return cast(M, changed.get(id(model), model))

    return replace(
        content,
        report=filled(content.report),
        priorities=[filled(p) for p in content.priorities],
        activities=[filled(a) for a in content.activities],
        contributions=[filled(a) for a in content.contributions],
        reviews=[filled(r) for r in content.reviews],
        budget=filled(content.budget),
    )


def _replace_at(model: FileModel, path: tuple[str | int, ...], table: dict[str, str]) -> None:
    """Fill the placeholders of the model's value at path (the model's own, stripped text)."""
    owner: Any = model
    for part in path[:-1]:
        owner = (
            owner[part]
            if isinstance(part, int) or isinstance(owner, dict)
            else getattr(owner, part)
        )
    last = path[-1]
    if isinstance(last, int) or isinstance(owner, dict):
        owner[last] = _filled(owner[last], table)
    else:
        setattr(owner, last, _filled(getattr(owner, last), table))


def _filled(text: str, table: dict[str, str]) -> str:
    """Text with each figure filled in; a percentage followed by "per cent" loses its sign."""
    return _IN_PROSE.sub(lambda m: _figure(m, table), text)


_IN_PROSE = re.compile(PLACEHOLDER.pattern + r"(?=(\s+per\s?cent\b)?)")


def _figure(match: re.Match[str], table: dict[str, str]) -> str:
    value = table.get(match.group(1), match.group(0))
    return value.removesuffix("%") if match.group(2) else value


CHECKS = [known_figures, withheld_in_prose, known_values]
RULES = [KEY, WITHHELD_IN_PROSE, NOT_KNOWN]
