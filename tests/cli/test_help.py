"""The command line's face: --help in plain words at any width, -h, shell completion, and
usage errors without the wording of the libraries underneath."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import COMMANDS, app, plain_words

NAMES = [command.__name__ for command in COMMANDS]


@pytest.mark.parametrize("columns", ["80", "200"])
@pytest.mark.parametrize("name", ["", *NAMES])
def test_help_is_plain_words_at_any_width(name: str, columns: str) -> None:
    result = CliRunner().invoke(app, [*name.split(), "--help"], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    text = result.output
    assert not re.search(r"<\w|\[x|x>=|x<=|FinancialYear|\bbool\b", text), text
    assert all(len(line) <= int(columns) for line in text.splitlines()), text
    if name:
        assert "Example: lscb-report " in text
    if name in {"check", "build", "new", "serve", "diff"}:
        assert "  YEAR  The financial year, such as 2014-15." in text


def test_a_long_choice_is_not_broken_mid_word() -> None:
    result = CliRunner().invoke(app, ["build", "--help"], env={"COLUMNS": "80"})
    assert "--document executive-summary|annual-report" in result.output


@pytest.mark.parametrize("name", NAMES)
def test_h_is_help(name: str) -> None:
    short = CliRunner().invoke(app, [name, "-h"], env={"COLUMNS": "80"})
    long = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "80"})
    assert short.exit_code == 0
    assert short.output == long.output


def test_shell_completion_can_be_installed() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert "--install-completion" in result.output
    assert "--show-completion" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["build", "2014-15", "--format", "rtf"],
            "Invalid value for '--format': 'rtf' is not one of 'md', 'html', 'pdf', 'docx', 'csv'",
        ),
        (
            ["serve", "2014-15", "--port", "70000"],
            "Invalid value for '--port': the largest allowed is 65535",
        ),
        (
            ["check", "2014-15", "--max-file-size", "0"],
            "Invalid value for '--max-file-size': the smallest allowed is 1",
        ),
        (
            ["check", "2014-15", "--max-file-size", "lots"],
            "Invalid value for '--max-file-size': write a whole number in digits",
        ),
        (
            ["check", "2014-15", "--format", "gh"],
            "Invalid value for '--format': 'gh' is not one of 'text', 'github', 'json'",
        ),
    ],
)
def test_usage_errors_are_in_plain_words(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: {message}"
    assert "Value error" not in result.output and "Input should" not in result.output


def test_pydantic_wording_is_put_plainly() -> None:
    assert plain_words("Input should be less than or equal to 9") == "the largest allowed is 9"
    assert plain_words("Input should be a valid boolean") == "it should be a valid boolean"
    assert plain_words("Value error, 'x' is not one of 'a', 'b'.") == "'x' is not one of 'a', 'b'"
    assert plain_words("is not a financial year") == "is not a financial year"
