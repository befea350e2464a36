"""Checked content made ready for an audience: small counts withheld, the approved images
read, embargoed reviews dropped for the public, figures written into prose. Each step
returns new data; the content read from the files is left as it was."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lscb_report.content.loading import MAX_BYTES
from lscb_report.content.reading import Audience, Content, missing_year, read_content
from lscb_report.errors import ReportError, errors_in
from lscb_report.rules import audience as audiences
from lscb_report.rules import disclosure, figures, safety
from lscb_report.rules.catalogue import check_read
from lscb_report.years import FinancialYear


def prepare(content: Content, audience: Audience) -> Content:
    """Checked content made ready to compile for an audience."""
    rules = content.board.rules
    metrics = disclosure.suppress(
        content.metrics, rules.hide_counts_below, rules.small_as, rules.secondary_as
    )
    content = replace(content, metrics=metrics, images=safety.approved_images(content))
    content = audiences.for_audience(content, audience)
    return figures.fill(content)


def checked_content(root: Path, year: FinancialYear, max_file_size: int = MAX_BYTES) -> Content:
    """A year's content read and checked, its warnings kept; ReportError on any error."""
    read = read_content(root, year, max_file_size)
    if read is None:
        raise ReportError([missing_year(root, year)])
    problems = check_read(read)
    if not read.whole or errors_in(problems):
        raise ReportError(problems)
    return replace(read.content, warnings=problems)


def load_content(
    root: Path,
    year: FinancialYear,
    audience: Audience = "public",
    max_file_size: int = MAX_BYTES,
) -> Content:
    """Read, check and prepare a year's content for an audience; ReportError on any error.
    No file over ``max_file_size`` bytes is read."""
    return prepare(checked_content(root, year, max_file_size), audience)
