"""What an edition of the statutory guidance is made of: requirements of the annual report,
each assessed against a year's content to say whether it is met and where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

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
class Source:
    """Where a requirement's wording comes from, and whether it was checked there.

    ``part`` names the chapter, section or paragraph; ``address`` is the primary source's
    web address where known; ``verified`` says the wording was read in the primary source
    itself, and ``found_in`` where it was found instead when it was not.
    """

    part: str
    address: str | None
    verified: bool
    found_in: str | None = None

    def cited(self) -> str:
        """The source in one line: its part, its address and how far its wording was checked."""
        where = f"{self.part}, {self.address}" if self.address else self.part
        if self.verified:
            return f"{where} (wording checked there)"
        found = f", as found in {self.found_in}" if self.found_in else ""
        return f"{where}: wording not checked against the published text{found}"


@dataclass(frozen=True)
class Requirement:
    """One thing the guidance says the annual report must do, and its source when it has
    one of its own (otherwise the edition's)."""

    rule: Rule
    text: str
    assess: Callable[[Content], Finding]
    source: Source | None = None

    @property
    def id(self) -> str:
        """The id of the requirement's rule, which a board can tune."""
        return self.rule.id


@dataclass(frozen=True)
class Edition:
    """One edition of the guidance: its name, the part that sets the requirements, the
    first reporting year it applies to, whose report it governs (children's or adults'),
    and the recipients it names."""

    id: str
    title: str
    part: str
    first_year: int
    requirements: tuple[Requirement, ...]
    source: Source
    asks_of: str = "a Local Safeguarding Children Board's annual report"
    family: Literal["children", "adults"] = "children"
    recipients: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    """What the edition is said to ask that no source here confirmed, so nothing checks it."""

    def source_of(self, requirement: Requirement) -> Source:
        """The requirement's own source, or the edition's."""
        return requirement.source or self.source


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
