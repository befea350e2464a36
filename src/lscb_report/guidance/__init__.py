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

from lscb_report.checks import needs
from lscb_report.errors import Problem
from lscb_report.guidance import wt2015
from lscb_report.guidance.base import Checklist, Edition, Item, Place

if TYPE_CHECKING:
    from lscb_report.content import Content

EDITIONS: dict[str, Edition] = {edition.id: edition for edition in (wt2015.EDITION,)}
APPENDIX_MARK = "\x00guidance-appendix\x00"


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
    return Checklist(edition, tuple(Item(req, req.assess(content)) for req in edition.requirements))


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


def appendix(checklist: Checklist, markdown: str) -> str:
    """The appendix table: each requirement and the numbered sections of the document that
    meet it, linked, found among the document's own headings."""
    from lscb_report.templating import headings

    found = headings(markdown)
    rows = [
        f"| {checklist.edition.title} asks that the report | Where this report does so |",
        "| --- | --- |",
    ]
    for item in checklist.items:
        text = item.requirement.text
        links = list(dict.fromkeys(_link(place, found) for place in item.finding.places))
        where = "; ".join(links) if item.finding.met else "Not yet met."
        rows.append(f"| {text[0].lower()}{text[1:]} | {where} |")
    return "\n".join(rows)


def _link(place: Place, found: list[tuple[int, str, str]]) -> str:
    """A link to the heading of a place, or its name where the document has no such heading."""
    if place.chapter is None:
        return "the cover (the reporting period)"
    chapter = _find(found, 2, place.chapter, 0)
    if chapter is None:
        return place.section or place.chapter
    if place.section is None:
        return f"[{found[chapter][1]}](#{found[chapter][2]})"
    section = _find(found, 3, place.section, chapter + 1)
    if section is None:
        return f"[{found[chapter][1]}](#{found[chapter][2]})"
    return f"[{found[section][1]}](#{found[section][2]})"


def _find(found: list[tuple[int, str, str]], level: int, title: str, start: int) -> int | None:
    """The index of the heading of a level titled title (after its number), from start until
    the next heading of a higher level."""
    from lscb_report.templating import plain_title

    wanted = " ".join(title.split())
    for index in range(start, len(found)):
        heading_level, text, _ = found[index]
        if heading_level < level and level > 2:
            return None
        if heading_level == level and plain_title(text) == wanted:
            return index
    return None


CHECKS = [guidance_met]
