"""Plain data from YAML parser events: mappings, lists and text, with the place of every key
and value, refusing what content must not use (anchors, aliases, tags, duplicate keys,
nesting past a limit) at its place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from lscb_report.errors import Problem

MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

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


def dotted(path: Path_) -> str:
    """The path written as a person reads it: priorities[2].title."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Builder:
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
            raise TooDeep
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


class TooDeep(yaml.MarkedYAMLError):
    """Stops building once nesting passes the limit; the problem is already recorded."""
