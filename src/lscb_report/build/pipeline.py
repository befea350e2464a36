"""Build a year's report: every step in memory first, then one atomic write.

A build reads, checks and prepares the content, writes each document's Markdown, HTML and
PDF, and only then writes the output folder (``output.py``), all at once: a build that
fails at any step (content, template, engine, interrupt) leaves the previous outputs exactly
as they were.

A build does no work it has done before (see ``cache.py``): when nothing it reads has
changed since the last build, it keeps the outputs as they are; a PDF whose HTML has not
changed is not typeset again; and the PDFs it does make are typeset side by side
(``typeset/parallel.py``). The stages are imported only when needed, so that the first of
these is quick.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from lscb_report.build import cache
from lscb_report.build.config import BuildConfig, BuildResult, Output
from lscb_report.build.fingerprint import fingerprint
from lscb_report.build.output import write_report
from lscb_report.build.word_and_data import Draw
from lscb_report.content.loading import display_path
from lscb_report.errors import Problem, ReportError
from lscb_report.render.documents import DATA, FORMATS, data_name

if TYPE_CHECKING:
    from lscb_report.content.reading import Content
    from lscb_report.typeset.parallel import Typesetter

Step = Callable[[str], None]


def build(config: BuildConfig, step: Step = lambda _: None) -> BuildResult:
    """Compile the documents and write them; raise ReportError on any problem."""
    key = fingerprint(config)
    kept = _unchanged(config, key)
    if kept is not None:
        step("nothing has changed since the last build; the outputs are up to date")
        return kept
    from lscb_report.typeset.parallel import Typesetter

    pending = cache.Pending(cache.folder_for(config))
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
    """Every step of a build that has work to do: read and check, prepare, Markdown, HTML,
    PDF, the index page, write."""
    from lscb_report.build.word_and_data import figures_data, pdf_attachments, start_word_files
    from lscb_report.render.pages import build_date, index_html
    from lscb_report.rules.prepare import checked_content, prepare

    step("reading content")
    _refuse_overlap(config.folder, config.content)
    checked = checked_content(config.content, config.year, config.max_file_size)
    content = prepare(checked, config.audience)
    _refuse_draft(config, content)
    markdowns = _markdowns(content, config, step)
    files = {f"{document}.md": text.encode("utf-8") for document, text in markdowns.items()}
    draw = _charts(content, markdowns, config, pending)
    files |= _html(content, markdowns, config, draw)
    files |= figures_data(content, markdowns, config)
    with start_word_files(content, markdowns, config, draw) as word:
        print_html = _print_html(content, markdowns, config, draw)
        embedded = pdf_attachments(content, markdowns, files, config)
        typeset = _typeset(
            print_html, build_date(content), embedded, content.images, typesetter, pending, step
        )
        files |= word.result()
    warnings = list(content.warnings)
    pages: dict[str, int] = {}
    for document, (pdf, typeset_warnings) in typeset.items():
        warnings += typeset_warnings
        files[f"{document}.pdf"], pages[f"{document}.pdf"] = pdf
    order = [f"{document}.{fmt}" for document in config.documents for fmt in FORMATS]
    order.append(data_name(config.year))
    files = {name: files[name] for name in order if name in files}
    if config.strict and warnings:
        raise ReportError([w.as_error() for w in warnings])
    files["index.html"] = index_html(content, files, pages, config.folder, config.templates)
    step("writing files")
    write_report(config.folder, files)
    outputs = [
        Output(config.folder / name, len(data), pages.get(name)) for name, data in files.items()
    ]
    return BuildResult(outputs, warnings)


def _refuse_draft(config: BuildConfig, content: Content) -> None:
    """Stop a final build of a report that is not ready to publish."""
    from lscb_report.rules.signoff import not_final

    if config.final:
        problems = not_final(content)
        if problems:
            raise ReportError(problems)


def _html(
    content: Content, markdowns: dict[str, str], config: BuildConfig, draw: Draw
) -> dict[str, bytes]:
    """Each document as a page for the screen, when HTML is asked for."""
    from lscb_report.render.pages import document_html

    if "html" not in config.formats:
        return {}
    data = data_name(config.year) if DATA in config.formats else None
    return {
        f"{document}.html": document_html(
            content, document, markdown, config.templates, draw=draw, data=data
        ).encode("utf-8")
        for document, markdown in markdowns.items()
    }


def _print_html(
    content: Content, markdowns: dict[str, str], config: BuildConfig, draw: Draw
) -> dict[str, str]:
    """Each document as a page for print, to typeset, when PDF is asked for."""
    from lscb_report.render.pages import document_html

    if "pdf" not in config.formats:
        return {}
    return {
        document: document_html(
            content, document, markdown, config.templates, screen=False, draw=draw
        )
        for document, markdown in markdowns.items()
    }


def _markdowns(content: Content, config: BuildConfig, step: Step) -> dict[str, str]:
    """Each document's Markdown."""
    from lscb_report.render.templating import render_markdown
    from lscb_report.rules.audience import restricted_banner

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
) -> Draw:
    """What draws the documents' charts: the SVGs kept or drawn once for this build."""
    from lscb_report.render.charts import chart_svg, figures

    if not {"html", "pdf", "docx"} & set(config.formats):
        return chart_svg
    wanted = set().union(*(figures(markdown) for markdown in markdowns.values()))
    shown = [s for s in content.metrics.series if s.id in wanted]
    svgs = cache.charts(pending, shown)
    return lambda series: svgs.get(series.id) or chart_svg(series)


def _typeset(
    print_html: dict[str, str],
    created: date,
    attached: dict[str, dict[str, bytes]],
    images: dict[str, str],
    typesetter: Typesetter,
    pending: cache.Pending,
    step: Step,
) -> dict[str, tuple[tuple[bytes, int], list[Problem]]]:
    """Each document's PDF and page count, and the engine's warnings: from the cache where
    its HTML was typeset before, otherwise typeset now, side by side."""
    from lscb_report.typeset.pdf import RefusedFetch

    keys = {
        document: cache.pdf_key(html, created, attached.get(document))
        for document, html in print_html.items()
    }
    made = {document: cache.cached_pdf(pending.folder, key) for document, key in keys.items()}
    for document, typeset in made.items():
        if typeset is not None:
            step(f"{document}.pdf has not changed; kept from the last build")
    missing = {document: print_html[document] for document, found in made.items() if not found}
    if missing:
        step(f"typesetting {', '.join(f'{document}.pdf' for document in missing)}")
    fresh = {}
    refused = []
    for document, outcome in typesetter.typeset(missing, created, attached).items():
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
