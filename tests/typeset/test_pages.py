"""The PDFs' pages flow as a published report's do (measured by tests/pages.py): every figure
on one page with its table and source, no page under a quarter full but a chapter's last, and
no closing sentence alone on the last page."""

from __future__ import annotations

import pytest

from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT
from tests.pages import Page, figures, pages, underfilled


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    out = tmp_path_factory.mktemp("pages")
    build(BuildConfig(FinancialYear.parse("2014-15"), CONTENT, None, out, formats=("pdf",)))
    folder = out / "2014-15"
    return {name: pages(folder / f"{name}.pdf") for name in ("executive-summary", "annual-report")}


def test_every_figure_is_on_one_page_with_its_table_and_source(
    printed: dict[str, list[Page]],
) -> None:
    spans = figures(printed["annual-report"])
    assert sorted(spans) == [1, 2, 3, 4, 5]
    assert {n: found for n, found in spans.items() if len(found) != 1} == {}


@pytest.mark.parametrize("document", ["executive-summary", "annual-report"])
def test_no_page_under_a_quarter_full_but_a_chapters_last(
    printed: dict[str, list[Page]], document: str
) -> None:
    assert underfilled(printed[document]) == []


def test_the_summary_does_not_end_on_its_closing_sentence_alone(
    printed: dict[str, list[Page]],
) -> None:
    last = printed["executive-summary"][-1].lines
    assert last[-1] == "steve.bywater@lbhf.gov.uk"
    before = [line for line in last if line.startswith("If you have any queries")]
    assert before and last.index(before[0]) >= 3, last  # more than the sentence on the page


def test_the_measure_finds_a_figure_split_and_a_short_page() -> None:
    split = [
        Page(1, ["Cover"]),
        Page(2, ["1. Chapter", *["text"] * 39, "Figure 1: Referrals", "Number"]),
        Page(3, ["Year Referrals", "2014-15 25", "Source: the council."]),
        Page(4, ["2. Next", *["text"] * 20]),
    ]
    assert figures(split) == {1: [2, 3]}
    assert underfilled(split) == []  # page 3 is short, but ends chapter 1
    assert underfilled([*split[:3], Page(4, ["more text", *["text"] * 20])]) == [3]
