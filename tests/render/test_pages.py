"""The pages around the documents name the report as the board's regime does."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("profile", "name"),
    [("partnership-wt2023", "yearly report"), ("sab-care-act-2014", "annual report")],
)
def test_the_landing_page_names_the_report_as_the_regime_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    board = "Fenmoor Safeguarding Board"
    init = ["init", "fenmoor", "--board", board, "--year", "2023-24", "--profile", profile]
    assert runner.invoke(app, init).exit_code == 0
    built = runner.invoke(
        app, ["build", "2023-24", "--content", "fenmoor", "--format", "html", "--format", "md"]
    )
    assert built.exit_code == 0, built.output
    index = (tmp_path / "build" / "2023-24" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{board} {name} 2023-24</title>" in index
    assert f"Read the {name} as a web page" in index
    other = {"yearly report", "annual report"} - {name}
    assert not any(word in index.lower() for word in other)
    report = (tmp_path / "build" / "2023-24" / "annual-report.html").read_text(encoding="utf-8")
    assert f"<title>{board} {name.capitalize()} 2023-24</title>" in report
