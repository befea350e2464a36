"""The PDFs' pages flow as a published report's do (measured by tests/pages.py): every figure
on one page with its table and source, no page under a quarter full but a chapter's last, and
no closing sentence alone on the last page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.render.markup import Page, html_page, markdown_to_body
from lscb_report.typeset.pdf import html_to_pdf
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT
from tests.pages import Page as PrintedPage
from tests.pages import figures, pages, underfilled


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[PrintedPage]]:
    out = tmp_path_factory.mktemp("pages")
    build(BuildConfig(FinancialYear.parse("2014-15"), CONTENT, None, out, formats=("pdf",)))
    folder = out / "2014-15"
    return {name: pages(folder / f"{name}.pdf") for name in ("executive-summary", "annual-report")}


def test_every_figure_is_on_one_page_with_its_table_and_source(
    printed: dict[str, list[PrintedPage]],
) -> None:
    spans = figures(printed["annual-report"])
    assert sorted(spans) == [1, 2, 3, 4, 5]
    assert {n: found for n, found in spans.items() if len(found) != 1} == {}


@pytest.mark.parametrize("document", ["executive-summary", "annual-report"])
def test_no_page_under_a_quarter_full_but_a_chapters_last(
    printed: dict[str, list[PrintedPage]], document: str
) -> None:
    assert underfilled(printed[document]) == []


def test_the_summary_does_not_end_on_its_closing_sentence_alone(
    printed: dict[str, list[PrintedPage]],
) -> None:
    last = printed["executive-summary"][-1].lines
    assert last[-1] == "steve.bywater@lbhf.gov.uk"
    before = [line for line in last if line.startswith("If you have any queries")]
    assert before and last.index(before[0]) >= 3, last  # more than the sentence on the page


def test_the_measure_finds_a_figure_split_and_a_short_page() -> None:
    split = [
        PrintedPage(1, ["Cover"]),
        PrintedPage(2, ["1. Chapter", *["text"] * 39, "Figure 1: Referrals", "Number"]),
        PrintedPage(3, ["Year Referrals", "2014-15 25", "Source: the council."]),
        PrintedPage(4, ["2. Next", *["text"] * 20]),
    ]
    assert figures(split) == {1: [2, 3]}
    assert underfilled(split) == []  # page 3 is short, but ends chapter 1
    assert underfilled([*split[:3], PrintedPage(4, ["more text", *["text"] * 20])]) == [3]


def rows_per_page(filler: int) -> list[int]:
    """The rows of a ten-row table on each page, typeset after ``filler`` short paragraphs."""
    rows = "".join(f"| row{n} | {n} |\n" for n in range(1, 11))
    markdown = "Text.\n\n" * filler + "| Item | Amount |\n| --- | ---: |\n" + rows + "\nEnd.\n"
    page = Page("Rows", "annual-report", "A table breaking across pages.")
    extra = {"version": "0", "created": ""}
    html = html_page(markdown_to_body(markdown), page, None, extra, screen=False)
    reader = PdfReader(io.BytesIO(html_to_pdf(html).data))
    return [
        sum(1 for word in (p.extract_text() or "").split() if word.startswith("row"))
        for p in reader.pages
    ]


def test_a_table_breaks_leaving_at_least_three_rows_on_each_side() -> None:
    splits = {filler: rows_per_page(filler) for filler in range(12, 26)}
    broken = {f: rows for f, rows in splits.items() if len([r for r in rows if r]) > 1}
    assert broken, "no table broke across pages: the test no longer tries what it means to"
    assert {f: rows for f, rows in broken.items() if min(r for r in rows if r) < 3} == {}
