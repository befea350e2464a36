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
from lscb_report.content.loading import MAX_BYTES, display_path
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
TemplatesDir = Annotated[
    Path,
    typer.Option(
        "--templates",
        file_okay=False,
        help="The board's own templates, which override the defaults file by file.",
    ),
]
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
    from lscb_report.rules.catalogue import check_year
    from lscb_report.rules.guidance import checklist_data, checklist_lines

    problems, checklist = check_year(content, year, max_file_size)
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
    templates: TemplatesDir = Path("templates"),
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
    max_file_size: MaxFileSize = MAX_BYTES,
) -> None:
    """Build the executive summary and the annual report in Markdown, HTML and PDF.

    Example: lscb-report build 2014-15 --format html --document annual-report
    """
    from lscb_report.build.config import BuildConfig
    from lscb_report.build.pipeline import build as run_build
    from lscb_report.render.documents import DOCUMENTS, FORMATS

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
        max_file_size=max_file_size,
    )
    from lscb_report.cli.console import (
        Steps,
        error_console,
        output_console,
        outputs_table,
        warnings_summary,
    )

    try:
        with Steps(error_console()) as steps:
            result = run_build(config, step=steps)
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None
    except ReportError as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{year}: {tally(error.problems)}; nothing was written", err=True)
        raise typer.Exit(1) from None
    for line in warnings_summary(result.warnings, str(year)):
        typer.echo(line, err=True)
    outputs_table(result.outputs, output_console())


@app.command()
def new(
    year: Year,
    previous: Annotated[
        FinancialYear,
        typer.Option(
            "--from",
            parser=_year,
            metavar="YEAR",
            help="The year to carry forward from: the year before YEAR.",
        ),
    ],
    content: ContentDir = Path("content"),
) -> None:
    """Start a year's content from the year before, ready to fill in.

    Carries forward what persists and makes last year's priorities for this year into files.

    The writing is left as TO FILL IN placeholders, which 'check' lists; the draft builds at once.

    Example: lscb-report new 2015-16 --from 2014-15
    """
    from lscb_report.commands.scaffold import new_year

    if year != previous.next():
        raise typer.BadParameter(
            f"{year} does not follow {previous}; to start {year}, use --from {year.previous()}",
            param_hint="'--from'",
        )
    try:
        written = new_year(content, year, previous)
    except ReportError as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{year}: not started; {tally(error.problems)}", err=True)
        raise typer.Exit(1) from None
    for path in written:
        typer.echo(display_path(path))
    typer.echo(
        f"{year}: {len(written)} files written, as a draft. Next: write over each TO FILL IN "
        f"('lscb-report check {year}' lists them) and preview as you go with "
        f"'lscb-report serve {year}'."
    )


@app.command()
def schema(
    out: Annotated[
        Path, typer.Option("--out", file_okay=False, help="The folder to write the schemas in.")
    ] = Path("schemas"),
) -> None:
    """Write a JSON Schema for each kind of content file, for editors that check as you type.

    Each content file names its schema on its first line, so VS Code marks a misspelt key.

    Run it after changing the content model (models.py), and commit the schemas.

    Example: lscb-report schema --out schemas
    """
    from lscb_report.content.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(display_path(path))


@app.command()
def serve(
    year: Year,
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="The port on 127.0.0.1 to serve on.")
    ] = 8000,
    content: ContentDir = Path("content"),
    templates: TemplatesDir = Path("templates"),
    out: Annotated[
        Path,
        typer.Option("--out", file_okay=False, help="Where to write; the report goes in OUT/YEAR."),
    ] = Path("build"),
) -> None:
    """Preview the report in a browser, rebuilt each time a content file or template is saved.

    Open the address it prints: the page updates itself each time you save.

    A problem in the content shows in the page, with its file and line, until you fix it.

    PDFs are typeset when you open them, which takes a few seconds. Ctrl-C stops it.

    Example: lscb-report serve 2015-16 --port 8000
    """
    import errno
    import threading

    from lscb_report.build.config import BuildConfig
    from lscb_report.commands.serve import Preview

    config = BuildConfig(year=year, content=content, templates=templates, out=out)
    try:
        preview = Preview(config, port, on_event=lambda text: typer.echo(text, err=True))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise typer.BadParameter(
                f"port {port} is in use; choose another, such as --port {port + 1}",
                param_hint="'--port'",
            ) from None
        raise
    preview.start()
    typer.echo(f"Serving {year} at {preview.url} (Ctrl-C stops it)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        preview.stop()
        typer.echo("Stopped.")


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"


@app.command()
def diff(
    year: Year,
    base: Annotated[
        str,
        typer.Option(
            "--base", metavar="GIT-REV", help="The git revision to compare with, such as main."
        ),
    ],
    content: ContentDir = Path("content"),
    templates: TemplatesDir = Path("templates"),
    output: Annotated[
        DiffFormat,
        typer.Option("--format", help="text for a terminal, markdown for a pull request."),
    ] = DiffFormat.text,
) -> None:
    """Show what the changes since a git revision do to the report's text and figures.

    Example: lscb-report diff 2014-15 --base main --format markdown
    """
    from lscb_report.commands.diffing import diff_report
    from lscb_report.commands.diffview import format_markdown, format_text
    from lscb_report.commands.revisions import BadRevision

    try:
        result = diff_report(year, base, content, templates)
    except BadRevision as error:
        raise typer.BadParameter(str(error), param_hint="'--base'") from None
    except ReportError as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{year}: {tally(error.problems)}; nothing to compare", err=True)
        raise typer.Exit(1) from None
    show = format_markdown if output is DiffFormat.markdown else format_text
    typer.echo(show(result), nl=False)
