"""What a build may reuse from earlier builds, kept in ``OUT/.cache`` (``OUT/.cache-board`` for
the board's restricted edition, so that the editions never share a cache: see ``folder_for``).

Three things are kept, each under a key made from everything it depends on, so that a
changed input always changes the key and a stale entry can never be served:

- a record of each year's last build: a fingerprint of every input (each file of the content
  and templates folders, the tool's own files, the installed packages and their versions,
  the build's options, the working folder, ``SOURCE_DATE_EPOCH``) and a hash of each file
  in the year's output folder. When both still match, the outputs are already what a build
  would write.
- charts drawn by matplotlib, keyed by their series (what charts.chart_svg draws from), the
  tool's own files and the installed packages, so a rebuild need not even import it;
- typeset PDFs, keyed by their HTML (which holds the CSS, fonts and images inline, and the
  engine may read nothing else), the tool's own files and the installed packages
  (WeasyPrint's version among them), and ``SOURCE_DATE_EPOCH``.

Whatever the build reads must be part of these keys: a new input belongs in ``fingerprint``.
Entries are written whole (to a temporary file, then renamed) and checked against their
hash when read; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lscb_report.build.fingerprint import environment, tool_digest
from lscb_report.errors import Problem
from lscb_report.typeset.pdf import Typeset

if TYPE_CHECKING:
    from lscb_report.build.config import BuildConfig
    from lscb_report.content.models import Series

CACHE = ".cache"
PDFS_KEPT = 8
CHARTS_KEPT = 64
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# lscb-report's cache: safe to delete.\n"

Output = tuple[str, int, int | None]


def _folder_hashes(folder: Path) -> dict[str, str]:
    """The hash of each file in a folder, by relative path."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def folder_for(config: BuildConfig) -> Path:
    """The cache of the build's edition: OUT/.cache for the public one, OUT/.cache-board for
    the board's restricted one, so that nothing made from restricted text (its PDFs, its
    charts, its record) is ever kept where the public edition's is."""
    return config.out / (CACHE if config.audience == "public" else f"{CACHE}-{config.audience}")


def _record(config: BuildConfig) -> Path:
    return folder_for(config) / f"{config.folder.name}.json"


def unchanged(config: BuildConfig, key: str) -> tuple[list[Output], list[Problem]] | None:
    """The outputs and warnings of the last build, when its inputs and outputs are as then."""
    try:
        record = json.loads(_record(config).read_text(encoding="utf-8"))
        if record["fingerprint"] != key:
            return None
        if record["files"] != _folder_hashes(config.folder):
            return None
        outputs = [(name, int(size), pages) for name, size, pages in record["outputs"]]
        return outputs, [_problem(fields) for fields in record["warnings"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(config: BuildConfig, key: str, outputs: list[Output], warnings: list[Problem]) -> None:
    """Record a finished build, after its outputs are in place."""
    record = {
        "fingerprint": key,
        "files": _folder_hashes(config.folder),
        "outputs": outputs,
        "warnings": [_fields(problem) for problem in warnings],
    }
    _tag(folder_for(config))
    _write(_record(config), json.dumps(record, indent=1).encode())


def pdf_key(html: str, created: date, files: dict[str, bytes] | None = None) -> str:
    """The key of a PDF typeset from this HTML, its fonts dated ``created``, with ``files``
    embedded in it."""
    digest = hashlib.sha256(tool_digest() + environment() + b"\0pdf\0")
    digest.update(created.isoformat().encode() + b"\0")
    for name, data in sorted((files or {}).items()):
        digest.update(f"{name}\0{len(data)}\0".encode() + data)
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()


def cached_pdf(cache: Path, key: str) -> Typeset | None:
    """The PDF typeset earlier from the same inputs, if it is there whole."""
    folder = cache / "pdf"
    try:
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        data = (folder / f"{key}.pdf").read_bytes()
        if hashlib.sha256(data).hexdigest() != meta["sha256"]:
            return None
        os.utime(folder / f"{key}.pdf")  # recently used: kept longest
        return Typeset(data, int(meta["pages"]), [str(w) for w in meta["warnings"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None


class Pending:
    """Entries a build made for the cache, written only once the build has succeeded, so
    that a failed build writes nothing at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # the edition's cache (folder_for)
        self.entries: list[tuple[Path, bytes]] = []

    def pdf(self, key: str, typeset: Typeset) -> None:
        """Keep a typeset PDF for later builds."""
        folder = self.folder / "pdf"
        meta = {
            "sha256": hashlib.sha256(typeset.data).hexdigest(),
            "pages": typeset.pages,
            "warnings": typeset.warnings,
        }
        self.entries.append((folder / f"{key}.pdf", typeset.data))
        self.entries.append((folder / f"{key}.json", json.dumps(meta).encode()))  # complete

    def chart(self, path: Path, svg: str) -> None:
        """Keep a drawn chart for later builds."""
        self.entries.append((path, f"{hashlib.sha256(svg.encode()).hexdigest()}\n{svg}".encode()))

    def commit(self) -> None:
        """Write the entries, and keep only the most recently used few of each kind."""
        if not self.entries:
            return
        _tag(self.folder)
        for path, data in self.entries:
            _write(path, data)
        _prune(self.folder / "pdf", "*.pdf", PDFS_KEPT)
        _prune(self.folder / "charts", "*.svg", CHARTS_KEPT)
        self.entries = []


def charts(pending: Pending, series: list[Series]) -> dict[str, str]:
    """The SVG of each series' chart, by id: as drawn by an earlier build from the same
    series, or drawn now in a process of its own (so that this one never loads matplotlib)
    and kept once the build succeeds."""
    from lscb_report.typeset.parallel import in_child

    folder = pending.folder / "charts"
    paths = {s.id: folder / f"{_chart_key(s)}.svg" for s in series}
    found = {id_: svg for id_, path in paths.items() if (svg := _read_chart(path)) is not None}
    missing = [s for s in series if s.id not in found]
    if missing:
        drawn = in_child(_draw_all, missing)
        for id_, svg in drawn.items():
            pending.chart(paths[id_], svg)
        found |= drawn
    return found


def _chart_key(series: Series) -> str:
    """The key of a series' chart: what charts.chart_svg draws it from, and the tool."""
    digest = hashlib.sha256(tool_digest() + b"\0chart\0")
    digest.update(series.model_dump_json().encode() + b"\0")
    digest.update(repr(sorted(series.hidden.items())).encode())
    return digest.hexdigest()


def _read_chart(path: Path) -> str | None:
    """A kept chart, if it is there whole."""
    try:
        check, svg = path.read_text(encoding="utf-8").split("\n", 1)
    except (OSError, ValueError):
        return None
    if check != hashlib.sha256(svg.encode()).hexdigest():
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return svg


def _draw_all(series: list[Series]) -> dict[str, str]:
    """Each series' chart, drawn."""
    from lscb_report.render.charts import chart_svg

    return {s.id: chart_svg(s) for s in series}


def _prune(folder: Path, pattern: str, kept: int) -> None:
    """Remove all but the ``kept`` most recently used entries of a cache folder."""
    try:
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[kept:]:
            old.with_suffix(".json").unlink(missing_ok=True)
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _write(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all; a cache that cannot be written, or that is
    reached through a link (which could lead anywhere), is skipped."""
    temporary = None
    if any(folder.is_symlink() for folder in (path.parent, path.parent.parent)):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", dir=path.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _tag(folder: Path) -> None:
    """Mark the cache folder as a cache, for backup tools."""
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        _write(tag, _TAG.encode("ascii"))


def _fields(problem: Problem) -> list[Any]:
    return [
        problem.file,
        problem.line,
        problem.column,
        problem.message,
        problem.severity,
        problem.rule,
    ]


def _problem(fields: list[Any]) -> Problem:
    file, line, column, message, severity, rule = fields
    return Problem(str(file), int(line), int(column), str(message), severity, rule)
