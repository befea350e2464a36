"""Build a year's report: every step in memory first, then one atomic write.

The only module that writes the output folder. A build that fails at any step (content,
template, engine, interrupt) leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from lscb_report import __version__
from lscb_report.audience import Audience, restricted_banner
from lscb_report.charts import chart_sources
from lscb_report.content import Content, load_content
from lscb_report.errors import Problem, ReportError
from lscb_report.glossary import acronyms
from lscb_report.loading import MAX_BYTES, display_path
from lscb_report.markup import Page, html_page, markdown_to_body
from lscb_report.signoff import not_final
from lscb_report.templating import DOCUMENTS, render_markdown
from lscb_report.years import FinancialYear

FORMATS = ("md", "html", "pdf")
TITLES = {"executive-summary": "Executive summary", "annual-report": "Annual report"}


@dataclass(frozen=True)
class BuildConfig:
    """What to build, from where, into where."""

    year: FinancialYear
    content: Path = Path("content")
    templates: Path | None = Path("templates")
    out: Path = Path("build")
    formats: tuple[str, ...] = FORMATS
    documents: tuple[str, ...] = DOCUMENTS
    strict: bool = False
    max_file_size: int = MAX_BYTES
    audience: Audience = "public"
    final: bool = False

    @property
    def folder(self) -> Path:
        """Where the report goes: OUT/YEAR, or OUT/YEAR-board for the board's restricted
        edition, so that it is never published by mistake in place of the public one."""
        suffix = "-board" if self.audience == "board" else ""
        return self.out / f"{self.year}{suffix}"


@dataclass(frozen=True)
class Output:
    """One file the build wrote."""

    path: Path
    size: int
    pages: int | None = None


@dataclass
class BuildResult:
    outputs: list[Output]
    warnings: list[Problem] = field(default_factory=list)


Step = Callable[[str], None]


def build(config: BuildConfig, step: Step = lambda _: None) -> BuildResult:
    """Compile the documents and write them; raise ReportError on any problem."""
    step("reading content")
    folder = config.folder
    _refuse_overlap(folder, config.content)
    content = load_content(config.content, config.year, config.audience, config.max_file_size)
    if config.final and not_final(content):
        raise ReportError(not_final(content))
    warnings = list(content.warnings)
    files: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    for document in config.documents:
        step(f"writing {document}")
        markdown = render_markdown(content, document, config.templates)
        if content.audience == "board":
            markdown = restricted_banner() + markdown
        files[f"{document}.md"] = markdown.encode("utf-8")
        if "html" in config.formats:
            html = document_html(content, document, markdown, config.templates)
            files[f"{document}.html"] = html.encode("utf-8")
        if "pdf" in config.formats:
            step(f"typesetting {document}.pdf")
            html = document_html(content, document, markdown, config.templates, screen=False)
            typeset = _typeset(html, document, build_date(content), content.images)
            warnings += typeset[1]
            files[f"{document}.pdf"], pages[f"{document}.pdf"] = typeset[0]
    files = {name: data for name, data in files.items() if name.rsplit(".", 1)[1] in config.formats}
    if config.strict and warnings:
        raise ReportError([w.as_error() for w in warnings])
    files["index.html"] = index_html(content, files, pages, folder, config.templates)
    step("writing files")
    try:
        write_atomically(folder, files)
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot write the report ({reason}); the last good report is as it was"
        raise ReportError([Problem(display_path(folder), 0, 0, message)]) from None
    outputs = [Output(folder / name, len(data), pages.get(name)) for name, data in files.items()]
    return BuildResult(outputs, warnings)


def document_html(
    content: Content, document: str, markdown: str, templates: Path | None, *, screen: bool = True
) -> str:
    """One document as a self-contained HTML page (for print when ``screen`` is false)."""
    board = content.board
    title = f"{board.name} {TITLES[document]} {content.year}"
    if document == "executive-summary":
        title = content.report.cover.title
    page = Page(
        title=title,
        document=document,
        description=f"{TITLES[document]} of the {board.name} for {', '.join(board.areas)}, "
        f"{content.year}.",
        draft=content.report.status == "draft",
        restricted=content.audience == "board",
    )
    extra = {"version": __version__, "created": build_date(content).isoformat()}
    body = markdown_to_body(
        markdown,
        content.images.get,
        charts=chart_sources(markdown, content.metrics.series),
        terms=acronyms(content.glossary),
    )
    return html_page(body, page, templates, extra, screen=screen)


def _typeset(
    html: str, document: str, created: date, images: dict[str, str]
) -> tuple[tuple[bytes, int], list[Problem]]:
    from lscb_report.pdf import RefusedFetch, html_to_pdf

    try:
        typeset = html_to_pdf(html, created)
    except RefusedFetch as error:
        message = f"{error}; the build stops (look for that address in the templates)"
        raise ReportError([Problem(f"{document}.pdf", 0, 0, message)]) from None
    warnings = [
        Problem(f"{document}.pdf", 0, 0, f"PDF engine: {_readable(message, images)}", "warning")
        for message in typeset.warnings
    ]
    return (typeset.data, typeset.pages), warnings


def _readable(message: str, images: dict[str, str]) -> str:
    """An engine message with each image's data: URI replaced by the image's path."""
    for path, uri in images.items():
        message = message.replace(uri, path)
    return re.sub(r"(data:[^,\s]{0,40},)[^\s\"')]{20,}", r"\1...", message).rstrip(": ")


def _refuse_overlap(folder: Path, content: Path) -> None:
    """Stop a build whose output folder is, holds or lies inside the content folder: replacing
    it would delete the content."""
    out, source = folder.resolve(), content.resolve()
    if out.is_relative_to(source) or source.is_relative_to(out):
        message = (
            f"the report would be written into the content folder {display_path(content)}, "
            "and replacing it would delete content; choose another --out folder, such as build"
        )
        raise ReportError([Problem(display_path(folder), 0, 0, message)])


def build_date(content: Content) -> date:
    """The date stamped on outputs: SOURCE_DATE_EPOCH when set, else the committee date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return content.report.cover.date


def index_html(
    content: Content,
    files: dict[str, bytes],
    pages: dict[str, int],
    folder: Path,
    templates: Path | None,
) -> bytes:
    """The publishing page linking every output, with sizes and page counts."""
    from lscb_report.templating import environment

    rows = []
    for document in DOCUMENTS:
        for fmt in FORMATS:
            name = f"{document}.{fmt}"
            data = files.get(name)
            if data is None and (folder / name).is_file():
                data = (folder / name).read_bytes()
            if data is not None:
                rows.append(
                    {
                        "document": TITLES[document],
                        "format": fmt.upper(),
                        "name": name,
                        "size": _size(len(data)),
                        "pages": pages.get(name),
                    }
                )
    markdown = (
        environment(templates)
        .get_template("index.md.j2")
        .render(board=content.board, year=content.year, report=content.report, rows=rows)
    )
    if content.audience == "board":
        markdown = restricted_banner() + markdown
    page = Page(
        title=f"{content.board.name} annual report {content.year}",
        document="index",
        description=f"The {content.board.name} annual report {content.year}, to download.",
        draft=content.report.status == "draft",
        restricted=content.audience == "board",
    )
    extra = {"version": __version__, "created": build_date(content).isoformat()}
    body = markdown_to_body(markdown, terms=acronyms(content.glossary))
    return html_page(body, page, templates, extra).encode("utf-8")


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1048576:,.1f} MB"


def write_atomically(folder: Path, files: dict[str, bytes]) -> None:
    """Put files into folder all at once, keeping the folder's other files.

    The new folder is assembled beside the old one and swapped in with renames, so a reader
    (or an interrupted build) never sees half a report.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    retired = folder.with_name(f".{folder.name}.old")
    if retired.is_dir() and not folder.exists():
        retired.rename(folder)  # an earlier build stopped between its two renames
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    staging.chmod(0o755)
    try:
        if folder.is_dir():
            for old in folder.iterdir():
                if old.name in files:
                    continue
                if old.is_dir() and not old.is_symlink():
                    shutil.copytree(old, staging / old.name, symlinks=True)
                else:
                    shutil.copy2(old, staging / old.name, follow_symlinks=False)
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if retired.exists():
            shutil.rmtree(retired)
        _swap(staging, folder, retired)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, folder: Path, retired: Path) -> None:
    """Put staging where folder is; if that stops part way (even by an interrupt), put the
    old folder back."""
    try:
        if folder.exists():
            folder.rename(retired)
        staging.rename(folder)
    except BaseException:
        if retired.exists() and not folder.exists():
            retired.rename(folder)
        raise
    shutil.rmtree(retired, ignore_errors=True)
