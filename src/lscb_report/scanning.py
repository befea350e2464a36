"""Find the links, images and raw HTML in Markdown, each at its offset in the text.

The scanner is markdown-it itself, so it sees exactly what the renderer would: HTML on, every
link accepted (so that a refused one is still found), and the inline rules wrapped to note
where in the text each link, image and tag starts. Offsets inside a paragraph are carried
back to the text through the lines of the block the paragraph came from.
"""

from __future__ import annotations

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
            offset = _offset(lines, starts, token, 0, "<")
            first, after = token.map
            found.append(Found("html", offset, token.content.strip(), "", first, (first, after)))
        elif token.type == "inline" and token.map:
            found += _inline(lines, starts, token)
    for reference in env.get("references", {}).values():
        line = reference["map"][0]
        column = lines[line].find("[")
        offset = starts[line] + column if column >= 0 else None
        found.append(Found("link", offset, reference["href"], line=line))
    return sorted(found, key=lambda f: (f.line, -1 if f.offset is None else f.offset))


def _inline(lines: list[str], starts: list[int], token: Token) -> list[Found]:
    """The findings among a paragraph's (or heading's, or cell's) inline tokens."""
    assert token.map is not None
    found = []
    for child in token.children or []:
        kind: Kind | None = {"link_open": "link", "image": "image", "html_inline": "html"}.get(
            child.type
        )  # type: ignore[assignment]
        if kind is None or (kind == "link" and child.meta.get("reference")):
            continue  # a reference link is reported at its definition
        at = child.meta.get("offset")
        offset = None if at is None else _offset(lines, starts, token, at, _FIRST[kind])
        if kind == "html":
            target, alt = child.content, ""
        else:
            target = str(child.attrs.get("src" if kind == "image" else "href", ""))
            alt = child.content if kind == "image" else ""
        line = token.map[0] + token.content.count("\n", 0, at or 0)
        found.append(Found(kind, offset, target, alt, line))
    return found


def _line_starts(lines: list[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


def _offset(lines: list[str], starts: list[int], token: Token, at: int, first: str) -> int | None:
    """The offset in the text of character ``at`` of a token's content, if it can be found.

    Each line of a block's content is the end of its line in the text, with the block's
    markers (list bullets, quote marks, indentation) cut from the front.
    """
    assert token.map is not None
    content = token.content
    row = content.count("\n", 0, at)
    row_start = content.rfind("\n", 0, at) + 1
    number = token.map[0] + row
    if number >= len(lines):
        return None
    row_end = content.find("\n", row_start)
    part = content[row_start:] if row_end < 0 else content[row_start:row_end]
    line, body = lines[number], part.strip()
    end = len(line.rstrip())
    if body and line[:end].endswith(body):
        column = end - len(body) + (at - row_start) - (len(part) - len(part.lstrip()))
    else:
        column = line.find(content[at : at + 40].split("\n")[0]) if content[at:] else -1
    if not 0 <= column < len(line) or line[column] not in first:
        return None
    return starts[number] + column
