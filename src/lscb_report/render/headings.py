"""A document's headings: their anchors as GitHub gives them, the contents list, and each
heading's title as written in content."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark").enable("table")


def slug(text: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def contents(markdown: str, after: str) -> str:
    """A contents list linking every level-2 heading that comes after the marker ``after``."""
    start_line = markdown[: markdown.index(after)].count("\n") if after in markdown else 0
    seen: set[str] = set()
    items = []
    tokens = _parser.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        title = tokens[index + 1].content
        anchor = unique(slug(_plain(title)), seen)
        if token.tag == "h2" and token.map[0] > start_line:
            items.append(f"- [{title}](#{anchor})")
    return "\n".join(items)


def unique(anchor: str, seen: set[str]) -> str:
    """The anchor made unique as GitHub and markdown-it's anchors plugin do: a, a-1, a-2."""
    candidate, number = anchor, 1
    while candidate in seen:
        candidate, number = f"{anchor}-{number}", number + 1
    seen.add(candidate)
    return candidate


def _plain(title: str) -> str:
    return re.sub(r"\\(.)", r"\1", title).replace("*", "").replace("`", "")


def headings(markdown: str) -> list[tuple[int, str, str]]:
    """Every heading of a document: its level, its Markdown text and its anchor."""
    seen: set[str] = set()
    found = []
    tokens = _parser.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[index + 1].content
            found.append((int(token.tag[1]), title, unique(slug(_plain(title)), seen)))
    return found


_NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s+")


def plain_title(title: str) -> str:
    """A heading's title as written in content: its number, escapes and spacing removed."""
    return " ".join(_NUMBERED.sub("", _plain(title)).split())
