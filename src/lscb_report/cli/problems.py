"""Problems as the command line prints them: as text, as GitHub annotations or as JSON, and
the one handler that turns the user-facing error into its messages and exit status 1."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator

import typer
from rich.console import Console
from rich.text import Text

from lscb_report.errors import Problem, ReportError, printable, tally

INTERRUPTED = "interrupted; nothing was written"
# GitHub shows at most this many annotations of each kind (error, warning) from one step.
ANNOTATIONS_SHOWN = 10


@contextlib.contextmanager
def reporting(year: object, outcome: str) -> Iterator[None]:
    """Print every problem of a ReportError raised inside, then the tally and what came of
    the command (such as "nothing was written"), and exit with status 1; on Ctrl-C, say
    that nothing was written and exit with 130."""
    try:
        yield
    except ReportError as error:
        console = Console(stderr=True, highlight=False)
        for problem in ordered(summarised(error.problems)):
            print_problem(problem, console)
        typer.echo(f"{year}: " + outcome.format(tally=tally(error.problems)), err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo(INTERRUPTED, err=True)
        raise typer.Exit(130) from None


def ordered(problems: list[Problem]) -> list[Problem]:
    """Errors first, then warnings, each in file order: an error is never lost among warnings."""
    return sorted(problems, key=lambda p: (p.severity != "error", p))


def print_problem(problem: Problem, console: Console) -> None:
    """One problem on one line, its place and severity in colour on a terminal (not under
    NO_COLOR); the content's text is never read as markup."""
    line = Text()
    line.append(problem.where, style="bold red" if problem.severity == "error" else "bold")
    line.append(": ")
    if problem.severity == "warning":
        line.append("warning: ", style="yellow")
    line.append(printable(problem.message))
    console.print(line, soft_wrap=True)


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


def github_annotations(problems: list[Problem]) -> list[str]:
    """The problems as GitHub annotations, errors first. Past GitHub's limit for a kind, the
    last annotation it shows says how many more there are and where to read them."""
    lines = []
    for severity in ("error", "warning"):
        found = [p for p in problems if p.severity == severity]
        shown = found if len(found) <= ANNOTATIONS_SHOWN else found[: ANNOTATIONS_SHOWN - 1]
        lines += [format_github(p) for p in shown]
        hidden = len(found) - len(shown)
        if hidden:
            kind = severity if hidden == 1 else f"{severity}s"
            lines.append(
                f"::{severity} title={hidden} more {kind}::{hidden} more {kind} than GitHub "
                f"shows here ({ANNOTATIONS_SHOWN} of each kind); every problem is listed in the "
                "check's log and in the review on the pull request"
            )
    return lines


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
