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


def test_a_content_folder_that_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "2014-15", "--content", "nowhere"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "nowhere: there is no board.yaml here, so this is not a content folder; run lscb-report "
        "in the folder that holds content/, or name the folder with board.yaml in it with "
        "--content; to start a new board's content, use 'lscb-report init nowhere --board "
        '"NAME"\'',
        "2014-15: 1 error in 1 file",
    ]


@pytest.mark.parametrize("command", ["check", "build", "new", "site", "diff"])
def test_run_inside_the_content_folder_says_how_to_point_at_it(
    sample: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(sample)
    year = "2015-16" if command == "new" else "2014-15"
    args = {"new": ["--from", "2014-15"], "diff": ["--base", "HEAD"], "site": []}.get(command, [])
    result = runner.invoke(app, [command, *([] if command == "site" else [year]), *args])
    assert result.exit_code in (1, 2), result.output
    assert "new 2014-15 --from" not in result.output
    if command != "diff":  # diff first says the folder is not in git
        assert result.exit_code == 1
        assert (
            result.output.count(
                "content: there is no board.yaml here, so this is not a content folder; run "
                "lscb-report in the folder that holds content/, or name the folder with board.yaml "
                "in it with --content (here that is --content .); to start a new board's content, "
                "use 'lscb-report init content --board \"NAME\"'"
            )
            == 1
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


def _an_error_among_warnings(small: Path) -> None:
    """A warning in a file before the error's (2020-21/ sorts after board.yaml), and one after."""
    missing = small / "2020-21" / "priorities" / "02-missing.yaml"
    missing.write_text(missing.read_text().replace("Take-up varies.", "The QQX met."))
    board = small / "board.yaml"
    board.write_text(board.read_text().replace("meetings_per_year: 4", "meetings_per_year: 0"))
    neglect = small / "2020-21" / "priorities" / "01-neglect.yaml"
    neglect.write_text(neglect.read_text().replace("title: ", "title: ZZQ ", 1))


def test_errors_come_first_then_warnings_then_the_tally(small: Path) -> None:
    _an_error_among_warnings(small)
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 1
    lines = [": warning: " in line for line in result.output.splitlines()[:-1]]
    assert lines == [False, True, True]
    assert result.output.startswith("content/board.yaml:12:20: meetings_per_year: input should")
    assert result.output.splitlines()[-1] == "2020-21: 1 error and 2 warnings in 3 files"


def test_errors_only(small: Path) -> None:
    _an_error_among_warnings(small)
    result = runner.invoke(app, ["check", "2020-21", "--errors-only"])
    assert result.exit_code == 1
    assert [line[:30] for line in result.output.splitlines()] == [
        "content/board.yaml:12:20: meet",
        "2020-21: 1 error and 2 warning",
    ]
    assert result.output.splitlines()[-1].endswith("in 3 files (warnings not shown)")


def test_colour_on_a_terminal_and_none_under_no_color(small: Path) -> None:
    _an_error_among_warnings(small)
    coloured = runner.invoke(app, ["check", "2020-21"], env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[1;31mcontent/board.yaml:12:20\x1b[0m" in coloured.output
    assert "\x1b[33mwarning: \x1b[0m" in coloured.output
    plain = runner.invoke(app, ["check", "2020-21"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[31m" not in plain.output and "\x1b[33m" not in plain.output
    assert "\x1b[1;31m" not in plain.output
