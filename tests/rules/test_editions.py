"""The editions after 2015 (Working Together 2018 and 2023, the Care Act 2014) and which one a
year is held to: the board's choice, its history, or the children's edition in force."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.content.models.board import ProfileId
from lscb_report.content.profiles import PROFILES
from lscb_report.content.reading import read_content
from lscb_report.render.pages import document_html
from lscb_report.render.templating import render_markdown
from lscb_report.rules.guidance import (
    EDITIONS,
    checklist,
    checklist_data,
    checklist_lines,
    edition_for,
    in_force,
)
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import found

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
YEAR = FinancialYear.parse("2020-21")
NAMED = "guidance: working-together-2015  # the LSCB's guidance, though its year is 2020-21"
WT18 = "Working Together to Safeguard Children 2018 asks that the report"
CARE = "the Care Act 2014 asks that the report"


def name(small: Path, edit: Edit, guidance: str) -> None:
    """Name the edition (or history) the small board's years are held to."""
    edit(small / "board.yaml", NAMED, guidance)


@pytest.mark.parametrize(
    ("first", "edition"),
    [
        (2013, "working-together-2015"),
        (2014, "working-together-2015"),
        (2018, "working-together-2015"),
        (2019, "working-together-2018"),
        (2023, "working-together-2018"),
        (2024, "working-together-2023"),
        (2030, "working-together-2023"),
    ],
)
def test_a_year_is_held_to_the_childrens_edition_in_force(first: int, edition: str) -> None:
    assert in_force(FinancialYear(first)).id == edition


def test_a_board_that_names_no_edition_gets_its_profiles(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", f"rules:\n  {NAMED}\n", "")
    assert edition_for(load_content(small, YEAR)) is EDITIONS["working-together-2015"]
    edit(small / "board.yaml", "\nname:", "\nprofile: sab-care-act-2014\nname:")
    assert edition_for(load_content(small, YEAR)) is EDITIONS["care-act-2014"]


def test_before_its_profiles_edition_applies_a_year_gets_the_one_in_force(
    small: Path, edit: Edit
) -> None:
    edit(small / "board.yaml", f"rules:\n  {NAMED}\n", "profile: partnership-wt2023\n")
    assert edition_for(load_content(small, YEAR)) is EDITIONS["working-together-2018"]


def test_each_profile_is_held_to_an_edition_and_board_yaml_allows_each() -> None:
    assert set(PROFILES) == set(get_args(ProfileId))
    for chosen in PROFILES.values():
        assert chosen.edition in EDITIONS, chosen.id


@pytest.mark.parametrize(
    ("history", "edition"),
    [
        ("{2014-15: working-together-2015, 2019-20: working-together-2018}", "2018"),
        ("{2014-15: working-together-2015, 2021-22: working-together-2018}", "2015"),
        ("{2019-20: working-together-2018, 2014-15: working-together-2015}", "2018"),
        ("{2020-21: working-together-2015}", "2015"),
    ],
)
def test_a_history_holds_each_year_to_its_own_edition(
    small: Path, edit: Edit, history: str, edition: str
) -> None:
    name(small, edit, f"guidance: {history}")
    assert edition_for(load_content(small, YEAR)).id == f"working-together-{edition}"


def test_a_year_before_the_history_gets_its_profiles_edition(small: Path, edit: Edit) -> None:
    name(small, edit, "guidance: {2021-22: care-act-2014}")
    assert edition_for(load_content(small, YEAR)) is EDITIONS["working-together-2015"]


def test_every_mistake_in_a_history_is_an_error_at_its_line(small: Path, edit: Edit) -> None:
    name(
        small,
        edit,
        "guidance:\n    2019: working-together-2018\n    2014-15: working-together-2016\n"
        "    2020-21: working-together-2023",
    )
    assert found(small) == [
        "content/board.yaml:25:5: rules.guidance.2019: '2019' is not a financial year; write it "
        "like 2014-15: each key is the first year an edition applied to, such as 2019-20",
        "content/board.yaml:26:14: rules.guidance.2014-15: there is no edition "
        "'working-together-2016' of the guidance; the editions are: working-together-2015, "
        "working-together-2018, working-together-2023, care-act-2014",
        "content/board.yaml:27:14: rules.guidance.2020-21: Working Together to Safeguard "
        "Children 2023 applies to reports from 2024-25 on, so 2020-21 cannot be held to it: name "
        "the edition in force in 2020-21",
    ]
    assert runner.invoke(app, ["check", "2020-21"]).exit_code == 1


def test_working_together_2018_in_check(small: Path, edit: Edit) -> None:
    name(small, edit, "guidance: working-together-2018")
    assert found(small) == [
        f"content/2020-21/report.yaml:2:1: warning: feedback: {WT18} say how the partners sought "
        "and used feedback from children and families; write it in report.yaml as feedback",
        f"content/2020-21/report.yaml:2:1: warning: little_progress: {WT18} analyse any areas "
        "where there has been little or no evidence of progress on agreed priorities; write it "
        "in report.yaml as little_progress",
    ]
    lines = runner.invoke(app, ["check", "2020-21"]).output.splitlines()
    start = lines.index(
        "Working Together to Safeguard Children 2018, the yearly report: 5 of 7 requirements met"
    )
    assert lines[start + 1] == (
        "  source: the safeguarding partners' yearly report (chapter and paragraph not checked): "
        "wording not checked against the published text, as found in Buckinghamshire Council's "
        "Cabinet record of the partnership's 2022-23 report, "
        "https://buckinghamshire.moderngov.co.uk/mgAi.aspx?ID=21205"
    )
    assert lines[start + 2 : start + 4] == [
        "  [met] Be published at least once in every 12-month period",
        "      content/2020-21/report.yaml",
    ]
    assert (
        "  [not checked] where the report is to be sent: no source here named its recipients"
        in (lines)
    )


def test_a_missing_training_chapter_under_2018(small: Path, edit: Edit) -> None:
    name(small, edit, "guidance: working-together-2018")
    (small / "2020-21" / "activities" / "training.yaml").unlink()
    assert found(small)[0] == (
        f"content/2020-21/activities/training.yaml:1:1: warning: {WT18} include the impact of "
        "training; the file is missing: add the chapter as activities/training.yaml (kind: "
        "training)"
    )


def test_working_together_2023_lists_what_no_source_confirmed(small: Path, edit: Edit) -> None:
    name(small, edit, "guidance: working-together-2023")
    assert found(small) == [
        "content/board.yaml:24:13: rules.guidance: Working Together to Safeguard Children 2023 "
        "applies to reports from 2024-25 on, so 2020-21 cannot be held to it: name the edition "
        "in force in 2020-21",
    ]
    edit(small / "2020-21" / "report.yaml", "title: Annual Report 2020-21", "title: Yearly Report")
    read = read_content(small, YEAR)
    assert read is not None
    held = checklist(read.content)
    assert [str(i.finding.problem) for i in held.items if i.finding.problem] == [
        "content/2020-21/report.yaml:3:8: title: Working Together to Safeguard Children 2023 "
        "asks that the report cover the activity undertaken in a 12-month period; name the year "
        "in the title, for example title: Annual Report 2020-21",
        "content/2020-21/report.yaml:2:1: scrutiny: Working Together to Safeguard Children "
        "2023 asks that the report include the independent scrutineer's evaluation of the "
        "arrangements; add the scrutineer's own section as scrutiny (scrutineer: name and role, "
        "body)",
    ]
    data = checklist_data(held)
    assert data["edition"] == "working-together-2023"
    requirements = data["requirements"]
    assert isinstance(requirements, list)
    assert [r["met"] for r in requirements] == [False, True, True, True, False]
    assert requirements[4]["source"] == {
        "part": "chapter 2, independent scrutiny (paragraph not checked)",
        "address": None,
        "verified": False,
        "found_in": "the issue that asked for this edition only; no source here confirmed it",
    }
    assert "  [not checked] the full list of what the report must contain" in checklist_lines(held)


def test_the_care_act_checks_the_recipients_it_names(small: Path, edit: Edit) -> None:
    name(small, edit, "guidance: care-act-2014")
    problems = found(small)
    assert (
        "content/2020-21/report.yaml:59:3: warning: recipients: the Care Act 2014 asks that the "
        "report be sent to the chief executive of the local authority, the leader of the local "
        "authority, the local policing body, the Local Healthwatch organisation and the chair of "
        "the Health and Wellbeing Board; add the Local Healthwatch organisation to recipients"
    ) in problems
    edit(
        small / "2020-21" / "report.yaml",
        "recipients:\n",
        "recipients:\n  - Healthwatch Northtown\n",
    )
    assert not any("recipients:" in problem for problem in found(small))


def test_the_care_act_asks_for_the_findings_of_each_concluded_review(
    small: Path, edit: Edit
) -> None:
    name(small, edit, "guidance: care-act-2014")
    review = small / "2020-21" / "reviews" / "scr-child-a.yaml"
    edit(review, "status: in-progress", "status: published")
    edit(review, "learning:\n  - Share information early.\n", "")
    assert (
        f"content/2020-21/reviews/scr-child-a.yaml:2:1: warning: learning: {CARE} give the "
        "findings of each safeguarding adults review concluded in the year; list this review's "
        "findings under learning"
    ) in found(small)


def test_the_care_act_appendix_cites_each_paragraph(small: Path, edit: Edit) -> None:
    name(small, edit, "guidance: care-act-2014")
    content = load_content(small, YEAR)
    markdown = render_markdown(content, "annual-report", None)
    appendix = markdown.split("## Appendix: How this report meets the Care Act 2014\n")[1]
    assert appendix.startswith(
        "\nThis appendix shows where this report does what the Care Act 2014 (Schedule 2, "
        "paragraph 4) asks of a Safeguarding Adults Board's annual report.\n\n"
        "| The Care Act 2014 asks that the report | Source | Where this report does so |\n"
    )
    address = "https://www.legislation.gov.uk/ukpga/2014/23/schedule/2/paragraph/4/enacted"
    assert (
        "| say what each member has done during the year to implement the strategy | Schedule 2, "
        "paragraph 4(1)(c) | Not yet met. |"
    ) in appendix
    assert (
        "The text of the Care Act 2014, Schedule 2, paragraph 4, is published at "
        f"[legislation.gov.uk]({address})."
    ) in appendix
    assert "(not checked)" not in appendix
    html = document_html(content, "annual-report", markdown, None)
    anchors = re.findall(r"\]\(#([^)]+)\)", appendix)
    assert anchors and all(f'id="{anchor}"' in html for anchor in anchors)


@pytest.mark.parametrize(
    ("guidance", "sentence"),
    [
        ("care-act-2014", "As the Care Act 2014 requires, this report is submitted to:"),
        ("working-together-2015", "As Working Together to Safeguard Children 2015 requires, this"),
        ("working-together-2018", "This report is submitted to:"),
    ],
)
def test_the_recipients_chapter_names_the_edition_only_where_it_names_them(
    small: Path, edit: Edit, guidance: str, sentence: str
) -> None:
    name(small, edit, f"guidance: {guidance}")
    markdown = render_markdown(load_content(small, YEAR), "annual-report", None)
    chapter = markdown.split("Who receives this report\n\n")[1]
    assert chapter.startswith(sentence)
