"""A year's figures: budget.yaml and metrics.yaml."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, PrivateAttr

from lscb_report.content.models.base import (
    FileModel,
    Markdown,
    Model,
    Money,
    SignOffField,
    Slug,
    YearKey,
)
from lscb_report.numbers import figure

# --- YEAR/budget.yaml ---------------------------------------------------------------------


class Contribution(Model):
    """One partner's contribution to the budget: an amount, or help in kind, or both."""

    partner: Slug
    """The id of a partner from board.yaml."""
    amount: Money | None = None
    """The partner's contribution in pounds, such as 95000.00."""
    in_kind: str | None = Field(default=None, examples=["Rooms for training, and two trainers"])
    """What the partner gave in kind, described without an amount."""
    paid_by: str | None = Field(default=None, examples=["the Police and Crime Commissioner"])
    """The body that paid the amount on the partner's behalf, where another did."""

    @property
    def pounds(self) -> Decimal:
        """The amount, nothing for a contribution in kind only."""
        return self.amount if self.amount is not None else Decimal(0)


class Spend(Model):
    """One item of the board's spending."""

    item: str
    """What the money was spent on."""
    amount: Money
    """The amount spent in pounds, such as 45000.00."""


class Income(Model):
    """The partners' contributions and their total."""

    lines: list[Contribution] = Field(min_length=1)
    """Each partner's contribution."""
    total: Money
    """The sum of the lines, in pounds."""


class Expenditure(Model):
    """The board's spending and its total."""

    lines: list[Spend] = Field(min_length=1)
    """Each item of spending."""
    total: Money
    """The sum of the lines, in pounds."""


class Budget(FileModel):
    """content/YEAR/budget.yaml: contributions by partner and what was spent."""

    illustrative: bool = Field(description="True where the figures are not the published ones.")
    summary: Markdown | None = None
    """What the executive summary says about the budget, as its own section; none prints none."""
    body: Markdown
    """What the annual report's budget chapter says."""
    brought_forward: Money = Decimal(0)
    """The balance brought forward from the year before, in pounds."""
    income: Income
    """Contributions from the partners."""
    expenditure: Expenditure
    """What the board spent."""
    reserves_used: Money | None = Field(default=None, examples=["21600.00"])
    """In a year the board spent more than it received: the amount drawn from its reserves,
    expenditure less income, in pounds; printed with the balance."""
    carried_forward: Money
    """Brought forward plus income less expenditure, in pounds."""
    sign_off: SignOffField = None


# --- YEAR/metrics.yaml --------------------------------------------------------------------


FIGURE_DIGITS = 12  # a figure is below 10**12
FIGURE_PLACES = 6


def _bounded(value: Decimal) -> Decimal:
    """A figure a report can print and chart: finite, below a million million, and with at
    most a few decimal places (1e999999999 would print as a billion digits)."""
    if not value.is_finite() or (value and value.adjusted() >= FIGURE_DIGITS):
        raise ValueError(
            f"{value} is not a figure a report can show; write a number below "
            "1,000,000,000,000, such as 25 or 12.5"
        )
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -FIGURE_PLACES:
        raise ValueError(
            f"{value} has more than {FIGURE_PLACES} decimal places; round it, such as 12.5"
        )
    return value


Figure = Annotated[Decimal, AfterValidator(_bounded)]


class Series(Model):
    """A named series of figures by financial year."""

    id: Slug
    """A short id that sections use to show these figures."""
    title: str = Field(min_length=1)
    """What is counted, as a table heading; the chart's caption and alt text start with it."""
    unit: Literal["count", "percent", "pounds", "days", "weeks", "rate-per-10000", "ratio"]
    """count, percent, pounds, days, weeks, rate-per-10000 (a rate per 10,000 children) or
    ratio (printed as 3.2:1)."""
    source: str
    """Where the figures come from."""
    illustrative: bool
    """true when the figures are not the board's published data; the report then says so."""
    chart: Literal["bar", "line"] = "bar"
    """bar or line."""
    values: dict[YearKey, Figure | None] = Field(min_length=1)
    """The figure for each year, such as 2014-15: 25; leave a year empty when not yet known."""
    counts_children: bool | None = Field(
        default=None, description="Whether the figures are counts of children (a count must say)."
    )
    total_of: list[Slug] = Field(
        default=[], description="Ids of the series this one is the total of, year by year."
    )
    breakdown: str | None = Field(default=None, examples=["District"])
    """For a total: what its parts are, such as District or Sector; the report then shows the
    parts in the reporting year as a table, headed by this, with the total."""
    label: str | None = Field(default=None, examples=["Eastvale"])
    """For a part of a total: its short name in the total's table, such as Eastvale."""
    _hidden: dict[str, str] = PrivateAttr(default_factory=dict)

    def hide(self, year: str, text: str) -> None:
        """Withhold the figure for a year, to be shown as text (such as 'fewer than 5')."""
        self._hidden[year] = text
        self.values[year] = None

    @property
    def hidden(self) -> dict[str, str]:
        """The years whose figures are withheld, with what is shown instead."""
        return dict(self._hidden)

    def text(self, year: str, sign: bool = True) -> str:
        """The figure for a year as the report prints it (a percentage without its sign
        where a table's heading gives it)."""
        if year in self._hidden:
            return self._hidden[year]
        return figure(self.values.get(year), self.unit, sign=sign)


class Metrics(FileModel):
    """content/YEAR/metrics.yaml: named series of figures by year."""

    series: list[Series] = []
    """Named series of figures, each by year."""
