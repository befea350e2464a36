"""Working Together to Safeguard Children 2015, chapter 3: the checklist check prints, each
requirement unmet at the file that should meet it, and the annual report's appendix."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.render.pages import document_html
from lscb_report.render.templating import render_markdown
from lscb_report.rules.guidance import EDITIONS, checklist, edition_for
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT, found

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
YEAR = FinancialYear.parse("2020-21")
WT = "Working Together to Safeguard Children 2015 asks that the report"


def test_check_2014_15_strict_passes_and_prints_the_checklist(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(CONTENT.parent)
    result = runner.invoke(app, ["check", "2014-15", "--strict"])
    assert result.exit_code == 0, result.output
    lines = [line.replace("content/2014-15/", "2014-15/") for line in result.output.splitlines()]
    assert lines == [
        "Working Together to Safeguard Children 2015, chapter 3: 7 of 7 requirements met",
        "  source: chapter 3: wording not checked against the published text",
        "  [met] Assess the performance and effectiveness of local services, rigorously and "
        "transparently",
        "      2014-15/priorities/01-early-help.yaml",
        "      2014-15/priorities/02-better-outcomes.yaml",
        "      2014-15/priorities/03-practice-areas.yaml",
        "      2014-15/priorities/04-continuous-improvement.yaml",
        "      2014-15/activities/quality-assurance.yaml",
        "      2014-15/report.yaml",
        "  [met] Identify areas of weakness, their causes and the action being taken to address "
        "them",
        "      2014-15/priorities/01-early-help.yaml",
        "      2014-15/priorities/02-better-outcomes.yaml",
        "      2014-15/priorities/03-practice-areas.yaml",
        "      2014-15/priorities/04-continuous-improvement.yaml",
        "      2014-15/report.yaml",
        "  [met] Include the lessons from reviews undertaken in the reporting period",
        "      2014-15/report.yaml",
        "      2014-15/reviews/historical-case-review.yaml",
        "      2014-15/reviews/scr-child-a.yaml",
        "      2014-15/reviews/scr-child-b.yaml",
        "  [met] List the contributions made to the Board by partner agencies",
        "      2014-15/budget.yaml",
        "  [met] Detail what the Board spent, including on child death reviews, serious case "
        "reviews and other specific expenditure such as learning events or training",
        "      2014-15/budget.yaml",
        "  [met] Be submitted to the Chief Executive, the Leader of the Council, the local Police "
        "and Crime Commissioner and the Chair of the Health and Wellbeing Board",
        "      2014-15/report.yaml",
        "  [met] Cover the preceding financial year",
        "      2014-15/report.yaml",
        "2014-15: no problems",
    ]


UNMET = [
    (
        "priorities/01-neglect.yaml",
        "impact: |\n  Children were seen sooner.",
        'impact: ""',
        "content/2020-21/priorities/01-neglect.yaml:11:9: warning: impact: "
        f"{WT} assess the effectiveness of local services; say what difference the work on this "
        "priority made to children, families and the workforce",
    ),
    (
        "priorities/02-missing.yaml",
        "to_develop: |\n  Take-up varies.",
        'to_develop: ""',
        "content/2020-21/priorities/02-missing.yaml:9:13: warning: to_develop: "
        f"{WT} identify areas of weakness, their causes and the action being taken; write what "
        "still needs to develop, and why",
    ),
    (
        "report.yaml",
        "  body: |\n    One serious case review was started in the year.",
        '  body: ""',
        "content/2020-21/report.yaml:32:9: warning: case_reviews.body: "
        f"{WT} include the lessons from reviews undertaken in the reporting period; write them "
        "in case_reviews.body (or say that no review was undertaken)",
    ),
    (
        "budget.yaml",
        "    - partner: police\n      amount: 0.00\n",
        "",
        f"content/2020-21/budget.yaml:10:5: warning: income.lines: {WT} list the contributions "
        "made by partner agencies; Police has no line: add one for each (0.00 if nothing was "
        "given)",
    ),
    (
        "budget.yaml",
        "item: Serious case reviews",
        "item: Reviews commissioned",
        f"content/2020-21/budget.yaml:19:5: warning: expenditure.lines: {WT} detail what the "
        "Board spent, including on child death reviews, serious case reviews and learning events or "
        "training; there is no line for serious case reviews: add one whose item names it (0.00 "
        "if nothing was spent)",
    ),
    (
        "report.yaml",
        "  - Police and Crime Commissioner\n",
        "",
        f"content/2020-21/report.yaml:59:3: warning: recipients: {WT} be submitted to the Chief "
        "Executive, the Leader of the Council, the local Police and Crime Commissioner and the "
        "Chair of the Health and Wellbeing Board; add the local Police and Crime Commissioner to "
        "recipients",
    ),
    (
        "report.yaml",
        "title: Annual Report 2020-21",
        "title: Annual Report",
        f"content/2020-21/report.yaml:3:8: warning: title: {WT} cover the preceding financial "
        "year; name it in the title, for example title: Annual Report 2020-21",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), UNMET)
def test_an_unmet_requirement_is_a_warning_at_the_file_that_should_meet_it(
    small: Path, edit: Edit, file: str, old: str, new: str, message: str
) -> None:
    edit(small / "2020-21" / file, old, new)
    assert found(small) == [message]
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 0, result.output
    assert "Working Together to Safeguard Children 2015, chapter 3: 6 of 7 requirements met" in (
        result.output
    )
    where = message.split(": warning:")[0]
    assert f"      should be met in {where}" in result.output.splitlines()
    strict = runner.invoke(app, ["check", "2020-21", "--strict"])
    assert strict.exit_code == 1
    assert message.replace("warning: ", "") in strict.output.splitlines()


def test_a_missing_quality_assurance_chapter(small: Path) -> None:
    (small / "2020-21" / "activities" / "quality-assurance.yaml").unlink()
    assert found(small) == [
        "content/2020-21/activities/quality-assurance.yaml:1:1: warning: Working Together to "
        "Safeguard Children 2015 asks that the report assess the effectiveness of local services "
        "rigorously and transparently; the file is missing: add the quality assurance chapter as "
        "activities/quality-assurance.yaml (kind: quality-assurance)",
    ]


def test_the_appendix_links_each_requirement_to_its_sections(small: Path) -> None:
    content = load_content(small, YEAR)
    markdown = render_markdown(content, "annual-report", None)
    appendix = markdown.split(
        "## Appendix: How this report meets Working Together to Safeguard Children 2015\n"
    )[1]
    assert (
        "| include the lessons from reviews undertaken in the reporting period | chapter 3 (not "
        "checked) | [5. Learning "
        "from case reviews](#5-learning-from-case-reviews); [5.1 Serious case review: Child A]"
        "(#51-serious-case-review-child-a) |" in appendix
    )
    assert (
        "| cover the preceding financial year | chapter 3 (not checked) | the cover (the reporting "
        "period) |" in appendix
    )
    html = document_html(content, "annual-report", markdown, None)
    anchors = re.findall(r"\]\(#([^)]+)\)", appendix)
    assert len(anchors) == 14
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor


def test_the_2014_15_appendix_resolves_every_section() -> None:
    content = load_content(CONTENT, FinancialYear.parse("2014-15"))
    markdown = render_markdown(content, "annual-report", None)
    html = document_html(content, "annual-report", markdown, None)
    appendix = markdown.split("## Appendix: ")[1]
    anchors = re.findall(r"\]\(#([^)]+)\)", appendix)
    assert len(anchors) == 22
    assert all(f'id="{anchor}"' in html for anchor in anchors)
    assert "Not yet met" not in appendix


def test_an_unmet_requirement_in_the_appendix(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "  - Police and Crime Commissioner\n", "")
    markdown = render_markdown(load_content(small, YEAR), "annual-report", None)
    assert (
        "| be submitted to the Chief Executive, the Leader of the Council, the local Police and "
        "Crime Commissioner and the Chair of the Health and Wellbeing Board | chapter 3 (not "
        "checked) | Not yet met. |"
    ) in markdown


def test_the_checklist_in_json(small: Path) -> None:
    result = runner.invoke(app, ["check", "2020-21", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)["checklist"]
    assert data["guidance"] == "Working Together to Safeguard Children 2015"
    assert data["requirements"][3] == {
        "id": "wt2015-contributions",
        "requirement": "List the contributions made to the Board by partner agencies",
        "source": {"part": "chapter 3", "address": None, "verified": False, "found_in": None},
        "met": True,
        "files": ["content/2020-21/budget.yaml"],
        "should": None,
    }


def test_the_edition_is_the_one_the_board_names(small: Path, edit: Edit) -> None:
    content = load_content(small, YEAR)
    assert edition_for(content) is EDITIONS["working-together-2015"]
    assert checklist(content).met == 7
    edit(small / "board.yaml", "guidance: working-together-2015", "guidance: working-together-2019")
    assert found(small) == [
        "content/board.yaml:24:13: rules.guidance: there is no edition 'working-together-2019' of "
        "the guidance; the editions are: working-together-2015, working-together-2018, "
        "working-together-2023, care-act-2014",
    ]


def test_placeholders_meet_no_requirement(small: Path) -> None:
    assert runner.invoke(app, ["new", "2021-22", "--from", "2020-21"]).exit_code == 0
    result = runner.invoke(app, ["check", "2021-22"])
    lines = result.output.splitlines()
    assert (
        "Working Together to Safeguard Children 2015, chapter 3: 0 of 7 requirements met" in lines
    )
    assert "[met]" not in result.output
    assert (
        f"content/2021-22/report.yaml:7:23: warning: {WT} cover the preceding financial year; it "
        "is not met while the file that should meet it still says TO FILL IN (28 placeholders "
        "left): write them, starting here"
    ) in lines
    assert (
        f"content/2021-22/priorities/01-neglect.yaml:18:13: warning: to_develop: {WT} identify "
        "areas of weakness, their causes and the action being taken; write what still needs to "
        "develop, and why"
    ) in lines
