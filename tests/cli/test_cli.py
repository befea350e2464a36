"""The commands as a user runs them: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app

runner = CliRunner()


def test_check_passes_on_the_2014_15_content() -> None:
    result = runner.invoke(app, ["check", "2014-15", "--content", str(Path("content").resolve())])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("2014-15: no problems")


def test_check_prints_every_problem_and_exits_1(small: Path) -> None:
    budget = small / "2020-21" / "budget.yaml"
    budget.write_text(budget.read_text().replace("total: 85000.00", "total: 1.00"))
    glossary = small / "glossary.yaml"
    glossary.write_text(glossary.read_text() + "  - term: CSE\n    meening: x\n")
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/2020-21/budget.yaml:27:10: expenditure.total: the total £1.00 does not equal the "
        "sum of the expenditure lines, £85,000.00; if the lines are right, make the total 85000.00",
        "content/glossary.yaml:8:5: terms[2].meening: unknown key 'meening'; did you mean "
        "'meaning'?",
        "2020-21: 2 errors in 2 files",
    ]
    assert "Traceback" not in result.output


def test_check_in_github_format_annotates_the_line(small: Path) -> None:
    board = small / "board.yaml"
    board.write_text(board.read_text().replace("short_name:", "shortname:"))
    result = runner.invoke(app, ["check", "2020-21", "--format", "github"])
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        "::error file=content/board.yaml,line=4,col=1::shortname: unknown key 'shortname'; did "
        "you mean 'short_name'?",
        "content/board.yaml:4:1: shortname: unknown key 'shortname'; did you mean 'short_name'?",
    ]


def test_check_in_json_format(small: Path) -> None:
    board = small / "board.yaml"
    board.write_text(board.read_text().replace("established: 2013", "established: soon"))
    result = runner.invoke(app, ["check", "2020-21", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["problems"] == [
        {
            "file": "content/board.yaml",
            "line": 8,
            "column": 14,
            "severity": "error",
            "message": "established: expected a whole number written in digits, but found "
            "'soon', for example: established: 2012",
            "rule": None,
        }
    ]


def test_a_year_that_is_not_a_financial_year_is_a_usage_error() -> None:
    for year in ("2014", "2014-16", "../../etc", "2014-15/.."):
        result = runner.invoke(app, ["check", year])
        assert result.exit_code == 2, year
        assert "is not a financial year" in result.output


def test_a_content_folder_that_does_not_exist(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "2014-15", "--content", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{tmp_path / 'nowhere'}:1:1: there is no board's content here (no board.yaml); check "
        f"--content, or start a board's content with 'lscb-report init {tmp_path / 'nowhere'} "
        '--board "NAME" --year 2014-15\''
    )


def test_schema_out_under_a_file_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["schema", "--out", "notes.txt/schemas"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "notes.txt/schemas: cannot write the schemas here (Not a directory); choose another "
        "--out folder",
        "schemas: 1 error in 1 file; nothing was written",
    ]
