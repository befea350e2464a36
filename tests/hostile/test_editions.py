"""The board's restricted edition and the public one never share a folder or a cache: the
public edition's output and cache hold nothing made from restricted or embargoed text."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from lscb_report.cli.app import app

runner = CliRunner()
EMBARGOED = b"Q7EMBARGOED"  # a word only the embargoed review in the small fixture holds


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        Path(root, name).relative_to(folder).as_posix(): Path(root, name).read_bytes()
        for root, _, names in os.walk(folder)
        for name in names
    }


def test_the_board_edition_keeps_its_own_cache(small: Path) -> None:
    out = small.parent / "build"
    public = runner.invoke(app, ["build", "2020-21", "--document", "annual-report"])
    assert public.exit_code == 0, public.output
    before = files_under(out / ".cache")
    board = runner.invoke(
        app, ["build", "2020-21", "--audience", "board", "--document", "annual-report"]
    )
    assert board.exit_code == 0, board.output
    assert files_under(out / ".cache") == before  # the public cache is as it was
    kept = files_under(out / ".cache-board")
    assert any(name.startswith("pdf/") and name.endswith(".pdf") for name in kept)
    assert sorted(p.name for p in out.iterdir()) == [
        ".cache",
        ".cache-board",
        "2020-21",
        "2020-21-board",
    ]
    assert EMBARGOED in (out / "2020-21-board" / "annual-report.md").read_bytes()
    for name, data in {**files_under(out / "2020-21"), **before}.items():
        assert EMBARGOED not in data, name
