"""Shared fixtures: the real 2014-15 content, a small fixture report, and copies to break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
SMALL = Path(__file__).parent / "fixtures" / "small"
SEED = ROOT.parent / "shared" / "seeds" / "000_7599e941c3332105.txt"


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small fixture content, in a working folder of its own."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SMALL, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the 2014-15 content, in a working folder of its own."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace exactly one occurrence of a text in a file."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return replace


def found(content: Path, year: str = "2020-21") -> list[str]:
    """Every problem check finds in a year's content, as the user reads it."""
    from lscb_report.rules.catalogue import check_year
    from lscb_report.years import FinancialYear

    problems, _ = check_year(content, FinancialYear.parse(year))
    return [str(p) for p in problems]
