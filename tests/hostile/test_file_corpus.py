"""A corpus of hostile entries a pull request can add to the content, run through check,
build, diff, new and serve: names holding line breaks, terminal escapes, workflow commands
and direction overrides; links to /, to a file outside, dangling; pipes. Whatever the entry,
each command ends (no hang), with exit 0 or 1, no traceback, nothing raw from the name in
its output, and nothing outside the project read or published."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lscb_report.build.config import BuildConfig
from lscb_report.cli.app import app
from lscb_report.commands.serve import Preview
from lscb_report.years import FinancialYear

runner = CliRunner()
SECRET = "corpus-secret-5d1e"
NAMES = {
    "newline": "x\n::error title=Spoof::y\n~~~~\n## Check passed\n",
    "escape": "\x1b]8;;https:evil.example\x07a\x1b[2J",
    "override": "report\u202eyaml.exe",
    "command": "::stop-commands::hidden",
}
RAW = ["\x1b", "\x07", "\u202e", "\n::error title=Spoof", "\n~~~~", "\n## Check passed"]


def make_entry(kind: str, path: Path, outside: Path) -> None:
    """Put an entry of a kind at path."""
    makers: dict[str, Callable[[], None]] = {
        "file": lambda: path.write_text("kind: nothing\n"),
        "link-to-root": lambda: path.symlink_to("/"),
        "link-outside": lambda: path.symlink_to(outside),
        "dangling": lambda: path.symlink_to(path.parent / "nowhere"),
        "pipe": lambda: os.mkfifo(path),
    }
    makers[kind]()


KINDS = ["file", "link-to-root", "link-outside", "dangling", "pipe"]
PLACES = [Path("2020-21") / "reviews", Path("2020-21") / "images", Path("2020-21")]
CASES = [
    (name, kind, place)
    for (name, kind), place in zip(
        itertools.product(NAMES, KINDS), itertools.cycle(PLACES), strict=False
    )
]


@pytest.fixture
def deadline() -> Iterator[None]:
    def stop(_signal: int, _frame: object) -> None:
        raise TimeoutError("a command hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(f"kind: {SECRET}\n")
    return secret


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    for raw in RAW:
        assert raw not in result.output, (raw, result.output)
    return result


def published(folder: Path) -> str:
    texts = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink():
                texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


@pytest.mark.parametrize(
    ("name", "kind", "place"), CASES, ids=[f"{n}-{k}-{p.name}" for n, k, p in CASES]
)
def test_check_build_new_and_diff_hold(
    small: Path, outside: Path, deadline: None, name: str, kind: str, place: Path
) -> None:
    subprocess.run(["git", "init", "-q"], cwd=small.parent, check=True)
    subprocess.run(["git", "add", "-A"], cwd=small.parent, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"],
        cwd=small.parent,
        check=True,
    )
    (small / place).mkdir(parents=True, exist_ok=True)
    make_entry(kind, small / place / f"{name}.yaml", outside)
    make_entry(kind, small / place / NAMES[name], outside)
    run("check", "2020-21")
    run("check", "2020-21", "--format", "github")
    run("build", "2020-21", "--format", "md", "--format", "html")
    run("diff", "2020-21", "--base", "HEAD")
    run("new", "2021-22", "--from", "2020-21")
    assert SECRET not in published(small.parent / "build")
    assert SECRET not in published(small / "2021-22")


@pytest.mark.parametrize("kind", KINDS)
def test_the_preview_holds(small: Path, outside: Path, deadline: None, kind: str) -> None:
    (small / "2020-21" / "images").mkdir()
    make_entry(kind, small / "2020-21" / "reviews" / f"{NAMES['newline']}.yaml", outside)
    make_entry(kind, small / "2020-21" / "images" / NAMES["escape"], outside)
    events: list[str] = []
    config = BuildConfig(FinancialYear.parse("2020-21"), content=small, out=small.parent / "build")
    preview = Preview(config, port=0, on_event=events.append)
    preview.start(interval=0.1)
    try:
        try:
            with urllib.request.urlopen(preview.url, timeout=30) as response:
                status, page = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, page = error.code, error.read().decode()
    finally:
        preview.stop()
    assert status in (200, 500)
    assert SECRET not in page and "\x1b" not in page
    assert not any("Traceback" in event for event in events)
    shutil.rmtree(small.parent / "build", ignore_errors=True)
