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

from lscb_report.content import shape
from lscb_report.content.models import Series
from lscb_report.content.reading import Content
from lscb_report.numbers import UNKNOWN, money
from lscb_report.render.charts import figures
from lscb_report.render.datalinks import Pairs, tables
from lscb_report.render.markup import parser
from lscb_report.years import FinancialYear

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
    style = content.board.words.negative_style
    for table in _budget_tables(content).values():
        if frozenset(_pair(row, style) for row in table) in printed:
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
    budget, year, board = content.budget, content.year, content.board
    partners = {p.id: p.name for p in board.partners}
    income: list[tuple[str, Decimal]] = [
        (partners.get(line.partner, line.partner), line.amount)
        for line in budget.income.lines
        if line.amount is not None  # a contribution in kind has no figure
    ]
    spent = [(line.item, line.amount) for line in budget.expenditure.lines]

    def label(year: FinancialYear) -> str:
        return shape.year_label(board, year)

    balance = [
        (f"Brought forward from {label(year.previous())}", budget.brought_forward),
        (f"Income in {label(year)}", budget.income.total),
        (f"Expenditure in {label(year)}", budget.expenditure.total),
    ]
    if budget.reserves_used is not None:
        balance.append((f"Drawn from reserves in {label(year)}", budget.reserves_used))
    balance.append((f"Carried forward to {label(year.next())}", budget.carried_forward))
    tables: dict[str, list[tuple[str, Decimal]]] = {
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
    style = content.board.words.negative_style
    return frozenset(_pair(row, style) for row in budget_rows(content))


def _pair(row: Row, negative: str) -> tuple[str, str]:
    """A budget row as its table prints it, negative amounts in the board's style."""
    return row[1], money(Decimal(row[3]), negative=negative)


def _number(value: Decimal) -> str:
    """A figure as plain digits, with no separators or signs: 1650, 12.5, 95000.00."""
    return f"{value:f}"
