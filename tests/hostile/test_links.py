"""Links and special files, wherever a pull request may put them: nothing outside the
project is read, walked, copied or published, nothing hangs, and the message names the
place."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lscb_report.build.config import BuildConfig
from lscb_report.build.fingerprint import fingerprint
from lscb_report.cli.app import app
from lscb_report.files import NOT_A_FILE, Unreadable, read_plain
from lscb_report.years import FinancialYear

runner = CliRunner()
SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- secret-7f3a"


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture
def private(tmp_path: Path) -> Path:
    """A folder outside the project holding a secret."""
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "id_rsa").write_text(SECRET)
    return folder


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail, rather than hang, a test that takes more than 20 seconds."""

    def stop(_signal: int, _frame: object) -> None:
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def everything_under(folder: Path) -> str:
    """The text of every plain file under a folder, links not followed."""
    texts = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink():
                texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


def test_a_symlinked_output_folder_is_refused(small: Path, private: Path) -> None:
    out = small.parent / "build"
    out.mkdir()
    (out / "2020-21").symlink_to(private)
    result = run("build", "2020-21", "--format", "md")
    assert result.exit_code == 1, result.output
    assert (
        "build/2020-21: is a link, which a build never follows (it could publish the folder it "
        "points to); remove the link, and the build will make a plain folder here"
    ) in result.output
    assert sorted(p.name for p in private.iterdir()) == ["id_rsa"]
    assert SECRET not in everything_under(out)
    again = run("build", "2020-21", "--format", "md")
    assert again.exit_code == 1 and "Traceback" not in again.output
    assert not (out / ".2020-21.old").exists()


def test_links_and_pipes_in_the_old_report_are_not_carried_over(
    small: Path, private: Path, deadline: None
) -> None:
    folder = small.parent / "build" / "2020-21"
    (folder / "notes").mkdir(parents=True)
    (folder / "leak").symlink_to(private / "id_rsa")
    (folder / "notes" / "leak").symlink_to(private)
    (folder / "notes" / "kept.txt").write_text("kept")
    os.mkfifo(folder / "pipe")
    (folder / "annual-report.pdf").symlink_to(private / "id_rsa")
    os.mkfifo(folder / "executive-summary.pdf")
    result = run("build", "2020-21", "--format", "md")
    assert result.exit_code == 0, result.output
    assert ".pdf" not in (folder / "index.html").read_text()  # nor listed as if kept
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert names == [
        "annual-report.md",
        "executive-summary.md",
        "index.html",
        "notes",
        "notes/kept.txt",
    ]


def test_a_retired_folder_that_is_a_link_is_refused(small: Path, private: Path) -> None:
    out = small.parent / "build"
    out.mkdir()
    (out / ".2020-21.old").symlink_to(private)
    result = run("build", "2020-21", "--format", "md")
    assert result.exit_code == 1
    assert "build/.2020-21.old: is a link, which a build never follows" in result.output
    assert (private / "id_rsa").read_text() == SECRET


def test_a_link_to_the_root_in_the_content_is_not_walked(small: Path, deadline: None) -> None:
    images = small / "2020-21" / "images"
    images.mkdir()
    (images / "everything").symlink_to("/")
    (images / "dangling").symlink_to("/nonexistent/file")
    os.mkfifo(images / "pipe")
    config = BuildConfig(FinancialYear.parse("2020-21"), content=small, templates=None)
    started = time.perf_counter()
    first = fingerprint(config)
    assert time.perf_counter() - started < 5
    (images / "everything").unlink()
    (images / "everything").symlink_to("/usr")
    assert fingerprint(config) != first  # the link's target is part of the key, unfollowed
    result = run("build", "2020-21", "--format", "md")
    assert result.exit_code == 0, result.output


def test_a_content_file_that_is_a_link_or_pipe_is_refused(small: Path, deadline: None) -> None:
    reviews = small / "2020-21" / "reviews"
    (reviews / "lr-child-d.yaml").rename(small.parent / "outside.yaml")
    (reviews / "lr-child-d.yaml").symlink_to(small / "2020-21" / "reviews" / "scr-child-a.yaml")
    os.mkfifo(reviews / "fifo.yaml")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert (
        "content/2020-21/reviews/lr-child-d.yaml:1:1: is a link to another file; put the file "
        "itself here (links are not followed)"
    ) in result.output
    assert (
        "content/2020-21/reviews/fifo.yaml:1:1: is not a file that can be read (it is a folder, "
        "device or pipe); put a YAML file here"
    ) in result.output


def test_reading_never_follows_a_link_nor_waits_on_a_pipe(tmp_path: Path, deadline: None) -> None:
    """The checks are made on the opened file, so a file swapped for a link or a pipe
    between a look and the read is still refused, and opening a pipe does not wait."""
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(tmp_path / "pipe")
    (tmp_path / "plain").write_bytes(b"x" * 11)
    for name in ("pipe", "link"):
        with pytest.raises(Unreadable) as raised:
            read_plain(tmp_path / name, 100)
        assert raised.value.reason == NOT_A_FILE
    with pytest.raises(Unreadable) as over:
        read_plain(tmp_path / "plain", 10)
    assert over.value.size == 11
    assert read_plain(tmp_path / "plain", 11) == b"x" * 11


@pytest.mark.parametrize(
    "name", ["draft.css", "style.css", "fonts/report-400-normal.woff", "index.md.j2"]
)
def test_a_template_that_is_a_link_out_is_refused(small: Path, private: Path, name: str) -> None:
    templates = small.parent / "templates"
    (templates / "fonts").mkdir(parents=True)
    (templates / name).symlink_to(private / "id_rsa")
    report = small / "2020-21" / "report.yaml"
    report.write_text(report.read_text().replace("status: final", "status: draft", 1))
    result = run("build", "2020-21", "--format", "md", "--format", "html")
    assert result.exit_code == 1, result.output
    assert f"templates/{name}:1:1: " in result.output
    assert "templates are read like content: put a plain file here" in result.output
    out = small.parent / "build"
    assert not out.exists() or SECRET not in everything_under(out)


def test_a_template_that_is_a_pipe_does_not_hang(small: Path, deadline: None) -> None:
    templates = small.parent / "templates"
    templates.mkdir()
    os.mkfifo(templates / "style.css")
    result = run("build", "2020-21", "--format", "html")
    assert result.exit_code == 1, result.output
    assert "templates/style.css:1:1: is not a file that can be read" in result.output


def test_new_over_a_dangling_link_says_the_year_is_there(small: Path) -> None:
    (small / "2021-22").symlink_to(small.parent / "nowhere")
    result = run("new", "2021-22", "--from", "2020-21")
    assert result.exit_code == 1, result.output
    assert (
        "content/2021-22:1:1: 2021-22 already exists; 'new' never overwrites a year."
    ) in result.output
    assert not (small.parent / "nowhere").exists()


def test_schema_never_writes_through_a_link(tmp_path: Path, private: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "board.schema.json").symlink_to(private / "id_rsa")
    result = run("schema", "--out", "schemas")
    assert result.exit_code == 1, result.output
    assert (
        "schemas/board.schema.json: is a link, a pipe or a device, which is never written "
        "through; remove it"
    ) in result.output
    assert (private / "id_rsa").read_text() == SECRET
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == ["board.schema.json"]
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    result = run("schema", "--out", "linked")
    assert result.exit_code == 1 and "linked: is a link" in result.output
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_folder_linked_out_is_named_as_it_was_reached(small: Path, private: Path) -> None:
    (private / "x.yaml").write_text("kind: nothing\n")
    reviews = small / "2020-21" / "reviews"
    for review in reviews.iterdir():
        review.unlink()
    reviews.rmdir()
    reviews.symlink_to(private)
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert (
        "content/2020-21/reviews/x.yaml:1:1: is a link to a file outside the content folder; "
        "put the file itself here"
    ) in result.output
    assert str(private) not in result.output


def test_a_required_file_that_is_a_pipe_is_named_as_such(small: Path, deadline: None) -> None:
    (small / "board.yaml").unlink()
    os.mkfifo(small / "board.yaml")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert (
        "content/board.yaml:1:1: is not a file that can be read (it is a folder, device or "
        "pipe); put a YAML file here"
    ) in result.output
