"""`lscb-report new`: next year's content, carried forward, that builds at once as a draft."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import ROOT
from tests.content.test_schemas import errors

runner = CliRunner()
YEAR, BEFORE = FinancialYear.parse("2015-16"), FinancialYear.parse("2014-15")


@pytest.fixture
def started(sample: Path) -> Path:
    """A copy of the content with 2015-16 started from 2014-15, and the schemas beside it."""
    shutil.copytree(ROOT / "schemas", sample.parent / "schemas")
    result = runner.invoke(app, ["new", "2015-16", "--from", "2014-15"])
    assert result.exit_code == 0, result.output
    return sample / "2015-16"


def test_new_writes_the_year_and_says_what_next(sample: Path) -> None:
    result = runner.invoke(app, ["new", "2015-16", "--from", "2014-15"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "content/2015-16/report.yaml",
        "content/2015-16/priorities/01-female-genital-mutilation-fgm.yaml",
        "content/2015-16/priorities/02-child-sexual-exploitation-cse.yaml",
        "content/2015-16/priorities/03-gangs.yaml",
        "content/2015-16/priorities/04-children-who-go-missing.yaml",
        "content/2015-16/priorities/05-radicalisation-of-young-people.yaml",
        "content/2015-16/activities/child-death-overview.yaml",
        "content/2015-16/activities/quality-assurance.yaml",
        "content/2015-16/activities/lado.yaml",
        "content/2015-16/activities/complaints.yaml",
        "content/2015-16/activities/training.yaml",
        "content/2015-16/reviews/scr-child-a.yaml",
        "content/2015-16/reviews/scr-child-b.yaml",
        "content/2015-16/budget.yaml",
        "content/2015-16/metrics.yaml",
        "2015-16: 15 files written, as a draft. Next: write over each TO FILL IN "
        "('lscb-report check 2015-16' lists them) and preview as you go with "
        "'lscb-report serve 2015-16'.",
    ]


def test_what_persists_is_carried_forward(started: Path, sample: Path) -> None:
    before, now = load_content(sample, BEFORE), load_content(sample, YEAR)
    assert now.report.status == "draft"
    assert now.report.title == "Annual Report 2015-16"
    assert now.report.cover.title == (
        "Local Safeguarding Children Board's Annual Report 2015-16 (Executive Summary)"
    )
    assert now.report.cover.date.isoformat() == "2016-10-08"
    assert now.report.cover.author == before.report.cover.author
    assert now.report.recipients == before.report.recipients
    assert [p.title for p in now.priorities] == [
        p.title for p in before.report.next_year_priorities
    ]
    assert [(a.kind, a.title, a.metrics) for a in now.activities] == [
        (a.kind, a.title, a.metrics) for a in before.activities
    ]
    assert [r.subject for r in now.reviews] == ["Child A", "Child B"]  # not the published one
    assert now.budget.brought_forward == before.budget.carried_forward
    assert [line.partner for line in now.budget.income.lines] == [
        line.partner for line in before.budget.income.lines
    ]
    for old, new in zip(before.metrics.series, now.metrics.series, strict=True):
        assert new.values == {**old.values, "2015-16": None}


def test_the_priorities_promised_last_year_are_there_to_report_on(started: Path) -> None:
    text = (started / "priorities" / "01-female-genital-mutilation-fgm.yaml").read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../../../schemas/priority.schema.json\n"
        "# Priority 1 of 2015-16, reviewed.\n"
        "# The 2014-15 report's priorities for 2015/16 included this one:\n"
        "#   Finalise the LSCB FGM Strategy and continue the developments that ensure information\n"
    )
    assert "\ntitle: Female genital mutilation (FGM)\n" in text
    assert (
        "\nsummary: |\n  TO FILL IN: progress on this priority in 2015/16, in brief.\n"
        "  Printed in the executive summary: a paragraph or two.\n"
    ) in text


def test_the_new_files_read_well_and_meet_their_schemas(started: Path) -> None:
    report = (started / "report.yaml").read_text()
    assert report.startswith(
        "# yaml-language-server: $schema=../../schemas/report.schema.json\n"
        "# The 2015-16 report's cover sheet and framing sections; owned by the LSCB Policy Manager\n"
    )
    assert "  date: 2016-10-08  # TO FILL IN: the date of the committee\n" in report
    assert (
        "  report_of: Jean Daintith \u2013 LSCB Independent Chair  "
        "# TO FILL IN: carried forward from 2014-15; check it\n"
    ) in report
    assert "    email: steve.bywater@lbhf.gov.uk  # TO FILL IN: carried forward from" in report
    metrics = (started / "metrics.yaml").read_text()
    assert (
        "      2014-15: 25\n"
        "      2015-16:  # TO FILL IN: the figure for 2015-16, or leave it empty if not yet known\n"
    ) in metrics
    review = (started / "reviews" / "scr-child-a.yaml").read_text()
    assert '\ntitle: "Serious case review: Child A"\n' in review
    for path in sorted(started.rglob("*.yaml")):
        assert errors(path) == [], path


def test_check_lists_what_is_still_to_fill_as_warnings(started: Path) -> None:
    result = runner.invoke(app, ["check", "2015-16"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "content/2015-16/report.yaml:7:23: warning: still to fill in: the date of the committee; "
        "set the value, then delete the TO FILL IN note"
    ) in lines
    assert (
        "content/2015-16/report.yaml:21:5: warning: still to fill in: what this report covers "
        "in 2015/16, in brief; write it in place of the TO FILL IN text"
    ) in lines
    assert (
        "content/2015-16/budget.yaml:12:23: warning: still to fill in: the contribution for "
        "2015/16; set the value, then delete the TO FILL IN note"
    ) in lines
    assert lines[-1] == "2015-16: 99 warnings in 15 files"
    problems = [line for line in lines if line.startswith("content/")]
    unfilled = [line for line in problems if ": warning: still to fill in: " in line]
    assert len(unfilled) == 92
    # the other 7: each requirement of the guidance, not met by what is still to write
    assert len([line for line in problems if "Working Together" in line]) == 7
    assert "0 of 7 requirements met" in result.output
    assert runner.invoke(app, ["check", "2015-16", "--strict"]).exit_code == 1


def test_a_placeholder_written_over_is_no_longer_listed(started: Path) -> None:
    report = started / "report.yaml"
    text = report.read_text()
    report.write_text(text.replace("  # TO FILL IN: the date of the committee", ""))
    result = runner.invoke(app, ["check", "2015-16"])
    assert "the date of the committee" not in result.output
    assert result.output.splitlines()[-1] == "2015-16: 98 warnings in 15 files"


def test_the_new_year_builds_at_once_as_a_draft(started: Path) -> None:
    result = runner.invoke(app, ["build", "2015-16", "--format", "md", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert (
        "warning: 92 placeholders still to fill in, in 15 files; "
        "'lscb-report check 2015-16' lists them"
    ) in result.output
    out = started.parent.parent / "build" / "2015-16"
    summary = (out / "executive-summary.md").read_text()
    assert "**Draft:** this report has not been approved and may change." in summary
    assert "TO FILL IN: what this report covers in 2015/16, in brief." in summary
    report = (out / "annual-report.md").read_text()
    assert "Priority 1: Female genital mutilation (FGM)" in report
    assert "| 2015-16 | not yet known |" in report


def test_new_never_overwrites_a_year(sample: Path) -> None:
    before = (sample / "2014-15" / "report.yaml").read_bytes()
    result = runner.invoke(app, ["new", "2014-15", "--from", "2013-14"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/2014-15:1:1: 2014-15 already exists; 'new' never overwrites a year. To start "
        "it again, move or delete that folder first",
        "2014-15: not started; 1 error in 1 file",
    ]
    assert (sample / "2014-15" / "report.yaml").read_bytes() == before


def test_the_year_must_follow_the_year_it_comes_from(sample: Path) -> None:
    result = runner.invoke(app, ["new", "2016-17", "--from", "2014-15"])
    assert result.exit_code == 2
    assert "2016-17 does not follow 2014-15; to start 2016-17, use --from 2015-16" in " ".join(
        result.output.replace("│", " ").split()
    )
    assert not (sample / "2016-17").exists()


def test_a_previous_year_with_errors_starts_nothing(sample: Path) -> None:
    budget = sample / "2014-15" / "budget.yaml"
    budget.write_text(budget.read_text().replace("total: 353000.00", "total: 1.00"))
    result = runner.invoke(app, ["new", "2015-16", "--from", "2014-15"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/2014-15/budget.yaml:48:10: income.total: the total £1.00 does not equal the sum "
        "of the income lines, £353,000.00; if the lines are right, make the total 353000.00",
        "2015-16: not started; 1 error in 1 file",
    ]
    assert not (sample / "2015-16").exists()
    assert [p.name for p in sample.iterdir() if p.name.startswith(".")] == []


def test_embargoed_reviews_and_continuing_priorities_carry_forward(sample: Path) -> None:
    review = sample / "2014-15" / "reviews" / "scr-child-b.yaml"
    review.write_text(
        review.read_text().replace(
            "status: in-progress\n",
            "status: embargoed\nembargoed_pending: the end of criminal proceedings\n"
            "embargo_review_on: 2016-03-01\n",
        )
    )
    report = sample / "2014-15" / "report.yaml"
    report.write_text(
        report.read_text().replace(
            "  - title: Female genital mutilation (FGM)\n",
            "  - title: Early help and prevention of harm\n",
        )
    )
    result = runner.invoke(app, ["new", "2015-16", "--from", "2014-15"])
    assert result.exit_code == 0, result.output
    before, now = load_content(sample, BEFORE), load_content(sample, YEAR, "board")
    carried = next(r for r in now.reviews if r.subject == "Child B")
    assert (carried.status, carried.embargoed_pending) == (
        "embargoed",
        "the end of criminal proceedings",
    )
    assert (now.priorities[0].partners, now.priorities[0].metrics) == (
        before.priorities[0].partners,
        before.priorities[0].metrics,
    )
    assert before.priorities[0].partners  # a test that could fail: there were some to carry
    assert now.priorities[1].partners == []  # a new priority starts with none


def test_the_boards_chapters_carry_forward_with_their_own_text_to_write(sample: Path) -> None:
    report = sample / "2014-15" / "report.yaml"
    report.write_text(
        report.read_text().replace(
            "recipients:\n",
            "chapters:\n  - id: introduction\n  - id: governance\n  - id: inspection\n    title: Ofsted's review\n"
            "    body: |\n      Ofsted judged the Board good.\n  - id: budget\nrecipients:\n",
        )
    )
    result = runner.invoke(app, ["new", "2015-16", "--from", "2014-15"])
    assert result.exit_code == 0, result.output
    now = load_content(sample, YEAR)
    assert [(c.id, c.title) for c in now.report.chapters or []] == [
        ("introduction", None),
        ("governance", None),
        ("inspection", "Ofsted's review"),
        ("budget", None),
    ]
    assert (now.report.chapters or [])[2].body == (
        "TO FILL IN: Ofsted's review in 2015/16, in full.\n"
        "Printed in the annual report; a blank line starts a paragraph."
    )


def test_next_year_asks_again_for_what_the_regime_asks(tmp_path: Path) -> None:
    content = tmp_path / "eastmere"
    shutil.copytree(ROOT / "examples" / "eastmere-partnership", content)
    args = ["new", "2025-26", "--from", "2024-25", "--content", str(content)]
    assert runner.invoke(app, args).exit_code == 0
    report = (content / "2025-26" / "report.yaml").read_text(encoding="utf-8")
    assert (
        "scrutiny:\n  scrutineer:\n"
        "    name: Sam Okafor (fictional)  # TO FILL IN: carried forward from 2024-25; check it\n"
    ) in report
    account = (content / "2025-26" / "contributions" / "education.yaml").read_text()
    assert account.startswith(
        "# yaml-language-server: $schema=../../../../schemas/contribution.schema.json\n"
        "# What Eastmere schools and early years settings did in 2025-26\n"
    )
    assert (
        "body: |\n  TO FILL IN: what Eastmere schools and early years settings did in 2025/26, "
        "in full.\n"
    ) in account
    assert sorted(p.name for p in (content / "2025-26" / "contributions").iterdir()) == [
        "council.yaml",
        "education.yaml",
        "icb.yaml",
        "police.yaml",
    ]
    assert "contributions" not in report
    assert "feedback: |\n  TO FILL IN: how the partnership sought and used feedback" in report
    checked = runner.invoke(app, ["check", "2025-26", "--content", str(content)])
    assert checked.exit_code == 0, checked.output
    assert (
        "Working Together to Safeguard Children 2023, chapter 2: 0 of 5 requirements met"
        in checked.output.splitlines()
    )
