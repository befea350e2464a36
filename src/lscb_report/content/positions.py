"""The text of a content file, value by value, and the place in the file of any character of it.

Rules that read prose (personal data, figures, small numbers) find a match at an offset in a
value; ``locate`` turns that offset back into the line and column a person would go to, inside
a block scalar (``body: |``) as well as on one line. Where the source cannot be followed (a
quoted value with escapes), the place of the value itself is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lscb_report.content.loading import Loaded, Mark, Path_, Span, dotted
from lscb_report.errors import Problem


def strings(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text value in loaded data, with its path, in file order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def locate(loaded: Loaded, path: Path_, offset: int) -> Mark:
    """The line and column of the character at offset in the text value at path. The value
    is followed through its source once and the place of every character kept, so that
    placing every match in a long value takes time in proportion to its length."""
    span = loaded.spans.get(path)
    if span is None or not loaded.text:
        return loaded.mark(path)
    places = _places(loaded, path, span)
    if places is None:
        return span.start
    if 0 <= offset < len(places):
        return Mark(places[offset][0] + 1, places[offset][1] + 1)
    return span.start


def _places(loaded: Loaded, path: Path_, span: Span) -> list[tuple[int, int]] | None:
    """The place of each character of the text value at path, as far as the source can be
    followed; None when the value is not text. Worked out once per value."""
    if path in loaded.located:
        known: list[tuple[int, int]] = loaded.located[path]
        return known
    value = _value(loaded.data, path)
    if not isinstance(value, str):
        return None
    if "lines" not in loaded.located:
        loaded.located["lines"] = loaded.text.splitlines()
    lines = loaded.located["lines"]
    source = _block(lines, span, value) if span.style in ("|", ">") else _flow(lines, span)
    loaded.located[path] = places = _align(value, source)
    return places


def problem_at(
    loaded: Loaded, path: Path_, offset: int, message: str, rule: str | None = None
) -> Problem:
    """A problem at a character of a text value, naming the value's path."""
    mark = locate(loaded, path, offset)
    where = dotted(path)
    text = f"{where}: {message}" if where else message
    return Problem(loaded.file, mark.line, mark.column, text, rule=rule)


def _value(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


Source = list[tuple[str, int, int]]  # (character, 0-based line, 0-based column)


def _block(lines: list[str], span: Span, value: str) -> Source:
    """The characters of a block scalar's lines, indentation removed, breaks between them."""
    first, last = span.start.line, min(span.end.line - 1, len(lines))
    body = lines[first:last]
    indent = next((_spaces(x) for x in body if x.strip()), 0)
    kept = next((_spaces(x) for x in value.splitlines() if x.strip()), 0)
    indent -= kept  # an indentation indicator (|2) keeps some of the spaces in the value
    source: Source = []
    for number, line in enumerate(body, first):
        source += [(ch, number, col) for col, ch in enumerate(line[indent:], indent)]
        source.append(("", number, len(line)))
    return source


def _spaces(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _flow(lines: list[str], span: Span) -> Source:
    """The characters of a plain or quoted scalar, which may run over several lines."""
    start_line, start_col = span.start.line - 1, span.start.column - 1
    end_line, end_col = span.end.line - 1, span.end.column - 1
    quote = 1 if span.style in ('"', "'") else 0
    source: Source = []
    for number in range(start_line, min(end_line, len(lines) - 1) + 1):
        line = lines[number]
        begin = start_col + quote if number == start_line else len(line) - len(line.lstrip())
        stop = end_col - quote if number == end_line else len(line)
        if number != start_line:
            source.append(("", number - 1, len(lines[number - 1])))
        source += [(line[col], number, col) for col in range(begin, stop)]
    return source


def _align(value: str, source: Source) -> list[tuple[int, int]]:
    """Follow the value through its source: the place of each character, up to where they
    part."""
    places: list[tuple[int, int]] = []
    at = 0
    for index, char in enumerate(value):
        while at < len(source) and source[at][0] == "" and char not in " \n":
            at += 1  # a break folded away (a plain scalar's continuation line)
        if at >= len(source):
            break
        here = source[at]
        places.append((here[1], here[2]))
        if here[0] == char:
            at += 1
        elif here[0] == "" and char in " \n":
            at += 1
            following = value[index + 1] if index + 1 < len(value) else ""
            while at < len(source) and source[at][0] == "" and following != "\n":
                at += 1
        else:
            break
    return places
