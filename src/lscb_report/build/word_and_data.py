"""The build's steps for what is made besides Markdown, HTML and PDF: each document in Word,
the figures it prints as CSV, and that CSV to embed in the PDFs that print them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lscb_report.build.config import BuildConfig
from lscb_report.render.documents import DATA, data_name

if TYPE_CHECKING:
    from lscb_report.content.models import Series
    from lscb_report.content.reading import Content
    from lscb_report.typeset.docx import Conversion

Draw = Callable[["Series"], str]


class WordFiles:
    """The Word files of a build, being made (by pandoc, in processes of their own) while the
    PDFs are typeset; leaving the ``with`` block stops any still running."""

    def __init__(self, conversions: dict[str, Conversion]) -> None:
        self.conversions = conversions

    def result(self) -> dict[str, bytes]:
        """Each Word file by its name, once made."""
        return {f"{document}.docx": c.result() for document, c in self.conversions.items()}

    def __enter__(self) -> WordFiles:
        return self

    def __exit__(self, *_: object) -> None:
        for conversion in self.conversions.values():
            conversion.close()


def start_word_files(
    content: Content, markdowns: dict[str, str], config: BuildConfig, draw: Draw
) -> WordFiles:
    """Start making each document in Word, when Word is asked for."""
    from lscb_report.render.charts import figures
    from lscb_report.render.docxsource import docx_markdown
    from lscb_report.render.pages import build_date, document_title, template_file
    from lscb_report.rules.audience import RESTRICTED
    from lscb_report.typeset.docx import Conversion, WordDocument

    if "docx" not in config.formats:
        return WordFiles({})
    marks: tuple[str, ...] = ("DRAFT",) if content.report.status == "draft" else ()
    if content.audience == "board":
        marks += (RESTRICTED,)
    conversions = {}
    for document, markdown in markdowns.items():
        shown = figures(markdown)
        charts = {s.id: draw(s) for s in content.metrics.series if s.id in shown}
        word = WordDocument(
            title=document_title(content, document),
            created=build_date(content),
            reference=template_file(config.templates, "reference.docx"),
            marks=marks,
        )
        conversions[document] = Conversion(docx_markdown(markdown, charts, content.images), word)
    return WordFiles(conversions)


def figures_data(
    content: Content, markdowns: dict[str, str], config: BuildConfig
) -> dict[str, bytes]:
    """The figures the documents print, as CSV, when open data is asked for."""
    from lscb_report.render.opendata import figures_csv

    if DATA not in config.formats:
        return {}
    return {data_name(config.year): figures_csv(content, markdowns)}


def pdf_attachments(
    content: Content, markdowns: dict[str, str], files: dict[str, bytes], config: BuildConfig
) -> dict[str, dict[str, bytes]]:
    """The files to embed in each PDF: the figures' CSV in each document that prints some."""
    from lscb_report.render.opendata import figure_rows

    name = data_name(config.year)
    if name not in files:
        return {}
    return {
        document: {name: files[name]}
        for document, markdown in markdowns.items()
        if figure_rows(content, {document: markdown})
    }
