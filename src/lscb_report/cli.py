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
from lscb_report.loading import MAX_BYTES
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
MaxFileSize = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        min=1,
        metavar="BYTES",
        help="The largest content file or image read, in bytes; a larger one is a problem.",
    ),
]


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
    max_file_size: MaxFileSize = MAX_BYTES,
) -> None:
    """Check a year's content and print every problem, without building anything.

    Example: lscb-report check 2014-15 --strict
    """
    from lscb_report.content import load_content

    try:
        problems = load_content(content, year, max_file_size).warnings
    except ReportError as error:
        problems = error.problems
    if strict:
        problems = [p.as_error() for p in problems]
    if output is CheckFormat.json:
        typer.echo(json.dumps({"year": str(year), "problems": as_json(problems)}, indent=2))
    else:
        for problem in problems:
            if output is CheckFormat.github:
                typer.echo(format_github(problem))
            typer.echo(str(problem))
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
    max_file_size: MaxFileSize = MAX_BYTES,
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
        max_file_size=max_file_size,
    )
    try:
        result = run_build(config, step=lambda text: typer.echo(f"  {text}", err=True))
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None
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
