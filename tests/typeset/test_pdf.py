"""Both PDFs are tagged PDF/UA-1 documents: a structure tree, marked content, the language,
the title shown in the window, bookmarks, every font embedded and alternative text on every
figure; table headers are tagged as headers. A draft says DRAFT on every page; a final does not."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.cli.app import app
from lscb_report.render.templating import DOCUMENTS
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT

runner = CliRunner()
Edit = Callable[[Path, str, str], None]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pikepdf.Pdf]:
    out = tmp_path_factory.mktemp("pdf")
    build(BuildConfig(FinancialYear.parse("2014-15"), CONTENT, None, out, formats=("pdf",)))
    return {name: pikepdf.open(out / "2014-15" / f"{name}.pdf") for name in DOCUMENTS}


def elements(node: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under a node of the structure tree."""
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
            if "/S" in kid:
                yield kid
            yield from elements(kid)


def fonts(resources: pikepdf.Object, seen: set[tuple[int, int]]) -> Iterator[pikepdf.Dictionary]:
    """Every font a page's resources use, inside forms and patterns too."""
    if not isinstance(resources, pikepdf.Dictionary) or resources.objgen in seen:
        return
    if resources.objgen != (0, 0):
        seen.add(resources.objgen)
    yield from resources.get("/Font", {}).values()
    for group in ("/XObject", "/Pattern"):
        for item in resources.get(group, {}).values():
            yield from fonts(item.get("/Resources"), seen)


def embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn from glyph procedures inside the file
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor", {})
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("document", DOCUMENTS)
def test_tagged_with_a_structure_tree(pdfs: dict[str, pikepdf.Pdf], document: str) -> None:
    pdf = pdfs[document]
    assert pdf.Root.MarkInfo.Marked is True
    tags = [str(e.S) for e in elements(pdf.Root.StructTreeRoot)]
    assert tags[0] == "/Document"
    assert {"/H1", "/H2", "/P", "/Table", "/TH", "/TD", "/L", "/LI"} <= set(tags)
    with pdf.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_language_and_title_shown(pdfs: dict[str, pikepdf.Pdf], document: str) -> None:
    pdf = pdfs[document]
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo.Title).startswith("Local Safeguarding Children Board")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_bookmarks_follow_the_headings(pdfs: dict[str, pikepdf.Pdf], document: str) -> None:
    def walk(items: list[pikepdf.OutlineItem]) -> Iterator[str]:
        for item in items:
            yield item.title
            yield from walk(item.children)

    with pdfs[document].open_outline() as outline:
        titles = list(walk(outline.root))
    expected = {
        "executive-summary": ["1. Executive Summary", "7. Financial Implications"],
        "annual-report": ["Contents", "1. Introduction from the Independent Chair", "16. Glossary"],
    }
    assert len(titles) >= 3
    assert set(expected[document]) <= set(titles)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_font_is_embedded(pdfs: dict[str, pikepdf.Pdf], document: str) -> None:
    seen: set[tuple[int, int]] = set()
    found = [f for page in pdfs[document].pages for f in fonts(page.Resources, seen)]
    assert found
    assert [str(f.get("/BaseFont")) for f in found if not embedded(f)] == []


def test_every_figure_has_alternative_text(pdfs: dict[str, pikepdf.Pdf]) -> None:
    figures = {
        name: [e for e in elements(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
        for name, pdf in pdfs.items()
    }
    assert figures["executive-summary"] == []
    alts = [str(e.get("/Alt", "")) for e in figures["annual-report"]]
    assert len(alts) == 5  # one chart for each metric a section refers to
    assert all(alt.startswith("Bar chart of ") and " from " in alt for alt in alts), alts
    assert (
        "Bar chart of child deaths reviewed by the Child Death Overview Panel, 2012-13 to "
        "2014-15. The number fell overall, from 38 in 2012-13 to 36 in 2014-15, with a high "
        "of 41 in 2013-14."
    ) in alts


def test_charts_and_their_notes_are_on_the_page(pdfs: dict[str, pikepdf.Pdf]) -> None:
    data = io.BytesIO()
    pdfs["annual-report"].save(data)
    pages = [page.extract_text() or "" for page in PdfReader(data).pages]
    with_figures = [text for text in pages if "(illustrative figures)" in text]
    assert sum(text.count("(illustrative figures)") for text in pages) == 5  # each caption
    for text in with_figures:
        # The chart's own words are text beside its caption: its axis. "Illustrative" is
        # said once, in the caption, not again on the chart or in the source line.
        assert "Number" in text.split() and text.lower().count("illustrative figures") == 1
        assert "these figures are illustrative" not in text.lower()
    assert "draft" not in " ".join(pages).lower()


def test_a_draft_says_draft_on_every_page_under_the_text(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "status: final", "status: draft")
    result = runner.invoke(app, ["build", "2020-21", "--format", "pdf", "--format", "html"])
    assert result.exit_code == 0, result.output
    out = small.parent / "build" / "2020-21"
    for document in DOCUMENTS:
        reader = PdfReader(out / f"{document}.pdf")
        assert [(p.extract_text() or "").split()[0] for p in reader.pages] == ["DRAFT"] * len(
            reader.pages
        )
        with pikepdf.open(out / f"{document}.pdf") as pdf:
            for page in pdf.pages:
                operators = [str(op) for _, op in pikepdf.parse_content_stream(page)]
                # The mark is the page's background: drawn first, as an artifact, so the text
                # lies over it and screen readers pass it by.
                assert operators.index("Do") < operators.index("BT")
                assert operators[operators.index("Do") - 4 : operators.index("Do")] == [
                    "BMC",
                    "re",
                    "W",
                    "n",
                ]
        html = (out / f"{document}.html").read_text()
        assert '<p class="draft-banner" role="note">DRAFT: not approved for publication</p>' in html


def test_a_final_report_carries_no_draft_marking(small: Path) -> None:
    result = runner.invoke(app, ["build", "2020-21", "--format", "pdf", "--format", "html"])
    assert result.exit_code == 0, result.output
    out = small.parent / "build" / "2020-21"
    for document in DOCUMENTS:
        text = " ".join(p.extract_text() or "" for p in PdfReader(out / f"{document}.pdf").pages)
        assert "draft" not in text.lower()
        html = (out / f"{document}.html").read_text()
        assert 'class="draft' not in html and "DRAFT" not in html


@pytest.mark.parametrize("document", DOCUMENTS)
def test_headings_never_skip_a_level_in_the_structure_tree(
    pdfs: dict[str, pikepdf.Pdf], document: str
) -> None:
    tags = [str(e.S) for e in elements(pdfs[document].Root.StructTreeRoot)]
    levels = [int(tag[2]) for tag in tags if len(tag) == 3 and tag.startswith("/H")]
    assert levels[0] == 1
    skips = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert skips == []  # Matterhorn 14-003
    assert max(levels) >= 4, "prose headings nest below the sections they sit in"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_table_cell_names_headers_that_exist(
    pdfs: dict[str, pikepdf.Pdf], document: str
) -> None:
    found = list(elements(pdfs[document].Root.StructTreeRoot))
    ids = {str(e.ID) for e in found if e.S == "/TH" and "/ID" in e}
    cells = [e for e in found if e.S == "/TD"]
    named = [[str(h) for h in e.A.Headers] for e in cells if "/A" in e and "/Headers" in e.A]
    assert cells and len(named) == len(cells)
    assert [h for headers in named for h in headers if h not in ids] == []
