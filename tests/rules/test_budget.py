"""Budget integrity: each wrong figure is reported at its own line in budget.yaml, with the
figure that was expected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import found

Edit = Callable[[Path, str, str], None]
BUDGET = "content/2020-21/budget.yaml"


def test_a_figure_changed_without_its_total(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "budget.yaml", "amount: 40000.00", "amount: 45000.00")
    assert found(small) == [
        f"{BUDGET}:16:10: income.total: the total £90,000.00 does not equal the sum of the income "
        "lines, £95,000.00; if the lines are right, make the total 95000.00 and carried_forward "
        "11000.00",
    ]


def test_an_expenditure_line_changed_without_its_total(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "budget.yaml", "amount: 4000.00", "amount: 4500.00")
    assert found(small) == [
        f"{BUDGET}:27:10: expenditure.total: the total £85,000.00 does not equal the sum of the "
        "expenditure lines, £85,500.00; if the lines are right, make the total 85500.00 and "
        "carried_forward 5500.00",
    ]


def test_a_total_changed_without_its_lines(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "budget.yaml", "total: 85000.00", "total: 86000.00")
    assert found(small) == [
        f"{BUDGET}:27:10: expenditure.total: the total £86,000.00 does not equal the sum of the "
        "expenditure lines, £85,000.00; if the lines are right, make the total 85000.00",
    ]


def test_a_balance_that_does_not_follow(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "budget.yaml", "carried_forward: 6000.00", "carried_forward: 600.00")
    assert found(small) == [
        f"{BUDGET}:28:18: carried_forward: £600.00 is not brought forward plus income less "
        "expenditure, £6,000.00; if the other figures are right, make it 6000.00",
    ]


def test_a_partner_listed_twice_and_a_negative_amount(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "budget.yaml",
        "      amount: 0.00\n",
        "      amount: 0.00\n    - partner: northtown\n      amount: 0.00\n",
    )
    edit(small / "2020-21" / "budget.yaml", "amount: 4000.00", "amount: -4000.00")
    edit(small / "2020-21" / "budget.yaml", "amount: 6000.00", "amount: 14000.00")
    assert found(small) == [
        f"{BUDGET}:16:16: income.lines[3].partner: Northtown Council is listed twice (first at "
        "line 10); give each partner's contribution once, as one line",
        f"{BUDGET}:26:15: expenditure.lines[2].amount: an amount of expenditure cannot be below "
        "£0, but this is -4000.00; write what was spent, or 0.00 if nothing was",
    ]


def test_brought_forward_follows_the_previous_year(small: Path, edit: Edit) -> None:
    before = small / "2019-20"
    before.mkdir()
    text = (small / "2020-21" / "budget.yaml").read_text()
    (before / "budget.yaml").write_text(
        text.replace("carried_forward: 6000.00", "carried_forward: 1500.00").replace(
            "brought_forward: 1000.00", "brought_forward: -3500.00"
        )
    )
    assert found(small) == [
        f"{BUDGET}:7:18: brought_forward: £1,000.00 is not what 2019-20 carried forward, "
        "£1,500.00 (content/2019-20/budget.yaml:28); make the two the same",
    ]
    edit(small / "2020-21" / "budget.yaml", "brought_forward: 1000.00", "brought_forward: 1500.00")
    edit(small / "2020-21" / "budget.yaml", "carried_forward: 6000.00", "carried_forward: 6500.00")
    assert found(small) == []
