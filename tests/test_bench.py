"""The benchmark's own helpers (the benchmark itself runs with `make bench`, never here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.content import multiply_content
from lscb_report.render.templating import render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT

YEAR = FinancialYear.parse("2014-15")


def test_content_repeated_three_times_is_valid_and_three_times_the_sections(
    tmp_path: Path,
) -> None:
    once = load_content(CONTENT, YEAR)
    thrice = load_content(multiply_content(CONTENT, "2014-15", 3, tmp_path / "x3"), YEAR)
    assert [p.title for p in thrice.priorities] == [p.title for p in once.priorities] * 3
    assert len(thrice.activities) == 3 * len(once.activities)
    assert len(thrice.reviews) == 3 * len(once.reviews)
    names = sorted(p.name[:3] for p in (tmp_path / "x3" / "2014-15" / "priorities").iterdir())
    assert names == [f"{n:02d}-" for n in range(1, 3 * len(once.priorities) + 1)]
    assert not thrice.warnings
    report = render_markdown(thrice, "annual-report", None)
    assert len(report) > 2 * len(render_markdown(once, "annual-report", None))


def test_content_once_is_a_copy_and_nothing_less_is_refused(tmp_path: Path) -> None:
    copy = multiply_content(CONTENT, "2014-15", 1, tmp_path / "x1")
    originals = sorted(p.relative_to(CONTENT) for p in CONTENT.rglob("*") if p.is_file())
    assert sorted(p.relative_to(copy) for p in copy.rglob("*") if p.is_file()) == originals
    with pytest.raises(ValueError, match="times must be 1 or more, not 0"):
        multiply_content(CONTENT, "2014-15", 0, tmp_path / "x0")
