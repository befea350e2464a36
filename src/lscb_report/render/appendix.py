"""The full report's appendix: each requirement of the guidance and the numbered sections of
the document that meet it, found among the document's own headings."""

from __future__ import annotations

from lscb_report.render.headings import headings, plain_title
from lscb_report.rules.guidance.base import Checklist, Place

APPENDIX_MARK = "\x00guidance-appendix\x00"


def appendix(checklist: Checklist, markdown: str) -> str:
    """The appendix table: each requirement and the numbered sections of the document that
    meet it, linked, found among the document's own headings."""
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
    wanted = " ".join(title.split())
    for index in range(start, len(found)):
        heading_level, text, _ = found[index]
        if heading_level < level and level > 2:
            return None
        if heading_level == level and plain_title(text) == wanted:
            return index
    return None
