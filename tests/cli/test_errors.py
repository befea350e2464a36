"""Problems as GitHub annotations: escaped as the runner requires, on the exact line, and
always printed as plain text too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.cli.problems import format_github, github_annotations
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


def test_annotations_put_errors_first_and_say_how_many_more_past_githubs_limit() -> None:
    warnings = [Problem("a.yaml", n, 1, f"w{n}", severity="warning") for n in range(1, 13)]
    errors = [Problem("b.yaml", n, 1, f"e{n}") for n in range(1, 4)]
    lines = github_annotations([*warnings, *errors])
    assert lines[:3] == [f"::error file=b.yaml,line={n},col=1::e{n}" for n in range(1, 4)]
    assert lines[3:12] == [f"::warning file=a.yaml,line={n},col=1::w{n}" for n in range(1, 10)]
    assert lines[12:] == [
        "::warning title=3 more warnings::3 more warnings than GitHub shows here (10 of each "
        "kind); every problem is listed in the check's log and in the review on the pull request"
    ]
    assert len(github_annotations(warnings[:10])) == 10


def test_a_new_years_placeholders_do_not_hide_an_error(small: Path, edit: Edit) -> None:
    assert runner.invoke(app, ["new", "2021-22", "--from", "2020-21"]).exit_code == 0
    edit(small / "2021-22" / "budget.yaml", "brought_forward:", "brought_forwards:")
    result = runner.invoke(app, ["check", "2021-22", "--format", "github"])
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert annotations[0].startswith("::error file=content/2021-22/budget.yaml,")
    assert sum(a.startswith("::warning") for a in annotations) == 10
    assert annotations[-1].startswith("::warning title=")
    plain = [line for line in result.output.splitlines() if not line.startswith("::")]
    assert len(plain) > len(annotations)


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
