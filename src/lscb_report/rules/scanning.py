"""Find the links, images and raw HTML in Markdown, each at its offset in the text.

The scanner is markdown-it itself, so it sees exactly what the renderer would: HTML on, every
link accepted (so that a refused one is still found), and the inline rules wrapped to note
where in the text each link, image and tag starts. Offsets inside a paragraph are carried
back to the text through the lines of the block the paragraph came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, autolink, html_inline, image, link
from markdown_it.token import Token

Kind = Literal["link", "image", "html"]
InlineRule = Callable[[StateInline, bool], bool]

# The character each kind of finding starts with, to confirm an offset before using it.
_FIRST = {"link": "[<", "image": "!", "html": "<"}
_NOTED = ("link_open", "image", "html_inline")


@dataclass(frozen=True)
class Found:
    """A link, image or piece of raw HTML, and where it starts in the text (None if unknown)."""

    kind: Kind
    offset: int | None
    target: str
    alt: str = ""
    line: int = 0
    lines: tuple[int, int] | None = None  # the lines an HTML block takes, first and after last


def normalise(text: str) -> str:
    """The text as markdown-it reads it: line breaks as \\n, NUL as U+FFFD."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def _recording(rule: InlineRule) -> InlineRule:
    """The inline rule, noting in its first token where in the paragraph it matched."""

    def rule_noting_place(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            # Text waiting before the match is flushed first; the match is the next token.
            token = next(t for t in state.tokens[count:] if t.type in _NOTED)
            token.meta["offset"] = start
            token.meta["reference"] = state.src[state.pos - 1 : state.pos] == "]"
        return matched

    return rule_noting_place


@cache
def scanner() -> MarkdownIt:
    """A parser that sees raw HTML and every link, whatever its scheme."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    rules = {"link": link, "image": image, "autolink": autolink, "html_inline": html_inline}
    for name, rule in rules.items():
        md.inline.ruler.at(name, _recording(rule))
    return md


def scan(text: str) -> list[Found]:
    """Every link, image and piece of raw HTML in Markdown text, in the order they come."""
    text = normalise(text)
    lines = text.split("\n")
    starts = _line_starts(lines)
    env: dict[str, Any] = {}
    found: list[Found] = []
    for token in scanner().parse(text, env):
        if token.type == "html_block" and token.map:
            offset = _Rows(lines, starts, token).offset(0, "<")
            first, after = token.map
            found.append(Found("html", offset, token.content.strip(), "", first, (first, after)))
        elif token.type == "inline" and token.map:
            found += _inline(_Rows(lines, starts, token), token)
    for reference in env.get("references", {}).values():
        line = reference["map"][0]
        column = lines[line].find("[")
        offset = starts[line] + column if column >= 0 else None
        found.append(Found("link", offset, reference["href"], line=line))
    return sorted(found, key=lambda f: (f.line, -1 if f.offset is None else f.offset))


_KINDS: dict[str, Kind] = {"link_open": "link", "image": "image", "html_inline": "html"}


def _inline(rows: _Rows, token: Token) -> list[Found]:
    """The findings among a paragraph's (or heading's, or cell's) inline tokens."""
    found = []
    for child in token.children or []:
        kind = _KINDS.get(child.type)
        if kind is None or (kind == "link" and child.meta.get("reference")):
            continue  # a reference link is reported at its definition
        at = child.meta.get("offset", 0)
        offset = rows.offset(at, _FIRST[kind]) if "offset" in child.meta else None
        if kind == "html":
            target, alt = child.content, ""
        else:
            target = str(child.attrs.get("src" if kind == "image" else "href", ""))
            alt = child.content if kind == "image" else ""
        found.append(Found(kind, offset, target, alt, rows.line(at)))
    return found


def _line_starts(lines: list[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


class _Rows:
    """The lines of a block's content, each found in its line of the text.

    Each line of the content is the end of its line in the text, with the block's markers
    (list bullets, quote marks, indentation) cut from the front; a table cell is found by
    its text instead.
    """

    def __init__(self, lines: list[str], starts: list[int], token: Token) -> None:
        assert token.map is not None
        self.lines, self.starts, self.first = lines, starts, token.map[0]
        self.content = token.content
        self.row_starts = [0, *(m.end() for m in re.finditer("\n", self.content))]
        self.bases: dict[int, int | None] = {}

    def line(self, at: int) -> int:
        """The line of the text that character ``at`` of the content is on."""
        return self.first + bisect_right(self.row_starts, at) - 1

    def offset(self, at: int, first: str) -> int | None:
        """The offset in the text of character ``at`` of the content, if it can be found;
        ``first`` holds the characters it may be, to make sure."""
        row = bisect_right(self.row_starts, at) - 1
        number = self.first + row
        if number >= len(self.lines):
            return None
        line = self.lines[number]
        if row not in self.bases:
            self.bases[row] = self._base(row, line)
        base = self.bases[row]
        if base is not None:
            column = base + at - self.row_starts[row]
        else:
            column = line.find(self.content[at : at + 40].split("\n")[0])
        if not 0 <= column < len(line) or line[column] not in first:
            return None
        return self.starts[number] + column

    def _base(self, row: int, line: str) -> int | None:
        """The column in its line of the text where a row of the content starts."""
        stop = self.row_starts[row + 1] - 1 if row + 1 < len(self.row_starts) else None
        part = self.content[self.row_starts[row] : stop]
        body = part.strip()
        end = len(line.rstrip())
        if not body or not line.endswith(body, 0, end):
            return None
        return end - len(body) - (len(part) - len(part.lstrip()))
