"""Reusing earlier work: a rebuild with nothing changed, PDFs kept while their HTML is the
same, and a cache that can never serve something stale."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lscb_report.build import cache, fingerprint
from lscb_report.build.config import BuildConfig
from lscb_report.cli.app import app
from lscb_report.typeset import parallel
from lscb_report.typeset.pdf import Typeset
from lscb_report.years import FinancialYear

runner = CliRunner()
YEAR = "2020-21"
Edit = Callable[[Path, str, str], None]
SUMMARY = "Safeguarding Children Board Annual Report 2020-21 (Executive Summary)"
REPORT = "Safeguarding Children Board Annual report 2020-21"


@pytest.fixture
def typeset(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the documents typeset, in this process (forking is turned off)."""
    made: list[str] = []
    real = parallel._typeset

    def counting(html: str, created: date, files: dict[str, bytes]) -> Typeset:
        made.append(html.split("<title>", 1)[1].split("</title>", 1)[0])
        return real(html, created, files)

    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    monkeypatch.setattr(parallel, "_typeset", counting)
    return made


def build(*options: str) -> str:
    result = runner.invoke(app, ["build", YEAR, *options])
    assert result.exit_code == 0, result.output
    return result.output


def outputs(small: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (small.parent / "build" / YEAR).iterdir()}


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_rebuild_with_nothing_changed_keeps_every_output(small: Path, typeset: list[str]) -> None:
    first = build()
    before = outputs(small)
    second = build()
    assert "nothing has changed since the last build; the outputs are up to date" in second
    assert typeset == [SUMMARY, REPORT]
    assert outputs(small) == before
    listing = [line for line in first.splitlines() if line.startswith("build/")]
    assert [line for line in second.splitlines() if line.startswith("build/")] == listing

    (small.parent / "build" / YEAR / "annual-report.md").write_text("edited by hand\n")
    third = build()
    assert "nothing has changed" not in third
    assert "annual-report.pdf has not changed; kept from the last build" in third
    assert typeset == [SUMMARY, REPORT]
    assert outputs(small) == before


def test_a_changed_section_retypesets_only_its_document_and_a_change_back_none(
    small: Path, typeset: list[str], edit: Edit
) -> None:
    build()
    before = outputs(small)
    typeset.clear()
    priority = small / YEAR / "priorities" / "01-neglect.yaml"
    edit(priority, "Work on neglect progressed.", "Work on neglect went further than planned.")
    output = build()
    after = outputs(small)
    assert "executive-summary.pdf has not changed; kept from the last build" in output
    assert typeset == [REPORT]
    assert after["executive-summary.pdf"] == before["executive-summary.pdf"]
    assert "went further than planned" in pdf_text(after["annual-report.pdf"])
    assert "went further than planned" not in pdf_text(before["annual-report.pdf"])

    edit(priority, "Work on neglect went further than planned.", "Work on neglect progressed.")
    typeset.clear()
    build()
    assert typeset == []
    assert outputs(small) == before


def test_a_damaged_cache_entry_is_typeset_again(small: Path, typeset: list[str]) -> None:
    summary = ("--document", "executive-summary", "--format", "pdf")
    build(*summary)
    (entry,) = (small.parent / "build" / ".cache" / "pdf").glob("*.pdf")
    entry.write_bytes(entry.read_bytes()[:1000])
    (small.parent / "build" / ".cache" / f"{YEAR}.json").unlink()
    build(*summary)
    assert typeset == [SUMMARY, SUMMARY]
    assert "Neglect was the first priority." in pdf_text(outputs(small)["executive-summary.pdf"])
    assert entry.read_bytes() == outputs(small)["executive-summary.pdf"]


def test_the_engines_warnings_come_back_on_a_rebuild_and_strict_still_fails(
    small: Path, typeset: list[str]
) -> None:
    templates = small.parent / "templates"
    templates.mkdir()
    (templates / "style.css").write_text("p { overflow-x: auto; }\n")
    warning = "annual-report.pdf: warning: PDF engine: Ignored `overflow-x: auto`"
    assert warning in build()
    again = build()
    assert "nothing has changed" in again
    assert warning in again
    (small.parent / "build" / ".cache" / f"{YEAR}.json").unlink()  # PDFs from the cache
    assert warning in build()
    assert len(typeset) == 2
    strict = runner.invoke(app, ["build", YEAR, "--strict"])
    assert strict.exit_code == 1
    assert "annual-report.pdf: PDF engine: Ignored `overflow-x: auto`" in strict.output
    assert "nothing was written" in strict.output


@pytest.mark.parametrize(
    "change",
    ["content", "new content file", "template", "options", "SOURCE_DATE_EPOCH"],
)
def test_every_input_is_in_the_fingerprint(
    small: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    templates = small.parent / "templates"
    templates.mkdir()
    (templates / "style.css").write_text("p { color: black; }\n")
    config = BuildConfig(FinancialYear.parse(YEAR), small, templates)
    before = fingerprint.fingerprint(config)
    if change == "content":
        budget = small / YEAR / "budget.yaml"
        budget.write_text(budget.read_text() + "\n")
    elif change == "new content file":
        (small / YEAR / "reviews" / "scr-child-b.yaml").write_text("")
    elif change == "template":
        (templates / "style.css").write_text("p { color: #111; }\n")
    elif change == "options":
        config = BuildConfig(FinancialYear.parse(YEAR), small, templates, formats=("md",))
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1444262400")
    assert fingerprint.fingerprint(config) != before


def test_a_pdf_key_depends_on_the_html_its_date_and_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    html, day = "<p>The same page.</p>", date(2015, 10, 8)
    key = cache.pdf_key(html, day)
    assert cache.pdf_key(html, day) == key
    assert cache.pdf_key(html + " ", day) != key
    assert cache.pdf_key(html, date(2015, 10, 9)) != key
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1444262400")
    assert cache.pdf_key(html, day) != key


def test_the_keys_cover_the_tools_own_files_and_weasyprints_version() -> None:
    from importlib.metadata import version

    import lscb_report

    package = Path(lscb_report.__file__).parent
    files = fingerprint.tool_files()
    assert {
        package / "typeset" / "pdf.py",
        package / "typeset" / "parallel.py",
        package / "build" / "pipeline.py",
    } <= set(files)
    assert any(path.name == "style.css" for path in files)
    assert f"weasyprint-{version('weasyprint')}.dist-info" in fingerprint.installed_packages()
