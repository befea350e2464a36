"""The report's figures as open data: one CSV a year, a row for every figure that a chart or
table prints, withheld figures as a symbol and never as the number.

The symbols are those of the Government Statistical Service's guidance on symbols in tables:
``[c]`` for a figure withheld to protect confidentiality and ``[x]`` for one not available;
the ``note`` column says in words what the report prints instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from decimal import Decimal

from lscb_report.content.models import Series
from lscb_report.content.reading import Content
from lscb_report.numbers import UNKNOWN, money
from lscb_report.render.charts import figures
from lscb_report.render.datalinks import Pairs, tables
from lscb_report.render.markup import parser

COLUMNS = ("series", "label", "period", "value", "unit", "note")
WITHHELD = "[c]"
NOT_AVAILABLE = "[x]"
ILLUSTRATIVE = "illustrative"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Row = tuple[str, str, str, str, str, str]


def figures_csv(content: Content, markdowns: Mapping[str, str]) -> bytes:
    """The CSV of every figure the documents print, UTF-8, one row a figure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for series, label, *rest in figure_rows(content, markdowns):
        writer.writerow((series, _inert(label), *rest))
    return out.getvalue().encode("utf-8")


def _inert(text: str) -> str:
    """A label a spreadsheet cannot take for a formula: one that starts with = + - @ or a
    tab or return gets an apostrophe first, which spreadsheets hide (content is untrusted,
    and a formula in a CSV runs when the file is opened)."""
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def figure_rows(content: Content, markdowns: Mapping[str, str]) -> list[Row]:
    """A row for each figure of each series the documents show, in the order they show them,
    then those of each of the budget's tables that a document prints."""
    by_id = {s.id: s for s in content.metrics.series}
    rows = [row for series_id in shown(markdowns.values()) for row in series_rows(by_id[series_id])]
    printed = {pairs for markdown in markdowns.values() for pairs in _printed_tables(markdown)}
    for table in _budget_tables(content).values():
        if frozenset(_pair(row) for row in table) in printed:
            rows += table
    return rows


def _printed_tables(markdown: str) -> list[Pairs]:
    """The figures of each table of a document that is not in a figure, as it prints them."""
    tokens = parser().parse(markdown)
    return [pairs for _, _, in_figure, pairs in tables(tokens) if not in_figure and pairs]


def shown(markdowns: Iterable[str]) -> list[str]:
    """The ids of the series shown as figures, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for markdown in markdowns:
        for line in markdown.splitlines():
            if line.startswith("::: figure "):
                seen.update(dict.fromkeys(figures(line)))
    return list(seen)


def series_rows(series: Series) -> list[Row]:
    """A series' figures, year by year, as its table prints them."""
    rows: list[Row] = []
    for year in sorted(series.values):
        value, printed = series.values[year], series.text(year)
        note = [ILLUSTRATIVE] if series.illustrative else []
        if year in series.hidden:
            cell = WITHHELD
            note.append(printed)
        elif value is None:
            cell = NOT_AVAILABLE
            note.append(UNKNOWN)
        else:
            cell = _number(value)
        rows.append((series.id, series.title, year, cell, series.unit, "; ".join(note)))
    return rows


def budget_rows(content: Content) -> list[Row]:
    """The budget's tables: each contribution, each item spent, their totals, the balance."""
    return [row for table in _budget_tables(content).values() for row in table]


def _budget_tables(content: Content) -> dict[str, list[Row]]:
    """The rows of each of the budget's tables, by series."""
    budget, year = content.budget, content.year
    partners = {p.id: p.name for p in content.board.partners}
    income = [
        (partners.get(line.partner, line.partner), line.amount) for line in budget.income.lines
    ]
    spent = [(line.item, line.amount) for line in budget.expenditure.lines]
    balance = [
        (f"Brought forward from {year.previous().label}", budget.brought_forward),
        (f"Income in {year.label}", budget.income.total),
        (f"Expenditure in {year.label}", budget.expenditure.total),
        (f"Carried forward to {year.next().label}", budget.carried_forward),
    ]
    tables = {
        "budget-income": [*income, ("Total income", budget.income.total)],
        "budget-expenditure": [*spent, ("Total expenditure", budget.expenditure.total)],
        "budget-balance": balance,
    }
    note = ILLUSTRATIVE if budget.illustrative else ""
    return {
        series: [
            (series, label, str(year), _number(amount), "pounds", note) for label, amount in lines
        ]
        for series, lines in tables.items()
    }


def table_rows(content: Content) -> Pairs:
    """Each budget row the CSV may hold, as the report's tables print it: (label, £ figure)."""
    return frozenset(_pair(row) for row in budget_rows(content))


def _pair(row: Row) -> tuple[str, str]:
    """A budget row as its table prints it."""
    return row[1], money(Decimal(row[3]))


def _number(value: Decimal) -> str:
    """A figure as plain digits, with no separators or signs: 1650, 12.5, 95000.00."""
    return f"{value:f}"
