"""Prose from YAML sits under the heading it is placed below: its own headings nest one level
down from there, never skipping a level, in the Markdown and the HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.render.templating import prose

Edit = Callable[[Path, str, str], None]


def levels(markdown: str) -> list[int]:
    return [len(m.group(1)) for m in re.finditer(r"^(#+) ", markdown, re.MULTILINE)]


def test_the_first_level_written_becomes_the_next_level_down() -> None:
    assert levels(prose("### A\n\ntext\n\n#### B\n\n### C", top=4)) == [4, 5, 4]


def test_no_heading_goes_more_than_one_level_below_the_one_before() -> None:
    assert levels(prose("#### Deep first\n\n# Top\n\n### Middle\n\n###### Deepest", top=3)) == [
        3,
        3,
        4,
        5,
    ]


def test_headings_stop_at_level_six() -> None:
    assert levels(prose("# A\n\n## B\n\n### C\n\n#### D", top=5)) == [5, 6, 6, 6]


def test_the_report_html_never_skips_a_heading_level(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "01-neglect.yaml",
        "  Work on neglect progressed.",
        "  ### What we did\n\n  Text.\n\n  ##### In Northtown\n\n  Text.\n\n  Work on neglect progressed.",
    )
    result = CliRunner().invoke(app, ["build", "2020-21", "--format", "html"])
    assert result.exit_code == 0, result.output
    for name in ("annual-report", "executive-summary"):
        html = (small.parent / "build" / "2020-21" / f"{name}.html").read_text()
        found = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
        assert [(a, b) for a, b in pairwise(found) if b > a + 1] == []
    html = (small.parent / "build" / "2020-21" / "annual-report.html").read_text()
    assert "<h4>What we did</h4>" in html.replace(' id="what-we-did"', "")
    assert "<h5>In Northtown</h5>" in html


def test_a_review_status_line_is_kept_with_its_text(small: Path) -> None:
    result = CliRunner().invoke(app, ["build", "2020-21", "--format", "html"])
    assert result.exit_code == 0, result.output
    html = (small.parent / "build" / "2020-21" / "annual-report.html").read_text()
    assert '<div class="status">\n<p>Status: in progress; started in 2020-21.</p>\n</div>' in html
