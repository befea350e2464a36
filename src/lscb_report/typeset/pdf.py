"""HTML to PDF with WeasyPrint: the only module that imports it.

The engine may read nothing but ``data:`` URIs: the HTML we give it is self-contained, so
any other address (a local file, the network) can only come from hostile content, and it
stops the build. WeasyPrint's warnings are captured and returned, not lost in a log.

Two builds of the same HTML give the same bytes: WeasyPrint turns WOFF fonts into TrueType
with fontTools, which stamps each font with the time of the build unless SOURCE_DATE_EPOCH
is set, so while typesetting it is set to the document's own date when the caller has not.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any


@dataclass
class Typeset:
    """A PDF and what the engine said while making it."""

    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


class RefusedFetch(Exception):
    """The document asked the engine for something outside itself."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


FONT_DATE = date(2000, 1, 1)
ATTACHED = {".csv": "The figures this report prints, as CSV"}


@contextmanager
def _source_date(created: date) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to ``created`` for the duration, unless it is already valid."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        yield
        return
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(created, time(), UTC).timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def html_to_pdf(
    html: str, created: date = FONT_DATE, files: Mapping[str, bytes] | None = None
) -> Typeset:
    """Typeset self-contained HTML as a tagged PDF/UA-1 document; ``created`` dates the
    fonts embedded in it (the document's own dates come from its metadata), ``files`` are
    embedded in it by name, dated ``created`` too."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class OnlyDataFetcher(URLFetcher):  # type: ignore[misc]
        """Fetches data: URIs and refuses everything else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise FatalURLFetchingError(
                f"refused to read {url[:200]}: a report may only use files inside it"
            )

    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        with _source_date(created):
            document = weasyprint.HTML(
                string=html, base_url="about:blank", url_fetcher=OnlyDataFetcher()
            ).render(pdf_variant="pdf/ua-1", pdf_tags=True)
            data = document.write_pdf(
                pdf_variant="pdf/ua-1",
                pdf_tags=True,
                pdf_identifier=True,
                attachments=_attachments(files or {}, created),
            )
    except FatalURLFetchingError as error:
        raise RefusedFetch(str(error)) from None
    finally:
        logger.removeHandler(collector)
    return Typeset(data, len(document.pages), collector.messages)


def _attachments(files: Mapping[str, bytes], created: date) -> list[Any]:
    """WeasyPrint's attachments for the files, described by their name and dated ``created``
    (WeasyPrint would date them by the clock)."""
    from weasyprint import Attachment

    when = datetime.combine(created, time(), UTC)
    return [
        Attachment(
            file_obj=io.BytesIO(data),
            name=name,
            description=ATTACHED.get(Path(name).suffix, name),
            created=when,
            modified=when,
        )
        for name, data in sorted(files.items())
    ]
