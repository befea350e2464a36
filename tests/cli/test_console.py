"""What `build` shows: its steps (live on a terminal, plain lines in CI) and what it wrote."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from lscb_report.build.config import Output
from lscb_report.cli.app import app
from lscb_report.cli.console import Steps, outputs_table, warnings_summary
from lscb_report.errors import Problem

OUTPUTS = [
    Output(Path("build/2014-15/executive-summary.md"), 11_264),
    Output(Path("build/2014-15/executive-summary.pdf"), 30_720, 5),
    Output(Path("build/2014-15/index.html"), 800),
]


def console(*, terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100, color_system=None), out


def test_steps_are_plain_lines_when_not_on_a_terminal() -> None:
    shown, out = console(terminal=False)
    with Steps(shown) as step:
        step("reading content")
        step("typesetting annual-report.pdf")
    assert out.getvalue() == "  reading content\n  typesetting annual-report.pdf\n"


def test_steps_are_ticked_off_live_on_a_terminal() -> None:
    shown, out = console(terminal=True)
    with Steps(shown) as step:
        step("reading content")
        step("typesetting annual-report.pdf")
    final = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue().split("\r")[-1])
    assert re.fullmatch(
        r"✓ reading content +\d+\.\d s\n✓ typesetting annual-report\.pdf \d+\.\d s\n", final
    ), final


def test_a_failed_step_is_not_ticked() -> None:
    shown, out = console(terminal=True)
    with pytest.raises(RuntimeError), Steps(shown) as step:
        step("reading content")
        raise RuntimeError
    assert "✓ reading content" not in out.getvalue()


def test_the_table_of_what_was_written_in_plain_text() -> None:
    shown, out = console(terminal=False)
    outputs_table(OUTPUTS, shown)
    assert out.getvalue().splitlines() == [
        "file                                      size  pages",
        "build/2014-15/executive-summary.md       11 KB",
        "build/2014-15/executive-summary.pdf      30 KB      5",
        "build/2014-15/index.html             800 bytes",
    ]


def test_the_table_of_what_was_written_on_a_terminal() -> None:
    shown, out = console(terminal=True)
    outputs_table(OUTPUTS, shown)
    lines = out.getvalue().splitlines()
    assert lines[0].strip() == "Written"
    assert [cell.strip() for cell in lines[2].strip("┃").split("┃")] == ["file", "size", "pages"]
    assert [cell.strip() for cell in lines[5].strip("│").split("│")] == [
        "build/2014-15/executive-summary.pdf",
        "30 KB",
        "5",
    ]


def test_placeholders_are_counted_not_listed_after_a_build() -> None:
    warnings = [
        Problem("a.yaml", 1, 1, "still to fill in: x", "warning", "unfilled"),
        Problem("b.yaml", 2, 1, "still to fill in: y", "warning", "unfilled"),
        Problem("b.yaml", 3, 1, "an acronym", "warning"),
    ]
    assert warnings_summary(warnings, "2015-16") == [
        "b.yaml:3:1: warning: an acronym",
        "warning: 2 placeholders still to fill in, in 2 files; "
        "'lscb-report check 2015-16' lists them",
    ]


def test_build_ends_with_the_table(small: Path) -> None:
    result = CliRunner().invoke(app, ["build", "2020-21", "--format", "md"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "  reading content",
        "  writing executive-summary",
        "  writing annual-report",
    ]
    assert lines[-4] == "file                                size  pages"
    assert lines[-1].startswith("build/2020-21/index.html ")


@pytest.mark.parametrize("command", ["check", "build", "new", "schema", "serve"])
def test_every_command_has_an_example_in_its_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"Example: lscb-report {command} " in result.output


@pytest.mark.parametrize("command", ["check", "build", "new", "serve", "schema"])
def test_the_readme_lists_every_command(command: str) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"    lscb-report {command} " in readme
