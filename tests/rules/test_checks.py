"""Rules across files: each problem at the line of the figure or id that is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lscb_report.errors import ReportError
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear

YEAR = FinancialYear.parse("2020-21")
Edit = Callable[[Path, str, str], None]


def problems(content: Path) -> list[str]:
    with pytest.raises(ReportError) as error:
        load_content(content, YEAR)
    return [str(p) for p in error.value.problems]


def test_an_unknown_partner(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "01-neglect.yaml", "  - police", "  - polise")
    edit(small / "2020-21" / "budget.yaml", "partner: southvale", "partner: eastvale")
    assert problems(small) == [
        "content/2020-21/budget.yaml:10:5: warning: income.lines: Working Together to Safeguard "
        "Children 2015 asks that the report list the contributions made by partner agencies; "
        "Southvale Council has no line: add one for each (0.00 if nothing was given)",
        "content/2020-21/budget.yaml:12:16: income.lines[1].partner: 'eastvale' is not a partner "
        "of the board; the board's partners are: northtown, southvale, police "
        "(content/board.yaml)",
        "content/2020-21/priorities/01-neglect.yaml:5:5: partners[1]: 'polise' is not a partner "
        "of the board; the board's partners are: northtown, southvale, police "
        "(content/board.yaml)",
    ]


def test_a_committee_date_inside_the_reporting_year(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "date: 2021-09-14", "date: 2020-09-14")
    assert problems(small) == [
        "content/2020-21/report.yaml:5:9: cover.date: the committee date 2020-09-14 is not after "
        "the end of the reporting year 2020-21 (2021-03-31); the report covers a year that has "
        "ended",
    ]


def test_figures_from_a_later_year_and_unknown_metrics(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "metrics.yaml", "2020-21: 140", "2020-21: 140\n      2021-22: 150")
    edit(small / "2020-21" / "priorities" / "01-neglect.yaml", "- referrals\n", "- referals\n")
    assert problems(small) == [
        "content/2020-21/metrics.yaml:16:7: series[0].values.2021-22: 2021-22 is after the "
        "reporting year 2020-21; a figure in this report cannot come from a later year",
        "content/2020-21/priorities/01-neglect.yaml:25:9: practice_areas[0].metrics[0]: there is "
        "no metric 'referals'; metrics.yaml defines: referrals, referrals-northtown, "
        "referrals-southvale",
    ]


def test_duplicate_ids(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", "  - id: southvale", "  - id: northtown")
    assert (
        "content/board.yaml:17:9: partners[1].id: 'northtown' is used twice; each id must be "
        "different"
    ) in problems(small)


def test_priority_files_are_numbered_once(small: Path) -> None:
    folder = small / "2020-21" / "priorities"
    (folder / "02-missing.yaml").rename(folder / "01-missing.yaml")
    (folder / "01-neglect.yaml").rename(folder / "neglect.yaml")
    assert problems(small) == [
        "content/2020-21/priorities/neglect.yaml:1:1: a priority's file name must be its number "
        "and a short name, such as 01-early-help.yaml",
    ]
