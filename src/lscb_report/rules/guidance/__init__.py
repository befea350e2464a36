"""The statutory guidance an annual report must meet, kept edition by edition.

Each edition is a module (``wt2015``) listing its requirements; ``EDITIONS`` holds them all.
A year is held to the latest edition in force by its reporting year, unless the board names
one in ``board.yaml`` (``rules.guidance``). An unmet requirement is a problem under its rule
(a warning unless the board says otherwise, so ``--strict`` fails on it); ``check`` prints
the checklist, and the full report's appendix maps each requirement to its sections.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.errors import Problem
from lscb_report.rules.guidance import wt2015
from lscb_report.rules.guidance.base import Checklist, Edition, Finding, Item, Requirement
from lscb_report.rules.placeholders import unfilled_in
from lscb_report.rules.registry import needs

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

EDITIONS: dict[str, Edition] = {edition.id: edition for edition in (wt2015.EDITION,)}


def edition_for(content: Content) -> Edition:
    """The edition the year is held to: the board's choice, or the latest in force."""
    chosen = content.board.rules.guidance
    if chosen in EDITIONS:
        return EDITIONS[chosen]
    in_force = [e for e in EDITIONS.values() if e.first_year <= content.year.first]
    return max(in_force or EDITIONS.values(), key=lambda e: e.first_year)


def checklist(content: Content) -> Checklist:
    """Every requirement of the year's edition, assessed."""
    edition = edition_for(content)
    texts = {m.file: m.loaded.text for m in content.files() if m.loaded is not None}
    items = (
        Item(req, written(edition, req, req.assess(content), texts)) for req in edition.requirements
    )
    return Checklist(edition, tuple(items))


def written(
    edition: Edition, requirement: Requirement, finding: Finding, texts: dict[str, str]
) -> Finding:
    """The finding, not met while a file that meets it still holds a placeholder: text that
    says TO FILL IN meets nothing. ``texts`` are the files' texts as they were read."""
    if not finding.met:
        return finding
    files = dict.fromkeys(place.file for place in finding.places)
    left = [problem for file in files for problem in unfilled_in(file, texts.get(file, ""))]
    if not left:
        return finding
    first, count = left[0], len(left)
    message = (
        f"{edition.title} asks that the report {requirement.text[0].lower()}"
        f"{requirement.text[1:]}; it is not met while the file that should meet it still says TO "
        f"FILL IN ({count} placeholder{'' if count == 1 else 's'} left): write them, starting here"
    )
    problem = Problem(first.file, first.line, first.column, message, rule=requirement.rule.id)
    return Finding((), problem)


@needs("board", "report", "budget")
def guidance_met(content: Content) -> Iterable[Problem]:
    """Each requirement of the guidance is met, or a problem says where it should be."""
    chosen = content.board.rules.guidance
    if chosen is not None and chosen not in EDITIONS:
        yield content.board.problem(
            ("rules", "guidance"),
            f"there is no edition '{chosen}' of the guidance; the editions are: "
            f"{', '.join(EDITIONS)}",
        )
        return
    for item in checklist(content).items:
        if item.finding.problem is not None:
            yield item.finding.problem


def checklist_lines(checklist: Checklist) -> list[str]:
    """The checklist as ``check`` prints it: each requirement, met or not, and its files."""
    edition = checklist.edition
    lines = [
        f"{edition.title}, {edition.part}: {checklist.met} of {len(checklist.items)} "
        "requirements met"
    ]
    for item in checklist.items:
        finding = item.finding
        lines.append(f"  [{'met' if finding.met else 'not met'}] {item.requirement.text}")
        if finding.problem is not None:
            where = finding.problem
            lines.append(f"      should be met in {where.file}:{where.line}:{where.column}")
        for file in dict.fromkeys(place.file for place in finding.places):
            lines.append(f"      {file}")
    return lines


def checklist_data(checklist: Checklist) -> dict[str, object]:
    """The checklist as plain data, for ``check --format json``."""
    return {
        "guidance": checklist.edition.title,
        "part": checklist.edition.part,
        "requirements": [
            {
                "id": item.requirement.id,
                "requirement": item.requirement.text,
                "met": item.finding.met,
                "files": list(dict.fromkeys(p.file for p in item.finding.places)),
                "should": None
                if item.finding.problem is None
                else f"{item.finding.problem.file}:{item.finding.problem.line}",
            }
            for item in checklist.items
        ],
    }


CHECKS = [guidance_met]
RULES = [req.rule for edition in EDITIONS.values() for req in edition.requirements]
