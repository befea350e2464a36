"""The figures of a new year: the budget's lines with amounts to fill and the balance brought
forward, and each series of figures with an empty figure for the new year."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lscb_report.commands.drafting import dump, owner, section, to_check
from lscb_report.content.models import Contribution
from lscb_report.content.reading import Content
from lscb_report.content.yamltext import Note
from lscb_report.rules.placeholders import PLACEHOLDER
from lscb_report.years import FinancialYear

ZERO = Decimal("0.00")


def budget_forward(content: Content, year: FinancialYear) -> tuple[list[str], dict[str, Any]]:
    budget = content.budget
    spent = f"{PLACEHOLDER}: spent in {year.label}"
    data: dict[str, Any] = {"illustrative": budget.illustrative}
    texts = section("the board's budget", year)
    data |= texts if budget.summary is not None else {"body": texts["body"]}
    data |= {
        "brought_forward": Note(budget.carried_forward, f"carried forward from {year.previous()}"),
        "income": {
            "lines": [_contribution(line, year) for line in budget.income.lines],
            "total": Note(ZERO, f"{PLACEHOLDER}: the sum of the contributions"),
        },
        "expenditure": {
            "lines": [
                {"item": line.item, "amount": Note(ZERO, spent)}
                for line in budget.expenditure.lines
            ],
            "total": Note(ZERO, f"{PLACEHOLDER}: the sum of the spending"),
        },
        "carried_forward": Note(
            budget.carried_forward,
            f"{PLACEHOLDER}: brought forward plus income less expenditure",
        ),
    }
    return [f"The board's budget for {year}{owner(budget)}"], data


def _contribution(line: Contribution, year: FinancialYear) -> dict[str, Any]:
    """A partner's line for the new year: its amount to fill, how it was given kept."""
    data: dict[str, Any] = {"partner": to_check(line.partner, year.previous())}
    if line.amount is not None:
        data["amount"] = Note(ZERO, f"{PLACEHOLDER}: the contribution for {year.label}")
    if line.paid_by is not None:
        data["paid_by"] = to_check(line.paid_by, year.previous())
    if line.in_kind is not None:
        data["in_kind"] = Note(line.in_kind, f"{PLACEHOLDER}: check what was given this year")
    return data


def metrics_forward(content: Content, year: FinancialYear) -> tuple[list[str], dict[str, Any]]:
    series = []
    for index, one in enumerate(content.metrics.series):
        data = dump(one)
        data["values"] = {**_as_written(content, index), str(year): Note(None, _figure_note(year))}
        series.append(data)
    return [f"Figures by year for the {year} report{owner(content.metrics)}"], {"series": series}


def _as_written(content: Content, index: int) -> dict[str, Decimal | None]:
    """A series' figures as its file gives them, before any is withheld from display."""
    source = content.metrics._source
    if source is None:
        return dict(content.metrics.series[index].values)
    values = source.data["series"][index]["values"]
    return {str(key): None if value is None else Decimal(value) for key, value in values.items()}


def _figure_note(year: FinancialYear) -> str:
    return f"{PLACEHOLDER}: the figure for {year}, or leave it empty if not yet known"
