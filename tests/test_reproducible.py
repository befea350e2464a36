"""Reproducible builds: the same content gives the same bytes, whatever the output folder, the
time of day, the time zone or the process, and the PDFs are dated by the content or by
SOURCE_DATE_EPOCH, never by the clock."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT, ROOT

EVERY_FILE = sorted(
    [
        *(
            f"{d}.{f}"
            for d in ("executive-summary", "annual-report")
            for f in ("md", "html", "pdf", "docx")
        ),
        "2014-15-figures.csv",
        "index.html",
    ]
)
A_YEAR_LATER = 366 * 24 * 60 * 60
YEAR = FinancialYear(2014)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """2014-15 built twice at once: by the command in another process (another time zone,
    another hash seed) and in this one with the clock a year ahead, into another folder."""
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second") / "somewhere" / "else"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ="Pacific/Auckland", PYTHONHASHSEED="1")
    command = [sys.executable, "-m", "lscb_report", "build", "2014-15"]
    command += ["--content", str(CONTENT), "--templates", str(ROOT / "templates")]
    command += ["--out", str(first)]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        clock = time.time
        patch.setattr(time, "time", lambda: clock() + A_YEAR_LATER)
        build(BuildConfig(YEAR, CONTENT, ROOT / "templates", second))
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output
    return first / "2014-15", second / "2014-15"


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    assert sorted(p.name for p in first.iterdir()) == EVERY_FILE
    assert sorted(p.name for p in second.iterdir()) == EVERY_FILE
    differ = [
        name for name in EVERY_FILE if (first / name).read_bytes() != (second / name).read_bytes()
    ]
    assert differ == []


def test_the_pdfs_are_dated_by_the_committee_date(two_builds: tuple[Path, Path]) -> None:
    for name in ("executive-summary.pdf", "annual-report.pdf"):
        reader = PdfReader(io.BytesIO((two_builds[0] / name).read_bytes()))
        assert reader.metadata is not None
        assert reader.metadata["/CreationDate"] == "D:20151008"
        assert reader.metadata["/ModDate"] == "D:20151008"


def test_source_date_epoch_dates_the_pdf_and_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config = BuildConfig(
        YEAR, CONTENT, ROOT / "templates", tmp_path, ("html", "pdf"), ("executive-summary",)
    )
    build(config)
    reader = PdfReader(tmp_path / "2014-15" / "executive-summary.pdf")
    assert reader.metadata is not None
    assert reader.metadata.creation_date == datetime(2023, 11, 14)
    assert reader.metadata.modification_date == datetime(2023, 11, 14)
    html = (tmp_path / "2014-15" / "executive-summary.html").read_text()
    assert '<meta name="dcterms.created" content="2023-11-14">' in html
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
