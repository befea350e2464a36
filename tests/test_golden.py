"""The Markdown, HTML and CSV match their golden copies; `make golden` regenerates them."""

from __future__ import annotations

import pytest

from tests.golden import CASES, GOLDEN, outputs


@pytest.mark.parametrize("case", sorted(CASES))
def test_outputs_match_golden_copies(case: str) -> None:
    for name, text in outputs(case).items():
        golden = (GOLDEN / case / name).read_bytes().decode("utf-8")
        assert text == golden, (
            f"{case}/{name} differs from its golden copy: run `make golden` "
            "and review the diff if the change is meant"
        )
