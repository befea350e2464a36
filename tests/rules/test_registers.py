"""What today's regimes ask that an LSCB's report did not: the review register, each member's
account, the independent scrutineer's section, feedback and areas of little progress; each
checked against its edition, printed in its chapter, and signed off by the right person."""

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
NAMED = "guidance: working-together-2015  # the LSCB's guidance, though its year is 2020-21"
WT18 = "Working Together to Safeguard Children 2018 asks that the report"
CARE = "the Care Act 2014 asks that the report"
REVIEW = "2020-21/reviews/scr-child-a.yaml"
SIGN_OFF = "sign_off:\n  status: approved\n  approved_by: Alex Chair, Independent Chair\n"
FINDINGS = """recommendations:
  - recommendation: Share plans with schools.
    decision: accepted
    action: A protocol was agreed.
    owner: Case Review Group
  - recommendation: Hold every meeting in person.
    decision: not-accepted
"""
ACCOUNTS = {
    "northtown": ("Northtown Council trained its staff.", "It trained 300 staff."),
    "southvale": ("Southvale Council audited its cases.", "It audited 40 cases."),
    "police": ("The police joined the safeguarding hub.", "It joined in May."),
}


def write_accounts(small: Path, accounts: dict[str, tuple[str, str]]) -> None:
    """Write each partner's account as its own file, contributions/ID.yaml."""
    folder = small / "2020-21" / "contributions"
    folder.mkdir(exist_ok=True)
    for id, (summary, body) in accounts.items():
        (folder / f"{id}.yaml").write_text(f"summary: {summary}\nbody: {body}\n")


def sab(small: Path, edit: Edit) -> None:
    """Make the small board a Safeguarding Adults Board, held to the Care Act."""
    edit(small / "board.yaml", f"rules:\n  {NAMED}\n", "profile: sab-care-act-2014\n")


def test_a_recommendation_needs_its_decision_under_2018(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", NAMED, "guidance: working-together-2018")
    edit(small / REVIEW, SIGN_OFF, FINDINGS.replace("    decision: accepted\n", "") + SIGN_OFF)
    assert (
        f"content/{REVIEW}:12:5: warning: recommendations[0]: {WT18} record the decisions and "
        "actions taken (or planned) on the recommendations of local and national child "
        "safeguarding practice reviews; record the decision on it (decision: accepted or "
        "not-accepted)"
    ) in found(small)


def test_a_finding_not_implemented_needs_its_reasons(small: Path, edit: Edit) -> None:
    sab(small, edit)
    edit(small / REVIEW, SIGN_OFF, FINDINGS + SIGN_OFF)
    assert (
        f"content/{REVIEW}:17:15: warning: recommendations[1].decision: {CARE} give the reasons "
        "for each decision not to implement a finding of a review; it is not accepted: give the "
        "reasons (reasons:)"
    ) in found(small)
    edit(
        small / REVIEW,
        "    decision: not-accepted\n",
        "    decision: not-accepted\n    reasons: It costs too much.\n",
    )
    assert not [p for p in found(small) if "not to implement" in p]
    report = render_markdown(load_content(small, YEAR), "annual-report", None)
    assert "| Finding | Decision | Action | Owner | Status | Evidence of impact |" in report
    assert (
        "| Share plans with schools. | Accepted | A protocol was agreed. | Case Review Group | "
        "In progress | None yet |"
    ) in report
    assert (
        'Why the finding "Hold every meeting in person." is not being implemented: It costs too '
        "much."
    ) in report


def test_each_member_gives_its_own_account(small: Path, edit: Edit) -> None:
    sab(small, edit)
    assert (
        f"content/2020-21/contributions/northtown.yaml:1:1: warning: {CARE} say what each "
        "member has done during the year to implement the strategy; the file is missing: write "
        "what Northtown Council did here, with its summary and body"
    ) in found(small)
    write_accounts(small, ACCOUNTS)
    assert not [p for p in found(small) if "each member" in p]
    content = load_content(small, YEAR)
    report = render_markdown(content, "annual-report", None)
    assert "## 5. What each member did to implement the strategy\n" in report
    assert "### 5.2 Southvale Council\n" in report
    assert "\nIt audited 40 cases.\n" in report
    assert "[5.2 Southvale Council](#52-southvale-council)" in report  # the appendix
    summary = render_markdown(content, "executive-summary", None)
    assert "### 4.2 Southvale Council\n\nSouthvale Council audited its cases.\n" in summary


def test_accounts_are_in_the_boards_order_and_are_sections(small: Path, edit: Edit) -> None:
    sab(small, edit)
    write_accounts(small, dict(reversed(ACCOUNTS.items())))
    content = load_content(small, YEAR)
    assert [a.partner for a in content.contributions] == ["northtown", "southvale", "police"]
    titles = [a.title for a in content.contributions]
    assert titles == ["Northtown Council", "Southvale Council", "Police"]
    summary = render_markdown(content, "executive-summary", None)
    # each account is signed off on its own
    assert "What Northtown Council did; What Southvale Council did; What Police did" in summary


def test_an_account_is_named_by_a_partner_of_the_board(small: Path) -> None:
    write_accounts(small, {"nobody": ("Text.", "Text.")})
    assert (
        "content/2020-21/contributions/nobody.yaml:1:1: 'nobody' is not a partner of the board; "
        "name each account's file by a partner's id in content/board.yaml: northtown.yaml, "
        "southvale.yaml, police.yaml"
    ) in found(small)


def test_accounts_in_report_yaml_say_where_they_moved(small: Path, edit: Edit) -> None:
    old = "contributions:\n  - partner: northtown\n    body: Text.\n"
    edit(small / "2020-21" / "report.yaml", "recipients:\n", old + "recipients:\n")
    line = (small / "2020-21" / "report.yaml").read_text().split("\n").index("contributions:")
    assert (
        f"content/2020-21/report.yaml:{line + 1}:1: contributions: each member's account is now "
        "a file of its own, so that each partner owns its file: move each account to "
        "contributions/<partner-id>.yaml in this year's folder (such as "
        "contributions/police.yaml, with its summary and body), and remove contributions from "
        "report.yaml"
    ) in found(small)


SCRUTINY = """scrutiny:
  scrutineer:
    name: Robin Scrutineer
    role: Independent Scrutineer
  body: |
    The arrangements work well.
  sign_off:
    status: approved
    approved_by: Alex Chair, Independent Chair
    approved_on: 2021-07-20
"""


def test_only_the_scrutineer_signs_off_scrutiny(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "recipients:\n", SCRUTINY + "recipients:\n")
    assert (
        "content/2020-21/report.yaml:66:18: scrutiny.sign_off.approved_by: the independent "
        "scrutineer's section is signed off only by the scrutineer, Robin Scrutineer, not by "
        "Alex Chair, Independent Chair: write approved_by: Robin Scrutineer, Independent "
        "Scrutineer"
    ) in found(small)
    edit(
        small / "2020-21" / "report.yaml",
        "approved_by: Alex Chair, Independent Chair\n    approved_on",
        "approved_by: Robin Scrutineer\n    approved_on",
    )
    assert not [p for p in found(small) if "scrutineer" in p]


def test_a_final_build_waits_for_the_scrutineer(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", f"rules:\n  {NAMED}\n", "profile: partnership-wt2023\n")
    draft = SCRUTINY.split("  sign_off:")[0] + "  sign_off:\n    status: agreed\n"
    edit(small / "2020-21" / "report.yaml", "recipients:\n", draft + "recipients:\n")
    result = runner.invoke(app, ["build", "2020-21", "--final", "--format", "md"])
    assert result.exit_code == 1
    assert (
        "content/2020-21/report.yaml:59:3: scrutiny: the independent scrutineer has not approved "
        "this section; a final build needs its sign_off: with status: approved, approved_by (the "
        "scrutineer) and approved_on"
    ) in result.output


def test_a_partnership_prints_the_chapters_it_has_text_for(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", f"rules:\n  {NAMED}\n", "profile: partnership-wt2018\n")
    report = render_markdown(load_content(small, YEAR), "annual-report", None)
    assert "little or no progress" not in report.split("## Appendix")[0]  # nothing to say yet
    edit(
        small / "2020-21" / "report.yaml",
        "recipients:\n",
        "little_progress: |\n  Neglect work stalled.\nfeedback: |\n  Children asked for "
        "shorter meetings.\n"
        + SCRUTINY.replace("Alex Chair, Independent Chair", "Robin Scrutineer")
        + "recipients:\n",
    )
    content = load_content(small, YEAR)
    report = render_markdown(content, "annual-report", None)
    titles = [line for line in report.splitlines() if line.startswith("## ")]
    assert titles[5:8] == [
        "## 5. Where there has been little or no progress",
        "## 6. Learning from rapid reviews and practice reviews",
        "## 7. What children and families told us",
    ]
    assert "The arrangements work well.\n\nRobin Scrutineer, Independent Scrutineer\n" in report
    assert not [p for p in found(small) if "Working Together" in p]


def test_a_section_written_with_no_chapter_to_print_it_is_an_error(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "recipients:\n", "feedback: |\n  Said.\nrecipients:\n")
    assert (
        "content/2020-21/report.yaml:58:1: feedback: feedback is written, but the report's "
        "chapters have none to print it: add - id: feedback to chapters, or remove feedback"
    ) in found(small)


def test_accounts_written_with_no_chapter_to_print_them_are_an_error(small: Path) -> None:
    write_accounts(small, {"police": ACCOUNTS["police"]})  # an LSCB's chapters have no such one
    assert (
        "content/2020-21/contributions/police.yaml:1:1: the members' accounts (contributions/) "
        "are written, but the report's chapters have none to print them: add - id: "
        "contributions to chapters in report.yaml, or remove the folder contributions"
    ) in found(small)
