"""Whole HTML pages: each document as a self-contained page, and the page that introduces
the report and links its files."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from lscb_report import __version__
from lscb_report.content.models import Series
from lscb_report.content.reading import Content
from lscb_report.files import plain_file
from lscb_report.numbers import size
from lscb_report.render.charts import chart_sources
from lscb_report.render.documents import DOCUMENTS, FORMATS, TITLES
from lscb_report.render.markup import Page, html_page, markdown_to_body
from lscb_report.render.templating import environment, render_template
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
) -> str:
    """One document as a self-contained HTML page (for print when ``screen`` is false), its
    charts drawn by ``draw`` (by default, drawn afresh)."""

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


def index_html(
    content: Content,
    files: dict[str, bytes],
    pages: dict[str, int],
    folder: Path,
    templates: Path | None,
) -> bytes:
    """The publishing page linking every output, with sizes and page counts."""

    rows = []
    for document in DOCUMENTS:
        for fmt in FORMATS:
            name = f"{document}.{fmt}"
            data = files.get(name)
            if data is None and plain_file(folder / name):  # a link is not carried over
                data = (folder / name).read_bytes()
            if data is not None:
                rows.append(
                    {
                        "document": TITLES[document],
                        "format": fmt.upper(),
                        "name": name,
                        "size": size(len(data)),
                        "pages": pages.get(name),
                    }
                )
    context = {"board": content.board, "year": content.year, "report": content.report}
    markdown = render_template(environment(templates), "index.md.j2", {**context, "rows": rows})
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


def build_date(content: Content) -> date:
    """The date stamped on outputs: SOURCE_DATE_EPOCH when set, else the committee date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return content.report.cover.date
