"""The options the commands share, as typer reads them."""

from __future__ import annotations

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
ContentDir = Annotated[Path, typer.Option("--content", help="The content folder.", file_okay=False)]


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
        file_okay=False,
        callback=_templates_folder,
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
