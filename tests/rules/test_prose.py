"""Prose pitfalls: paragraphs a plain or folded value runs together, and paragraph numbers
typed by hand, each at its line and column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import found

Edit = Callable[[Path, str, str], None]
MISSING = "content/2020-21/priorities/02-missing.yaml"
MERGED = (
    "this text has more than one paragraph, but it is not written as a block, so they would "
    "be printed as one; write the key with | after it (body: |) and the text on the lines "
    "below, indented"
)


@pytest.mark.parametrize("style", ["", " >"])
def test_paragraphs_a_plain_or_folded_value_would_merge(
    small: Path, edit: Edit, style: str
) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "body: |\n  Return interviews were offered.\n",
        f"body:{style}\n  Return interviews were offered.\n\n  Most were taken up.\n",
    )
    assert found(small) == [f"{MISSING}:6:3: body: {MERGED}"]


def test_one_paragraph_over_several_lines_is_fine(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "body: |\n  Return interviews were offered.\n",
        "body: >\n  Return interviews\n  were offered.\n",
    )
    assert found(small) == []


def test_a_paragraph_number_typed_by_hand(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  Return interviews were offered.\n",
        "  10.1 The LADO manages allegations.\n\n  It took 2.5 days on average.\n\n"
        "  3.3.1. Return interviews were offered.\n",
    )
    warnings = [p for p in found(small) if "numbers its paragraphs" in p]
    assert warnings == [
        f"{MISSING}:6:3: warning: body: this paragraph starts with the number 10.1, but the "
        "report numbers its paragraphs itself, so it would be numbered twice; delete the number",
        f"{MISSING}:10:3: warning: body: this paragraph starts with the number 3.3.1., but the "
        "report numbers its paragraphs itself, so it would be numbered twice; delete the number",
    ]
