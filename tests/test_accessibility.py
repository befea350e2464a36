"""Every HTML page the tool writes (both documents, the landing page, a draft, the preview's
problem page) passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules in a real browser
(Debian's Chromium, driven by playwright-core), at a desktop and a phone width, and a page
built asks for nothing outside itself. `make test` installs what this needs; without it the test is skipped on a
developer's machine and fails under CI=true, where a skip would hide a missing install step."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.commands.serve import Preview
from lscb_report.content.reading import read_content
from lscb_report.render.site import site_index_html
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT, ROOT

CHECK = ROOT / "tests" / "axe" / "check.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
PAGES = [
    "executive-summary.html",
    "annual-report.html",
    "index.html",
    "draft/executive-summary.html",
    "site/index.html",
]
SERVED = ["preview/problems.html"]  # served by `serve`, which adds its polling script


def missing() -> list[str]:
    """What the browser check needs that this machine lacks."""
    needs = {
        "Node.js (node)": shutil.which("node") is not None,
        f"Chromium ({CHROMIUM})": CHROMIUM.is_file(),
        "axe-core and playwright-core (npm ci)": all(
            (ROOT / "node_modules" / name / "package.json").is_file()
            for name in ("axe-core", "playwright-core")
        ),
    }
    return [name for name, present in needs.items() if not present]


@pytest.fixture(scope="module")
def axe(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    """axe's report on every HTML page of 2014-15, on a draft, and on the site's index, by
    page and width."""
    lacking = missing()
    if lacking:
        reason = f"the accessibility check needs {', '.join(lacking)}: run `make test`"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("axe")
    year = FinancialYear.parse("2014-15")
    build(BuildConfig(year, CONTENT, None, out, formats=("html",)))
    draft = out / "draft-content"
    shutil.copytree(CONTENT, draft)
    report = draft / "2014-15" / "report.yaml"
    report.write_text(report.read_text().replace("status: final", "status: draft", 1))
    build(BuildConfig(year, draft, None, out / "draft", ("html",), ("executive-summary",)))
    (out / "2014-15" / "draft").mkdir()
    shutil.move(out / "draft" / "2014-15" / "executive-summary.html", out / "2014-15" / "draft")
    (out / "2014-15" / "site").mkdir()
    (out / "2014-15" / "site" / "index.html").write_bytes(site_index(year))
    (out / "2014-15" / "preview").mkdir()
    (out / "2014-15" / "preview" / "problems.html").write_text(problems_page(draft, out))
    files = [str(out / "2014-15" / page) for page in PAGES + SERVED]
    result = subprocess.run(
        ["node", str(CHECK), *files], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    runs = json.loads(result.stdout)["report"]
    return {(str(Path(r["file"]).relative_to(out / "2014-15")), r["width"]): r for r in runs}


def site_index(year: FinancialYear) -> bytes:
    """The public site's index page, listing 2014-15 and two later years."""
    read = read_content(CONTENT, year)
    assert read is not None
    years = [year, year.next(), year.next().next()]
    return site_index_html(read.content.board, years, None, "2015-10-01")


def described(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {n['target']}: {n['summary']}" for n in v["nodes"][:5])
        for v in violations
    )


def problems_page(content: Path, out: Path) -> str:
    """The page the preview shows while the content has an error, as it serves it."""
    budget = content / "2014-15" / "budget.yaml"
    budget.write_text(budget.read_text().replace("illustrative: true", "illustrative: maybe", 1))
    config = BuildConfig(FinancialYear.parse("2014-15"), content, None, out / "preview")
    preview = Preview(config, port=0)
    preview.start(interval=60)
    try:
        with pytest.raises(urllib.error.HTTPError) as served:
            urllib.request.urlopen(preview.url, timeout=60)
        page = served.value.read().decode("utf-8")
    finally:
        preview.stop()
    assert "The report cannot be built: 1 error in 1 file" in page
    return str(page)


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("page", PAGES + SERVED)
def test_no_wcag_a_or_aa_violations(
    axe: dict[tuple[str, str], dict[str, Any]], page: str, width: str
) -> None:
    violations = axe[(page, width)]["violations"]
    assert violations == [], f"{page} at {width} width:\n{described(violations)}"


@pytest.mark.parametrize("page", PAGES)
def test_a_page_asks_for_nothing_outside_itself(
    axe: dict[tuple[str, str], dict[str, Any]], page: str
) -> None:
    assert axe[(page, "desktop")]["requests"] == []
