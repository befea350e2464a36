"""Problems as the command line prints them: as text, as GitHub annotations or as JSON, and
the one handler that turns the user-facing error into its messages and exit status 1."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator

import typer

from lscb_report.errors import Problem, ReportError, printable, tally

INTERRUPTED = "interrupted; nothing was written"


@contextlib.contextmanager
def reporting(year: object, outcome: str) -> Iterator[None]:
    """Print every problem of a ReportError raised inside, then the tally and what came of
    the command (such as "nothing was written"), and exit with status 1; on Ctrl-C, say
    that nothing was written and exit with 130."""
    try:
        yield
    except ReportError as error:
        for problem in summarised(error.problems):
            typer.echo(str(problem), err=True)
        typer.echo(f"{year}: " + outcome.format(tally=tally(error.problems)), err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo(INTERRUPTED, err=True)
        raise typer.Exit(130) from None


def _escape_data(text: str) -> str:
    """Text as data in a workflow command: control characters shown as escapes, then
    GitHub's own escapes (a line break would otherwise start a command of its own)."""
    shown = printable(text, breaks=True)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the problem's line; the file's name
    is data whatever it holds (a line break in it is shown as \\n, not kept)."""
    file = _escape_property(printable(problem.file))
    place = f",line={problem.line},col={problem.column}" if problem.line else ""
    return f"::{problem.severity} file={file}{place}::{_escape_data(problem.message)}"


FLOOD = 100  # more problems of one kind in one file than this is a flood ...
FLOOD_SHOWN = 10  # ... of which this many are shown
_PATH_PREFIX = re.compile(r"^[^\s:]+: ")
_PARTICULARS = re.compile(r"'[^']*'|\"[^\"]*\"|[\d,.]+")


def _kind(problem: Problem) -> tuple[str, str, str]:
    """What makes problems alike: the file, the severity and the message with its path and
    particulars (quoted words, numbers) left out."""
    message = _PARTICULARS.sub("_", _PATH_PREFIX.sub("", problem.message))
    return problem.file, problem.severity, problem.rule or message


def summarised(problems: list[Problem], shown: int = FLOOD_SHOWN) -> list[Problem]:
    """The problems to print: all of them, but of a flood of one kind in one file (more
    than FLOOD) the first few and a line saying how many more, so that it stays readable."""
    counts = Counter(_kind(p) for p in problems)
    seen: Counter[tuple[str, str, str]] = Counter()
    kept = []
    for problem in problems:
        kind = _kind(problem)
        seen[kind] += 1
        if seen[kind] <= shown or counts[kind] <= FLOOD:
            kept.append(problem)
        if seen[kind] == shown and counts[kind] > FLOOD:
            more = counts[kind] - shown
            kept.append(
                Problem(
                    problem.file,
                    problem.line,
                    problem.column,
                    f"and {more:,} more problem{'' if more == 1 else 's'} like the one above "
                    "in this file, not shown; correct these and check again",
                    problem.severity,
                    problem.rule,
                )
            )
    return kept


def as_json(problems: list[Problem]) -> list[dict[str, object]]:
    """Problems as plain data for other tools."""
    return [
        {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "severity": p.severity,
            "message": p.message,
            "rule": p.rule,
        }
        for p in sorted(problems)
    ]
