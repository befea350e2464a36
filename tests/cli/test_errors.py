"""Problems as GitHub annotations: escaped as the runner requires, on the exact line, and
always printed as plain text too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.cli.problems import format_github
from lscb_report.errors import Problem

runner = CliRunner()
Edit = Callable[[Path, str, str], None]


def test_data_escapes_percent_and_line_breaks_but_keeps_colons_and_commas() -> None:
    problem = Problem("content/board.yaml", 3, 7, "50% done,\r\nthen: more", "warning")
    # A problem is one line: a line break in its message is shown as \r\n, as written.
    assert format_github(problem) == (
        "::warning file=content/board.yaml,line=3,col=7::50%25 done,\\r\\nthen: more"
    )


def test_properties_escape_colons_and_commas_as_well() -> None:
    problem = Problem("C:/board, 2015%/a.yaml", 1, 2, "bad")
    assert format_github(problem) == "::error file=C%3A/board%2C 2015%25/a.yaml,line=1,col=2::bad"


def test_a_typo_is_annotated_on_its_exact_line(sample: Path, edit: Edit) -> None:
    priority = sample / "2014-15" / "priorities" / "01-early-help.yaml"
    edit(priority, "\nsummary: |\n", "\nsumary: |\n")
    line = priority.read_text().splitlines().index("sumary: |") + 1
    result = runner.invoke(app, ["check", "2014-15", "--format", "github"])
    assert result.exit_code == 1
    message = "sumary: unknown key 'sumary'; did you mean 'summary'?"
    assert result.output.splitlines() == [
        f"::error file=content/2014-15/priorities/01-early-help.yaml,line={line},col=1::{message}",
        f"content/2014-15/priorities/01-early-help.yaml:{line}:1: {message}",
        "2014-15: 1 error in 1 file",
    ]


def test_every_problem_is_annotated_and_printed_in_plain_text(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", "established: 2013", "established: 100%")
    edit(small / "glossary.yaml", "- term: SCB", "- trem: SCB")
    result = runner.invoke(app, ["check", "2020-21", "--format", "github"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    plain = [line for line in lines if not line.startswith("::")]
    assert annotations == [
        "::error file=content/board.yaml,line=8,col=14::established: expected a whole number "
        "written in digits, but found '100%25', for example: established: 2012",
        "::error file=content/glossary.yaml,line=3,col=5::terms[0].trem: unknown key 'trem'; "
        "did you mean 'term'?",
    ]
    assert plain[:-1] == [
        "content/board.yaml:8:14: established: expected a whole number written in digits, but "
        "found '100%', for example: established: 2012",
        "content/glossary.yaml:3:5: terms[0].trem: unknown key 'trem'; did you mean 'term'?",
    ]
    assert plain[-1] == "2020-21: 2 errors in 2 files"


def test_a_content_folder_with_a_comma_in_its_name(small: Path) -> None:
    moved = small.rename(small.parent / "board, 2021")
    (moved / "glossary.yaml").write_text("terms: []\nextra: 1\n")
    result = runner.invoke(app, ["check", "2020-21", "--content", str(moved), "--format", "github"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "::error file=board%2C 2021/glossary.yaml,line=2,col=1::extra: unknown key 'extra'; "
        "the keys allowed here are: terms"
    )


def test_one_problem_is_one_line_whatever_the_quoted_text(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "report.yaml",
        "    The board must publish an annual report.",
        "    The board saw four\n    children.",
    )
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.output.splitlines()[0] == (
        "content/2020-21/report.yaml:19:19: introduction.summary: 'four\\nchildren' is a count "
        "below 5, which could identify a child; write 'fewer than 5' instead of the number, or "
        "put the figure in metrics.yaml (counts_children: true) and write {its-id}"
    )
