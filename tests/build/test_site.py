"""The public site: final years only, each in its own folder, and an index newest first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.build.site import SiteConfig, build_site, content_years
from lscb_report.cli.app import app
from lscb_report.commands.scaffold import new_year
from lscb_report.content.models import Board
from lscb_report.content.reading import read_content
from lscb_report.errors import ReportError
from lscb_report.render.site import site_index_html
from lscb_report.years import FinancialYear

FINAL = FinancialYear.parse("2020-21")
DRAFT = FinancialYear.parse("2021-22")


@pytest.fixture
def with_draft(small: Path) -> Path:
    """The small board's final 2020-21, and a draft 2021-22 started from it."""
    new_year(small, DRAFT, FINAL)
    return small


def links(index: Path) -> list[str]:
    """The links of the site's index page, in order."""
    return re.findall(r'href="([^"#]+)"', index.read_text(encoding="utf-8"))


def test_a_final_year_is_published_and_a_draft_is_not(with_draft: Path) -> None:
    site = with_draft.parent / "site"
    (site / "2019-20").mkdir(parents=True)  # a year published before, now gone from content
    (site / "2019-20" / "index.html").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(app, ["site", "--content", str(with_draft), "--out", str(site)])
    assert result.exit_code == 0, result.output
    assert "site: published 2020-21" in result.output
    assert "site: left out, as drafts: 2021-22" in result.output
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(".")) == [
        "2020-21",
        "index.html",
    ]
    assert links(site / "index.html") == ["2020-21/index.html"]
    published = (site / "2020-21" / "annual-report.html").read_text(encoding="utf-8")
    assert "DRAFT" not in published


def test_the_index_lists_years_newest_first_with_the_boards_name(small: Path) -> None:
    read = read_content(small, FINAL)
    assert read is not None
    board: Board = read.content.board
    years = [FinancialYear.parse(y) for y in ("2014-15", "2016-17", "2015-16")]
    html = site_index_html(board, years, None, "2021-10-01").decode()
    hrefs = re.findall(r'href="([^"#]+)"', html)
    assert hrefs == ["2016-17/index.html", "2015-16/index.html", "2014-15/index.html"]
    assert re.search(f"<h1[^>]*>{board.name}: annual reports</h1>", html)
    assert '<html lang="en-GB">' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_a_site_with_no_final_year_says_so(small: Path) -> None:
    report = small / "2020-21" / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("status: final", "status: draft", 1),
        encoding="utf-8",
    )
    result = build_site(SiteConfig(content=small, templates=None, out=small.parent / "site"))
    assert (result.published, result.drafts) == ([], [FINAL])
    index = (small.parent / "site" / "index.html").read_text(encoding="utf-8")
    assert "No annual report has been published yet." in index


def test_a_final_year_that_does_not_build_final_stops_the_site(small: Path) -> None:
    priority = small / "2020-21" / "priorities" / "02-missing.yaml"
    text = priority.read_text(encoding="utf-8")
    priority.write_text(text.replace("were offered.", "were <b>offered</b>.", 1), encoding="utf-8")
    site = small.parent / "site"
    result = CliRunner().invoke(app, ["site", "--content", str(small), "--out", str(site)])
    assert result.exit_code == 1
    raw = "raw HTML ({}) is printed as text, not used as markup; write Markdown instead"
    assert [line.split(", such as")[0] for line in result.output.splitlines()[-3:]] == [
        "content/2020-21/priorities/02-missing.yaml:6:26: body: " + raw.format("<b>"),
        "content/2020-21/priorities/02-missing.yaml:6:36: body: " + raw.format("</b>"),
        "site: 2 errors in 1 file; the site was not changed",
    ]
    assert not (site / "index.html").exists()


def test_a_year_whose_report_cannot_be_read_stops_the_site(with_draft: Path) -> None:
    (with_draft / "2021-22" / "report.yaml").write_text("status: [\n", encoding="utf-8")
    with pytest.raises(ReportError) as raised:
        build_site(SiteConfig(content=with_draft, out=with_draft.parent / "site"))
    assert [p.file for p in raised.value.problems] == ["content/2021-22/report.yaml"]


def test_the_years_of_a_content_folder(small: Path) -> None:
    (small / "2019-20").mkdir()
    (small / "notes").mkdir()
    (small / "2030-31.yaml").write_text("", encoding="utf-8")
    assert content_years(small) == [FINAL, FinancialYear.parse("2019-20")]
