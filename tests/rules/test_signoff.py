"""Sign-off: who approved each section and when; drafts keep their marking; a final build
refuses while any section is not approved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.render.templating import render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import found

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
YEAR = FinancialYear.parse("2020-21")
MISSING = "content/2020-21/priorities/02-missing.yaml"
APPROVED = (
    "  status: approved\n  approved_by: Alex Chair, Independent Chair\n  approved_on: 2021-07-20\n"
)


def markdown(content: Path, document: str) -> str:
    return render_markdown(load_content(content, YEAR), document, None)


def test_an_approval_says_who_and_when(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", APPROVED, "  status: approved\n")
    assert found(small) == [
        f"{MISSING}:14:11: sign_off.status: an approved section says who approved it and when: "
        "add approved_by and approved_on (for example approved_on: 2015-10-08)"
    ]


def test_a_draft_names_no_approver(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", "status: approved", "status: agreed")
    assert found(small) == [
        f"{MISSING}:15:16: sign_off.approved_by: the section is agreed, not approved; remove "
        "approved_by, or set status: approved",
        f"{MISSING}:16:16: sign_off.approved_on: the section is agreed, not approved; remove "
        "approved_on, or set status: approved",
    ]


def test_approved_before_the_year_ended(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "budget.yaml", "approved_on: 2021-07-20", "approved_on: 2021-03-01")
    assert found(small) == [
        "content/2020-21/budget.yaml:32:16: sign_off.approved_on: 2021-03-01 is before the end "
        "of 2020-21 (2021-03-31); a section is approved once the year it reports on has ended"
    ]


def test_sections_not_approved_keep_their_draft_marking(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", APPROVED, "  status: agreed\n")
    training = small / "2020-21" / "activities" / "training.yaml"
    training.write_text(training.read_text().split("sign_off:")[0])
    report = markdown(small, "annual-report")
    assert (
        "## 4. Priority 2: Children who go missing\n\n::: draft\n**Agreed, not yet approved:** "
        "this section has not been approved and may change.\n:::\n"
    ) in report
    assert (
        "## 8. Training\n\n::: draft\n**Draft:** this section has not been approved and may "
        "change.\n:::\n"
    ) in report
    assert report.count("::: draft") == 2
    summary = markdown(small, "executive-summary")
    assert (
        "::: draft\n**Draft sections:** these sections have not been approved and may change: "
        "Children who go missing; Training.\n:::\n"
    ) in summary


def test_approved_sections_carry_no_marking(small: Path) -> None:
    assert "::: draft" not in markdown(small, "annual-report")
    assert "::: draft" not in markdown(small, "executive-summary")


def test_a_final_build_refuses_while_a_section_is_not_approved(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", APPROVED, "  status: draft\n")
    review = small / "2020-21" / "reviews" / "scr-child-a.yaml"
    review.write_text(review.read_text().split("sign_off:")[0])
    edit(small / "2020-21" / "report.yaml", "status: final", "status: draft")
    result = runner.invoke(app, ["build", "2020-21", "--format", "md", "--final"])
    assert result.exit_code == 1
    assert result.output.splitlines()[1:] == [
        "content/2020-21/priorities/02-missing.yaml:14:11: sign_off.status: the section is "
        "draft; a final build needs every section approved",
        "content/2020-21/report.yaml:2:9: status: the report is a draft; a final build needs "
        "status: final",
        "content/2020-21/reviews/scr-child-a.yaml:2:1: the section has no sign_off, so it is a "
        "draft; a final build needs sign_off: with status: approved, approved_by and approved_on",
        "2020-21: 3 errors in 3 files; nothing was written",
    ]
    assert not (small.parent / "build").exists()
    assert runner.invoke(app, ["build", "2020-21", "--format", "md"]).exit_code == 0


def test_a_final_build_of_approved_sections(small: Path) -> None:
    result = runner.invoke(app, ["build", "2020-21", "--format", "md", "--final"])
    assert result.exit_code == 0, result.output


def test_an_approved_section_with_a_placeholder_is_an_error(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", "Take-up varies.", "TO FILL IN: why")
    assert [p for p in found(small) if "sign_off" in p or "approved" in p] == [
        f"{MISSING}:10:3: the section is approved, but this still says TO FILL IN; write it, or "
        "set its sign_off back to status: draft"
    ]


def test_a_final_build_refuses_while_a_placeholder_or_a_gap_remains(
    small: Path, edit: Edit
) -> None:
    metrics = small / "2020-21" / "metrics.yaml"
    edit(metrics, "      2020-21: 140\n", "      2020-21:\n")
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        "{referrals} were referred.",
    )
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  status: approved\n",
        "  status: agreed\n",
    )
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  approved_by: Alex Chair, Independent Chair\n  approved_on: 2021-07-20\n",
        "",
    )
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", "Take-up varies.", "TO FILL IN: why")
    draft = runner.invoke(app, ["build", "2020-21", "--format", "md"])
    assert draft.exit_code == 0, draft.output
    built = (small.parent / "build" / "2020-21" / "annual-report.md").read_text()
    assert "**[referrals: not yet known]** were referred." in built
    result = runner.invoke(app, ["build", "2020-21", "--format", "md", "--final"])
    assert result.exit_code == 1
    assert result.output.splitlines()[1:] == [
        "content/2020-21/priorities/01-neglect.yaml:9:63: body: the figure {referrals} is not "
        "yet known (its value in metrics.yaml is empty), so the draft shows a gap here; give the "
        "figure, or rewrite the sentence without it, before the report is published",
        f"{MISSING}:6:3: body: the figure {{referrals}} is not yet known (its value in "
        "metrics.yaml is empty), so the draft shows a gap here; give the figure, or rewrite the "
        "sentence without it, before the report is published",
        f"{MISSING}:10:3: still to fill in: why; write it in place of the TO FILL IN text",
        f"{MISSING}:14:11: sign_off.status: the section is agreed; a final build needs every "
        "section approved",
        "2020-21: 4 errors in 2 files; nothing was written",
    ]
