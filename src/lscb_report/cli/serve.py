"""lscb-report serve: a preview in the browser, rebuilt on every save."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lscb_report.cli.options import ContentDir, OutDir, TemplatesDir, Year, within


def serve(
    year: Year,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            callback=within(0, 65535),
            metavar="N",
            help="The port on 127.0.0.1 to serve on, 0 to 65535.",
        ),
    ] = 8000,
    content: ContentDir = Path("content"),
    templates: TemplatesDir = Path("templates"),
    out: OutDir = Path("build"),
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
