"""Nothing lost: a build that fails at any stage, or is interrupted, leaves the last good
report byte for byte, and no temporary folder behind."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import lscb_report.typeset.parallel
import lscb_report.typeset.pdf
from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.cli.app import app
from lscb_report.errors import ReportError
from lscb_report.years import FinancialYear
from tests.conftest import SMALL

runner = CliRunner()
Snapshot = dict[str, bytes]


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good report of the small fixture, every format, built once for the module."""
    out = tmp_path_factory.mktemp("good") / "build"
    config = BuildConfig(FinancialYear.parse("2020-21"), content=SMALL, templates=None, out=out)
    build(config)
    return out


@pytest.fixture
def built(small: Path, good_build: Path) -> Path:
    """The working folder's build/, holding the last good report."""
    shutil.copytree(good_build, small.parent / "build")
    shutil.rmtree(small.parent / "build" / ".cache")  # so that each build does its work
    for path in (small.parent / "build" / "2020-21").iterdir():
        # Bytes no build makes, so that a file written before the build has finished shows.
        path.write_bytes(b"the last good " + path.name.encode() + b"\n" + path.read_bytes())
    return small.parent / "build"


def snapshot(out: Path) -> Snapshot:
    return {p.name: p.read_bytes() for p in sorted((out / "2020-21").iterdir()) if p.is_file()}


def run(*args: str) -> Result:
    return runner.invoke(app, ["build", "2020-21", *args])


def assert_untouched(out: Path, before: Snapshot) -> None:
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["2020-21"]  # no staging or old folder


def test_the_good_build_has_all_ten_files(built: Path) -> None:
    assert len(snapshot(built)) == 10


def test_a_content_error_leaves_the_last_good_report(built: Path, edit: Any) -> None:
    before = snapshot(built)
    edit(built.parent / "content" / "board.yaml", "established: 2013", "established: soon")
    result = run()
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "2020-21: 1 error in 1 file; nothing was written"
    assert_untouched(built, before)


def test_a_template_error_leaves_the_last_good_report(built: Path) -> None:
    before = snapshot(built)
    templates = built.parent / "templates"
    templates.mkdir()
    (templates / "annual-report.md.j2").write_text("# {{ report.title }\n")
    result = run()
    assert result.exit_code == 1
    assert "templates/annual-report.md.j2:1:1: template error:" in result.output
    assert_untouched(built, before)


def failing_second(error: BaseException) -> Callable[[str], Any]:
    """The PDF engine, which succeeds with the first document and fails with the second."""
    real, calls = lscb_report.typeset.pdf.html_to_pdf, []

    def typeset(html: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(html)
        if len(calls) > 1:
            raise error
        return real(html, *args, **kwargs)

    return typeset


def test_a_pdf_engine_failure_leaves_the_last_good_report(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    monkeypatch.setattr(
        lscb_report.typeset.parallel, "can_fork", lambda: False
    )  # fail in this process
    monkeypatch.setattr(
        lscb_report.typeset.pdf, "html_to_pdf", failing_second(RuntimeError("engine"))
    )
    result = run()
    assert isinstance(result.exception, RuntimeError)  # a bug keeps its traceback
    assert_untouched(built, before)


def test_an_interrupt_while_typesetting_leaves_the_last_good_report(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    monkeypatch.setattr(
        lscb_report.typeset.parallel, "can_fork", lambda: False
    )  # fail in this process
    monkeypatch.setattr(lscb_report.typeset.pdf, "html_to_pdf", failing_second(KeyboardInterrupt()))
    result = run()
    assert result.exit_code == 130
    assert result.output.splitlines()[-1] == "interrupted; nothing was written"
    assert_untouched(built, before)


def test_a_full_disk_leaves_the_last_good_report(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    real, written = Path.write_bytes, []

    def write_bytes(path: Path, data: bytes) -> int:
        written.append(path)
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    result = run("--format", "md", "--format", "html")
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        "build/2020-21: cannot write the report (No space left on device); the last good "
        "report is as it was",
        "2020-21: 1 error in 1 file; nothing was written",
    ]
    assert_untouched(built, before)


def test_an_interrupt_between_the_two_renames_puts_the_old_report_back(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    real = Path.rename

    def rename(path: Path, target: Any) -> Path:
        if Path(target).name == "2020-21" and path.name != ".2020-21.old":
            raise KeyboardInterrupt  # as the new folder moves into place, not the old one back
        return real(path, target)

    monkeypatch.setattr(Path, "rename", rename)
    result = run("--format", "md")
    assert result.exit_code == 130
    assert_untouched(built, before)


def test_a_build_stopped_dead_between_the_renames_is_recovered_by_the_next(built: Path) -> None:
    (built / "2020-21" / "notes.txt").write_text("kept")
    (built / "2020-21").rename(built / ".2020-21.old")  # as if the power went
    result = run("--format", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in built.iterdir()) == [".cache", "2020-21"]
    assert (built / "2020-21" / "notes.txt").read_text() == "kept"
    assert (built / "2020-21" / "annual-report.pdf").is_file()


def test_a_partial_build_keeps_the_other_files_and_folders(built: Path) -> None:
    (built / "2020-21" / "charts").mkdir()
    (built / "2020-21" / "charts" / "a.txt").write_text("a")
    before = snapshot(built)
    result = run("--format", "md")
    assert result.exit_code == 0, result.output
    after = snapshot(built)
    assert after["annual-report.pdf"] == before["annual-report.pdf"]
    assert (built / "2020-21" / "charts" / "a.txt").read_text() == "a"


@pytest.mark.parametrize("out", ["content", "content/2020-21", "."])
def test_the_report_is_never_written_over_the_content(small: Path, out: str) -> None:
    before = sorted(str(p.relative_to(small)) for p in small.rglob("*"))
    (small.parent / "2020-21").mkdir(exist_ok=True)  # ./2020-21 beside content is harmless
    result = run("--out", out, "--format", "md")
    if out == ".":
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert "and replacing it would delete content; choose another --out folder" in (
            result.output
        )
    assert sorted(str(p.relative_to(small)) for p in small.rglob("*")) == before


def test_the_library_refuses_too(small: Path) -> None:
    config = BuildConfig(FinancialYear.parse("2020-21"), content=small, out=small)
    with pytest.raises(ReportError):
        build(config)
