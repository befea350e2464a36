"""A document's Markdown made ready for Word: each chart put in as a picture whose alternative
text is the chart in words, each approved image as its data, and the ``:::`` containers
(which Word has no use for) reduced to their contents. A heading never goes more than one
level below the one before it, as Word's navigation and accessibility checker expect.

The charts' SVG goes in as it is: Word (2016 and later, Microsoft 365) and LibreOffice show
SVG pictures; pandoc would add a PNG fallback only with rsvg-convert, which it does not ship.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lscb_report.render.charts import data_uri
from lscb_report.render.markup import parser

_FIGURE = re.compile(r"^::: figure ([a-z0-9-]+)[ \t]*\n(.*?)^:::[ \t]*$", re.MULTILINE | re.DOTALL)
_FENCE = re.compile(r"^:::(?:[ \t].*)?$", re.MULTILINE)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def docx_markdown(markdown: str, charts: Mapping[str, str], images: Mapping[str, str]) -> str:
    """The Markdown for pandoc: ``charts`` gives each series' SVG by id, ``images`` each
    approved image's ``data:`` URI by the path the prose writes."""
    text = _FIGURE.sub(lambda match: _figure(match, charts), markdown)
    text = _FENCE.sub("", text)
    for path, uri in images.items():
        text = text.replace(f"]({path})", f"]({uri})")
    return headings_in_order(text)


def headings_in_order(markdown: str) -> str:
    """The Markdown with each ATX heading at most one level below the heading before it."""
    lines = markdown.split("\n")
    previous = 0
    for token in parser().parse(markdown):
        if token.type != "heading_open" or token.map is None or token.markup[:1] != "#":
            continue
        level = min(int(token.tag[1]), previous + 1)
        line = lines[token.map[0]]
        stripped = line.lstrip(" ")
        lines[token.map[0]] = line[: len(line) - len(stripped)] + "#" * level + stripped.lstrip("#")
        previous = level
    return "\n".join(lines)


def _figure(match: re.Match[str], charts: Mapping[str, str]) -> str:
    """A figure's caption, its chart as a picture described by the chart's words, and the
    rest (the table, the source) as they are."""
    series_id, inner = match.groups()
    paragraphs = _PARAGRAPHS.split(inner.strip("\n"))
    if series_id in charts and len(paragraphs) >= 2:
        words = " ".join(line.strip() for line in paragraphs[1].splitlines())
        paragraphs[1] = f"![{words}]({data_uri(charts[series_id])})"
    return "\n\n".join(paragraphs) + "\n"
