"""Every rule module, listed: the checks a year's content goes through and the rules a board
can tune. Importing this module is all it takes to know every rule."""

from __future__ import annotations

import difflib
from pathlib import Path

from lscb_report.content.loading import MAX_BYTES
from lscb_report.content.models import Board
from lscb_report.content.reading import REQUIRED_FILES, Content, Read, missing_year, read_content
from lscb_report.errors import Problem
from lscb_report.rules import (
    audience,
    budget,
    characters,
    checks,
    disclosure,
    figures,
    guidance,
    names,
    privacy,
    prose,
    regimes,
    safety,
    shape,
    signoff,
    totals,
)
from lscb_report.rules.guidance.base import Checklist
from lscb_report.rules.registry import Check, Rule, files_needed
from lscb_report.years import FinancialYear

MODULES = (
    checks,
    shape,
    budget,
    disclosure,
    figures,
    privacy,
    names,
    prose,
    audience,
    signoff,
    regimes,
    guidance,
    safety,
    characters,
    totals,
)
CHECKS: tuple[Check, ...] = tuple(check for module in MODULES for check in module.CHECKS)
RULES: dict[str, Rule] = dict(sorted((r.id, r) for module in MODULES for r in module.RULES))


def check_content(content: Content, readable: frozenset[str] = REQUIRED_FILES) -> list[Problem]:
    """Every problem the cross-file rules find, among the checks whose files were readable."""
    return [
        problem for check in CHECKS if files_needed(check) <= readable for problem in check(content)
    ]


def check_read(read: Read) -> list[Problem]:
    """The problems of reading a year and of checking what could be read, each with its
    rule's severity for the board."""
    problems = read.problems + check_content(read.content, read.readable)
    board = read.content.board if "board" in read.readable else None
    if board is not None:
        problems += unknown_rule_problems(board)
    return apply_severity(problems, board)


def check_year(
    root: Path, year: FinancialYear, max_file_size: int = MAX_BYTES
) -> tuple[list[Problem], Checklist | None]:
    """Every problem in a year's content, and the guidance checklist when every file could be
    read and validated (a checklist of part of the report would mislead)."""
    read = read_content(root, year, max_file_size)
    if read is None:
        return [missing_year(root, year)], None
    problems = check_read(read)
    whole = read.whole and read.content.complete
    return sorted(problems), (guidance.checklist(read.content) if whole else None)


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
    problems = []
    for name in board.rules.severity:
        if name not in RULES:
            close = difflib.get_close_matches(name, list(RULES), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the README lists every rule"
            problems.append(
                board.problem(
                    ("rules", "severity", name),
                    f"there is no rule '{name}'; {hint}",
                    key=True,
                )
            )
    return problems
