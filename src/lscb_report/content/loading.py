"""Strict YAML loading that keeps the line and column of every key and value.

Only a safe subset of YAML is accepted: one document of mappings, lists and text. Every
scalar stays text (``no`` is the word "no", ``010`` is not eight) until the content model
types it, so YAML 1.1's surprises cannot happen. Duplicate keys, anchors and aliases,
tags, tab indentation, bytes that are not UTF-8, files over a size limit and nesting past
a depth limit are problems reported at their place; aliases are refused before anything
is expanded, so an alias bomb costs nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lscb_report.content.events import MAX_DEPTH as MAX_DEPTH
from lscb_report.content.events import NULLS as NULLS
from lscb_report.content.events import Builder, TooDeep
from lscb_report.content.events import Mark as Mark
from lscb_report.content.events import Path_ as Path_
from lscb_report.content.events import Span as Span
from lscb_report.content.events import dotted as dotted
from lscb_report.errors import Problem
from lscb_report.files import NOT_A_FILE, Unreadable, read_plain

MAX_BYTES = 1_000_000

_Loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass
class Loaded:
    """One YAML file's data, with the place of every value and key in it."""

    file: str
    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    spans: dict[Path_, Span] = field(default_factory=dict)
    text: str = field(default="", repr=False)
    # what content.positions has worked out about the text, kept so it is done once
    located: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

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


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it. No
    link on the way is followed, so a file reached through one is named as it was reached,
    never by where the link leads."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())))
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
        if path.is_symlink():
            return None, [Problem(name, 1, 1, _LINK)]
        raw = read_plain(path, max_bytes)
    except Unreadable as error:
        if error.size is not None:
            return None, [
                Problem(
                    name,
                    1,
                    1,
                    f"the file is {error.size:,} bytes, over the limit of "
                    f"{max_bytes:,}; split it into smaller files",
                )
            ]
        if error.reason == NOT_A_FILE:
            return None, [Problem(name, 1, 1, _NOT_A_FILE)]
        return None, [Problem(name, 1, 1, f"cannot be read: {error.reason}")]
    except OSError as error:
        return None, [Problem(name, 1, 1, f"cannot be read: {error.strerror}")]
    return load_bytes(raw, name)


_OUTSIDE = "is a link to a file outside the content folder; put the file itself here"
_LINK = "is a link to another file; put the file itself here (links are not followed)"
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
    builder = Builder(name)
    try:
        builder.build(yaml.parse(text, Loader=_Loader))
    except TooDeep:
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
