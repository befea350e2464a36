"""The shape of the documents as the board's data, checked: each cover-sheet row filled and
no other, chapters the tool makes or the board's own with text, implications placed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import found

Edit = Callable[[Path, str, str], None]
REPORT = "content/2020-21/report.yaml"


def test_a_row_of_the_boards_cover_sheet_must_be_filled(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "  wards: All\n", "")
    assert found(small) == [
        f"{REPORT}:4:1: cover: the cover sheet's row 'Wards Involved' (content/board.yaml) has no "
        "value: add wards: its text under cover"
    ]


def test_a_value_for_no_row_is_an_unknown_key(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "  wards: All", "  ward: All")
    assert found(small) == [
        f"{REPORT}:4:1: cover: the cover sheet's row 'Wards Involved' (content/board.yaml) has no "
        "value: add wards: its text under cover",
        f"{REPORT}:10:3: cover.ward: unknown key 'ward'; did you mean 'wards'?",
    ]


def test_a_known_field_with_no_row_would_be_printed_nowhere(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "  wards: All", "  wards: All\n  key_decision: no")
    assert found(small) == [
        f"{REPORT}:11:3: cover.key_decision: the cover sheet (content/board.yaml) has no row for key_decision, so it "
        "would be printed nowhere: add a row with field: key_decision to cover_sheet, or remove "
        "it here"
    ]


def test_a_chapter_of_the_boards_own_needs_a_title_and_a_body(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "report.yaml",
        "recipients:",
        "chapters:\n  - id: introduction\n  - id: inspection\n  - id: budget\n    body: |\n"
        "      Text.\nrecipients:",
    )
    assert found(small) == [
        f"{REPORT}:46:14: implications[0].chapter: the full report has no chapter 'governance'; "
        "use one of: introduction, inspection, budget",
        f"{REPORT}:60:9: chapters[1].id: 'inspection' is not one the tool makes "
        "(introduction, governance, priorities, case-reviews, activities, conclusions, "
        "next-priorities, budget, glossary, recipients, little-progress, feedback, contributions, "
        "scrutiny) nor an activity's kind; one of your own "
        "needs a title and a body",
        f"{REPORT}:62:11: chapters[2].body: 'budget' is made by the tool from the content; "
        "remove its body, or give it an id of your own",
    ]


def test_an_implications_chapter_must_be_one_the_report_has(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "report.yaml", "chapter: budget", "chapter: budgte")
    assert found(small) == [
        f"{REPORT}:53:14: implications[1].chapter: the full report has no chapter 'budgte'; use one of: introduction, "
        "governance, priorities, case-reviews, activities, conclusions, next-priorities, budget, "
        "glossary, recipients"
    ]
