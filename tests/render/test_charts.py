"""Charts from metrics: the trend in words, an SVG that keeps its text and rebuilds the same,
colours a reader can tell from the page, and the figure as each format shows it."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.content.models import Series
from lscb_report.render.charts import chart_svg, describe, figure

runner = CliRunner()
Edit = Callable[[Path, str, str], None]


def series(values: dict[str, int | str | None], **fields: object) -> Series:
    data: dict[str, object] = {
        "id": "referrals",
        "title": "Referrals to early help",
        "unit": "count",
        "source": "Northtown Council",
        "illustrative": False,
        "values": values,
        **fields,
    }
    return Series.model_validate(data)


@pytest.mark.parametrize(
    ("values", "trend"),
    [
        (
            {"2018-19": 120, "2019-20": 131, "2020-21": 140},
            "The number rose every year, from 120 in 2018-19 to 140 in 2020-21.",
        ),
        (
            {"2018-19": 40, "2019-20": 31, "2020-21": 12},
            "The number fell every year, from 40 in 2018-19 to 12 in 2020-21.",
        ),
        (
            {"2018-19": 38, "2019-20": 41, "2020-21": 36},
            "The number fell overall, from 38 in 2018-19 to 36 in 2020-21, with a high of 41 "
            "in 2019-20.",
        ),
        (
            {"2018-19": 30, "2019-20": 22, "2020-21": 30},
            "The number was 30 in both 2018-19 and 2020-21, with a low of 22 in 2019-20.",
        ),
        (
            {"2018-19": 7, "2019-20": 7, "2020-21": 7},
            "The number stayed at 7 from 2018-19 to 2020-21.",
        ),
        ({"2020-21": 1650}, "The number was 1,650 in 2020-21."),
    ],
)
def test_the_alt_text_states_the_trend(values: dict[str, int | str | None], trend: str) -> None:
    first, last = min(values), max(values)
    span = first if first == last else f"{first} to {last}"
    assert describe(series(values)) == f"Bar chart of referrals to early help, {span}. {trend}"


def test_the_alt_text_names_years_without_a_figure_and_line_charts() -> None:
    text = describe(
        series({"2020-21": "12.5", "2018-19": "10", "2019-20": None}, unit="percent", chart="line")
    )
    assert text == (
        "Line chart of referrals to early help, 2018-19 to 2020-21. The percentage rose every "
        "year, from 10% in 2018-19 to 12.5% in 2020-21. There is no figure yet for 2019-20."
    )


def test_figures_are_written_as_the_report_writes_them() -> None:
    assert figure(Decimal("2150"), "count") == "2,150"
    assert figure(Decimal("12.5"), "percent") == "12.5%"
    assert figure(Decimal("12500.00"), "pounds") == "£12,500"
    assert figure(None, "count") == "not yet known"


def test_the_svg_keeps_its_text_as_text_and_rebuilds_the_same() -> None:
    svg = chart_svg(series({"2018-19": 120, "2019-20": 131, "2020-21": 140}, illustrative=True))
    texts = re.findall(r"<text\b[^>]*>\s*([^<]+?)\s*<", svg)
    assert {"120", "131", "140", "2018-19", "2020-21", "Number"} <= set(texts)
    assert "Illustrative figures" not in texts  # said once, in the figure's caption
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert "font-family: 'Report Sans', 'DejaVu Sans', sans-serif" in svg
    again = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tests.render.test_charts import series; from lscb_report.render.charts import chart_svg; "
            "print(chart_svg(series({'2018-19': 120, '2019-20': 131, '2020-21': 140}, "
            "illustrative=True)), end='')",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert again.stdout == svg


def contrast(colour: str) -> float:
    """WCAG contrast ratio of a #rrggbb colour against white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


@pytest.mark.parametrize("chart", ["bar", "line"])
def test_every_mark_and_word_stands_out_from_the_page_by_3_to_1(chart: str) -> None:
    svg = chart_svg(series({"2018-19": 120, "2019-20": None, "2020-21": 140}, chart=chart))
    colours = set(re.findall(r"(?:fill|stroke|color): (#[0-9a-f]{6})", svg)) - {"#ffffff"}
    assert colours, "the chart has no coloured marks"
    assert {c: round(contrast(c), 1) for c in colours if contrast(c) < 3} == {}
    # One series, labelled with its values: nothing is told by colour alone.
    assert "no figure" in svg and "<text" in svg


def test_the_executive_summary_is_built_without_importing_the_charting_library(
    small: Path,
) -> None:
    code = (
        "import sys; from lscb_report.cli.app import app; "
        "sys.argv = ['lscb-report', 'build', '2020-21', '--format', 'html', "
        "'--document', 'executive-summary']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=small.parent
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def test_a_figure_in_each_format(small: Path) -> None:
    assert (
        runner.invoke(app, ["build", "2020-21", "--format", "md", "--format", "html"]).exit_code
        == 0
    )
    out = small.parent / "build" / "2020-21"
    alt = (
        "Bar chart of referrals to early help, 2018-19 to 2020-21. The number rose every year, "
        "from 120 in 2018-19 to 140 in 2020-21."
    )
    markdown = (out / "annual-report.md").read_text()
    assert (
        "**Figure 1: Referrals to early help** (illustrative figures)\n\n" + alt + "\n\n"
        "| Year | Referrals to early help |\n| --- | ---: |\n| 2018-19 | 120 |"
    ) in markdown
    html = (out / "annual-report.html").read_text()
    figure_html = html[html.index('<figure class="figure">') : html.index("</figure>")]
    assert figure_html.startswith(
        '<figure class="figure">\n<figcaption><strong>Figure 1: Referrals to early help'
        "</strong> (illustrative figures)</figcaption>\n"
        '<img class="chart" src="data:image/svg+xml;base64,'
    )
    assert f'alt="{alt}">\n<table>' in figure_html
    assert html.count(alt) == 1, "the chart replaces its words rather than repeating them"
    src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', figure_html)
    assert src is not None
    assert "<svg" in base64.b64decode(src.group(1)).decode()
    assert "<p>Source: Northtown Council.</p>" in figure_html
    svg = base64.b64decode(src.group(1)).decode()
    shown = figure_html[: src.start()] + figure_html[src.end() :] + svg
    assert shown.lower().count("illustrative") == 1, "said once, in the caption"


def test_figures_not_marked_illustrative_carry_no_note(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "metrics.yaml",
        "source: Northtown Council\n    illustrative: true\n    total_of:",
        "source: Northtown Council\n    illustrative: false\n    total_of:",
    )
    assert runner.invoke(app, ["build", "2020-21", "--format", "html"]).exit_code == 0
    html = (small.parent / "build" / "2020-21" / "annual-report.html").read_text()
    figure_html = html[html.index('<figure class="figure">') : html.index("</figure>")]
    assert "Figure 1: Referrals to early help</strong></figcaption>" in figure_html
    src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', figure_html)
    assert src is not None
    svg = base64.b64decode(src.group(1)).decode()
    assert "illustrative" not in (figure_html[: src.start()] + figure_html[src.end() :]).lower()
    assert "Illustrative" not in svg


def test_a_chart_cannot_be_left_without_words(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "metrics.yaml", "title: Referrals to early help\n", 'title: " "\n')
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "content/2020-21/metrics.yaml:4:12: series[0].title: is empty; write the text it needs"
    )


def test_withheld_figures_are_named_in_the_chart_and_its_words(small: Path) -> None:
    """Counts hidden to protect children read as such, never as a figure not yet known."""
    assert (
        runner.invoke(app, ["build", "2020-21", "--format", "md", "--format", "html"]).exit_code
        == 0
    )
    out = small.parent / "build" / "2020-21"
    markdown = (out / "annual-report.md").read_text()
    assert (
        "Bar chart of referrals to early help in Southvale, 2018-19. The number was 10 in "
        "2018-19. The figures for 2019-20 and 2020-21 are fewer than 5, to protect children's "
        "identities."
    ) in markdown
    html = (out / "annual-report.html").read_text()
    svgs = [base64.b64decode(m).decode() for m in re.findall(r'svg\+xml;base64,([^"]+)', html)]
    southvale = next(svg for svg in svgs if "fewer than 5" in svg)
    assert southvale.count(">fewer than 5<") == 2
    assert "no figure" not in southvale
