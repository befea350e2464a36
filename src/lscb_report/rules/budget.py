"""Budget integrity: every stated total is the sum of its lines, the balance carried forward
follows from the figures, and each figure that is wrong is reported at its own line in
budget.yaml with the figure that was expected. (That each contribution names one of the
board's partners is checked with the other partner ids in ``checks.known_partners``.)"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from lscb_report.content.models import Budget
from lscb_report.errors import Problem
from lscb_report.numbers import money
from lscb_report.rules.registry import Rule, needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

TOTAL = rule("budget-total", "a stated total equals the sum of its lines")
BALANCE = rule("budget-balance", "carried forward = brought forward + income - expenditure")
LINE = rule("budget-line", "no amount is below £0 and each partner contributes once")
CONTINUITY = rule(
    "budget-brought-forward", "brought forward equals the previous year's carried forward"
)


def _pence(amount: Decimal) -> str:
    """An amount as a message quotes it, pence and all: £12,500.00."""
    return money(amount, pence=True)


def _typed(amount: Decimal) -> str:
    """An amount as it is written in budget.yaml."""
    return f"{amount:.2f}"


@needs("budget")
def budget_adds_up(content: Content) -> Iterable[Problem]:
    """Each stated total equals its lines, and the balance carried forward follows."""
    budget = content.budget
    income = sum((line.pounds for line in budget.income.lines), Decimal(0))
    spent = sum((line.amount for line in budget.expenditure.lines), Decimal(0))
    stated = budget.brought_forward + budget.income.total - budget.expenditure.total
    balanced = stated == budget.carried_forward
    for part, total, found in (
        ("income", budget.income.total, income),
        ("expenditure", budget.expenditure.total, spent),
    ):
        if found != total:
            carried = budget.carried_forward + (found - total) * (1 if part == "income" else -1)
            then = f" and carried_forward {_typed(carried)}" if balanced else ""
            yield _problem(
                budget,
                (part, "total"),
                f"the total {_pence(total)} does not equal the sum of the {part} lines, "
                f"{_pence(found)}; if the lines are right, make the total {_typed(found)}{then}",
                TOTAL,
            )
    drawn = budget.expenditure.total - budget.income.total
    if budget.reserves_used is not None and budget.reserves_used != drawn:
        yield _problem(
            budget,
            ("reserves_used",),
            f"{_pence(budget.reserves_used)} is not expenditure less income, {_pence(drawn)}; "
            + (
                f"make it {_typed(drawn)}"
                if drawn > 0
                else "remove it: the board did not spend more than it received"
            ),
            BALANCE,
        )
    if not balanced and (income, spent) == (budget.income.total, budget.expenditure.total):
        yield _problem(
            budget,
            ("carried_forward",),
            f"{_pence(budget.carried_forward)} is not brought forward plus income "
            f"less expenditure, {_pence(stated)}; if the other figures are right, "
            f"make it {_typed(stated)}",
            BALANCE,
        )


@needs("board", "budget")
def budget_lines(content: Content) -> Iterable[Problem]:
    """No amount is below nothing, and no partner's contribution is listed twice."""
    budget = content.budget
    names = {p.id: p.name for p in content.board.partners}
    seen: dict[str, int] = {}
    for index, line in enumerate(budget.income.lines):
        if line.partner in seen:
            first = budget.problem(("income", "lines", seen[line.partner], "partner"), "")
            yield _problem(
                budget,
                ("income", "lines", index, "partner"),
                f"{names.get(line.partner, line.partner)} is listed twice (first at line "
                f"{first.line}); give each partner's contribution once, as one line",
                LINE,
            )
        seen.setdefault(line.partner, index)
    for index, line in enumerate(budget.income.lines):
        if line.amount is None and line.in_kind is None:
            yield _problem(
                budget,
                ("income", "lines", index, "partner"),
                f"{names.get(line.partner, line.partner)}'s line has neither an amount nor "
                "in_kind; add amount: 0.00 (or what was given), or in_kind: what was given",
                LINE,
            )
    lines = [("income", i, x.pounds) for i, x in enumerate(budget.income.lines)]
    lines += [("expenditure", i, x.amount) for i, x in enumerate(budget.expenditure.lines)]
    for part, index, amount in lines:
        if amount < 0:
            yield _problem(
                budget,
                (part, "lines", index, "amount"),
                f"an amount of {part} cannot be below £0, but this is {amount}; write what was "
                f"{'given' if part == 'income' else 'spent'}, or 0.00 if nothing was",
                LINE,
            )


@needs("budget")
def budget_continues(content: Content) -> Iterable[Problem]:
    """The balance brought forward is the one the previous year's report carried forward."""
    before = content.previous_budget
    if before is None or before.carried_forward == content.budget.brought_forward:
        return
    where = before.problem(("carried_forward",), "")
    yield _problem(
        content.budget,
        ("brought_forward",),
        f"{_pence(content.budget.brought_forward)} is not what {content.year.previous()} "
        f"carried forward, {_pence(before.carried_forward)} ({where.file}:{where.line}); "
        "make the two the same",
        CONTINUITY,
    )


def _problem(budget: Budget, path: tuple[str | int, ...], message: str, found_by: Rule) -> Problem:
    return tagged(budget.problem(path, message), found_by)


CHECKS = [budget_adds_up, budget_lines, budget_continues]
RULES = [TOTAL, BALANCE, LINE, CONTINUITY]
