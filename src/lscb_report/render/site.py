"""The public site's index page: the board's published years, newest first."""

from __future__ import annotations

from pathlib import Path

from lscb_report import __version__
from lscb_report.content.models import Board
from lscb_report.render.markup import Page, html_page, markdown_to_body
from lscb_report.render.templating import environment, render_template
from lscb_report.years import FinancialYear


def site_index_html(
    board: Board, years: list[FinancialYear], templates: Path | None, created: str
) -> bytes:
    """The site's index.html, linking each year's own page (``YEAR/index.html``)."""
    newest_first = sorted(years, reverse=True)
    context = {"board": board, "years": newest_first}
    markdown = render_template(environment(templates), "site.md.j2", context)
    page = Page(
        title=f"{board.name}: annual reports",
        document="site",
        description=f"The annual reports of the {board.name}, newest first.",
    )
    extra = {"version": __version__, "created": created}
    return html_page(markdown_to_body(markdown), page, templates, extra).encode("utf-8")
