"""lscb-report init: a new board's content folder, from nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.options import parse_year
from lscb_report.cli.problems import reporting
from lscb_report.content.loading import display_path
from lscb_report.content.profiles import DEFAULT_PROFILE, PROFILES
from lscb_report.years import FinancialYear


def _last_year() -> FinancialYear:
    """The financial year that ended most recently."""
    today = date.today()
    return FinancialYear(today.year - (2 if today.month < 4 else 1))


def init(
    folder: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="The new content folder; it must not exist yet."),
    ],
    board: Annotated[str, typer.Option("--board", metavar="NAME", help="The board's full name.")],
    year: Annotated[
        FinancialYear | None,
        typer.Option(parser=parse_year, metavar="YEAR", help="The first year to report on."),
    ] = None,
    profile: Annotated[
        str,
        typer.Option(
            metavar="PROFILE",
            show_default=False,
            help=f"The statutory profile: {', '.join(PROFILES)} (the default: {DEFAULT_PROFILE}).",
        ),
    ] = DEFAULT_PROFILE,
) -> None:
    """Start a new board's content from nothing, ready to fill in.

    Writes board.yaml, glossary.yaml, the first year's files, a short guide and the schemas.
    It checks and builds at once as a draft; 'check' lists each TO FILL IN left.

    Example: lscb-report init northshire --board "Northshire Safeguarding Children Board"
    """
    from lscb_report.commands.init import init_board

    if profile not in PROFILES:
        raise typer.BadParameter(f"use one of: {', '.join(PROFILES)}", param_hint="'--profile'")
    first = year or _last_year()
    with reporting(first, "not started; {tally}"):
        written = init_board(folder, board, first, profile)
    for path in written:
        if path.parent.name != "schemas":
            typer.echo(display_path(path))
    typer.echo(
        f"{display_path(folder)}: started for {board}, {first}, as a draft. Next: "
        f"'lscb-report check {first} --content {display_path(folder)}' lists what to write."
    )
