"""lscb-report new: a year's content started from the year before."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.options import ContentDir, Year, parse_year
from lscb_report.cli.problems import reporting
from lscb_report.content.loading import display_path
from lscb_report.years import FinancialYear


def new(
    year: Year,
    previous: Annotated[
        FinancialYear,
        typer.Option(
            "--from",
            parser=parse_year,
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
    with reporting(year, "not started; {tally}"):
        written = new_year(content, year, previous)
    for path in written:
        typer.echo(display_path(path))
    typer.echo(
        f"{year}: {len(written)} files written, as a draft. Next: write over each TO FILL IN "
        f"('lscb-report check {year}' lists them) and preview as you go with "
        f"'lscb-report serve {year}'."
    )
