"""Problems as the command line prints them: as text, as GitHub annotations or as JSON, and
the one handler that turns the user-facing error into its messages and exit status 1."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import typer
from rich.console import Console
from rich.text import Text

from lscb_report.errors import Problem, ReportError, tally

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
        for problem in ordered(error.problems):
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
    line.append(problem.message)
    console.print(line, soft_wrap=True)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the problem's line."""
    file = _escape_property(problem.file)
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
