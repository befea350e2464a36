"""Open data: the CSV holds exactly the figures the report prints, withheld ones as a symbol,
and the HTML links it beside each table of figures and from the landing page."""

from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.numbers import figure
from tests.conftest import CONTENT, ROOT, SMALL

runner = CliRunner()
LINK = '<p class="data-link"><a href="{name}" download>Download the data (CSV)</a></p>'


def build(content: Path, year: str, out: Path, *args: str) -> Path:
    result = runner.invoke(
        app, ["build", year, "--content", str(content), "--out", str(out), *args]
    )
    assert result.exit_code == 0, result.output
    return out / year


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    return build(CONTENT, "2014-15", out, "--format", "html", "--format", "csv")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small")
    return build(SMALL, "2020-21", out, "--format", "html", "--format", "csv")


def rows(folder: Path) -> list[dict[str, str]]:
    data = (folder / f"{folder.name}-figures.csv").read_bytes()
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


class Tables(HTMLParser):
    """The rows of every table that has a right-aligned (figures) column: each row's first
    cell and its right-aligned cells, as the page shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self.cells: list[tuple[str, bool]] = []
        self.cell: list[str] | None = None
        self.right = False
        self.head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.cell, self.right = [], ("style", "text-align:right") in attrs
        elif tag == "tr":
            self.cells = []
        elif tag == "thead":
            self.head = True

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append(("".join(self.cell).strip(), self.right))
            self.cell = None
        elif tag == "thead":
            self.head = False
        elif tag == "tr" and not self.head:
            figures = [text for text, right in self.cells if right]
            self.rows += [(self.cells[0][0], text) for text in figures]


def printed(row: dict[str, str]) -> tuple[str, str]:
    """A CSV row as the report's table prints it: its row label and its figure."""
    label = row["period"] if not row["series"].startswith("budget-") else row["label"]
    if row["value"].startswith("["):
        return label, row["note"].split("; ")[-1]
    return label, figure(Decimal(row["value"]), row["unit"])


def test_the_csv_holds_exactly_the_figures_the_html_tables_print(sample: Path) -> None:
    tables = Tables()
    tables.feed((sample / "annual-report.html").read_text(encoding="utf-8"))
    assert len(tables.rows) == 33  # 5 figures of 3 years; 7, 7 and 4 budget lines
    assert Counter(printed(row) for row in rows(sample)) == Counter(tables.rows)


def test_the_csv_columns_and_a_row_of_each_kind(sample: Path) -> None:
    data = (sample / "2014-15-figures.csv").read_bytes()
    assert data.startswith(b"series,label,period,value,unit,note\r\n")
    found = rows(sample)
    assert found[0] == {
        "series": "cse-cases-at-mase",
        "label": "Cases considered at the Multi Agency Sexual Exploitation panel",
        "period": "2012-13",
        "value": "40",
        "unit": "count",
        "note": "illustrative",
    }
    assert {
        "series": "budget-income",
        "label": "Westminster City Council",
        "period": "2014-15",
        "value": "95000.00",
        "unit": "pounds",
        "note": "illustrative",
    } in found


def test_withheld_figures_are_a_symbol_never_the_number(small: Path) -> None:
    southvale = [r for r in rows(small) if r["series"] == "referrals-southvale"]
    assert [(r["period"], r["value"], r["note"]) for r in southvale] == [
        ("2018-19", "10", "illustrative"),
        ("2019-20", "[c]", "illustrative; fewer than 5"),
        ("2020-21", "[c]", "illustrative; fewer than 5"),
    ]
    northtown = [r for r in rows(small) if r["series"] == "referrals-northtown"]
    assert [(r["period"], r["value"], r["note"]) for r in northtown] == [
        ("2018-19", "110", "illustrative"),
        ("2019-20", "[c]", "illustrative; withheld"),
        ("2020-21", "[c]", "illustrative; withheld"),
    ]
    text = (small / "2020-21-figures.csv").read_text(encoding="utf-8")
    for hidden in (",4,", ",3,", ",127,", ",137,"):
        assert hidden not in text


def test_each_table_of_figures_links_its_data(sample: Path) -> None:
    page = (sample / "annual-report.html").read_text(encoding="utf-8")
    link = LINK.format(name="2014-15-figures.csv")
    assert page.count(link) == 8  # five figures and the budget's three tables
    assert page.count("<table") == 11  # partners, glossary and appendix have no figures
    assert f"{link}\n</figure>" in page
    assert link not in (sample / "executive-summary.html").read_text(encoding="utf-8")
    index = (sample / "index.html").read_text(encoding="utf-8")
    assert '<a href="2014-15-figures.csv">The report\u2019s figures (CSV, 3 KB)</a>' in index


def test_without_the_csv_nothing_links_to_it(tmp_path: Path) -> None:
    folder = build(SMALL, "2020-21", tmp_path, "--format", "html")
    assert not (folder / "2020-21-figures.csv").exists()
    for name in ("annual-report.html", "index.html"):
        assert "figures.csv" not in (folder / name).read_text(encoding="utf-8")


def test_a_table_typed_into_the_prose_is_not_linked_to_data_it_is_not_in(
    small_copy: Path, edit: Callable[[Path, str, str], None], tmp_path: Path
) -> None:
    edit(
        small_copy / "2020-21" / "activities" / "training.yaml",
        "  Multi-agency training was offered.\n",
        "  Multi-agency training was offered.\n\n  | Course | Places |\n  | --- | ---: |\n"
        "  | Neglect | 40 |\n",
    )
    folder = build(small_copy, "2020-21", tmp_path / "out", "--format", "html", "--format", "csv")
    page = (folder / "annual-report.html").read_text(encoding="utf-8")
    table = page.index('<td style="text-align:right">40</td>')
    assert "Download the data" not in page[table : page.index("<table", table)]
    assert (
        page.count(LINK.format(name="2020-21-figures.csv")) == 6
    )  # three figures, three budget tables
    assert ",40," not in (folder / "2020-21-figures.csv").read_text(encoding="utf-8")


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    shutil.copytree(SMALL, tmp_path / "content")
    return tmp_path / "content"


def test_a_label_that_a_spreadsheet_would_run_as_a_formula_is_made_inert(
    small_copy: Path, edit: Callable[[Path, str, str], None], tmp_path: Path
) -> None:
    edit(
        small_copy / "2020-21" / "budget.yaml",
        "item: Training",
        'item: \'=HYPERLINK("https://example.org","Training")\'',
    )
    folder = build(small_copy, "2020-21", tmp_path / "out", "--format", "csv")
    labels = [row["label"] for row in rows(folder) if row["series"] == "budget-expenditure"]
    assert labels[1] == '\'=HYPERLINK("https://example.org","Training")'
    assert labels[0] == "Independent chair"


def test_a_board_template_without_the_balance_table_has_no_balance_in_the_csv(
    tmp_path: Path,
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    template = (ROOT / "templates" / "chapter-budget.md.j2").read_text(encoding="utf-8")
    balance = template.index('{{ section("Balance") }}')
    cut = template[:balance]  # the balance is the chapter's last table
    (templates / "chapter-budget.md.j2").write_text(cut, encoding="utf-8")
    folder = build(
        SMALL,
        "2020-21",
        tmp_path / "out",
        "--templates",
        str(templates),
        "--format",
        "html",
        "--format",
        "csv",
    )
    series = Counter(row["series"] for row in rows(folder))
    assert series == {
        "referrals": 3,
        "referrals-northtown": 3,
        "referrals-southvale": 3,
        "budget-income": 4,
        "budget-expenditure": 5,
    }
    link = LINK.format(name="2020-21-figures.csv")
    assert (folder / "annual-report.html").read_text(encoding="utf-8").count(link) == 5


def test_the_summary_alone_prints_no_figures_and_its_csv_says_so(tmp_path: Path) -> None:
    folder = build(SMALL, "2020-21", tmp_path, "--format", "csv", "--document", "executive-summary")
    assert (
        folder / "2020-21-figures.csv"
    ).read_bytes() == b"series,label,period,value,unit,note\r\n"
