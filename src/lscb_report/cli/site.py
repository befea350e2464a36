"""lscb-report site: what is published, every final year and an index of them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.options import ContentDir, MaxFileSize, TemplatesDir
from lscb_report.cli.problems import reporting
from lscb_report.content.loading import MAX_BYTES


def site(
    content: ContentDir = Path("content"),
    templates: TemplatesDir = Path("templates"),
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="DIR",
            file_okay=False,
            help="The site's folder: DIR/index.html, and each year in DIR/YEAR.",
        ),
    ] = Path("build/site"),
    max_file_size: MaxFileSize = MAX_BYTES,
) -> None:
    """Build the public site: every year whose report is final, and an index of the years.

    Each final year is built as with 'build YEAR --final --strict', in a folder of its own;
    a year still in draft is left out (and taken off the site if it was on it).

    Example: lscb-report site --out build/site
    """
    from lscb_report.build.site import SiteConfig, build_site
    from lscb_report.cli.console import Steps, error_console, output_console, outputs_table

    config = SiteConfig(content=content, templates=templates, out=out, max_file_size=max_file_size)
    with reporting("site", "{tally}; the site was not changed"), Steps(error_console()) as steps:
        result = build_site(config, step=steps)
    outputs_table(result.outputs, output_console())
    published = ", ".join(map(str, result.published)) or "no year yet"
    typer.echo(f"site: published {published}")
    if result.drafts:
        drafts = ", ".join(map(str, result.drafts))
        typer.echo(
            f"site: left out, as drafts: {drafts} (a year is published once its "
            "report.yaml says status: final and every section is approved)"
        )
