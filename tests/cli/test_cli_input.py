"""Odd and oversized input at the command line: usage errors exit 2, content problems exit 1,
work stays bounded, and the PDF engine's warnings are shown with their document."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from lscb_report.cli.problems import format_github
from lscb_report.content.loading import MAX_DEPTH
from lscb_report.errors import Problem
from tests.payload import PRIORITY, SUMMARY_LINE

runner = CliRunner()


def run(*args: str) -> Result:
    from lscb_report.cli.app import app

    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize(
    "year",
    [
        "",
        " 2020-21",
        "2020-21 ",
        "2020-21\n",
        "2020-21/",
        "2020-21/../..",
        "../2020-21",
        "/etc/passwd",
        "2020-21\x00",
        "\uff12\uff10\uff12\uff10-\uff12\uff11",  # full-width digits
        "\u0662\u0660\u0662\u0660-\u0662\u0661",  # Arabic-Indic digits
        "2020\u201321",  # an en dash
        "2020_21",
        "20-21",
        "2020-2021",
        "2020-1",
        "2020-22",
        "0000-01",
        "1899-00",
        "9999-00",
    ],
)
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_year_that_is_not_a_financial_year_is_a_usage_error(
    small: Path, command: str, year: str
) -> None:
    result = run(command, year)
    assert result.exit_code == 2, result.output
    assert "is not a financial year" in result.output
    assert sorted(p.name for p in small.parent.iterdir()) == ["content"]


def test_an_option_for_a_year_is_a_usage_error(small: Path) -> None:
    assert run("check", "-2020-21").exit_code == 2


def test_the_file_size_limit_is_one_megabyte_and_can_be_changed(small: Path) -> None:
    glossary = small / "glossary.yaml"
    glossary.write_text(glossary.read_text() + "# " + "x" * 1_000_000 + "\n")
    size = glossary.stat().st_size
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"content/glossary.yaml:1:1: the file is {size:,} bytes, over the limit of 1,000,000; "
        "split it into smaller files",
        "2020-21: 1 error in 1 file",
    ]
    assert run("check", "2020-21", "--max-file-size", "2000000").exit_code == 0
    smaller = run("check", "2020-21", "--max-file-size", "1000", "--format", "json")
    assert smaller.exit_code == 1
    report = (small / "2020-21" / "report.yaml").stat().st_size
    assert f'"message": "the file is {report:,} bytes, over the limit of 1,000;' in smaller.output


@pytest.mark.parametrize("size", ["0", "-5", "a lot"])
def test_a_file_size_limit_that_is_not_a_number_of_bytes_is_a_usage_error(
    small: Path, size: str
) -> None:
    assert run("check", "2020-21", "--max-file-size", size).exit_code == 2


def test_a_huge_field_fails_cleanly(small: Path, edit: Any) -> None:
    huge = "Very long. " * 81_819  # 900,009 characters, in a file within 1 MB
    edit(small / PRIORITY, "Neglect was the first priority.", huge)
    summary = SUMMARY_LINE
    for command in (["check", "2020-21"], ["build", "2020-21", "--format", "md"]):
        result = run(*command)
        assert result.exit_code == 1
        assert (
            f"content/2020-21/priorities/01-neglect.yaml:{summary}:3: summary: this text is "
            "900,010 characters long, over the limit of 100,000 for one value; split it into "
            "shorter sections"
        ) in result.output.splitlines()
    assert not (small.parent / "build").exists()


def test_an_alias_bomb_is_refused_before_it_is_expanded(small: Path) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghijklmnopqrstuvwxyz":
        before = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{', '.join(['*' + before] * 9)}]\n"
    (small / "glossary.yaml").write_text(bomb)
    result = run("check", "2020-21")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (
        "content/glossary.yaml:1:4: defines an anchor (&a); anchors and aliases are not "
        "allowed: remove it"
    )
    assert len(lines) == 26 + 25 * 9 + 1  # every anchor and alias, once, and the tally


@pytest.mark.parametrize(("depth", "column"), [(100, 8 + MAX_DEPTH), (5000, 1007)])
def test_nesting_past_the_limit_is_refused(small: Path, depth: int, column: int) -> None:
    (small / "glossary.yaml").write_text("terms: " + "[" * depth + "]" * depth + "\n")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"content/glossary.yaml:1:{column}: is nested more than {MAX_DEPTH} levels deep; flatten it"
    )


# --- the PDF engine's warnings ---------------------------------------------------------------


@pytest.fixture
def unknown_css(small: Path) -> Path:
    """A board stylesheet with a property the engine does not know."""
    templates = small.parent / "templates"
    templates.mkdir()
    default = Path(__file__).parents[2] / "templates" / "style.css"
    (templates / "style.css").write_text(default.read_text() + "\np { colour: red; }\n")
    return templates


PDF_ONLY = ("--format", "pdf", "--document", "executive-summary")
WARNING = re.compile(
    r"executive-summary\.pdf: warning: PDF engine: Ignored `colour: red` at \d+:5, unknown "
    r"property\."
)


def test_engine_warnings_are_shown_with_their_document(unknown_css: Path) -> None:
    result = run("build", "2020-21", *PDF_ONLY)
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if WARNING.fullmatch(line)]


def test_strict_makes_engine_warnings_fail_the_build(unknown_css: Path) -> None:
    result = run("build", "2020-21", *PDF_ONLY, "--strict")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert re.fullmatch(
        r"executive-summary\.pdf: PDF engine: Ignored `colour: red` at \d+:5, unknown property\.",
        lines[-2],
    )
    assert lines[-1] == "2020-21: 1 error in 1 file; nothing was written"
    assert not (unknown_css.parent / "build").exists()


def test_a_problem_with_no_place_in_its_file_names_only_the_file() -> None:
    problem = Problem("annual-report.pdf", 0, 0, "PDF engine: something", "warning")
    assert str(problem) == "annual-report.pdf: warning: PDF engine: something"
    assert format_github(problem) == "::warning file=annual-report.pdf::PDF engine: something"
