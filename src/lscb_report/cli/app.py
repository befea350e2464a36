"""The command line: each command turns its options into a call to the library, and the one
user-facing error type into messages and an exit code (0 fine, 1 content, 2 usage).

The commands are listed here, one module each; ``app`` is made from that list alone.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from lscb_report import __version__
from lscb_report.cli import build, check, diff, init, new, schema, serve
from lscb_report.cli.problems import INTERRUPTED

app = typer.Typer(
    help="Compile a Local Safeguarding Children Board's annual report from YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
COMMANDS = (
    check.check,
    build.build,
    init.init,
    new.new,
    schema.schema,
    serve.serve,
    diff.diff,
)
for command in COMMANDS:
    app.command()(command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lscb-report {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and stop."
        ),
    ] = False,
) -> None:
    """Compile a Local Safeguarding Children Board's annual report from YAML."""


def main() -> None:
    """Entry point of the lscb-report command."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED + "\n")
        sys.exit(130)
