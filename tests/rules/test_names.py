"""Names in prose: a person's name is an error at its line and column, without repeating it;
the names the board declares, its places and its glossary may be printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import found

Edit = Callable[[Path, str, str], None]
MISSING = "content/2020-21/priorities/02-missing.yaml"
NAMED = (
    "a person's name seems to be written here, which could identify a child or family; write "
    "an anonymised label such as 'Child A' instead, or, if this is someone or somewhere the "
    "report may name, add the name to public_names in board.yaml"
)


def errors(content: Path) -> list[str]:
    return [p for p in found(content) if ": warning: " not in p]


def test_a_child_named_with_an_age_and_a_place(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.\n",
        "  Return interviews were offered. One case concerned Jamie Smith, aged 13, who\n"
        "  was found in a hotel in Earls Court.\n",
    )
    assert errors(small)[1:] == [f"{MISSING}:6:54: body: {NAMED}"]
    assert errors(small)[0].startswith(f"{MISSING}:6:35: body: 'One case' is a count below 5")
    assert not [e for e in errors(small) if "Jamie" in e or "Smith" in e]


def test_a_title_and_a_given_name_with_an_age(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.\n",
        "  Return interviews were offered. Mrs O'Connor said that Priya, aged 4,\n"
        "  had gone missing twice.\n",
    )
    assert errors(small) == [f"{MISSING}:6:35: body: {NAMED}", f"{MISSING}:6:58: body: {NAMED}"]


def test_declared_names_places_and_terms_may_be_printed(small: Path, edit: Edit) -> None:
    board = small / "board.yaml"
    text = board.read_text()
    chair = text.split("chair:\n  name: ", 1)[1].split("\n", 1)[0]
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.\n",
        f"  Return interviews were offered. {chair} met Grace Adeyemi at Victoria Park.\n",
    )
    assert errors(small) == [f"{MISSING}:6:50: body: {NAMED}"]
    board.write_text(text + "public_names:\n  - Grace Adeyemi\n")
    assert errors(small) == []


def test_the_sample_report_names_no_one_it_has_not_declared() -> None:
    from tests.conftest import CONTENT

    assert [p for p in found(CONTENT, "2014-15") if "personal-name" in p or "name seems" in p] == []


def test_fields_that_name_an_officer_by_design_are_not_prose(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "approved_by: Alex Chair, Independent Chair",
        "approved_by: Sam Jones, Director of Children's Services",
    )
    assert errors(small) == []


def test_a_name_after_a_relation_or_before_an_age_in_brackets(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.\n",
        "  Return interviews were offered. His mother, Hodan, called; Priya (13) and\n"
        "  her brother Kacper were seen. Westminster (13) and our partner, Southvale, agreed.\n",
    )
    assert errors(small) == [
        f"{MISSING}:6:47: body: {NAMED}",
        f"{MISSING}:6:62: body: {NAMED}",
        f"{MISSING}:7:15: body: {NAMED}",
    ]
