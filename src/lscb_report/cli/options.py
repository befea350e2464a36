"""The options the commands share, as typer reads them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from lscb_report.years import FinancialYear


def parse_year(text: str) -> FinancialYear:
    try:
        return FinancialYear.parse(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


Year = Annotated[
    FinancialYear,
    typer.Argument(parser=parse_year, metavar="YEAR", help="The financial year, such as 2014-15."),
]
ContentDir = Annotated[
    Path,
    typer.Option(
        "--content", metavar="DIR", help="The content folder: where board.yaml is.", file_okay=False
    ),
]


def _templates_folder(ctx: typer.Context, param: typer.CallbackParam, value: Path) -> Path:
    """The templates folder: a folder named with --templates must exist; the default,
    templates/, is used only where a board has one."""
    source = ctx.get_parameter_source(param.name or "")
    given = source is not None and source.name != "DEFAULT"
    if given and not value.is_dir():
        raise typer.BadParameter(
            f"there is no folder {value}; name the folder of the board's own templates, or "
            "leave --templates out to use the defaults"
        )
    return value


TemplatesDir = Annotated[
    Path,
    typer.Option(
        "--templates",
        metavar="DIR",
        file_okay=False,
        callback=_templates_folder,
        help="The board's own templates, which override the defaults file by file.",
    ),
]
Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


def within(low: int, high: int | None = None) -> Callable[[int], int]:
    """A check that a number option is between low and high (as a usage error in plain
    words; typer's own bounds print as x>=1 in --help)."""

    def check(value: int) -> int:
        if value < low:
            raise typer.BadParameter(f"the smallest allowed is {low}")
        if high is not None and value > high:
            raise typer.BadParameter(f"the largest allowed is {high}")
        return value

    return check


MaxFileSize = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        callback=within(1),
        metavar="BYTES",
        help="The largest content file or image read, in bytes; a larger one is a problem.",
    ),
]


OutDir = Annotated[
    Path,
    typer.Option(
        "--out",
        metavar="DIR",
        file_okay=False,
        help="Where to write; the report goes in DIR/YEAR.",
    ),
]
