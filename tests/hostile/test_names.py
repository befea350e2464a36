"""A file's name is data: whatever it holds (line breaks, terminal escapes, workflow
commands, bidirectional overrides), it is printed as one line of text, and a content file
so named is refused with a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lscb_report.cli.app import app
from lscb_report.cli.problems import format_github, summarised
from lscb_report.errors import Problem

runner = CliRunner()
SPOOF = "x\n::error title=Spoof::falsified\n::stop-commands::hidden\n~~~~\n## Check passed\n.yaml"
REVIEWS = Path("2020-21") / "reviews"


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize("output", ["github", "text"])
def test_a_name_holding_workflow_commands_stays_one_line(small: Path, output: str) -> None:
    shutil.copy(small / REVIEWS / "lr-child-d.yaml", small / REVIEWS / SPOOF)
    result = run("check", "2020-21", "--format", output)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    named = [line for line in lines if "Spoof" in line]
    shown = "x\\n::error title=Spoof::falsified\\n::stop-commands::hidden\\n~~~~\\n## Check passed\\n.yaml"
    expected = (
        f"content/2020-21/reviews/{shown}:1:1: the file's name holds a line break, control or "
        "invisible character (shown as \\n, \\x.. or \\u....); rename it with letters, digits "
        "and hyphens, such as serious-case-review.yaml"
    )
    assert expected in named
    for line in lines:  # nothing the name holds starts a line of its own
        assert not line.startswith(("::stop-commands", "::error title", "~~~~", "## "))
        assert line.startswith(("::error file=", "::warning file=")) or not line.startswith("::")
    if output == "github":
        assert any(
            line.startswith("::error file=content/2020-21/reviews/x\\n%3A%3Aerror title=Spoof")
            for line in named
        )


def test_terminal_escapes_and_overrides_in_a_name_are_shown_as_escapes() -> None:
    problem = Problem("a\x1b]8;;http://x\x07b\u202ec.yaml", 2, 3, "is wrong \x1b[2J")
    assert str(problem) == "a\\x1b]8;;http://x\\x07b\\u202ec.yaml:2:3: is wrong \\x1b[2J"
    assert format_github(problem) == (
        "::error file=a\\x1b]8;;http%3A//x\\x07b\\u202ec.yaml,line=2,col=3::is wrong \\x1b[2J"
    )


def test_a_flood_of_one_kind_is_summarised_after_the_first_few() -> None:
    flood = [Problem("a.yaml", n, 1, f"k{n}: unknown key 'k{n}'") for n in range(1, 60_001)]
    other = Problem("a.yaml", 3, 5, "budget: the total does not add up")
    shown = summarised([*flood[:3], other, *flood[3:]])
    assert len(shown) == 12
    assert shown[3] == other
    assert str(shown[-1]) == (
        "a.yaml:10:1: and 59,990 more problems like the one above in this file, not shown; "
        "correct these and check again"
    )
    assert summarised(flood[:100]) == flood[:100]  # a hundred is not yet a flood


def test_sixty_thousand_unknown_keys_print_a_few_lines(small: Path) -> None:
    path = small / "2020-21" / "report.yaml"
    keys = "".join(f"zz{n}: x\n" for n in range(60_000))
    path.write_text(path.read_text(encoding="utf-8") + keys, encoding="utf-8")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert len(result.output) < 10_000, len(result.output)
    assert "and 59,990 more problems like the one above" in result.output
