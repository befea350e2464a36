"""Severity per rule: each rule's default, the board's choice in board.yaml, and --strict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.rules.catalogue import RULES
from tests.conftest import found

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
PHONE = "  Return interviews were offered on 020 7946 0123."
BUDGET = "content/2020-21/budget.yaml"


def severity(small: Path, edit: Edit, settings: str) -> None:
    edit(small / "board.yaml", "rules:\n", f"rules:\n  severity:\n{settings}")


def test_every_rule_has_an_id_a_default_and_a_summary() -> None:
    rules = RULES
    assert {r.severity for r in rules.values()} == {"error", "warning"}
    assert [r for r in rules if rules[r].severity == "warning"] == [
        "embargo-ended",
        "figure-unknown",
        "metric-undeclared-total",
        "paragraph-number",
        "raw-html",
        "sab-financial-year",
        "sab-findings-declined",
        "sab-findings-implemented",
        "sab-members",
        "sab-objective",
        "sab-recipients",
        "sab-review-findings",
        "sab-reviews-ongoing",
        "sab-strategy",
        "wt2015-contributions",
        "wt2015-effectiveness",
        "wt2015-financial-year",
        "wt2015-lessons",
        "wt2015-recipients",
        "wt2015-spending",
        "wt2015-weaknesses",
        "wt2018-activity",
        "wt2018-effectiveness",
        "wt2018-feedback",
        "wt2018-impact",
        "wt2018-little-progress",
        "wt2018-period",
        "wt2018-review-actions",
        "wt2023-activity",
        "wt2023-effectiveness",
        "wt2023-focus",
        "wt2023-period",
        "wt2023-scrutiny",
    ]
    assert len(rules) == 57
    assert all(r.summary for r in rules.values())


def test_a_board_can_make_an_error_a_warning(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.",
        PHONE,
    )
    severity(small, edit, "    personal-phone: warning\n")
    assert found(small) == [
        "content/2020-21/priorities/02-missing.yaml:6:37: warning: body: a phone number is "
        "written here; phone numbers belong only in the contact fields of the board's chair and "
        "the report's author (phone:); a service's public line may be printed once it is "
        "listed in public_contacts in board.yaml"
    ]
    assert runner.invoke(app, ["build", "2020-21", "--format", "md"]).exit_code == 0
    result = runner.invoke(app, ["build", "2020-21", "--format", "md", "--strict"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "2020-21: 1 error in 1 file; nothing was written"


def test_a_board_can_make_a_warning_an_error(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "budget.yaml", "item: Serious case reviews", "item: Reviews")
    severity(small, edit, "    wt2015-spending: error\n")
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        f"{BUDGET}:19:5: expenditure.lines: Working Together to Safeguard Children 2015 asks"
    )


def test_a_severity_for_a_rule_that_does_not_exist(small: Path, edit: Edit) -> None:
    severity(small, edit, "    personal-fone: warning\n    no-such-rule: error\n")
    assert found(small) == [
        "content/board.yaml:25:5: rules.severity.personal-fone: there is no rule "
        "'personal-fone'; did you mean 'personal-phone'?",
        "content/board.yaml:26:5: rules.severity.no-such-rule: there is no rule 'no-such-rule'; "
        "the README lists every rule",
    ]


def test_a_severity_must_be_error_or_warning(small: Path, edit: Edit) -> None:
    severity(small, edit, "    personal-phone: off\n")
    assert found(small) == [
        "content/board.yaml:25:21: rules.severity.personal-phone: expected one of 'error' or "
        "'warning', but found 'off'",
    ]


def test_the_readme_lists_every_rule_with_its_default() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.severity} | {rule.summary} |" in readme, rule.id
