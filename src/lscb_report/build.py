"""Build a year's report: every step in memory first, then one atomic write.

The only module that writes the output folder. A build that fails at any step (content,
template, engine, interrupt) leaves the previous outputs exactly as they were.

A build does no work it has done before (see cache.py): when nothing it reads has changed
since the last build, it keeps the outputs as they are; a PDF whose HTML has not changed is
not typeset again; and the PDFs it does make are typeset side by side (parallel.py). The
stages are imported only when needed, so that the first of these is quick.
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
from typing import TYPE_CHECKING

from lscb_report import __version__, cache
from lscb_report.documents import DOCUMENTS
from lscb_report.errors import Problem, ReportError
from lscb_report.loading import MAX_BYTES, display_path
from lscb_report.years import FinancialYear

if TYPE_CHECKING:
    from lscb_report.audience import Audience
    from lscb_report.content import Content
    from lscb_report.models import Series
    from lscb_report.parallel import Typesetter

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
    key = cache.fingerprint(config)
    kept = _unchanged(config, key)
    if kept is not None:
        step("nothing has changed since the last build; the outputs are up to date")
        return kept
    from lscb_report.parallel import Typesetter

    pending = cache.Pending(config.out)
    with Typesetter(fork=None if "pdf" in config.formats else False) as typesetter:
        result = _build(config, step, typesetter, pending)
    pending.commit()
    written = [(o.path.name, o.size, o.pages) for o in result.outputs]
    cache.remember(config, key, written, result.warnings)
    return result


def _unchanged(config: BuildConfig, key: str) -> BuildResult | None:
    """The last build's result, when it read the same inputs and its outputs are intact."""
    kept = cache.unchanged(config, key)
    if kept is None:
        return None
    outputs, warnings = kept
    if config.strict and warnings:
        raise ReportError([w.as_error() for w in warnings])
    folder = config.folder
    return BuildResult(
        [Output(folder / name, size, pages) for name, size, pages in outputs], warnings
    )


def _build(
    config: BuildConfig, step: Step, typesetter: Typesetter, pending: cache.Pending
) -> BuildResult:
    """Every step of a build that has work to do."""
    from lscb_report.content import load_content
    from lscb_report.signoff import not_final

    step("reading content")
    folder = config.folder
    _refuse_overlap(folder, config.content)
    content = load_content(config.content, config.year, config.audience, config.max_file_size)
    if config.final and not_final(content):
        raise ReportError(not_final(content))
    warnings = list(content.warnings)
    files: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    print_html: dict[str, str] = {}
    markdowns = _markdowns(content, config, step)
    files |= {
        f"{document}.md": markdown.encode("utf-8") for document, markdown in markdowns.items()
    }
    draw = _charts(content, markdowns, config, pending)
    for document, markdown in markdowns.items():
        if "html" in config.formats:
            html = document_html(content, document, markdown, config.templates, draw=draw)
            files[f"{document}.html"] = html.encode("utf-8")
        if "pdf" in config.formats:  # typeset below, all at once
            print_html[document] = document_html(
                content, document, markdown, config.templates, screen=False, draw=draw
            )
    typeset = _typeset(print_html, build_date(content), content.images, typesetter, pending, step)
    for document, (pdf, typeset_warnings) in typeset.items():
        warnings += typeset_warnings
        files[f"{document}.pdf"], pages[f"{document}.pdf"] = pdf
    order = [f"{document}.{fmt}" for document in config.documents for fmt in FORMATS]
    files = {name: files[name] for name in order if name in files}
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


def _markdowns(content: Content, config: BuildConfig, step: Step) -> dict[str, str]:
    """Each document's Markdown."""
    from lscb_report.audience import restricted_banner
    from lscb_report.templating import render_markdown

    markdowns = {}
    for document in config.documents:
        step(f"writing {document}")
        markdown = render_markdown(content, document, config.templates)
        if content.audience == "board":
            markdown = restricted_banner() + markdown
        markdowns[document] = markdown
    return markdowns


def _charts(
    content: Content, markdowns: dict[str, str], config: BuildConfig, pending: cache.Pending
) -> Callable[[Series], str]:
    """What draws the documents' charts: the SVGs kept or drawn once for this build."""
    from lscb_report.charts import chart_svg, figures

    if not {"html", "pdf"} & set(config.formats):
        return chart_svg
    wanted = set().union(*(figures(markdown) for markdown in markdowns.values()))
    shown = [s for s in content.metrics.series if s.id in wanted]
    svgs = cache.charts(pending, shown)
    return lambda series: svgs.get(series.id) or chart_svg(series)


def document_html(
    content: Content,
    document: str,
    markdown: str,
    templates: Path | None,
    *,
    screen: bool = True,
    draw: Callable[[Series], str] | None = None,
) -> str:
    """One document as a self-contained HTML page (for print when ``screen`` is false), its
    charts drawn by ``draw`` (by default, drawn afresh)."""
    from lscb_report.charts import chart_sources
    from lscb_report.glossary import acronyms
    from lscb_report.markup import Page, html_page, markdown_to_body

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
        charts=chart_sources(markdown, content.metrics.series, draw),
        terms=acronyms(content.glossary),
    )
    return html_page(body, page, templates, extra, screen=screen)


def _typeset(
    print_html: dict[str, str],
    created: date,
    images: dict[str, str],
    typesetter: Typesetter,
    pending: cache.Pending,
    step: Step,
) -> dict[str, tuple[tuple[bytes, int], list[Problem]]]:
    """Each document's PDF and page count, and the engine's warnings: from the cache where
    its HTML was typeset before, otherwise typeset now, side by side."""
    from lscb_report.pdf import RefusedFetch

    keys = {document: cache.pdf_key(html, created) for document, html in print_html.items()}
    made = {document: cache.cached_pdf(pending.out, key) for document, key in keys.items()}
    for document, typeset in made.items():
        if typeset is not None:
            step(f"{document}.pdf has not changed; kept from the last build")
    missing = {document: print_html[document] for document, found in made.items() if not found}
    if missing:
        step(f"typesetting {', '.join(f'{document}.pdf' for document in missing)}")
    fresh = {}
    refused = []
    for document, outcome in typesetter.typeset(missing, created).items():
        if isinstance(outcome, RefusedFetch):
            message = f"{outcome}; the build stops (look for that address in the templates)"
            refused.append(Problem(f"{document}.pdf", 0, 0, message))
        else:
            fresh[document] = outcome
            pending.pdf(keys[document], outcome)
    if refused:
        raise ReportError(refused)
    results = {}
    for document in print_html:
        typeset = made[document] or fresh[document]
        warnings = [
            Problem(f"{document}.pdf", 0, 0, f"PDF engine: {_readable(message, images)}", "warning")
            for message in typeset.warnings
        ]
        results[document] = (typeset.data, typeset.pages), warnings
    return results


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
    from lscb_report.audience import restricted_banner
    from lscb_report.glossary import acronyms
    from lscb_report.markup import Page, html_page, markdown_to_body
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
