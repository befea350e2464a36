"""The named rules a board can tune: each has an id, a default severity and a one-line summary.

A rule module registers its ids here with ``rule(...)`` when it is imported, and tags the
problems it finds with the id; ``apply_severity`` then gives each problem the severity the
board chose in ``board.yaml`` (``rules.severity``), or the rule's default. Problems without a
rule id (the schema, unreadable files) are always errors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lscb_report.errors import Problem, Severity

if TYPE_CHECKING:
    from lscb_report.models import Board


@dataclass(frozen=True)
class Rule:
    """One named rule."""

    id: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {}


def rule(id: str, summary: str, severity: Severity = "error") -> str:
    """Register a rule and return its id, for tagging the problems it finds."""
    RULES[id] = Rule(id, severity, summary)
    return id


def tagged(problem: Problem, rule_id: str) -> Problem:
    """The problem, marked as found by a rule."""
    return replace(problem, rule=rule_id)


def all_rules() -> dict[str, Rule]:
    """Every rule, once every rule module has been imported."""
    from lscb_report import checks

    checks.all_checks()
    return dict(sorted(RULES.items()))


def apply_severity(problems: list[Problem], board: Board | None) -> list[Problem]:
    """Each problem with the severity its rule has for this board."""
    chosen = board.rules.severity if board is not None else {}
    out = []
    for problem in problems:
        known = RULES.get(problem.rule or "")
        if known is not None:
            severity = chosen.get(known.id, known.severity)
            problem = problem.as_error() if severity == "error" else problem.as_warning()
        out.append(problem)
    return out


def unknown_rule_problems(board: Board) -> list[Problem]:
    """Problems for severity settings that name no rule."""
    import difflib

    known = all_rules()
    problems = []
    for name in board.rules.severity:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the README lists every rule"
            problems.append(
                board.problem(
                    ("rules", "severity", name),
                    f"there is no rule '{name}'; {hint}",
                    key=True,
                )
            )
    return problems
