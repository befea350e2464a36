"""lscb-report build: the documents in Markdown, HTML, PDF and Word, and the figures as CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.options import ContentDir, MaxFileSize, OutDir, Strict, TemplatesDir, Year
from lscb_report.cli.problems import reporting
from lscb_report.content.loading import MAX_BYTES


class Format(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    csv = "csv"


class Document(StrEnum):
    executive_summary = "executive-summary"
    annual_report = "annual-report"


class AudienceChoice(StrEnum):
    public = "public"
    board = "board"


def build(
    year: Year,
    content: ContentDir = Path("content"),
    templates: TemplatesDir = Path("templates"),
    out: OutDir = Path("build"),
    formats: Annotated[
        list[Format] | None,
        typer.Option(
            "--format",
            metavar="md|html|pdf",
            help="Formats to write (repeat for more); all by default.",
        ),
    ] = None,
    documents: Annotated[
        list[Document] | None,
        typer.Option(
            "--document",
            metavar="executive-summary|annual-report",
            help="Documents to write (repeat for more); both by default.",
        ),
    ] = None,
    strict: Strict = False,
    audience: Annotated[
        AudienceChoice,
        typer.Option(
            "--audience",
            metavar="public|board",
            help="public (embargoed reviews left out) or board (included, every page marked "
            "RESTRICTED, written to DIR/YEAR-board).",
        ),
    ] = AudienceChoice.public,
    final: Annotated[
        bool,
        typer.Option("--final", help="Refuse to build unless every section is approved."),
    ] = False,
    max_file_size: MaxFileSize = MAX_BYTES,
) -> None:
    """Build the executive summary and the annual report in Markdown, HTML, PDF and Word, and
    the figures they print as CSV.

    Example: lscb-report build 2014-15 --format html --document annual-report
    """
    from lscb_report.build.config import BuildConfig
    from lscb_report.build.pipeline import build as run_build
    from lscb_report.render.documents import DOCUMENTS, EVERY_FORMAT

    config = BuildConfig(
        year=year,
        content=content,
        templates=templates,
        out=out,
        formats=tuple(f.value for f in formats) if formats else EVERY_FORMAT,
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

    with reporting(year, "{tally}; nothing was written"), Steps(error_console()) as steps:
        result = run_build(config, step=steps)
    for line in warnings_summary(result.warnings, str(year)):
        typer.echo(line, err=True)
    outputs_table(result.outputs, output_console())
