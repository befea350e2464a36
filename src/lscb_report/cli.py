"""The command line: each command turns its options into a call to the library and the one
user-facing error type into messages and an exit code (0 fine, 1 content, 2 usage)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lscb_report import __version__
from lscb_report.errors import ReportError, as_json, errors_in, format_github, tally
from lscb_report.years import FinancialYear

app = typer.Typer(
    help="Compile a Local Safeguarding Children Board's annual report from YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _year(text: str) -> FinancialYear:
    try:
        return FinancialYear.parse(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


Year = Annotated[
    FinancialYear,
    typer.Argument(parser=_year, metavar="YEAR", help="The financial year, such as 2014-15."),
]
ContentDir = Annotated[Path, typer.Option("--content", help="The content folder.", file_okay=False)]
Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


class CheckFormat(StrEnum):
    text = "text"
    github = "github"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lscb-report {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and stop."
        ),
    ] = False,
) -> None:
    """Compile a Local Safeguarding Children Board's annual report from YAML."""


@app.command()
def check(
    year: Year,
    content: ContentDir = Path("content"),
    strict: Strict = False,
    output: Annotated[
        CheckFormat,
        typer.Option("--format", help="How to print problems: text, github (annotations) or json."),
    ] = CheckFormat.text,
) -> None:
    """Check a year's content and print every problem, without building anything.

    Example: lscb-report check 2014-15 --strict
    """
    from lscb_report.checks import check_year
    from lscb_report.guidance import checklist_data, checklist_lines

    problems, checklist = check_year(content, year)
    if strict:
        problems = [p.as_error() for p in problems]
    if output is CheckFormat.json:
        data: dict[str, object] = {"year": str(year), "problems": as_json(problems)}
        if checklist is not None:
            data["checklist"] = checklist_data(checklist)
        typer.echo(json.dumps(data, indent=2))
    else:
        for problem in problems:
            if output is CheckFormat.github:
                typer.echo(format_github(problem))
            typer.echo(str(problem))
        for line in checklist_lines(checklist) if checklist is not None else []:
            typer.echo(line)
        typer.echo(f"{year}: {tally(problems)}", err=bool(problems))
    raise typer.Exit(1 if errors_in(problems) else 0)


def main() -> None:
    """Entry point of the lscb-report command."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted; nothing was written\n")
        sys.exit(130)


class Format(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


class Document(StrEnum):
    executive_summary = "executive-summary"
    annual_report = "annual-report"


class AudienceChoice(StrEnum):
    public = "public"
    board = "board"


@app.command()
def build(
    year: Year,
    content: ContentDir = Path("content"),
    templates: Annotated[
        Path,
        typer.Option(
            "--templates",
            file_okay=False,
            help="The board's own templates, which override the defaults file by file.",
        ),
    ] = Path("templates"),
    out: Annotated[
        Path,
        typer.Option("--out", file_okay=False, help="Where to write; the report goes in OUT/YEAR."),
    ] = Path("build"),
    formats: Annotated[
        list[Format] | None,
        typer.Option("--format", help="Formats to write (repeat for more); all by default."),
    ] = None,
    documents: Annotated[
        list[Document] | None,
        typer.Option("--document", help="Documents to write (repeat for more); both by default."),
    ] = None,
    strict: Strict = False,
    audience: Annotated[
        AudienceChoice,
        typer.Option(
            "--audience",
            help="public (embargoed reviews left out) or board (included, every page marked "
            "RESTRICTED, written to OUT/YEAR-board).",
        ),
    ] = AudienceChoice.public,
    final: Annotated[
        bool,
        typer.Option("--final", help="Refuse to build unless every section is approved."),
    ] = False,
) -> None:
    """Build the executive summary and the annual report in Markdown, HTML and PDF.

    Example: lscb-report build 2014-15 --format html --document annual-report
    """
    from lscb_report.build import FORMATS, BuildConfig
    from lscb_report.build import build as run_build
    from lscb_report.templating import DOCUMENTS

    config = BuildConfig(
        year=year,
        content=content,
        templates=templates,
        out=out,
        formats=tuple(f.value for f in formats) if formats else FORMATS,
        documents=tuple(d.value for d in documents) if documents else DOCUMENTS,
        strict=strict,
        audience="board" if audience is AudienceChoice.board else "public",
        final=final,
    )
    try:
        result = run_build(config, step=lambda text: typer.echo(f"  {text}", err=True))
    except ReportError as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{year}: {tally(error.problems)}; nothing was written", err=True)
        raise typer.Exit(1) from None
    for problem in result.warnings:
        typer.echo(str(problem), err=True)
    for output in result.outputs:
        pages = f"  {output.pages} pages" if output.pages else ""
        typer.echo(f"{output.path}  {output.size:,} bytes{pages}")
