"""The full report's appendix: each requirement of the guidance and the numbered sections of
the document that meet it, found among the document's own headings."""

from __future__ import annotations

from urllib.parse import urlsplit

from lscb_report.render.headings import headings, plain_title
from lscb_report.rules.guidance.base import Checklist, Place, Source

APPENDIX_MARK = "\x00guidance-appendix\x00"
UNCHECKED = (
    "A source marked (not checked) gives the requirement in words not checked against the "
    "published text; read that text before relying on them."
)


def appendix(checklist: Checklist, markdown: str) -> str:
    """The appendix table: each requirement, its source, and the numbered sections of the
    document that meet it, linked, found among the document's own headings."""
    found = headings(markdown)
    edition = checklist.edition
    rows = [
        f"| {edition.title[:1].upper()}{edition.title[1:]} asks that the report | Source "
        "| Where this report does so |",
        "| --- | --- | --- |",
    ]
    for item in checklist.items:
        text = item.requirement.text
        links = list(dict.fromkeys(_link(place, found) for place in item.finding.places))
        where = "; ".join(links) if item.finding.met else "Not yet met."
        source = _source(edition.source_of(item.requirement))
        rows.append(f"| {text[0].lower()}{text[1:]} | {source} | {where} |")
    if edition.source.address:
        host = (urlsplit(edition.source.address).hostname or "").removeprefix("www.")
        rows += [
            "",
            f"The text of {edition.title}, {edition.part}, is published at [{host}]"
            f"({edition.source.address}).",
        ]
    if not all(edition.source_of(item.requirement).verified for item in checklist.items):
        rows += ["", UNCHECKED]
    return "\n".join(rows)


def _source(source: Source) -> str:
    """A requirement's source as the appendix cites it: its part, and a note where its wording
    was not checked against the published text (the address is given once, under the table)."""
    return source.part if source.verified else f"{source.part} (not checked)"


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
