"""The package as CI and users install it: a wheel built from the sources, installed (not
editable) into a fresh virtual environment outside the repository, runs every command.

For speed the fresh environment gets lscb-report alone (``--no-deps``) and finds its
dependencies through a ``.pth`` line naming this environment's site-packages. Such a line
adds the folder to ``sys.path`` but runs none of the ``.pth`` files inside it, so this
environment's editable install of the checkout is not active there: the test checks that
``lscb_report`` is imported from the fresh environment's own site-packages, and it runs from
a folder outside the repository with ``PYTHONPATH`` unset.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import CONTENT, ROOT

# What `pip install .` in a fresh clone sees: the checkout less what git ignores.
JUNK = shutil.ignore_patterns("__pycache__", "*.egg-info", ".*_cache", ".hypothesis")
TOP_JUNK = {".git", ".venv", "node_modules", "build"}


def ignored(folder: str, names: list[str]) -> set[str]:
    """What a fresh clone would not have: git's own folder and what .gitignore lists."""
    top = TOP_JUNK if Path(folder) == ROOT else set()
    return JUNK(folder, names) | (top & set(names))


def run(args: list[str | Path], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command as a user would, with no PYTHONPATH and no virtual environment active."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if check:
        assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


def build_wheel(tmp: Path) -> Path:
    """The wheel of a copy of the sources, as `pip install .` would build it."""
    sources = tmp / "sources"
    shutil.copytree(ROOT, sources, ignore=ignored)
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp, sources], tmp)
    (wheel,) = tmp.glob("lscb_report-*.whl")
    return wheel


def fresh_environment(tmp: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel installed; its bin folder."""
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], tmp)
    python = venv / "bin" / "python"
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp)
    (Path(purelib.stdout.strip()) / "dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    pip = [sys.executable, "-m", "pip", "--python", python]
    run([*pip, "install", "--quiet", "--no-deps", "--no-index", wheel], tmp)
    return venv / "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The wheel, the fresh environment's bin folder, and a working folder holding content/."""
    tmp = tmp_path_factory.mktemp("install")
    wheel = build_wheel(tmp)
    bin_folder = fresh_environment(tmp, wheel)
    work = tmp / "board"
    shutil.copytree(CONTENT, work / "content")
    return wheel, bin_folder, work


def packages_in_source() -> set[str]:
    """Every folder of Python modules in the source tree, as a dotted name, and the templates."""
    src = ROOT / "src"
    return {
        ".".join(module.parent.relative_to(src).parts)
        for module in src.rglob("*.py")
        if "__pycache__" not in module.parts
    } | {"lscb_report.templates", "lscb_report.templates.fonts"}


def test_the_wheel_holds_every_package_and_template(installed: tuple[Path, Path, Path]) -> None:
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    folders = {name.rsplit("/", 1)[0].replace("/", ".") for name in names if "/" in name}
    assert packages_in_source() - folders == set()
    shipped = {n.removeprefix("lscb_report/") for n in names if n.startswith("lscb_report/tem")}
    expected = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "templates").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected - shipped == set()


def test_the_installed_package_is_the_wheel_not_the_checkout(
    installed: tuple[Path, Path, Path],
) -> None:
    _, bin_folder, work = installed
    found = run(
        [bin_folder / "python", "-c", "import lscb_report; print(lscb_report.__file__)"], work
    )
    assert Path(found.stdout.strip()).is_relative_to(bin_folder.parent)


def test_check_build_new_schema_from_the_installed_package(
    installed: tuple[Path, Path, Path],
) -> None:
    _, bin_folder, work = installed
    tool = bin_folder / "lscb-report"
    assert run([tool, "check", "2014-15"], work).stdout.splitlines()[-1] == "2014-15: no problems"
    run([tool, "build", "2014-15"], work)
    written = sorted(p.name for p in (work / "build" / "2014-15").iterdir())
    assert written == [
        "2014-15-figures.csv",
        "annual-report.docx",
        "annual-report.html",
        "annual-report.md",
        "annual-report.pdf",
        "executive-summary.docx",
        "executive-summary.html",
        "executive-summary.md",
        "executive-summary.pdf",
        "index.html",
    ]
    summary = PdfReader(work / "build" / "2014-15" / "executive-summary.pdf")
    assert "Local Safeguarding Children Board" in summary.pages[0].extract_text()
    assert "@font-face" in (work / "build" / "2014-15" / "annual-report.html").read_text()
    run([tool, "new", "2015-16", "--from", "2014-15"], work)
    assert (work / "content" / "2015-16" / "report.yaml").is_file()
    run([tool, "schema", "--out", "schemas"], work)
    assert (work / "schemas" / "report.schema.json").is_file()
    sab = ["init", "westvale", "--board", "Westvale Safeguarding Adults Board"]
    run([tool, *sab, "--year", "2024-25", "--profile", "sab-care-act-2014"], work)
    run([tool, "build", "2024-25", "--content", "westvale", "--format", "md"], work)
    report = (work / "build" / "2024-25" / "annual-report.md").read_text()
    assert "## 4. What each member did to implement the strategy" in report


def test_diff_from_the_installed_package(installed: tuple[Path, Path, Path]) -> None:
    _, bin_folder, work = installed
    repo = work.parent / "repo"
    shutil.copytree(CONTENT, repo / "content")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    run([*git, "init", "--quiet", "--initial-branch=main"], repo)
    run([*git, "add", "content"], repo)
    run([*git, "commit", "--quiet", "-m", "2014-15"], repo)
    report = repo / "content" / "2014-15" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("Jean Daintith", "Jean Daintith-Smith", 1), encoding="utf-8")
    result = run([bin_folder / "lscb-report", "diff", "2014-15", "--base", "main"], repo)
    assert "Daintith-Smith" in result.stdout
