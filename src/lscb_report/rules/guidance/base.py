"""What an edition of the statutory guidance is made of: requirements of the annual report,
each assessed against a year's content to say whether it is met and where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lscb_report.errors import Problem
from lscb_report.rules.registry import Rule

if TYPE_CHECKING:
    from lscb_report.content.reading import Content


@dataclass(frozen=True)
class Place:
    """Where the report meets a requirement: a file, and the chapter (and section) it makes.

    ``chapter`` is the chapter's title as the templates print it, without its number; no
    chapter means the cover.
    """

    file: str
    chapter: str | None
    section: str | None = None


@dataclass(frozen=True)
class Finding:
    """A requirement assessed: where the report meets it, or the problem where it should."""

    places: tuple[Place, ...]
    problem: Problem | None = None

    @property
    def met(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Requirement:
    """One thing the guidance says the annual report must do."""

    rule: Rule
    text: str
    assess: Callable[[Content], Finding]

    @property
    def id(self) -> str:
        """The id of the requirement's rule, which a board can tune."""
        return self.rule.id


@dataclass(frozen=True)
class Edition:
    """One edition of the guidance: its name, the part that sets the requirements, and the
    first reporting year it applies to."""

    id: str
    title: str
    part: str
    first_year: int
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Item:
    """A requirement and what was found for it."""

    requirement: Requirement
    finding: Finding


@dataclass(frozen=True)
class Checklist:
    """Every requirement of an edition, assessed against one year's content."""

    edition: Edition
    items: tuple[Item, ...]

    @property
    def met(self) -> int:
        """How many requirements are met."""
        return sum(item.finding.met for item in self.items)
