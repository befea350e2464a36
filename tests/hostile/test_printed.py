"""The personal-data and small-number rules read the text as it will be printed: Markdown,
entities, escapes, no-break and zero-width spaces cannot hide what a reader would see, and
the problem is still reported where the text was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.rules.printed import printed, views
from tests.payload import put
from tests.rules.test_safety import FILE

runner = CliRunner()
COUNT = "is a count below 5, which could identify a child"
EMAIL = "an e-mail address is written here"
POSTCODE = "a postcode is written here"
NHS = "a number like an NHS number (10 digits) is written here"


@pytest.mark.parametrize(
    ("payload", "column", "message"),
    [
        ("We saw 3&#32;children.", 8, COUNT),
        ("We saw *3* children.", 9, COUNT),
        ("We saw **3**\u00a0children.", 10, COUNT),
        ("We saw 3\u200b children.", 8, COUNT),
        ("We saw three&nbsp;children.", 8, COUNT),
        ("Write to jane.doe&#64;example.org today.", 10, EMAIL),
        ("Write to jane.doe\\@example.org today.", 10, EMAIL),
        ("Write to `jane.doe`@example.org today.", 11, EMAIL),
        ("She lives at sw1a 1aa now.", 14, POSTCODE),
        ("She lives at SW1A&nbsp;1AA now.", 14, POSTCODE),
        ("Her number is 485&#32;777&#32;3456 now.", 15, NHS),
        ("Her number is 485\u2009777\u20093456 now.", 15, NHS),
    ],
)
def test_what_is_printed_is_checked_where_it_was_written(
    small: Path, payload: str, column: int, message: str
) -> None:
    summary, _ = put(small, payload)
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 1, result.output
    start = f"{FILE}:{summary}:{column + 2}: summary: "
    lines = [line for line in result.output.splitlines() if line.startswith(start)]
    assert any(message in line for line in lines), result.output


def test_plain_prose_passes(small: Path) -> None:
    put(small, "We saw *many* children &amp; families in 2020, at the **Town Hall**.")
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 0, result.output


def test_the_printed_view_maps_back_to_the_source() -> None:
    view = printed("A *b* &#64; c")
    assert view.text == "A b @ c\n"
    assert [view.source(i) for i in range(7)] == [0, 1, 3, 5, 6, 11, 12]
    assert [v.text for v in views("plain")] == ["plain", "plain\n", "PLAIN\n"]
