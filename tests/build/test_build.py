"""Building: all ten files, what the PDFs hold, subsets, overrides and failed builds."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lscb_report.cli.app import app
from tests.conftest import CONTENT
from tests.seed import html_text

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
ALL_FILES = [
    *sorted(
        f"{d}.{f}"
        for d in ("executive-summary", "annual-report")
        for f in ("md", "html", "pdf", "docx")
    ),
    "2014-15-figures.csv",
    "index.html",
]


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return reader, " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def report_2014_15(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = runner.invoke(app, ["build", "2014-15", "--content", str(CONTENT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "2014-15"


def test_builds_all_ten_files(report_2014_15: Path) -> None:
    assert sorted(p.name for p in report_2014_15.iterdir()) == sorted(ALL_FILES)


def test_the_executive_summary_pdf(report_2014_15: Path) -> None:
    reader, text = pdf_text(report_2014_15 / "executive-summary.pdf")
    assert len(reader.pages) >= 2
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Local Safeguarding Children Board's Annual Report 2014-15 (Executive Summary)"
    )
    for heading in (
        "1. Executive Summary",
        "2. Key Matters for the Committee\u2019s Consideration",  # a curly apostrophe
        "3.3.2 Improving practice in respect of children at risk of female genital "
        "mutilation (FGM)",
        "7. Financial Implications",
    ):
        assert heading in text
    assert f"Page 1 of {len(reader.pages)}" in text


def test_the_annual_report_pdf(report_2014_15: Path) -> None:
    reader, text = pdf_text(report_2014_15 / "annual-report.pdf")
    assert len(reader.pages) >= 12
    assert reader.metadata is not None
    assert reader.metadata.title == "Local Safeguarding Children Board Annual report 2014-15"
    for heading in (
        "Contents",
        "1. Introduction from the Independent Chair",
        "2. The Board and its governance",
        "Learning from case reviews",
        "Budget",
        "Glossary",
    ):
        assert heading in text
    assert f"Page 2 of {len(reader.pages)}" in text
    assert {"Contents", "15. Budget", "15.1 Contributions by partner"} <= set(outline(reader))
    appendix = "Appendix: How this report meets Working Together to Safeguard Children 2015"
    assert appendix in outline(reader)
    assert "RESTRICTED" not in text


def outline(reader: PdfReader) -> list[str]:
    """Every bookmark title, however deep."""
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    walk(reader.outline)
    return titles


def test_the_contents_gives_the_page_of_each_chapter(report_2014_15: Path) -> None:
    reader, _ = pdf_text(report_2014_15 / "annual-report.pdf")
    contents = " ".join((reader.pages[1].extract_text() or "").split())
    listed = int(re.search(r"15\. Budget[ .]*?(\d+)", contents).group(1))  # type: ignore[union-attr]
    found = [
        number
        for number, page in enumerate(reader.pages, 1)
        if "15. Budget" in (page.extract_text() or "")
    ]
    assert found[-1] == listed


def test_the_landing_page_says_what_the_report_is_and_offers_html_then_pdfs(
    report_2014_15: Path,
) -> None:
    index = (report_2014_15 / "index.html").read_text()
    text = html_text(index).split("Skip to the report ", 1)[1]
    assert text.startswith(
        "Local Safeguarding Children Board: annual report 2014-15 "
        "The annual report of the Local Safeguarding Children Board (LSCB) for City of "
        "Westminster, Hammersmith and Fulham and Royal Borough of Kensington and Chelsea, "
        "covering 1 April 2014 to 31 March 2015. Status: final. Presented to committee on "
        "Thursday 8th October 2015. Read the report"
    )
    links = re.findall(r'href="([^"#]+)"', index)
    assert links == [
        "annual-report.html",
        "executive-summary.html",
        "annual-report.pdf",
        "annual-report.docx",
        "executive-summary.pdf",
        "executive-summary.docx",
        "2014-15-figures.csv",
    ]  # the HTML first; the Markdown is written but not offered
    pages = len(PdfReader(report_2014_15 / "annual-report.pdf").pages)
    size = (report_2014_15 / "annual-report.pdf").stat().st_size
    assert f"Annual report (PDF, {size / 1024:.0f} KB, {pages} pages)" in text
    assert "@font-face" not in index and len(index.encode()) < 12_000  # no fonts inline


def test_only_the_formats_and_documents_asked_for(small: Path) -> None:
    result = runner.invoke(
        app,
        ["build", "2020-21", "--format", "md", "--format", "html", "--document", "annual-report"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (small.parent / "build" / "2020-21").iterdir()) == [
        "annual-report.html",
        "annual-report.md",
        "index.html",
    ]


def test_a_failed_build_leaves_the_last_good_report(small: Path) -> None:
    assert runner.invoke(app, ["build", "2020-21", "--format", "md"]).exit_code == 0
    out = small.parent / "build" / "2020-21"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    budget = small / "2020-21" / "budget.yaml"
    budget.write_text(budget.read_text().replace("total: 90000.00", "total: 1.00"))
    result = runner.invoke(app, ["build", "2020-21", "--format", "md"])
    assert result.exit_code == 1
    assert "2020-21: 1 error in 1 file; nothing was written" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in out.parent.iterdir()) == [".cache", "2020-21"]


def test_a_board_overrides_one_template(small: Path) -> None:
    templates = small.parent / "templates"
    templates.mkdir()
    (templates / "index.md.j2").write_text("# Our own index for {{ year }}\n")
    result = runner.invoke(app, ["build", "2020-21", "--format", "md"])
    assert result.exit_code == 0, result.output
    out = small.parent / "build" / "2020-21"
    assert "Our own index for 2020-21" in (out / "index.html").read_text()
    assert "**1.1** The board must publish" in (out / "executive-summary.md").read_text()


def test_a_template_error_names_the_template_and_line(small: Path) -> None:
    templates = small.parent / "templates"
    templates.mkdir()
    (templates / "executive-summary.md.j2").write_text("# Title\n\n{{ report.no_such_field }}\n")
    result = runner.invoke(app, ["build", "2020-21", "--format", "md"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-2] == (
        "templates/executive-summary.md.j2:3:1: template error: 'lscb_report.content.models.year.Report "
        "object' has no attribute 'no_such_field'"
    )


def test_content_text_cannot_change_the_document_structure(small: Path) -> None:
    priority = small / "2020-21" / "priorities" / "02-missing.yaml"
    priority.write_text(
        priority.read_text().replace(
            "title: Children who go missing", 'title: "# Not a heading | not a cell <b>bold</b>"'
        )
    )
    assert runner.invoke(app, ["build", "2020-21", "--format", "html"]).exit_code == 0
    html = (small.parent / "build" / "2020-21" / "executive-summary.html").read_text()
    assert "3.2 # Not a heading | not a cell &lt;b&gt;bold&lt;/b&gt;</h3>" in html
    assert "<b>bold</b>" not in html


def test_a_draft_landing_page_says_so_and_that_it_is_still_to_go_to_committee(
    small: Path, edit: Edit
) -> None:
    edit(small / "2020-21" / "report.yaml", "status: final", "status: draft")
    result = runner.invoke(app, ["build", "2020-21", "--format", "html"])
    assert result.exit_code == 0, result.output
    text = html_text((small.parent / "build" / "2020-21" / "index.html").read_text())
    assert (
        "Draft: this report has not been approved and may change. To go to committee on "
        "Tuesday 14th September 2021."
    ) in text
    assert "Presented" not in text and "Download" not in text  # none were built


def test_the_annual_report_pdf_carries_its_figures_and_stays_tagged(report_2014_15: Path) -> None:
    report = pikepdf.open(report_2014_15 / "annual-report.pdf")
    assert list(report.attachments) == ["2014-15-figures.csv"]
    spec = report.attachments["2014-15-figures.csv"]
    assert str(spec.obj["/UF"]) == "2014-15-figures.csv"
    assert str(spec.obj["/Desc"]) == "The figures this report prints, as CSV"
    attached = spec.get_file()
    assert attached.read_bytes() == (report_2014_15 / "2014-15-figures.csv").read_bytes()
    assert str(attached.obj["/Params"]["/CreationDate"]) == "D:20151008000000Z"
    assert "/StructTreeRoot" in report.Root
    assert bool(report.Root.MarkInfo.Marked)
    summary = pikepdf.open(report_2014_15 / "executive-summary.pdf")
    assert list(summary.attachments) == []  # it prints no table of figures
