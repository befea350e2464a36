"""The pull-request workflow's scripts: which years a change touches, and the review posted on
the pull request. And the workflows name no reporting year: they find the years."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from tests.conftest import ROOT, SMALL

SCRIPTS = ROOT / ".github" / "scripts"


def script(name: str) -> ModuleType:
    """A script of .github/scripts, imported."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


touched_years = script("touched_years")
review = script("review")
YEARS = ["2016-17", "2015-16", "2014-15"]


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["content/2015-16/budget.yaml"], ["2015-16"]),
        (["content/2014-15/reviews/a.yaml", "content/2016-17/report.yaml"], ["2016-17", "2014-15"]),
        (["content/board.yaml"], YEARS),
        (["content/images/logo.png"], YEARS),
        (["templates/style.css"], YEARS),
        (["src/lscb_report/render/markup.py"], YEARS),
        (["pyproject.toml"], YEARS),
        (["README.md", "tests/test_seed.py", "content/README.md"], YEARS),
        (["content/2013-14/report.yaml"], []),
        (["contents/2014-15/report.yaml"], []),
    ],
)
def test_the_years_a_change_touches(changed: list[str], expected: list[str]) -> None:
    assert touched_years.touched(changed, YEARS) == expected


def test_the_years_of_a_content_folder_newest_first(tmp_path: Path) -> None:
    for name in ("2014-15", "2016-17", "images", "2015-16"):
        (tmp_path / name).mkdir()
    (tmp_path / "2017-18").write_text("")
    assert touched_years.years_in(tmp_path) == YEARS


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of the small board, with a change to 2020-21 on a branch off main."""
    shutil.copytree(SMALL, tmp_path / "content")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "2020-21")
    git(tmp_path, "checkout", "-q", "-b", "change")
    budget = tmp_path / "content" / "2020-21" / "budget.yaml"
    budget.write_text(budget.read_text().replace("total: 85000.00", "total: 1.00", 1))
    git(tmp_path, "commit", "-q", "-am", "A wrong total")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_the_touched_years_of_a_pull_request(pull_request: Path) -> None:
    assert touched_years.touched(touched_years.changed_files("main"), ["2020-21"]) == ["2020-21"]


def test_the_review_puts_the_check_first_then_the_diff_then_the_checklist_folded(
    pull_request: Path,
) -> None:
    links = {"run": "https://example.org/run", "artifacts": "https://example.org/reports"}
    text = review.review(["2020-21"], "main", links, ["2020-21"])
    assert text.startswith("<!-- lscb-report review -->\n# The report\n\n## Check\n\n")
    assert (
        "\n:x: **2020-21**: 1 error, 0 warnings\n\n~~~~~text\ncontent/2020-21/budget.yaml:27:10"
        in text
    )
    assert "content/2020-21/budget.yaml:27:10: expenditure.total: the total £1.00" in text
    assert "[attached to this run](https://example.org/reports)" in text
    order = [
        text.index("## Check"),
        text.index("## What this change does to the 2020-21 report"),
        text.index("## Statutory checklist"),
    ]
    assert order == sorted(order)
    checklist = text[text.index("## Statutory checklist") :]
    assert re.search(r"<details><summary>2020-21: .+ requirements met</summary>", checklist)
    assert checklist.rstrip().endswith("</details>")


def test_a_change_that_touches_no_year_says_so() -> None:
    assert (
        review.review([], "main", {}, []).splitlines()[-1] == "This change touches no report year."
    )


def test_a_review_too_long_for_a_comment_is_cut_and_says_where_the_rest_is() -> None:
    long = "\n".join(["~~~~~text", *(["x" * 99] * 1000), "~~~~~"])
    cut = review.shorten(long, "https://example.org/run")
    assert len(cut) < 65_536
    assert "\n~~~~~\n\n**This review is cut short here" in cut
    assert cut.endswith("[this run](https://example.org/run).")


def test_a_fence_is_longer_than_any_tildes_in_what_it_holds() -> None:
    assert review.fenced(["a ~~~~~~~ b"]) == ["~~~~~~~~text", "a ~~~~~~~ b", "~~~~~~~~"]


def test_the_workflows_name_no_reporting_year() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in (ROOT / ".github").rglob("*")
        if path.is_file()
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"20[0-9][0-9]-[0-9][0-9]", line)
    ]
    assert found == []


def test_the_comment_script_looks_for_the_reviews_own_marker() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text())
    job = workflow["jobs"]["report"]
    assert job["permissions"]["pull-requests"] == "write"
    post = next(s for s in job["steps"] if "github-script" in s.get("uses", ""))
    assert f'const marker = "{review.MARKER}";' in post["with"]["script"]


def test_the_publish_workflow_runs_the_site_command() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    runs = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    assert [r for r in runs if "lscb-report" in r] == ["lscb-report site --out build/site"]
    upload = next(
        s for s in workflow["jobs"]["build"]["steps"] if "upload-pages" in s.get("uses", "")
    )
    assert upload["with"]["path"] == "build/site"
