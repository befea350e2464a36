"""`lscb-report init`: a new board's content from nothing, that checks and builds at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lscb_report.cli.app import app
from tests.content.test_schemas import errors

runner = CliRunner()
BOARD = "Northshire Safeguarding Children Board"


@pytest.fixture
def started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new board's folder, started by init in an empty working folder."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "northshire", "--board", BOARD, "--year", "2015-16"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"northshire: started for {BOARD}, 2015-16, as a draft. Next: "
        "'lscb-report check 2015-16 --content northshire' lists what to write."
    )
    return tmp_path / "northshire"


def test_the_new_folder_checks_with_only_placeholders_left(started: Path) -> None:
    result = runner.invoke(app, ["check", "2015-16", "--content", "northshire"])
    assert result.exit_code == 0, result.output
    problems = [line for line in result.output.splitlines() if line.startswith("northshire/")]
    assert (
        "northshire/board.yaml:7:6: warning: still to fill in: the area the board covers; one line for each; write it in place of the TO FILL IN text"
        in problems
    )
    assert all(": warning: " in line for line in problems)
    assert (
        runner.invoke(app, ["check", "2015-16", "--content", "northshire", "--strict"]).exit_code
        == 1
    )


def test_the_new_folder_builds_at_once_as_a_draft(started: Path) -> None:
    result = runner.invoke(app, ["build", "2015-16", "--content", "northshire"])
    assert result.exit_code == 0, result.output
    summary = (started.parent / "build" / "2015-16" / "executive-summary.md").read_text()
    assert summary.startswith(f"# {BOARD} Annual Report 2015-16 (Executive Summary)\n")
    assert "**Draft:** this report has not been approved and may change." in summary
    pdf = PdfReader(started.parent / "build" / "2015-16" / "annual-report.pdf")
    assert f"{BOARD} Annual Report 2015/16" in " ".join(pdf.pages[0].extract_text().split())


def test_each_file_names_a_schema_inside_the_folder_and_meets_it(started: Path) -> None:
    moved = started.parent / "elsewhere" / "deeper" / "northshire"
    shutil.move(started, moved)  # the links hold wherever the folder lives
    files = sorted(moved.rglob("*.yaml"))
    assert len(files) == 6
    for path in files:
        assert errors(path) == [], path


def test_init_never_writes_into_a_folder_with_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.txt").write_text("mine")
    result = runner.invoke(app, ["init", "content", "--board", BOARD])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "content:1:1: the folder exists and is not empty; 'init' starts a board's content only "
        "in a new or empty folder (to start another year, use 'lscb-report new')"
    )
    assert [p.name for p in (tmp_path / "content").iterdir()] == ["notes.txt"]


def test_a_folder_with_no_board_says_how_to_start_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    result = runner.invoke(app, ["new", "2015-16", "--from", "2014-15"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "content: there is no board.yaml here, so this is not a content folder; run "
        "lscb-report in the folder that holds content/, or name the folder with board.yaml in "
        "it with --content; to start a new board's content, use 'lscb-report init content "
        '--board "NAME"\''
    )


def test_messages_name_the_board_file_in_use(started: Path) -> None:
    budget = started / "2015-16" / "budget.yaml"
    budget.write_text(budget.read_text().replace("- partner: police", "- partner: polise"))
    result = runner.invoke(app, ["check", "2015-16", "--content", "northshire"])
    assert result.exit_code == 1
    assert (
        "northshire/2015-16/budget.yaml:12:16: income.lines[1].partner: 'polise' is not a partner "
        "of the board; the board's partners are: council, police, health, probation "
        "(northshire/board.yaml)"
    ) in result.output.splitlines()


@pytest.mark.parametrize(
    ("profile", "checklist", "asked", "appendix_row"),
    [
        (
            "partnership-wt2018",
            "Working Together to Safeguard Children 2018, the yearly report: 0 of 7 "
            "requirements met",
            "any areas where there was little or no evidence of progress on agreed priorities "
            "in 2024/25, and why",
            "| include an analysis of any areas where there has been little or no evidence of "
            "progress on agreed priorities | the safeguarding partners' yearly report (chapter "
            "and paragraph not checked) (not checked) | Not yet met. |",
        ),
        (
            "partnership-wt2023",
            "Working Together to Safeguard Children 2023, chapter 2: 0 of 5 requirements met",
            "the independent scrutineer's evaluation of the arrangements",
            "| include the independent scrutineer's evaluation of the arrangements | chapter 2, "
            "independent scrutiny (paragraph not checked) (not checked) | Not yet met. |",
        ),
        (
            "sab-care-act-2014",
            "The Care Act 2014, Schedule 2, paragraph 4: 0 of 9 requirements met",
            "what the integrated care board did in 2024/25",
            "| say what each member has done during the year to implement the strategy | "
            "Schedule 2, paragraph 4(1)(c) | Not yet met. |",
        ),
    ],
)
def test_each_profile_starts_a_folder_that_checks_and_builds(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    profile: str,
    checklist: str,
    asked: str,
    appendix_row: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    board = "Eastmere Safeguarding Partnership"
    args = ["init", "eastmere", "--board", board, "--year", "2024-25", "--profile", profile]
    assert runner.invoke(app, args).exit_code == 0
    checked = runner.invoke(app, ["check", "2024-25", "--content", "eastmere"])
    assert checked.exit_code == 0, checked.output
    lines = checked.output.splitlines()
    assert checklist in lines
    assert any(f"still to fill in: {asked}, in full" in line for line in lines), asked
    built = runner.invoke(app, ["build", "2024-25", "--content", "eastmere"])
    assert built.exit_code == 0, built.output
    report = (tmp_path / "build" / "2024-25" / "annual-report.md").read_text()
    assert appendix_row in report  # a placeholder meets nothing: every row says so
    pdf = PdfReader(tmp_path / "build" / "2024-25" / "annual-report.pdf")
    document = "Annual Report" if profile == "sab-care-act-2014" else "Yearly Report"
    assert f"{board} {document} 2024/25" in " ".join(pdf.pages[0].extract_text().split())


def test_init_writes_each_members_account_as_a_file_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["init", "eastmere", "--board", "Eastmere Partnership", "--profile"]
    assert runner.invoke(app, [*args, "partnership-wt2023", "--year", "2024-25"]).exit_code == 0
    folder = tmp_path / "eastmere" / "2024-25" / "contributions"
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["council.yaml", "education.yaml", "icb.yaml", "police.yaml"]
    assert (folder / "icb.yaml").read_text() == (
        "# yaml-language-server: $schema=../../schemas/contribution.schema.json\n"
        "# What the integrated care board did in 2024-25; written by that partner\n"
        "summary: |\n"
        "  TO FILL IN: what the integrated care board did in 2024/25, in brief.\n"
        "  Printed in the executive summary: a paragraph or two.\n"
        "body: |\n"
        "  TO FILL IN: what the integrated care board did in 2024/25, in full.\n"
        "  Printed in the annual report; a blank line starts a paragraph.\n"
    )
    checked = runner.invoke(app, ["check", "2024-25", "--content", "eastmere"])
    assert (
        "eastmere/2024-25/contributions/icb.yaml:4:3: warning: still to fill in: what the "
        "integrated care board did in 2024/25, in brief; write it in place of the TO FILL IN text"
    ) in checked.output.splitlines()


def test_an_lscb_starts_with_no_members_accounts(started: Path) -> None:
    assert not (started / "2015-16" / "contributions").exists()
