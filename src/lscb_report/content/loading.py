"""Strict YAML loading that keeps the line and column of every key and value.

Only a safe subset of YAML is accepted: one document of mappings, lists and text. Every
scalar stays text (``no`` is the word "no", ``010`` is not eight) until the content model
types it, so YAML 1.1's surprises cannot happen. Duplicate keys, anchors and aliases,
tags, tab indentation, bytes that are not UTF-8, files over a size limit and nesting past
a depth limit are problems reported at their place; aliases are refused before anything
is expanded, so an alias bomb costs nothing.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lscb_report.errors import Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

_Loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Span:
    """Where a scalar's source runs, and its style ('' plain, '|', '>', quotes)."""

    style: str
    start: Mark
    end: Mark


@dataclass
class Loaded:
    """One YAML file's data, with the place of every value and key in it."""

    file: str
    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    spans: dict[Path_, Span] = field(default_factory=dict)
    text: str = field(default="", repr=False)

    def mark(self, path: Path_, *, key: bool = False) -> Mark:
        """The place of the value (or key) at path, or of its nearest enclosing node."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = (table if end == len(path) else self.values).get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def word_mark(self, path: Path_, word: str) -> Mark:
        """The place of the first whole ``word`` in the file at or after the value at path."""
        start = self.mark(path)
        lines = self.text.split("\n")
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        for number in range(start.line - 1, len(lines)):
            offset = start.column - 1 if number == start.line - 1 else 0
            match = pattern.search(lines[number], offset)
            if match:
                return Mark(number + 1, match.start() + 1)
        return start

    def problem(
        self, path: Path_, message: str, *, key: bool = False, word: str | None = None
    ) -> Problem:
        """A problem at the value (or key) at path, or at a word in that value, naming the
        path."""
        mark = self.word_mark(path, word) if word else self.mark(path, key=key)
        where = dotted(path)
        return Problem(
            self.file, mark.line, mark.column, f"{where}: {message}" if where else message
        )


def dotted(path: Path_) -> str:
    """The path written as a person reads it: priorities[2].title."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_file(
    path: Path, *, max_bytes: int = MAX_BYTES, inside: Path | None = None
) -> tuple[Loaded | None, list[Problem]]:
    """Read one YAML file; return its data or the problems that stop it being read. Only a
    plain file is read (a pipe or device could make reading hang), only within ``inside``
    when given, and never more than ``max_bytes`` of it."""
    name = display_path(path)
    try:
        if inside is not None and not path.resolve().is_relative_to(inside.resolve()):
            return None, [Problem(name, 1, 1, _OUTSIDE)]
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(name, 1, 1, _NOT_A_FILE)]
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1) if info.st_size <= max_bytes else b""
        size = max(info.st_size, len(raw))
        if size > max_bytes:
            return None, [
                Problem(
                    name,
                    1,
                    1,
                    f"the file is {size:,} bytes, over the limit of "
                    f"{max_bytes:,}; split it into smaller files",
                )
            ]
    except OSError as error:
        return None, [Problem(name, 1, 1, f"cannot be read: {error.strerror}")]
    return load_bytes(raw, name)


_OUTSIDE = "is a link to a file outside the content folder; put the file itself here"
_NOT_A_FILE = (
    "is not a file that can be read (it is a folder, device or pipe); put a YAML file here"
)


def load_bytes(raw: bytes, name: str) -> tuple[Loaded | None, list[Problem]]:
    """Parse YAML bytes named name; return the data or every problem found."""
    text, problems = _decode(raw, name)
    if text is None:
        return None, problems
    problems = _tab_problems(text, name)
    if problems:
        return None, problems
    builder = _Builder(name)
    try:
        builder.build(yaml.parse(text, Loader=_Loader))
    except _TooDeep:
        pass
    except yaml.MarkedYAMLError as error:
        builder.problems.append(_parser_problem(error, name))
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        builder.problems.append(
            Problem(
                name,
                line,
                column,
                f"contains the control character U+{error.character:04X}, which text cannot hold; "
                "delete it (it often comes from pasting out of another program)",
            )
        )
    if builder.problems:
        return None, builder.problems
    return Loaded(name, builder.root, builder.values, builder.keys, builder.spans, text), []


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[error.start]
        return None, [
            Problem(
                name,
                line,
                column,
                f"byte 0x{byte:02X} is not UTF-8 text; save the file "
                "with UTF-8 encoding (in most editors: Save with Encoding > UTF-8)",
            )
        ]


def _tab_problems(text: str, name: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            problems.append(
                Problem(
                    name,
                    number,
                    indent.index("\t") + 1,
                    "a tab is used for indentation; YAML needs spaces (2 per level)",
                )
            )
    return problems


_PARSER_WORDS = {
    "found character '\\t' that cannot start any token": "a tab cannot start a value; use spaces",
    "found undefined tag handle": "tags (!name) are not allowed; remove the tag",
    "mapping values are not allowed": "this value contains ': '; put the whole value in quotes, "
    "or write it as a block (key: | and the text indented on the lines below)",
    "could not find expected ':'": "a line here is not 'key: value'; check it has its ':' and "
    "that text running onto further lines is indented under its key",
    "found unexpected end of stream": "a quote is opened but never closed; close it",
    "found unexpected end of file": "a quote is opened but never closed; close it",
    "did not find expected key": "the indentation is not even: keys of the same level must line "
    "up in the same column",
    "expected <block end>, but found": "the indentation is not even: keys of the same level must "
    "line up in the same column",
    "did not find expected '-' indicator": "the indentation is not even: items of a list must "
    "line up in the same column",
    "exceeded maximum nesting depth": f"is nested more than {MAX_DEPTH} levels deep; flatten it",
}


def _parser_problem(error: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or "").strip()
    for words, plain in _PARSER_WORDS.items():
        if problem.startswith(words):
            return Problem(name, line, column, plain)
    context = f" {error.context}" if error.context else ""
    return Problem(
        name,
        line,
        column,
        f"is not valid YAML ({problem}{context}); check the indentation and that "
        "text containing ': ' or starting with a quote is in quotes or a block (|)",
    )


class _Builder:
    """Builds plain data from parser events, refusing what content must not use."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.values: dict[Path_, Mark] = {}
        self.keys: dict[Path_, Mark] = {}
        self.spans: dict[Path_, Span] = {}
        self.root: Any = None

    def _problem(self, event: Any, message: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, message))

    def build(self, events: Iterator[Any]) -> None:
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._problem(
                        event, "holds more than one YAML document (---); keep one per file"
                    )
                    return
                self.root = self._node(events, next(events), (), 0)

    def _node(self, events: Iterator[Any], event: Any, path: Path_, depth: int) -> Any:
        if isinstance(event, yaml.DocumentEndEvent):
            return None
        self.values[path] = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            self._problem(
                event,
                f"uses an alias (*{event.anchor}); anchors and aliases are not "
                "allowed: write the value out in full",
            )
            return None
        if event.anchor is not None:
            self._problem(
                event,
                f"defines an anchor (&{event.anchor}); anchors and aliases are "
                "not allowed: remove it",
            )
        if event.tag is not None and event.tag != "!":
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self._problem(event, f"uses the tag {tag}; tags are not allowed: remove it")
        if depth > MAX_DEPTH:
            self._problem(event, f"is nested more than {MAX_DEPTH} levels deep; flatten it")
            raise _TooDeep
        if isinstance(event, yaml.ScalarEvent):
            self.spans[path] = Span(event.style or "", _mark(event), _end(event))
            if not event.style and event.value in NULLS:
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(events, child, (*path, len(items)), depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(events, path, depth)
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def _mapping(self, events: Iterator[Any], path: Path_, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            value_event = next(events)
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.anchor or key_event.tag:
                self._problem(key_event, "a key must be a plain word, such as title")
                if not isinstance(key_event, yaml.ScalarEvent | yaml.AliasEvent):
                    self._node(events, key_event, (*path, "(key)"), depth + 1)
                    value_event = next(events)
                self._node(events, value_event, (*path, "(value)"), depth + 1)
                continue
            key = key_event.value
            key_mark = _mark(key_event)
            if key in mapping:
                first = self.keys[(*path, key)]
                self._problem(
                    key_event,
                    f"{dotted((*path, key))}: the key '{key}' appears twice "
                    f"(first at line {first.line}); keep one",
                )
                self._node(events, value_event, (*path, f"{key} (again)"), depth + 1)
                continue
            self.keys[(*path, key)] = key_mark
            mapping[key] = self._node(events, value_event, (*path, key), depth + 1)
        return mapping  # pragma: no cover - the parser always closes a mapping


def _mark(event: Any) -> Mark:
    """The 1-based place where a parser event starts."""
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def _end(event: Any) -> Mark:
    """The 1-based place where a parser event ends."""
    return Mark(event.end_mark.line + 1, event.end_mark.column + 1)


class _TooDeep(yaml.MarkedYAMLError):
    """Stops building once nesting passes the limit; the problem is already recorded."""
