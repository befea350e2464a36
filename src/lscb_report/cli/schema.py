"""lscb-report schema: JSON Schemas of the content files, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.problems import reporting
from lscb_report.content.loading import display_path


def schema(
    out: Annotated[
        Path,
        typer.Option(
            "--out", metavar="DIR", file_okay=False, help="The folder to write the schemas in."
        ),
    ] = Path("schemas"),
) -> None:
    """Write a JSON Schema for each kind of content file, for editors that check as you type.

    Each content file names its schema on its first line, so VS Code marks a misspelt key.

    Run it after changing the content model (src/lscb_report/content/models/), and commit the
    schemas.

    Example: lscb-report schema --out schemas
    """
    from lscb_report.content.schemas import write_schemas

    with reporting("schemas", "{tally}; nothing was written"):
        written = write_schemas(out)
    for path in written:
        typer.echo(display_path(path))
