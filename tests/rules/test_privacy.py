"""Personal data lint: each kind of personal data is an error at its own line and column,
inside block scalars too, and the message never repeats what was found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import found as found_all

Edit = Callable[[Path, str, str], None]
MISSING = "content/2020-21/priorities/02-missing.yaml"


def found(content: Path) -> list[str]:
    """The errors check finds; the words used here ('NHS', 'DOB') also draw glossary warnings,
    which are another rule's business."""
    return [p for p in found_all(content) if ": warning: " not in p]


def test_the_fixtures_hold_no_personal_data(small: Path) -> None:
    assert found(small) == []


def test_each_kind_at_its_column_inside_a_block(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.\n",
        "  Return interviews were offered. Call 020 7946 0123 or write to\n"
        "  someone@example.org quoting NHS number 943 476 5919.\n"
        "\n"
        "  The family lived near SW1A 1AA and the child, born on 3 May 2012, moved.\n",
    )
    assert found(small) == [
        f"{MISSING}:6:40: body: a phone number is written here; phone numbers belong only in "
        "the contact fields of the board's chair and the report's author (phone:); a service's "
        "public line may be printed once it is listed in public_contacts in board.yaml",
        f"{MISSING}:7:3: body: an e-mail address is written here; e-mail addresses belong only "
        "in the contact fields of the board's chair and the report's author (email:); a service's "
        "public address may be printed once it is listed in public_contacts in board.yaml",
        f"{MISSING}:7:42: body: a number like an NHS number (10 digits) is written here, which "
        "identifies a person; remove it",
        f"{MISSING}:9:25: body: a postcode is written here, which can show where a child or "
        "family lives; remove it, or name the area instead",
        f"{MISSING}:9:49: body: a date of birth is written here, which can identify a child; "
        "remove it (give an age group, such as 'under 5', if age matters)",
    ]


def test_the_message_does_not_repeat_the_data(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", "Take-up varies.", "DOB 01/02/2013.")
    messages = found(small)
    assert messages == [
        f"{MISSING}:10:3: to_develop: a date of birth is written here, which can identify a "
        "child; remove it (give an age group, such as 'under 5', if age matters)"
    ]
    assert "2013" not in messages[0]


@pytest.mark.parametrize("words", ["Her birthday is 3 May 2012.", "His birthdate, 3 May 2012, was"])
def test_a_birthday_is_a_date_of_birth(small: Path, edit: Edit, words: str) -> None:
    edit(small / "2020-21" / "priorities" / "02-missing.yaml", "Take-up varies.", words)
    assert found(small) == [
        f"{MISSING}:10:7: to_develop: a date of birth is written here, which can identify a "
        "child; remove it (give an age group, such as 'under 5', if age matters)"
    ]


def test_a_plain_value_and_a_folded_block(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "title: Children who go missing",
        "title: Children who go missing from W2 1NY",
    )
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "impact: |\n  More children were offered an interview.",
        "impact: >\n  More children were offered\n  an interview on 07700 900123.",
    )
    assert found(small) == [
        f"{MISSING}:2:37: title: a postcode is written here, which can show where a child or "
        "family lives; remove it, or name the area instead",
        f"{MISSING}:9:19: impact: a phone number is written here; phone numbers belong only in "
        "the contact fields of the board's chair and the report's author (phone:); a service's "
        "public line may be printed once it is listed in public_contacts in board.yaml",
    ]


def test_contact_fields_may_hold_a_phone_and_an_e_mail(small: Path, edit: Edit) -> None:
    report = small / "2020-21" / "report.yaml"
    assert "phone: 01234 567890" in report.read_text()
    assert "email: sam.author@example.gov.uk" in report.read_text()
    edit(report, "  wards: All", "  wards: All (ring 01234 567890)")
    assert found(small) == [
        "content/2020-21/report.yaml:10:20: cover.wards: a phone number is written here; phone "
        "numbers belong only in the contact fields of the board's chair and the report's author "
        "(phone:); a service's public line may be printed once it is listed in public_contacts "
        "in board.yaml"
    ]


def test_numbers_that_are_not_personal_data(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        "Return interviews were offered to 1,234 children in 2020-21, at a cost of "
        "£1,250,000.00, under section 11 of the Children Act 2004 (see 2019-04-01 minutes).",
    )
    assert found(small) == []


def test_a_review_subject_must_be_an_anonymised_label(small: Path, edit: Edit) -> None:
    review = small / "2020-21" / "reviews" / "scr-child-a.yaml"
    edit(review, "subject: Child A", "subject: Jane Smith")
    assert found(small) == [
        "content/2020-21/reviews/scr-child-a.yaml:4:10: subject: the subject must be an "
        "anonymised label such as 'Child A' (or 'Baby B', 'Young Person C', 'Family D'), never a "
        "name or initials that could identify the child; write the label and use it in the title "
        "and text"
    ]


def test_labels_that_are_anonymised(small: Path, edit: Edit) -> None:
    review = small / "2020-21" / "reviews" / "scr-child-a.yaml"
    for label in ("Children A and B", "Baby C", "Young Person D", "Family E", "Child AB2"):
        review.write_text(review.read_text().replace("subject: Child A", f"subject: {label}"))
        assert found(small) == [], label
        review.write_text(review.read_text().replace(f"subject: {label}", "subject: Child A"))


def test_a_public_line_declared_in_board_yaml_may_be_printed(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        "Return interviews were offered; the LADO's line is 020 7641 7668 (lado@example.gov.uk).",
    )
    assert [p.split(": body: ")[1][:30] for p in found(small)] == [
        "a phone number is written here",
        "an e-mail address is written h",
    ]
    board = small / "board.yaml"
    board.write_text(
        board.read_text() + "public_contacts:\n  - 020 7641 7668\n  - lado@example.gov.uk\n"
    )
    assert found(small) == []
