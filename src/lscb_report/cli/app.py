"""The command line: each command turns its options into a call to the library, and the one
user-facing error type into messages and an exit code (0 fine, 1 content, 2 usage).

The commands are listed here, one module each; ``app`` is made from that list alone.
"""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from lscb_report import __version__
from lscb_report.cli import build, check, diff, init, new, schema, serve, site
from lscb_report.cli.problems import INTERRUPTED

# typer checks option values with pydantic, whose words reach a usage error; these say the
# same in plain English.
PLAIN_WORDS = (
    (re.compile(r"^Value error, (.*?)\.?$"), r"\1"),
    (re.compile(r"^Input should be less than or equal to (.+)$"), r"the largest allowed is \1"),
    (re.compile(r"^Input should be greater than or equal to (.+)$"), r"the smallest allowed is \1"),
    (re.compile(r"^Input should be a valid integer.*$"), "write a whole number in digits"),
    (re.compile(r"^Input should be (.+)$"), r"it should be \1"),
)


def plain_words(message: str) -> str:
    """A usage error's message, without pydantic's wording."""
    for pattern, replacement in PLAIN_WORDS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class _Argument(TyperArgument):
    """An argument shown in --help by its name alone (YEAR, not YEAR <FinancialYear>)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class _Command(TyperCommand):
    """A command whose arguments show by name alone in --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument and param.metavar:
                param.__class__ = _Argument


class _Group(TyperGroup):
    """The app's commands, with usage errors in plain words."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except typer.BadParameter as error:
            error.message = plain_words(error.message)
            raise


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
COMMANDS = (
    check.check,
    build.build,
    init.init,
    new.new,
    serve.serve,
    site.site,
    schema.schema,
    diff.diff,
)
for command in COMMANDS:
    app.command(cls=_Command)(command)


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
    """Compile a Local Safeguarding Children Board's annual report from YAML.

    Run 'lscb-report COMMAND --help' for a command's options. '--install-completion' lets
    the shell complete commands and options with the Tab key.
    """


def main() -> None:
    """Entry point of the lscb-report command."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED + "\n")
        sys.exit(130)
