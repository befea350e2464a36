"""The one user-facing error type: problems in content, each at a file, line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a place a person can go to."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = field(default="error", compare=False)
    rule: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # One problem, one line: a line break in quoted text is shown as \n.
        one_line = self.message.replace("\r", "\\r").replace("\n", "\\n")
        object.__setattr__(self, "message", one_line)

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.where}: {prefix}{printable(self.message)}"

    @property
    def where(self) -> str:
        """file:line:column, or the file alone for a problem with no place in it (line 0),
        such as a PDF engine's warning about a whole document; control characters in the
        name shown as escapes, so that one problem is one line."""
        file = printable(self.file)
        return f"{file}:{self.line}:{self.column}" if self.line else file

    def as_warning(self) -> Problem:
        """The same problem, downgraded to a warning."""
        return Problem(self.file, self.line, self.column, self.message, "warning", self.rule)

    def as_error(self) -> Problem:
        """The same problem, raised to an error."""
        return Problem(self.file, self.line, self.column, self.message, "error", self.rule)


class ReportError(Exception):
    """Raised once with every problem found, so the user sees them all in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors_in(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.severity == "error"]


def tally(problems: list[Problem]) -> str:
    """'2 errors and 1 warning in 2 files', or 'no problems'."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.file for p in problems})
    if not problems:
        return "no problems"
    parts = [
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in ((errors, "error"), (warnings, "warning"))
        if n
    ]
    return f"{' and '.join(parts)} in {files} file{'' if files == 1 else 's'}"


# C0 and C1 controls, DEL, and the characters that reorder or hide text (bidirectional
# overrides and isolates, zero-width marks, line and paragraph separators).
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: str, *, breaks: bool = False) -> str:
    """Text with every control, bidirectional and invisible character written as an escape
    (``\\n``, ``\\x1b``, ``\\u202e``), so that a name or a quoted value is shown as data:
    one line, nothing a terminal or a log reader would act on. ``breaks`` keeps line breaks
    for a format that escapes them itself."""
    return UNPRINTABLE.sub(_escape_breaks if breaks else _escape, text)


def _escape_breaks(match: re.Match[str]) -> str:
    return match.group() if match.group() in "\r\n" else _escape(match)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    if named:
        return named
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
