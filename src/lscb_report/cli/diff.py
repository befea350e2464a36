"""lscb-report diff: what a change does to the report's text and figures."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.options import ContentDir, TemplatesDir, Year
from lscb_report.cli.problems import reporting


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"


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
        typer.Option(
            "--format",
            metavar="text|markdown",
            help="text for a terminal, markdown for a pull request.",
        ),
    ] = DiffFormat.text,
) -> None:
    """Show what the changes since a git revision do to the report's text and figures.

    Example: lscb-report diff 2014-15 --base main --format markdown
    """
    from lscb_report.commands.diffing import diff_report
    from lscb_report.commands.diffview import format_markdown, format_text
    from lscb_report.commands.revisions import BadRevision

    with reporting(year, "{tally}; nothing to compare"):
        try:
            result = diff_report(year, base, content, templates)
        except BadRevision as error:
            raise typer.BadParameter(str(error), param_hint="'--base'") from None
    show = format_markdown if output is DiffFormat.markdown else format_text
    typer.echo(show(result), nl=False)
