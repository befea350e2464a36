"""Content that loads but is wrong gets a message at its place that says what would be right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lscb_report.errors import ReportError
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear

YEAR = FinancialYear.parse("2020-21")
Edit = Callable[[Path, str, str], None]


def problems(content: Path, year: FinancialYear = YEAR) -> list[str]:
    with pytest.raises(ReportError) as error:
        load_content(content, year)
    return [str(p) for p in error.value.problems]


def test_the_fixture_is_clean(small: Path) -> None:
    assert load_content(small, YEAR).warnings == []


def test_a_misspelt_key_names_the_nearest_allowed_one(small: Path, edit: Edit) -> None:
    path = small / "2020-21" / "priorities" / "01-neglect.yaml"
    edit(path, "summary: |\n  Neglect", "sumary: |\n  Neglect")
    assert problems(small) == [
        "content/2020-21/priorities/01-neglect.yaml:6:1: sumary: unknown key 'sumary'; "
        "did you mean 'summary'?",
    ]


def test_an_unknown_key_with_no_near_match_lists_the_allowed_ones(small: Path, edit: Edit) -> None:
    edit(small / "glossary.yaml", "  - term: SCR\n", "  - term: SCR\n    colour: red\n")
    assert problems(small) == [
        "content/glossary.yaml:6:5: terms[1].colour: unknown key 'colour'; the keys allowed here "
        "are: term, meaning"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "established: 2013",
            "established: twenty13",
            "content/board.yaml:8:14: established: expected a whole number written in digits, but "
            "found 'twenty13', for example: established: 2012",
        ),
        (
            "meetings_per_year: 4",
            "meetings_per_year: 0",
            "content/board.yaml:12:20: meetings_per_year: input should be greater than or equal to 1, "
            "but found '0'",
        ),
        (
            "    kind: police",
            "    kind: constabulary",
            "content/board.yaml:22:11: partners[2].kind: expected one of 'local-authority', "
            "'police', 'health', 'probation', 'education', 'voluntary', 'housing', 'lay-member' or "
            "'other', but found 'constabulary'",
        ),
        (
            "  - id: police",
            "  - id: Police Force",
            "content/board.yaml:20:9: partners[2].id: expected a short id in lower case with hyphens, "
            "such as 'early-help', but found 'Police Force'",
        ),
        (
            "areas:\n  - Northtown\n  - Southvale",
            "areas: Northtown",
            "content/board.yaml:5:8: areas: expected a list, each item on its own line starting with "
            "'- ', but found 'Northtown'",
        ),
    ],
)
def test_wrong_values_in_board(small: Path, edit: Edit, old: str, new: str, expected: str) -> None:
    edit(small / "board.yaml", old, new)
    assert problems(small) == [expected]


def test_dates_amounts_and_booleans(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "date: 2021-09-14", "date: 14/09/2021")
    edit(small / "2020-21" / "budget.yaml", "illustrative: true", "illustrative: maybe")
    edit(small / "2020-21" / "budget.yaml", "amount: 50000.00", "amount: £50,000")
    assert problems(small) == [
        "content/2020-21/budget.yaml:2:15: illustrative: expected true or false, but found 'maybe'",
        "content/2020-21/budget.yaml:11:15: income.lines[0].amount: expected a number written in "
        "digits, such as 12500 or 12500.50 (no £, % or commas), but found '£50,000'",
        "content/2020-21/report.yaml:5:9: cover.date: expected a date written YYYY-MM-DD, such as "
        "2015-10-08, but found '14/09/2021'",
    ]


def test_yaml_11_words_stay_words(small: Path, edit: Edit) -> None:
    """'no' and 'on' are text where text is wanted, never turned into booleans."""
    edit(small / "2020-21" / "report.yaml", "wards: All", "wards: no")
    content = load_content(small, YEAR)
    assert content.report.cover.wards == "no"


def test_a_missing_file_and_a_broken_file_are_reported_together(small: Path) -> None:
    (small / "2020-21" / "metrics.yaml").unlink()
    (small / "2020-21" / "activities" / "training.yaml").write_text("kind: training\n\ttitle: x\n")
    assert problems(small) == [
        "content/2020-21/activities/training.yaml:2:1: a tab is used for indentation; YAML needs "
        "spaces (2 per level)",
        "content/2020-21/metrics.yaml:1:1: the file is missing; every year needs metrics.yaml",
    ]


def test_an_empty_file_says_so(small: Path) -> None:
    (small / "glossary.yaml").write_text("# nothing yet\n")
    assert problems(small) == [
        "content/glossary.yaml:1:1: the file is empty; see content/README.md for what it should hold"
    ]


def test_a_yml_file_is_named_not_skipped(small: Path) -> None:
    (small / "2020-21" / "activities" / "training.yaml").rename(
        small / "2020-21" / "activities" / "training.yml"
    )
    assert problems(small) == [
        "content/2020-21/activities/training.yml:1:1: content files end in .yaml; rename it to "
        "training.yaml"
    ]


def test_a_year_with_no_content(small: Path) -> None:
    assert problems(small, FinancialYear.parse("2031-32")) == [
        "content/2031-32:1:1: there is no content for 2031-32; create it with "
        "'lscb-report new 2031-32 --from 2030-31'"
    ]


def test_a_date_that_is_not_in_the_calendar(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "date: 2021-09-14", "date: 2021-02-30")
    assert problems(small) == [
        "content/2020-21/report.yaml:5:9: cover.date: '2021-02-30' is not a day in the calendar; "
        "check the month and the day"
    ]


def test_a_figure_that_is_not_a_number(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "metrics.yaml", "2020-21: 140", "2020-21: [1, 2]")
    assert problems(small) == [
        "content/2020-21/metrics.yaml:15:16: series[0].values.2020-21: expected a number written in "
        "digits, such as 12500 or 12500.50 (no £, % or commas), but found a list"
    ]
