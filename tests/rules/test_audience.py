"""Embargo and audience: an embargoed review's text reaches no public output in any format,
and the board's edition carries it with every page marked restricted."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pikepdf
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lscb_report.cli.app import app
from tests.conftest import SMALL, found

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
MARKER = "Q7EMBARGOED"  # in the title, text and learning of reviews/lr-child-d.yaml
RESTRICTED = "RESTRICTED: board members only"
REVIEW = "content/2020-21/reviews/lr-child-d.yaml"


def pdf_strings(data: bytes) -> dict[str, list[str]]:
    """Every text a PDF holds for a reader or a tool, by where it is: page text, metadata,
    bookmarks, and every string object (alt text, actual text, structure, bookmark titles)."""
    reader = PdfReader(io.BytesIO(data))
    outline: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                outline.append(str(item.title))  # type: ignore[attr-defined]

    walk(reader.outline)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        objects = [text for obj in pdf.objects for text in _strings(obj)]
    return {
        "text": [page.extract_text() or "" for page in reader.pages],
        "metadata": [str(value) for value in (reader.metadata or {}).values()],
        "outline": outline,
        "objects": objects,
    }


def docx_text(data: bytes) -> str:
    """Every paragraph of a Word file, in the body, its tables and its page headers."""
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [c.text for t in word.tables for row in t.rows for c in row.cells]
    parts += [p.text for s in word.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def containing(texts: dict[str, list[str]], marker: str) -> list[str]:
    """Where in a PDF a marker is found."""
    return [where for where, found in texts.items() if any(marker in t for t in found)]


def _strings(obj: object, top: bool = True) -> list[str]:
    """The strings in an object, not following references (each is visited on its own)."""
    if not top and getattr(obj, "is_indirect", False):
        return []
    if isinstance(obj, pikepdf.String):
        return [str(obj)]
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        return [text for value in obj.values() for text in _strings(value, False)]
    if isinstance(obj, pikepdf.Array):
        return [text for value in obj for text in _strings(value, False)]
    return []


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    for audience in ("public", "board"):
        result = runner.invoke(
            app,
            [
                "build",
                "2020-21",
                "--content",
                str(SMALL),
                "--out",
                str(out),
                "--audience",
                audience,
            ],
        )
        assert result.exit_code == 0, result.output
    return out


def test_embargoed_text_reaches_no_public_output(builds: Path) -> None:
    public = builds / "2020-21"
    names = sorted(p.name for p in public.iterdir())
    assert names == [
        "2020-21-figures.csv",
        "annual-report.docx",
        "annual-report.html",
        "annual-report.md",
        "annual-report.pdf",
        "executive-summary.docx",
        "executive-summary.html",
        "executive-summary.md",
        "executive-summary.pdf",
        "index.html",
    ]
    for name in names:
        data = (public / name).read_bytes()
        assert MARKER.encode() not in data, name
        if name.endswith(".docx"):
            assert MARKER not in docx_text(data), name
            assert RESTRICTED not in docx_text(data), name
        if name.endswith(".pdf"):
            texts = pdf_strings(data)
            assert all(texts.values()), name
            assert containing(texts, MARKER) == [], name
            assert containing(texts, RESTRICTED) == [], name
    assert "Learning review" not in (public / "annual-report.md").read_text()


def test_the_board_edition_has_it_and_every_page_is_marked(builds: Path) -> None:
    board = builds / "2020-21-board"
    assert (
        (board / "annual-report.md")
        .read_text()
        .startswith(
            f"::: restricted\n**{RESTRICTED}.** This edition includes embargoed text.\n:::\n"
        )
    )
    for name in ("annual-report.md", "annual-report.html", "executive-summary.html", "index.html"):
        text = (board / name).read_text()
        assert RESTRICTED in text, name
    assert MARKER in (board / "annual-report.html").read_text()
    report = pdf_strings((board / "annual-report.pdf").read_bytes())
    assert containing(report, MARKER) == ["text", "outline", "objects"]
    for name in ("annual-report.pdf", "executive-summary.pdf"):
        reader = PdfReader(board / name)
        pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
        assert len(pages) > 1
        assert all(RESTRICTED in page for page in pages), name


def test_the_board_edition_in_word_is_marked_at_the_top_and_on_every_page(builds: Path) -> None:
    data = (builds / "2020-21-board" / "annual-report.docx").read_bytes()
    word = docx.Document(io.BytesIO(data))
    assert word.paragraphs[0].text == RESTRICTED
    assert [p.text for p in word.sections[0].header.paragraphs] == [RESTRICTED]
    assert MARKER in docx_text(data)


def test_an_embargoed_review_needs_its_date(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "reviews" / "lr-child-d.yaml", "embargoed_until: 2021-12-01\n", "")
    assert found(small) == [
        f"{REVIEW}:5:9: status: an embargoed review needs the day its embargo ends: add "
        "embargoed_until: YYYY-MM-DD, or the event it waits for (embargoed_pending: the end of "
        "criminal proceedings) and embargo_review_on: YYYY-MM-DD (its text is left out of public "
        "builds until it is published)"
    ]


def test_an_embargo_until_an_event_needs_a_day_to_look_again(small: Path, edit: Edit) -> None:
    review = small / "2020-21" / "reviews" / "lr-child-d.yaml"
    edit(
        review, "embargoed_until: 2021-12-01", "embargoed_pending: the end of criminal proceedings"
    )
    assert found(small) == [
        f"{REVIEW}:6:20: embargoed_pending: an embargo until an event needs a day to look at it "
        "again: add embargo_review_on: YYYY-MM-DD"
    ]
    edit(review, "proceedings", "proceedings\nembargo_review_on: 2021-12-01")
    assert found(small) == []


def test_only_an_embargoed_review_has_an_embargo_date(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "reviews" / "lr-child-d.yaml",
        "status: embargoed",
        "status: in-progress",
    )
    assert found(small) == [
        f"{REVIEW}:6:18: embargoed_until: the review is in progress, not embargoed; remove "
        "embargoed_until, or set status: embargoed"
    ]


def test_an_embargo_that_ended_before_the_committee(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "reviews" / "lr-child-d.yaml", "2021-12-01", "2021-08-01")
    assert found(small) == [
        f"{REVIEW}:6:18: warning: embargoed_until: the embargo ends on 2021-08-01, before the "
        "committee date 2021-09-14; if the review has been published, set status: published "
        "(until then its text stays out of public builds)"
    ]
    result = runner.invoke(app, ["build", "2020-21", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert MARKER not in (small.parent / "build" / "2020-21" / "annual-report.md").read_text()
