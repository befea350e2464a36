"""lscb-report check: every problem in a year's content, without building anything."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.console import output_console
from lscb_report.cli.options import ContentDir, MaxFileSize, Strict, Year
from lscb_report.cli.problems import (
    as_json,
    github_annotations,
    ordered,
    print_problem,
    summarised,
)
from lscb_report.content.loading import MAX_BYTES
from lscb_report.errors import errors_in, tally


class CheckFormat(StrEnum):
    text = "text"
    github = "github"
    json = "json"


def check(
    year: Year,
    content: ContentDir = Path("content"),
    strict: Strict = False,
    output: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            metavar="text|github|json",
            help="How to print problems: text, github (annotations) or json.",
        ),
    ] = CheckFormat.text,
    max_file_size: MaxFileSize = MAX_BYTES,
    errors_only: Annotated[
        bool, typer.Option("--errors-only", help="Print errors alone, not warnings.")
    ] = False,
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
        shown = summarised(errors_in(problems) if errors_only else problems)
        if output is CheckFormat.github:
            for line in github_annotations(shown):
                typer.echo(line)
        console = output_console()
        for problem in ordered(shown):
            print_problem(problem, console)
        for line in checklist_lines(checklist) if checklist is not None and not errors_only else []:
            typer.echo(line)
        hidden = " (warnings not shown)" if len(shown) < len(problems) else ""
        typer.echo(f"{year}: {tally(problems)}{hidden}", err=bool(problems))
    raise typer.Exit(1 if errors_in(problems) else 0)
