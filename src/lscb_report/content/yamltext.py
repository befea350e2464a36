"""Write content as YAML text a person reads and reviews: keys in the model's order, prose in
block scalars, plain words unquoted, and a comment where a value still needs a person.

PyYAML's dumper would quote, fold and reorder in ways that make a poor diff; this writes the
few shapes content files use, and quotes only what the strict loader would otherwise misread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from lscb_report.content.loading import NULLS

_Loader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
INDENT = "  "


@dataclass(frozen=True)
class Note:
    """A value followed on its line by a comment, such as a reminder to fill it in."""

    value: Any
    comment: str


def document(data: dict[str, Any], comments: list[str]) -> str:
    """A whole YAML file: comment lines first, then the mapping."""
    lines = [f"# {comment}" if comment else "#" for comment in comments]
    lines += _mapping(data, 0)
    return "\n".join(lines) + "\n"


def _mapping(data: dict[str, Any], depth: int) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        lines += _entry(f"{INDENT * depth}{key}:", value, depth)
    return lines


def _entry(head: str, value: Any, depth: int) -> list[str]:
    """A key (or list dash) and its value, which may run onto the lines below."""
    comment = ""
    if isinstance(value, Note):
        value, comment = value.value, f"  # {value.comment}"
    if isinstance(value, dict) and value:
        return [head + comment, *_mapping(value, depth + 1)]
    if isinstance(value, list) and value:
        return [head + comment, *_sequence(value, depth + 1)]
    if isinstance(value, str) and _block_safe(value.strip("\n")):
        return [f"{head} |{comment}", *_block(value.strip("\n"), depth + 1)]
    text = _scalar(value)
    return [(f"{head} {text}" if text else head) + comment]


def _sequence(items: list[Any], depth: int) -> list[str]:
    lines: list[str] = []
    pad = INDENT * depth
    for item in items:
        if isinstance(item, dict) and item:
            first, *rest = _mapping(item, depth + 1)
            lines += [f"{pad}- {first.lstrip()}", *rest]
        else:
            lines += _entry(f"{pad}-", item, depth)
    return lines


def _block_safe(text: str) -> bool:
    """Whether text is prose for a literal block: lines of printable text, no leading space."""
    return (
        "\n" in text
        and not text.startswith(" ")
        and all(ch == "\n" or ch.isprintable() for ch in text)
    )


def _block(text: str, depth: int) -> list[str]:
    pad = INDENT * depth
    return [f"{pad}{line}" if line.strip() else "" for line in text.split("\n")]


def _scalar(value: Any) -> str:
    """One value on one line: plain where YAML reads it back unchanged, else double-quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return "[]" if isinstance(value, list) else "{}"
    text = str(value)
    return text if plain_ok(text) else quoted(text)


def quoted(text: str) -> str:
    """Text in double quotes, with every character YAML could misread written as an escape."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        else:
            out.append(_escape(ord(ch)))
    return '"' + "".join(out) + '"'


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(code: int) -> str:
    """A YAML escape for one character: \\x, \\u or \\U and its hex code."""
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def plain_ok(text: str) -> bool:
    """Whether text can stand unquoted: the strict loader and a YAML 1.1 or 1.2 editor all read
    it back as the same text (so '2015', 'yes', 'a: b' and '# x' are quoted)."""
    if not text or text != text.strip() or text in NULLS or "\n" in text:
        return False
    source = f"k: {text}\n"
    try:
        strict = yaml.load(source, Loader=_Loader)
        typed = yaml.safe_load(source)
    except yaml.YAMLError:
        return False
    return bool(strict == {"k": text} and typed == {"k": text})
