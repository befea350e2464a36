"""The fictional examples of today's regimes (examples/): each checks with --strict under its
profile's whole checklist, meets its schemas, and builds, saying it is fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from lscb_report.cli.app import app
from tests.content.test_schemas import errors

runner = CliRunner()
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize(
    ("example", "checklist", "chapter"),
    [
        (
            "eastmere-partnership",
            "Working Together to Safeguard Children 2023, chapter 2: 5 of 5 requirements met",
            "11. Independent scrutiny",
        ),
        (
            "westvale-sab",
            "The Care Act 2014, Schedule 2, paragraph 4: 9 of 9 requirements met",
            "5. What each member did to implement the strategy",
        ),
    ],
)
def test_an_example_checks_strictly_and_builds(
    tmp_path: Path, example: str, checklist: str, chapter: str
) -> None:
    content = EXAMPLES / example
    for path in sorted(content.rglob("*.yaml")):
        assert errors(path) == [], path
    checked = runner.invoke(app, ["check", "2024-25", "--content", str(content), "--strict"])
    assert checked.exit_code == 0, checked.output
    assert checklist in checked.output.splitlines()
    assert checked.output.splitlines()[-1] == "2024-25: no problems"
    out = tmp_path / "build"
    args = ["build", "2024-25", "--content", str(content), "--out", str(out), "--strict"]
    built = runner.invoke(app, [*args, "--format", "md", "--format", "pdf"])
    assert built.exit_code == 0, built.output
    report = (out / "2024-25" / "annual-report.md").read_text(encoding="utf-8")
    assert f"## {chapter}\n" in report
    assert "Not yet met." not in report
    pdf = PdfReader(out / "2024-25" / "annual-report.pdf")
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "This is a fictional example." in text
    assert "(illustrative figures)" in text
