"""Whole HTML pages: each document as a self-contained page, and the page that introduces
the report and links its files."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from lscb_report import __version__
from lscb_report.content import shape
from lscb_report.content.models import Series
from lscb_report.content.reading import Content
from lscb_report.files import plain_file
from lscb_report.numbers import size
from lscb_report.render.charts import chart_sources
from lscb_report.render.datalinks import DataLink
from lscb_report.render.documents import DOCUMENTS, LABELS, TITLES, data_name
from lscb_report.render.markup import Page, html_page, markdown_to_body
from lscb_report.render.opendata import table_rows
from lscb_report.render.templating import (
    board_words,
    environment,
    render_template,
    template_folders,
)
from lscb_report.rules.audience import restricted_banner
from lscb_report.rules.glossary import acronyms


def document_html(
    content: Content,
    document: str,
    markdown: str,
    templates: Path | None,
    *,
    screen: bool = True,
    draw: Callable[[Series], str] | None = None,
    data: str | None = None,
) -> str:
    """One document as a self-contained HTML page (for print when ``screen`` is false), its
    charts drawn by ``draw`` (by default, drawn afresh), its tables of figures linked to
    their CSV at the address ``data``."""

    board = content.board
    page = Page(
        title=document_title(content, document),
        document=document,
        description=f"{titles(content)[document]} of the {board.name} for "
        f"{', '.join(board.areas)}, {content.year}.",
        draft=content.report.status == "draft",
        restricted=content.audience == "board",
    )
    extra = {"version": __version__, "created": build_date(content).isoformat()}
    body = markdown_to_body(
        markdown,
        content.images.get,
        charts=chart_sources(markdown, content.metrics.series, draw),
        terms=acronyms(content.glossary),
        tie_headings=not screen,
        data_link=DataLink(data, table_rows(content)) if data else None,
    )
    return html_page(body, page, templates, extra, screen=screen)


def document_title(content: Content, document: str) -> str:
    """A document's title: the cover report's own, or the board's name, document and year."""
    if document == "executive-summary":
        return content.report.cover.title
    return f"{content.board.name} {titles(content)[document]} {content.year}"


def titles(content: Content) -> dict[str, str]:
    """Each document's name as the board's regime calls it: an LSCB's or adults board's
    Annual report, a partnership's Yearly report, and the Executive summary."""
    full = shape.board_profile(content.board).document.capitalize()
    return {**TITLES, "annual-report": full}


def template_file(templates: Path | None, name: str) -> Path | None:
    """A file from the first templates folder that has it (the board's own, then the
    tool's), such as the Word reference document."""
    return next((f / name for f in template_folders(templates) if (f / name).is_file()), None)


def index_html(
    content: Content,
    files: dict[str, bytes],
    pages: dict[str, int],
    folder: Path,
    templates: Path | None,
) -> bytes:
    """The page a council links to: what the report is, each document to read in the browser,
    then each PDF and Word file with its size (and pages), and the figures as open data. It
    carries no fonts, being only links."""
    read, download = [], []
    named = titles(content)
    for document in reversed(DOCUMENTS):  # the full report first
        words = f"{named[document].lower()} as a web page"
        if _data(files, folder, f"{document}.html") is not None:
            read.append({"title": f"Read the {words}", "name": f"{document}.html"})
        for fmt in ("pdf", "docx"):
            name = f"{document}.{fmt}"
            data = _data(files, folder, name)
            if data is not None:
                download.append(
                    _row(named[document], LABELS[fmt], name, len(data), pages.get(name))
                )
    csv_name = data_name(content.year)
    csv = _data(files, folder, csv_name)
    if csv is not None:
        download.append(_row("The report's figures", "CSV", csv_name, len(csv), None))
    context = {"board": content.board, "year": content.year, "report": content.report}
    context |= {"read": read, "download": download, "report_name": named["annual-report"].lower()}
    env = environment(templates)
    board_words(env, content)  # the landing page writes dates in the board's style too
    markdown = render_template(env, "index.md.j2", context)
    if content.audience == "board":
        markdown = restricted_banner() + markdown
    page = Page(
        title=f"{content.board.name} {named['annual-report'].lower()} {content.year}",
        document="index",
        description=f"The {content.board.name} {named['annual-report'].lower()} {content.year}, "
        "to read or download.",
        draft=content.report.status == "draft",
        restricted=content.audience == "board",
    )
    extra = {"version": __version__, "created": build_date(content).isoformat()}
    body = markdown_to_body(markdown, terms=acronyms(content.glossary))
    return html_page(body, page, templates, extra, fonts=False).encode("utf-8")


def _data(files: dict[str, bytes], folder: Path, name: str) -> bytes | None:
    """An output made by this build, or else kept from an earlier one in the folder."""
    data = files.get(name)
    if data is None and plain_file(folder / name):  # a link is not carried over
        data = (folder / name).read_bytes()
    return data


def _row(title: str, fmt: str, name: str, count: int, pages: int | None) -> dict[str, object]:
    """One file to download, as the publishing page lists it."""
    return {"title": title, "format": fmt, "name": name, "size": size(count), "pages": pages}


def build_date(content: Content) -> date:
    """The date stamped on outputs: SOURCE_DATE_EPOCH when set, else the committee date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return content.report.cover.date
