"""What a rule is, and how a check says which files it reads.

A rule module declares its rules with ``rule(...)`` and lists them in its ``RULES``, with
its checks in ``CHECKS``; the catalogue (``catalogue.py``) gathers every module's lists.
Nothing here is filled by importing a module: the registry imports no rule module, and a
rule exists once the catalogue names its module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lscb_report.content.reading import REQUIRED_FILES
from lscb_report.errors import Problem, Severity

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

Check = Callable[["Content"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One named rule a board can tune: its id, default severity and a one-line summary."""

    id: str
    severity: Severity
    summary: str


def rule(id: str, summary: str, severity: Severity = "error") -> Rule:
    """A rule, for a module's ``RULES`` and for tagging the problems it finds."""
    return Rule(id, severity, summary)


def tagged(problem: Problem, found_by: Rule) -> Problem:
    """The problem, marked as found by a rule."""
    return replace(problem, rule=found_by.id)


def needs(*files: str) -> Callable[[Check], Check]:
    """Declare which of the year's single files a check reads, so that it still runs when
    another file could not be read: the user sees every problem in one run."""

    def mark(check: Check) -> Check:
        check.needs = frozenset(files)  # type: ignore[attr-defined]
        return check

    return mark


def files_needed(check: Check) -> frozenset[str]:
    """The files a check reads: those it declared, or every file a year needs."""
    declared: frozenset[str] = getattr(check, "needs", REQUIRED_FILES)
    return declared
