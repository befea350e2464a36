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
