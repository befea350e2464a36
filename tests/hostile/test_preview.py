"""The preview is its user's alone: it answers only to this computer's names, and a bad
request is refused on its own, without breaking the pages after it or printing a traceback."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest

from lscb_report.build.config import BuildConfig
from lscb_report.commands.localhost import local_host
from lscb_report.commands.serve import Preview
from lscb_report.years import FinancialYear


@pytest.fixture
def preview(small: Path) -> Iterator[tuple[Preview, list[str]]]:
    events: list[str] = []
    config = BuildConfig(FinancialYear.parse("2020-21"), content=small, out=small.parent / "build")
    server = Preview(config, port=0, on_event=events.append)
    server.start(interval=0.1)
    yield server, events
    server.stop()


def get(preview: Preview, path: str, host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=60)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{preview.port}" if host is None else host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""]
)
def test_a_page_elsewhere_cannot_read_the_draft(
    preview: tuple[Preview, list[str]], host: str
) -> None:
    server, _ = preview
    status, body = get(server, "/", host)
    assert status == 421
    assert body == "This preview answers only to localhost and 127.0.0.1.\n"


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1:1234"])
def test_this_computers_names_are_answered(preview: tuple[Preview, list[str]], host: str) -> None:
    status, body = get(preview[0], "/", host)
    assert status == 200 and "<main" in body


def test_local_host_reads_the_header_as_a_name() -> None:
    assert local_host("localhost:80") and local_host(" 127.0.0.1 ")
    assert not local_host("localhost.evil.example") and not local_host("[::1]:80")


@pytest.mark.parametrize("path", ["/index.pdf", "/nosuch.pdf", "/../../etc/passwd.pdf"])
def test_a_pdf_that_is_not_a_document_breaks_nothing(
    preview: tuple[Preview, list[str]], path: str, capfd: pytest.CaptureFixture[str]
) -> None:
    server, events = preview
    status, body = get(server, path)
    assert status == 404 and "There is no page" in body
    assert get(server, "/")[0] == 200
    assert get(server, "/annual-report.html")[0] == 200
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out + "\n".join(events)
