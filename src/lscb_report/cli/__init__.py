"""The command line: the typer app, the console, problem formats; the only printer."""

from lscb_report.cli.app import app, main

__all__ = ["app", "main"]
