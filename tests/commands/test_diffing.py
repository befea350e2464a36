"""`lscb-report diff`: what a change does to the report's text and figures, against a git
revision, in a repository made for each test."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.commands.diffing import Unit, units
from lscb_report.commands.diffview import word_diff
from lscb_report.render.templating import DEFAULT_TEMPLATES
from tests.conftest import SMALL

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
KEY_MATTERS = "“2. Key Matters for the Committee\u2019s Consideration”"


def git(repo: Path, *args: str) -> str:
    """Run git in the repository as a test user; return what it printed."""
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    done = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose one commit, on main, holds the small fixture content."""
    shutil.copytree(SMALL, tmp_path / "content")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "The 2020-21 report")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(repo: Path) -> Path:
    return repo / "content" / "2020-21" / "report.yaml"


def diff(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["diff", "2020-21", *args])
    return result.exit_code, result.output


def test_no_change(repo: Path) -> None:
    code, output = diff("--base", "HEAD")
    assert code == 0, output
    assert output == (
        f"The 2020-21 report, compared with HEAD, commit {git(repo, 'rev-parse', '--short=7', 'HEAD')}\n"
        "\n"
        "Executive summary: no change to the text\n"
        "\n"
        "Annual report: no change to the text\n"
        "\n"
        "Figures: none changed\n"
    )


def test_a_commit_id_is_named_once(repo: Path) -> None:
    commit = git(repo, "rev-parse", "HEAD")
    code, output = diff("--base", commit)
    assert code == 0, output
    assert output.splitlines()[0] == f"The 2020-21 report, compared with commit {commit[:7]}"
    code, output = diff("--base", commit, "--format", "markdown")
    assert code == 0, output
    assert output.splitlines()[2] == f"Compared with commit `{commit[:7]}`."


def test_an_edited_paragraph_word_by_word_and_a_removed_one(repo: Path, edit: Edit) -> None:
    edit(
        report(repo),
        "The board has met four times.\n\n    It agreed two priorities.",
        "The board has met five times.",
    )
    code, output = diff("--base", "main")
    assert code == 0, output
    assert output.split("\n\n")[1].splitlines() == [
        "Executive summary: 1 changed, 1 removed",
        f"  Changed paragraph 2.1 in {KEY_MATTERS}:",
        "    The board has met [-four-] {+five+} times.",
        f"  Removed paragraph 2.2 in {KEY_MATTERS}:",
        "    [-It agreed two priorities.-]",
    ]
    assert output.split("\n\n")[2].splitlines() == [
        "Annual report: no change to the text",
    ]


def test_a_paragraph_added_early_does_not_renumber_the_rest_into_changes(
    repo: Path, edit: Edit
) -> None:
    edit(
        report(repo),
        "    The board has met four times.\n",
        "    The board was reconstituted in May.\n\n    The board has met four times.\n",
    )
    code, output = diff("--base", "main")
    assert code == 0, output
    assert output.split("\n\n")[1].splitlines() == [
        "Executive summary: 1 added",
        f"  Added paragraph 2.1 in {KEY_MATTERS}:",
        "    {+The board was reconstituted in May.+}",
    ]


def test_changed_figures_in_the_budget_and_metrics(repo: Path, edit: Edit) -> None:
    year = repo / "content" / "2020-21"
    edit(year / "budget.yaml", "amount: 45000.00", "amount: 46000.00")
    edit(year / "budget.yaml", "total: 85000.00", "total: 86000.00")
    edit(year / "budget.yaml", "carried_forward: 6000.00", "carried_forward: 5000.00")
    edit(year / "metrics.yaml", "2020-21: 140", "2020-21: 1400")
    edit(year / "metrics.yaml", "2020-21: 137", "2020-21: 1397")  # a part, withheld: not shown
    code, output = diff("--base", "main")
    assert code == 0, output
    assert output.split("\n\n")[-1].splitlines() == [
        "Figures: 4 changed",
        "  Budget spending: Training: £45,000 → £46,000",
        "  Budget spending: total: £85,000 → £86,000",
        "  Budget: carried forward: £6,000 → £5,000",
        "  Referrals to early help, 2020-21: 140 → 1,400",
    ]
    assert (
        "  Changed table row in “11.2 Expenditure”:\n    Training | [-£45,000-] {+£46,000+}\n"
        in (output)
    )
    code, markdown = diff("--base", "main", "--format", "markdown")
    assert code == 0, markdown
    assert markdown.endswith(
        "### Figures\n\n"
        "| Figure | Before | After |\n"
        "| --- | ---: | ---: |\n"
        "| Budget spending: Training | £45,000 | £46,000 |\n"
        "| Budget spending: total | £85,000 | £86,000 |\n"
        "| Budget: carried forward | £6,000 | £5,000 |\n"
        "| Referrals to early help, 2020-21 | 140 | 1,400 |\n"
    )


def test_markdown_for_the_job_summary_escapes_the_content(repo: Path, edit: Edit) -> None:
    edit(
        report(repo),
        "The board works well, and has more to do.",
        "The board works well, and has more to do.\n\n"
        "    A <img src=x onerror=alert(1)> and [a link](https://example.org) & *more*.",
    )
    code, output = diff("--base", "main", "--format", "markdown")
    assert code == 0, output
    commit = git(repo, "rev-parse", "--short=7", "main")
    assert output.startswith(
        "## What this change does to the 2020-21 report\n\n"
        f"Compared with `main`, commit `{commit}`.\n\n"
        "### Executive summary\n\nNo change to the text.\n\n"
        "### Annual report\n\n1 added.\n\n"
        "**Added paragraph in “9. Conclusions”**\n\n"
        "> <ins>A \\<img src=x onerror=alert(1)\\> and a link \\<https://example.org\\> "
        "\\& more.</ins>\n\n"
    )


def test_templates_are_read_at_the_revision_too(repo: Path) -> None:
    templates = repo / "templates"
    templates.mkdir()
    shutil.copy(DEFAULT_TEMPLATES / "summary-summary.md.j2", templates)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "The board's own executive summary template")
    template = templates / "summary-summary.md.j2"
    template.write_text(
        template.read_text().replace(
            "heading(placed.title)", 'heading("Summary for the Committee")'
        )
    )
    code, output = diff("--base", "HEAD")
    assert code == 0, output
    assert output.split("\n\n")[1].splitlines() == [
        "Executive summary: 1 changed",
        "  Changed heading in “Safeguarding Children Board Annual Report 2020-21 (Executive Summary)”:",
        "    1. [-Executive-] Summary {+for the Committee+}",
    ]


def test_the_working_tree_is_left_as_it_was(repo: Path, edit: Edit) -> None:
    edit(report(repo), "The board works well.", "The board works very well.")
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    head = git(repo, "rev-parse", "HEAD")
    code, output = diff("--base", "HEAD")
    assert code == 0, output
    assert "The board works {+very+} well." in output
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == status
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "stash", "list") == ""
    assert "The board works very well." in report(repo).read_text()


def test_a_year_new_since_the_revision_is_all_added(repo: Path) -> None:
    git(repo, "rm", "-q", "-r", "content/2020-21")
    git(repo, "commit", "-q", "-m", "Before the year")
    git(repo, "checkout", "-q", "HEAD~1", "--", "content/2020-21")
    code, output = diff("--base", "HEAD")
    assert code == 0, output
    assert output.splitlines()[1] == "2020-21 has no content at HEAD: all of it is new."
    assert (
        "Added paragraph 2.2 in “2. Key Matters for the Committee\u2019s Consideration”:" in output
    )
    assert "Changed" not in output and "Removed" not in output
    assert "  Budget spending: Training: none → £45,000" in output


def test_problems_at_the_revision_are_named_as_git_names_them(repo: Path, edit: Edit) -> None:
    budget = repo / "content" / "2020-21" / "budget.yaml"
    edit(budget, "total: 85000.00", "total: 1.00")
    git(repo, "commit", "-q", "-am", "A wrong total")
    edit(budget, "total: 1.00", "total: 85000.00")
    code, output = diff("--base", "main")
    assert code == 1
    assert output.splitlines() == [
        "main:content/2020-21/budget.yaml:27:10: expenditure.total: the total £1.00 does not "
        "equal the sum of the expenditure lines, £85,000.00; if the lines are right, make the "
        "total 85000.00",
        "2020-21: 1 error in 1 file; nothing to compare",
    ]


@pytest.mark.parametrize("base", ["no-such-branch", "HEAD~5", "--upload-pack=x", ""])
def test_a_bad_revision_is_a_usage_error(repo: Path, base: str) -> None:
    code, output = diff("--base", base)
    assert code == 2
    assert "Invalid value for '--base'" in output
    assert f"'{base}' is not a" in " ".join(output.replace("│", " ").split())


def test_outside_a_repository_is_a_usage_error(small: Path) -> None:
    code, output = diff("--base", "main")
    assert code == 2
    assert "is not in a git repository" in " ".join(output.replace("│", " ").split())


def test_word_diff_keeps_a_few_words_either_side_of_a_change() -> None:
    old = " ".join(f"w{n}" for n in range(40))
    new = old.replace("w20", "twenty")
    assert word_diff(old, new, context=3) == [
        ("=", "… w17 w18 w19"),
        ("-", "w20"),
        ("+", "twenty"),
        ("=", "w21 w22 w23 …"),
    ]


def test_each_unit_stands_under_its_heading_and_keeps_its_number_apart() -> None:
    markdown = (
        "# Report\n\n## 1. One\n\n### 1.1 Sub\n\nText with a [link](https://example.org).\n\n"
        "## 2. Two\n\n**2.1** Numbered.\n\n- An item\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"
    )
    assert units(markdown) == [
        Unit("heading", "Report", "the start"),
        Unit("heading", "1. One", "Report"),
        Unit("heading", "1.1 Sub", "1. One"),
        Unit("paragraph", "Text with a link <https://example.org>.", "1.1 Sub"),
        Unit("heading", "2. Two", "Report"),
        Unit("paragraph", "Numbered.", "2. Two", "2.1"),
        Unit("list item", "An item", "2. Two"),
        Unit("table row", "A | B", "2. Two"),
        Unit("table row", "1 | 2", "2. Two"),
    ]


def test_a_branch_only_origin_has_is_found_there(repo: Path, tmp_path: Path, edit: Edit) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    git(clone, "checkout", "-q", "-b", "change")
    git(clone, "branch", "-q", "-D", "main")
    edit(clone / "content" / "2020-21" / "report.yaml", "status: final", "status: draft")
    result = runner.invoke(
        app, ["diff", "2020-21", "--base", "main", "--content", str(clone / "content")]
    )
    assert result.exit_code == 0, result.output
    commit = git(clone, "rev-parse", "--short=7", "origin/main")
    assert result.output.splitlines()[0] == (
        f"The 2020-21 report, compared with origin/main, commit {commit}"
    )


def test_an_embargoed_review_never_reaches_the_diff(repo: Path, edit: Edit) -> None:
    """The pull request's summary is public: diff compares the public editions, so a change
    to an embargoed review's text shows nowhere in it."""
    review = repo / "content" / "2020-21" / "reviews" / "lr-child-d.yaml"
    edit(review, "did not share what they knew.", "did not share what they knew in time.")
    for output_format in ("text", "markdown"):
        code, output = diff("--base", "main", "--format", output_format)
        assert code == 0, output
        assert "Q7EMBARGOED" not in output and "in time" not in output
        assert output.count("o change to the text") == 2, output
