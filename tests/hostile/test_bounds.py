"""Bounds: a figure a report cannot print is refused at its line, and every check takes time
in proportion to the text, however the text is made."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lscb_report.cli.app import app

runner = CliRunner()
METRICS = Path("2020-21") / "metrics.yaml"


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        (
            "1e999999999",
            "1E+999999999 is not a figure a report can show; write a number below "
            "1,000,000,000,000, such as 25 or 12.5",
        ),
        (
            "-1000000000000",
            "-1000000000000 is not a figure a report can show; write a number below "
            "1,000,000,000,000, such as 25 or 12.5",
        ),
        ("1e-999999999", "1E-999999999 has more than 6 decimal places; round it, such as 12.5"),
        ("inf", "Input should be a finite number (found 'inf')"),
        ("nan", "Input should be a finite number (found 'nan')"),
    ],
)
def test_a_figure_out_of_bounds_is_refused_at_its_line(
    small: Path,
    edit,
    figure: str,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    edit(small / METRICS, "      2019-20: 131", f"      2019-20: {figure}")
    for command in ("check", "build"):
        result = run(command, "2020-21", "--format", "md" if command == "build" else "text")
        assert result.exit_code == 1, result.output
        assert (
            f"content/2020-21/metrics.yaml:14:16: series[0].values.2019-20: {message}"
            in result.output
        )
    assert not (small.parent / "build" / "2020-21").exists()


def test_the_largest_figure_allowed_is_printed_whole(small: Path, edit) -> None:  # type: ignore[no-untyped-def]
    edit(small / METRICS, "      2019-20: 131", "      2019-20: 999999999999")
    edit(small / METRICS, "      2019-20: 127", "      2019-20: 999999999995")
    result = run("build", "2020-21", "--format", "md")
    assert result.exit_code == 0, result.output
    report = (small.parent / "build" / "2020-21" / "annual-report.md").read_text()
    assert "999,999,999,999" in report


def test_pounds_past_twelve_digits_are_refused(small: Path, edit) -> None:  # type: ignore[no-untyped-def]
    edit(small / "2020-21" / "budget.yaml", "amount: 50000.00", "amount: 1e999999999")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert (
        "content/2020-21/budget.yaml:11:15: income.lines[0].amount: Decimal input should have "
        "no more than 12 digits in total (found '1e999999999')"
    ) in result.output


def test_a_text_at_the_size_limit_is_checked_in_seconds(small: Path) -> None:
    """Every match in a long value is placed by one walk of the value (it was one walk per
    match: minutes for this text)."""
    from lscb_report.rules.safety import MAX_TEXT
    from tests.payload import put

    line = "Of 3 children seen, write to jane.doe@example.org at SW1A 1AA. "
    text = "\n".join([line] * (MAX_TEXT // (len(line) + 1)))
    text += "\n" + "x" * (MAX_TEXT - len(text) - 2)  # the block adds a line break
    assert len(text) == MAX_TEXT - 1
    summary, _ = put(small, text)
    started = time.perf_counter()
    result = run("check", "2020-21", "--format", "json")
    took = time.perf_counter() - started
    assert result.exit_code == 1
    last = summary + MAX_TEXT // (len(line) + 1) - 1
    places = {(p["line"], p["column"]) for p in json.loads(result.output)["problems"]}
    assert {(last, 6), (last, 32), (last, 56)} <= places
    assert took < 15, f"check took {took:.1f} s"
