"""Placeholders that ``lscb-report new`` leaves for a person to write, and finding those left.

A placeholder is the words TO FILL IN, either as the text of a field or in a comment after a
value that was carried forward and needs checking. ``check`` lists each one left as a warning
at its line and column, so a draft builds while the list of what is left stays visible.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lscb_report.errors import Problem

PLACEHOLDER = "TO FILL IN"


def to_fill(hint: str, *guidance: str) -> str:
    """Placeholder text: the marker and what to write on its first line, then any guidance."""
    return "\n".join([f"{PLACEHOLDER}: {hint}", *guidance])


def unfilled(files: Iterable[str]) -> list[Problem]:
    """A warning at each placeholder left in the named files."""
    problems = []
    for file in files:
        try:
            text = Path(file).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        problems += unfilled_in(file, text)
    return problems


def unfilled_in(file: str, text: str) -> list[Problem]:
    """A warning at each placeholder left in a file's text, as it was read."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        column = line.find(PLACEHOLDER)
        if column >= 0:
            problems.append(_problem(file, number, column, line))
    return problems


def _problem(file: str, line_number: int, column: int, line: str) -> Problem:
    hint = line[column + len(PLACEHOLDER) :].lstrip(" :").rstrip(" \"'.") or "this value"
    if line[:column].rstrip().endswith("#"):
        advice = "set the value, then delete the TO FILL IN note"
    else:
        advice = "write it in place of the TO FILL IN text"
    return Problem(
        file,
        line_number,
        column + 1,
        f"still to fill in: {hint}; {advice}",
        "warning",
        "unfilled",
    )
