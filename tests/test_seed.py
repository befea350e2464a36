"""The executive summary reproduces every sentence and heading of the seed, word for word."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

from lscb_report.render.pages import document_html
from lscb_report.render.templating import render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT, SEED
from tests.seed import html_text, markdown_text, missing, seed_sentences


@pytest.fixture(autouse=True)
def _the_seed_is_there() -> None:
    """Every test here reads the seed: skipped without it on a developer's machine, failed
    under CI=true, where a skip would let a lost statutory sentence through."""
    require_seed(SEED, os.environ)


def require_seed(path: Path, environ: Mapping[str, str]) -> None:
    """Skip (or, under CI=true, fail) when the seed is not at path."""
    if not path.is_file():
        reason = f"the seed is not at {path} (it is in ../shared beside the repository)"
        if environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def test_a_missing_seed_fails_under_ci_and_skips_elsewhere(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="the seed is not at"):
        require_seed(tmp_path / "seed.txt", {"CI": "true"})
    with pytest.raises(pytest.skip.Exception):
        require_seed(tmp_path / "seed.txt", {})


@pytest.fixture(scope="module")
def summary() -> tuple[str, str]:
    content = load_content(CONTENT, FinancialYear.parse("2014-15"))
    markdown = render_markdown(content, "executive-summary", None)
    return markdown, document_html(content, "executive-summary", markdown, None)


def test_the_seed_has_the_expected_number_of_units() -> None:
    assert len(seed_sentences(SEED)) > 80


def test_every_seed_sentence_is_in_the_markdown(summary: tuple[str, str]) -> None:
    assert missing(seed_sentences(SEED), markdown_text(summary[0])) == []


def test_every_seed_sentence_is_in_the_html(summary: tuple[str, str]) -> None:
    assert missing(seed_sentences(SEED), html_text(summary[1])) == []


def test_paragraphs_are_numbered_as_in_the_seed(summary: tuple[str, str]) -> None:
    markdown = summary[0]
    for number in ("1.1", "2.1", "2.2", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "7.1"):
        assert f"\n**{number}** " in markdown
    for heading in (
        "## 1. Executive Summary",
        "### 3.1 Early help and prevention of harm",
        "#### 3.3.1 Improving practice in respect of children at risk of child "
        "sexual exploitation (CSE)",
        "### 3.4 Continuous improvement in a changing landscape",
    ):
        assert f"\n{heading}\n" in markdown
