"""The live preview as a person uses it: open the page, save an edit, see it without reloading."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.build.config import BuildConfig
from lscb_report.cli.app import app
from lscb_report.commands.serve import Preview
from lscb_report.years import FinancialYear

YEAR = FinancialYear.parse("2020-21")
Edit = Callable[[Path, str, str], None]


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def page(url: str) -> tuple[int, str]:
    status, _, body = fetch(url)
    return status, body.decode("utf-8")


def next_version(preview: Preview, seen: str, timeout: float = 15) -> str:
    """Wait, as the open page does, until the version the page polls changes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        version = page(preview.url + "_version")[1]
        if version != seen:
            return version
        time.sleep(0.1)
    raise AssertionError(f"the preview did not rebuild within {timeout} s")


@pytest.fixture
def preview(small: Path) -> Iterator[Preview]:
    events: list[str] = []
    config = BuildConfig(year=YEAR, content=small, out=small.parent / "build")
    server = Preview(config, port=0, on_event=events.append)
    server.start(interval=0.1)
    yield server
    server.stop()


def test_serves_the_page_on_127_0_0_1_with_a_reload_script(preview: Preview) -> None:
    assert preview.url.startswith("http://127.0.0.1:")
    status, index = page(preview.url)
    assert status == 200
    assert 'href="executive-summary.html"' in index
    assert 'id="lscb-preview"' in index
    assert 'fetch("/_version"' in index
    status, summary = page(preview.url + "executive-summary.html")
    assert status == 200
    assert "The board must publish" in summary
    built = preview.folder / "executive-summary.html"
    assert "_version" not in built.read_text(encoding="utf-8")


def test_a_saved_edit_shows_without_a_manual_reload(
    preview: Preview, small: Path, edit: Edit
) -> None:
    version = page(preview.url + "_version")[1]
    assert "Children who go missing" in page(preview.url + "annual-report.html")[1]
    priority = small / "2020-21" / "priorities" / "02-missing.yaml"
    edit(priority, "title: Children who go missing", "title: Children missing from home")
    version = next_version(preview, version)
    status, report = page(preview.url + "annual-report.html")
    assert status == 200
    assert "Children missing from home" in report
    assert f'var seen = "{version}"' in report


def test_a_content_error_shows_in_the_page_and_the_server_carries_on(
    preview: Preview, small: Path, edit: Edit
) -> None:
    version = page(preview.url + "_version")[1]
    edit(small / "board.yaml", "short_name:", "shortname:")
    version = next_version(preview, version)
    status, shown = page(preview.url + "annual-report.html")
    assert status == 500
    assert "The report cannot be built: 1 error in 1 file" in shown
    assert (
        "<code>content/board.yaml:4:1</code>: shortname: unknown key &#x27;shortname&#x27;; "
        "did you mean &#x27;short_name&#x27;?"
    ) in shown
    assert "<pre>4 | shortname: SCB\n    ^</pre>" in shown
    assert 'fetch("/_version"' in shown
    edit(small / "board.yaml", "shortname:", "short_name:")
    next_version(preview, version)
    assert page(preview.url + "annual-report.html")[0] == 200


def test_a_template_saved_is_watched_too(preview: Preview, small: Path) -> None:
    version = page(preview.url + "_version")[1]
    templates = small.parent / "templates"
    templates.mkdir()
    (templates / "index.md.j2").write_text("# Our own index for {{ year }}\n")
    next_version(preview, version)
    assert "Our own index for 2020-21" in page(preview.url)[1]


def test_a_pdf_is_typeset_when_asked_for(preview: Preview) -> None:
    assert not (preview.folder / "executive-summary.pdf").exists()
    status, kind, data = fetch(preview.url + "executive-summary.pdf")
    assert (status, kind) == (200, "application/pdf")
    assert data.startswith(b"%PDF-")
    assert (preview.folder / "executive-summary.pdf").read_bytes() == data


def test_only_the_built_files_are_served(preview: Preview) -> None:
    for path in ("../../etc/passwd", "%2e%2e/board.yaml", "content/board.yaml", "x.py"):
        assert page(preview.url + path)[0] == 404, path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_command_answers_and_stops_cleanly_on_ctrl_c(small: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "lscb_report", "serve", "2020-21", "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=small.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first == f"Serving 2020-21 at http://127.0.0.1:{port}/ (Ctrl-C stops it)\n"
        assert page(f"http://127.0.0.1:{port}/")[0] == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert out == "Stopped.\n"
    assert "Traceback" not in err
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1)


def test_a_port_in_use_is_a_usage_error(small: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "2020-21", "--port", str(port)])
    assert result.exit_code == 2
    assert f"port {port} is in use; choose another" in result.output


def test_the_word_files_and_the_data_are_offered(preview: Preview) -> None:
    assert not (preview.folder / "annual-report.docx").exists()
    status, kind, data = fetch(preview.url + "annual-report.docx")
    assert (status, kind) == (
        200,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert data.startswith(b"PK")
    assert (preview.folder / "annual-report.docx").read_bytes() == data
    status, kind, data = fetch(preview.url + "2020-21-figures.csv")
    assert (status, kind) == (200, "text/csv; charset=utf-8")
    assert data.startswith(b"series,label,period,value,unit,note\r\n")
    report = page(preview.url + "annual-report.html")[1]
    assert '<a href="2020-21-figures.csv" download>Download the data (CSV)</a>' in report
    assert '<a style="color:#fff" href="/annual-report.docx">annual report</a>' in report


def test_every_warning_is_listed_and_every_placeholder_marked(
    preview: Preview, small: Path, edit: Edit
) -> None:
    version = page(preview.url + "_version")[1]
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Take-up varies.",
        "TO FILL IN: why take-up varies. The QQX met.",
    )
    edit(  # an approved section may not hold a placeholder
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "  status: approved\n  approved_by: Alex Chair, Independent Chair\n  approved_on: 2021-07-20\n",
        "  status: draft\n",
    )
    next_version(preview, version)
    status, shown = page(preview.url + "annual-report.html")
    assert status == 200
    assert "<summary>4 warnings</summary>" in shown  # two of them the guidance, not yet met
    assert (
        "<li><code>content/2020-21/priorities/02-missing.yaml:10:3</code>: still to fill in: "
        "why take-up varies. The QQX met; write it in place of the TO FILL IN text</li>"
    ) in shown
    assert "&#x27;QQX&#x27; looks like an acronym that content/glossary.yaml does not explain" in (
        shown
    )
    assert (
        '<mark style="background:#ffdd00;color:#000;font-weight:bold">TO FILL IN</mark>: why '
        "take-up varies."
    ) in shown
