"""A live preview: ``lscb-report serve 2015-16`` builds the HTML, serves it on 127.0.0.1 only,
and rebuilds whenever a content file or template is saved; the open page reloads itself.

The HTML (and the figures' CSV) is rebuilt at once on each save; a PDF or Word file is made
when it is asked for, since it takes seconds. A content error does not stop the server: every
page shows the problems, with their file, line and column, until the next save fixes them. The
reload script is added only to the pages as they are served, never to the files the build
writes.
"""

from __future__ import annotations

import html
import re
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from lscb_report.build.config import BuildConfig
from lscb_report.build.pipeline import build
from lscb_report.commands.localhost import LocalServer, local_host
from lscb_report.commands.problempage import (
    document,
    mark_placeholders,
    problems_page,
    warnings_note,
)
from lscb_report.errors import Problem, ReportError, errors_in, tally
from lscb_report.render.documents import DOCUMENTS

HOST = "127.0.0.1"
_NAME = re.compile(r"[a-z0-9-]+\.(html|md|pdf|docx|csv)")
_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}
_ON_REQUEST = ("pdf", "docx")
"""The formats made only when asked for, since they take seconds."""
Event = Callable[[str], None]


@dataclass
class State:
    """What the last build gave: a version that changes on every build, and any problems."""

    version: int = 0
    problems: list[Problem] = field(default_factory=list)
    failure: str | None = None
    pdfs: dict[str, int] = field(default_factory=dict)


class Preview:
    """The preview server and the watcher that rebuilds on save."""

    def __init__(
        self, config: BuildConfig, port: int = 8000, on_event: Event = lambda _: None
    ) -> None:
        self.config = replace(config, formats=("md", "html", "csv"), strict=False)
        self.folder = config.out / str(config.year)
        self.on_event = on_event
        self.state = State()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.server = LocalServer((HOST, port), _Handler)
        self.server.daemon_threads = True
        self.server.preview = self  # type: ignore[attr-defined]
        self.threads: list[threading.Thread] = []

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def start(self, interval: float = 0.4) -> None:
        """Build once, then serve and watch in background threads.

        The files are looked at before the first build, so a save made while it runs, or
        before the watching thread gets going, is still seen as a change."""
        seen = self._snapshot()
        self.rebuild()
        self.threads = [
            threading.Thread(target=self._serve, name="serve", daemon=True),
            threading.Thread(target=self._watch, args=(interval, seen), name="watch", daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def _serve(self) -> None:
        self.server.serve_forever(poll_interval=0.1)

    def stop(self) -> None:
        """Stop watching and serving, and close the port."""
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)

    def rebuild(self) -> None:
        """Build the HTML again and record the outcome; never raises for a content problem."""
        started = time.monotonic()
        problems: list[Problem] = []
        failure = None
        with self.lock:
            try:
                result = build(self.config)
                problems = result.warnings
            except ReportError as error:
                problems = error.problems
            except Exception:  # a bug: keep serving, show it, and keep the traceback
                failure = traceback.format_exc()
            self.state = State(self.state.version + 1, problems, failure)
        seconds = time.monotonic() - started
        if failure:
            self.on_event(f"the build failed unexpectedly:\n{failure}")
        elif errors_in(problems):
            self.on_event(f"{self.config.year}: {tally(problems)}; the page shows them")
        else:
            self.on_event(f"{self.config.year}: rebuilt in {seconds:.1f} s ({tally(problems)})")

    def pdf(self, document: str, fmt: str = "pdf") -> str | None:
        """Make a document's PDF (or Word file) unless it is current with the last build; the
        page to show instead when it cannot be, which affects this request only."""
        name = f"{document}.{fmt}"
        with self.lock:
            version = self.state.version
            if self.state.pdfs.get(name) == version or self.broken:
                return None
            self.on_event(f"making {name}")
            config = replace(self.config, formats=(fmt,), documents=(document,))
            try:
                build(config)
            except ReportError as error:
                return _problems_page(State(problems=error.problems))
            except Exception:  # a bug: say so on this page, keep serving the others
                return _problems_page(State(failure=traceback.format_exc()))
            self.state.pdfs[name] = version
        return None

    @property
    def broken(self) -> bool:
        """Whether the last build failed, so that pages show its problems instead."""
        return bool(self.state.failure or errors_in(self.state.problems))

    def _watch(self, interval: float, seen: dict[Path, tuple[int, int]]) -> None:
        """Rebuild when what the report is made from changes, once the saving has settled."""
        while not self.stopping.wait(interval):
            now = self._snapshot()
            if now == seen:
                continue
            while not self.stopping.wait(interval) and (later := self._snapshot()) != now:
                now = later
            seen = now
            if not self.stopping.is_set():
                self.rebuild()

    def _snapshot(self) -> dict[Path, tuple[int, int]]:
        """Every watched file with its modification time and size."""
        found = {}
        for root in (self.config.content, self.config.templates):
            if root is None or not root.is_dir():
                continue
            for path in root.rglob("*"):
                name = path.name
                if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")):
                    continue
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if path.is_file():
                    found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    def read(self, name: str) -> bytes | None:
        """A built file's bytes, allowing for the moment a rebuild swaps the folder."""
        for _ in range(20):
            try:
                return (self.folder / name).read_bytes()
            except FileNotFoundError:
                if not self.folder.parent.is_dir():
                    return None
                time.sleep(0.05)
        return None


class _Handler(BaseHTTPRequestHandler):
    """Answers the page, the built files, and the version the open page watches."""

    server_version = "lscb-report"

    def do_GET(self) -> None:
        """Serve one request."""
        preview: Preview = self.server.preview  # type: ignore[attr-defined]
        if not local_host(self.headers.get("Host", "")):
            message = "This preview answers only to localhost and 127.0.0.1.\n"
            self._send(HTTPStatus.MISDIRECTED_REQUEST, message.encode(), "text/plain")
            return
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == "/_version":
            self._send(HTTPStatus.OK, str(preview.state.version).encode(), "text/plain")
            return
        name = "index.html" if path == "/" else path.lstrip("/")
        match = _NAME.fullmatch(name)
        if match is None or (match.group(1) == "pdf" and name[:-4] not in DOCUMENTS):
            self._page(preview, HTTPStatus.NOT_FOUND, _message(f"There is no page {name}."))
            return
        kind = match.group(1)
        failed = preview.pdf(name.removesuffix(f".{kind}"), kind) if kind in _ON_REQUEST else None
        if failed is not None:
            self._page(preview, HTTPStatus.INTERNAL_SERVER_ERROR, failed)
            return
        if preview.broken:
            self._page(preview, HTTPStatus.INTERNAL_SERVER_ERROR, _problems_page(preview.state))
            return
        data = preview.read(name)
        if data is None:
            self._page(preview, HTTPStatus.NOT_FOUND, _message(f"There is no page {name}."))
        elif kind == "html":
            self._page(preview, HTTPStatus.OK, data.decode("utf-8"))
        else:
            self._send(HTTPStatus.OK, data, _TYPES[kind])

    def _page(self, preview: Preview, status: HTTPStatus, page: str) -> None:
        self._send(status, with_reload(page, preview).encode("utf-8"), _TYPES["html"])

    def _send(self, status: HTTPStatus, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the command line shows builds, not requests."""


_BAR = """<div id="lscb-preview" role="status" style="position:sticky;top:0;z-index:9;\
background:#1d1d1b;color:#fff;padding:.4em 1em;font:14px/1.4 sans-serif">\
Preview of {year}: updates itself when you save. {note}PDFs, typeset when opened (a few seconds): \
<a style="color:#fff" href="/executive-summary.pdf">executive summary</a>, \
<a style="color:#fff" href="/annual-report.pdf">annual report</a>; in Word: \
<a style="color:#fff" href="/executive-summary.docx">executive summary</a>, \
<a style="color:#fff" href="/annual-report.docx">annual report</a>.</div>"""

_SCRIPT = """<script>(function () {
  var seen = "%s";
  function poll() {
    fetch("/_version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (v !== seen) { location.reload(); } else { setTimeout(poll, 500); } })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();</script>"""


def with_reload(page: str, preview: Preview) -> str:
    """The page with its placeholders marked, the preview bar (listing every warning) after
    <body> and the reload script before </body>."""
    note = warnings_note(preview.state.problems)
    bar = _BAR.format(year=preview.config.year, note=note)
    script = _SCRIPT % preview.state.version
    page = mark_placeholders(page)
    opened = re.search(r"<body[^>]*>", page)
    if opened:
        page = page[: opened.end()] + bar + page[opened.end() :]
    closing = page.rfind("</body>")
    if closing < 0:
        return page + script
    return page[:closing] + script + page[closing:]


def _message(text: str) -> str:
    return document("Not found", f"<h1>Not found</h1><p>{html.escape(text)}</p>")


def _problems_page(state: State) -> str:
    """Every problem of the last build, at its file, line and column."""
    if state.failure:
        body = (
            "<h1>The build failed unexpectedly</h1><p>This is a fault in lscb-report, not in "
            "the content; please report it with this text.</p>"
            f"<pre>{html.escape(state.failure)}</pre>"
        )
        return document("Build failed", body)
    return problems_page(state.problems)
