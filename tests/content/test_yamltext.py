"""YAML written for people: prose in blocks, quotes only where needed, and always read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lscb_report.content.loading import load_bytes
from lscb_report.content.yamltext import Note, document


def read(text: str) -> Any:
    loaded, problems = load_bytes(text.encode("utf-8"), "x.yaml")
    assert problems == [], text
    assert loaded is not None
    return loaded.data


def test_a_file_reads_like_the_hand_written_content() -> None:
    text = document(
        {
            "title": "Serious case review: Child A",
            "status": "in-progress",
            "started": "2014-15",
            "wards": "no",
            "established": "2012",
            "body": "First paragraph,\nstill the first.\n\nSecond paragraph.",
            "partners": ["police", "health"],
            "metrics": Note([], "ids from metrics.yaml"),
            "lines": [{"partner": "wcc", "amount": Note(Decimal("0.00"), "TO FILL IN: it")}],
            "date": date(2016, 10, 8),
            "values": {"2014-15": Decimal("25"), "2015-16": Note(None, "not yet known")},
            "illustrative": True,
        },
        ["yaml-language-server: $schema=../schemas/x.schema.json", "A note"],
    )
    assert text == (
        "# yaml-language-server: $schema=../schemas/x.schema.json\n"
        "# A note\n"
        'title: "Serious case review: Child A"\n'
        "status: in-progress\n"
        "started: 2014-15\n"
        'wards: "no"\n'
        'established: "2012"\n'
        "body: |\n"
        "  First paragraph,\n"
        "  still the first.\n"
        "\n"
        "  Second paragraph.\n"
        "partners:\n"
        "  - police\n"
        "  - health\n"
        "metrics: []  # ids from metrics.yaml\n"
        "lines:\n"
        "  - partner: wcc\n"
        "    amount: 0.00  # TO FILL IN: it\n"
        "date: 2016-10-08\n"
        "values:\n"
        "  2014-15: 25\n"
        "  2015-16:  # not yet known\n"
        "illustrative: true\n"
    )
    data = read(text)
    assert data["body"] == "First paragraph,\nstill the first.\n\nSecond paragraph.\n"
    assert data["wards"] == "no"
    assert data["values"] == {"2014-15": "25", "2015-16": None}


def expected(text: str) -> str:
    """What a value reads back as: prose blocks end in one newline and blank lines are empty."""
    inner = text.strip("\n")
    if (
        "\n" in inner
        and not inner.startswith(" ")
        and all(ch == "\n" or ch.isprintable() for ch in inner)
    ):
        lines = ["" if not line.strip() else line for line in inner.split("\n")]
        return "\n".join(lines).rstrip("\n") + "\n"
    return text


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=120)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_any_text_reads_back_as_it_was(text: str) -> None:
    data = read(document({"key": text, "list": [text], "map": {"inner": {"deeper": text}}}, []))
    assert data["key"] == expected(text)
    assert data["list"] == [expected(text)]
    assert data["map"] == {"inner": {"deeper": expected(text)}}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a", "b c", "- x", "#y", "k: v", "", "  z", "'q'"]), max_size=8))
def test_prose_made_of_awkward_lines_reads_back(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert read(document({"body": text}, []))["body"] == expected(text)
