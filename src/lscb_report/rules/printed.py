"""A text as the report will print it, for the rules that look for what must not be printed.

"3&#32;children", ``*3* children``, a no-break or zero-width space, ``&#64;`` in an e-mail
address: each reads differently in the YAML than in the report. ``views`` gives a text as
written and as printed (Markdown rendered to its words, entities and escapes resolved,
no-break spaces made plain, zero-width characters removed), and, for patterns that only
know capitals (postcodes), in capitals; each view maps its characters back to the written
text, so a problem found in the printed words is still reported at its place in the file.

It reads Markdown with markdown-it-py itself (the rules may not import the renderer), with
the renderer's own settings: raw HTML off, tables on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
_WINDOW = 16  # how far ahead a printed character is looked for in the source (an entity)
_PRINTED_TYPES = {"text", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


@dataclass(frozen=True)
class View:
    """A text as it is seen one way, and where each of its characters was written."""

    text: str
    sources: tuple[int, ...] | None = None  # None: the text as written

    def source(self, offset: int) -> int:
        """The offset in the written text of the character at offset in this view."""
        if self.sources is None or not self.sources:
            return offset
        return self.sources[min(offset, len(self.sources) - 1)]

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """Where a match in this view was written: its start and end in the written text."""
        start = self.source(match.start())
        end = self.source(max(match.end() - 1, match.start())) + 1
        return start, max(end, start + 1)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@lru_cache(maxsize=4096)
def views(text: str) -> tuple[View, ...]:
    """The text as written, as printed (when that differs) and the printed text in
    capitals, each mapping back to the written text. Kept for each text, since several rules
    read the same texts."""
    shown = printed(text)
    found = [View(text)]
    if shown.text != text:
        found.append(shown)
    upper = shown.text.upper()
    if len(upper) == len(shown.text) and upper != shown.text:
        found.append(View(upper, shown.sources))
    return tuple(found)


def printed(text: str) -> View:
    """The words a reader sees of a Markdown text, each mapped to where it was written."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    chars: list[str] = []
    sources: list[int] = []
    for token in _parser().parse(text):
        if token.map is None or token.type not in ("inline", "fence", "code_block"):
            continue
        cursor = starts[min(token.map[0], len(starts) - 1)]
        pieces = [token.content] if token.type != "inline" else list(_words(token))
        for piece in pieces:
            cursor = _follow(text, piece, cursor, chars, sources)
        chars.append("\n")
        sources.append(max(cursor - 1, 0))
    return View("".join(chars), tuple(sources))


def _words(inline: Token) -> list[str]:
    """The printed pieces of an inline token: its text, code, image descriptions and breaks."""
    pieces = []
    for child in inline.children or []:
        if child.type in _PRINTED_TYPES:
            pieces.append(child.content)
        elif child.type in _BREAKS:
            pieces.append(" ")
        elif child.type == "image":
            pieces += _words(child)
    return pieces


def _follow(text: str, piece: str, cursor: int, chars: list[str], sources: list[int]) -> int:
    """Add a printed piece, each character at its place in the written text (found a little
    ahead of the cursor, or the cursor itself where an entity or escape was resolved)."""
    for char in piece:
        found = text.find(char, cursor, cursor + _WINDOW)
        place = found if found >= 0 else min(cursor, max(len(text) - 1, 0))
        if found >= 0:
            cursor = found + 1
        if char in INVISIBLE:
            continue
        chars.append(" " if SPACES.fullmatch(char) else char)
        sources.append(place)
    return cursor
