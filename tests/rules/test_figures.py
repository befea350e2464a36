"""Figures in prose by key: filled in by the compiler after disclosure control, never evaluated
as a template; an unknown key is an error at its line and column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lscb_report.render.pages import document_html
from lscb_report.render.templating import render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import found

Edit = Callable[[Path, str, str], None]
YEAR = FinancialYear.parse("2020-21")
NEGLECT = "content/2020-21/priorities/01-neglect.yaml"


def annual_report(content: Path) -> str:
    return render_markdown(load_content(content, YEAR), "annual-report", None)


def test_figures_are_filled_in_with_small_numbers_withheld(small: Path) -> None:
    assert (
        "Work on neglect progressed. Referrals to early help rose to 140 in the year, fewer "
        "than 5 of them from Southvale (up from 10 in 2018-19)."
    ) in annual_report(small)


def test_budget_figures(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "budget.yaml",
        "  The figures are illustrative.",
        "  Income was {budget.income.total}, {budget.income.northtown} of it from Northtown; "
        "{budget.expenditure.total} was spent, {budget.brought_forward} brought forward and "
        "{budget.carried_forward} carried forward.",
    )
    assert (
        "Income was £90,000, £50,000 of it from Northtown; £85,000 was spent, £1,000 brought "
        "forward and £6,000 carried forward."
    ) in annual_report(small)


def test_an_unknown_key_is_an_error_at_its_column(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "01-neglect.yaml",
        "{referrals-southvale} of",
        "{referals-southvale} of",
    )
    edit(
        small / "2020-21" / "priorities" / "01-neglect.yaml",
        "Recording needs",
        "{waiting-times} Recording needs",
    )
    assert found(small) == [
        f"{NEGLECT}:10:3: body: {{referals-southvale}} is not a figure the report has; did you "
        "mean {referrals-southvale}?",
        f"{NEGLECT}:14:3: to_develop: {{waiting-times}} is not a figure the report has; write "
        "{metric-id} or {metric-id.YEAR} for a figure in metrics.yaml, or {budget.income.total}, "
        "{budget.expenditure.total}, {budget.brought_forward}, {budget.carried_forward} or "
        "{budget.income.PARTNER}; write \\{ for a brace",
    ]


def test_a_year_the_series_does_not_have(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "01-neglect.yaml",
        "{referrals-southvale.2018-19}",
        "{referrals-southvale.2016-17}",
    )
    assert found(small) == [
        f"{NEGLECT}:10:57: body: {{referrals-southvale.2016-17}} is not a figure the report has; "
        "did you mean {referrals-southvale.2018-19}?"
    ]


def test_content_is_never_evaluated_as_a_template(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        "Offered {{ 7 * 7 }} times {% if true %}yes{% endif %} {{ board.name }} \\{referrals}.",
    )
    content = load_content(small, YEAR)
    markdown = render_markdown(content, "annual-report", None)
    assert (
        "Offered {{ 7 * 7 }} times {% if true %}yes{% endif %} {{ board.name }} \\{referrals}."
        in markdown
    )
    html = document_html(content, "annual-report", markdown, None)
    assert (
        "Offered {{ 7 * 7 }} times {% if true %}yes{% endif %} {{ board.name }} {referrals}."
        in html
    )
    assert "49" not in markdown


def test_a_figure_key_is_checked_even_when_the_budget_does_not_read(
    small: Path, edit: Edit
) -> None:
    edit(
        small / "2020-21" / "priorities" / "01-neglect.yaml",
        "{referrals-southvale} of",
        "{referals-southvale} of",
    )
    edit(small / "2020-21" / "budget.yaml", "brought_forward: 1000.00", "brought_forward: £1,000")
    assert found(small) == [
        "content/2020-21/budget.yaml:7:18: brought_forward: expected a number written in digits, "
        "such as 12500 or 12500.50 (no £, % or commas), but found '£1,000'",
        f"{NEGLECT}:10:3: body: {{referals-southvale}} is not a figure the report has; did you "
        "mean {referrals-southvale}?",
    ]


def test_a_withheld_figure_in_prose_is_an_error(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        "Return interviews were offered to {referrals-northtown} children.",
    )
    assert [p for p in found(small) if ": warning: " not in p] == [
        "content/2020-21/priorities/02-missing.yaml:6:37: body: the figure "
        "{referrals-northtown} is withheld, to protect a small count, and the sentence would "
        "print 'withheld' in its place; rewrite the sentence without that figure"
    ]
