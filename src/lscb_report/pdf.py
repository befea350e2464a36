"""HTML to PDF with WeasyPrint: the only module that imports it.

The engine may read nothing but ``data:`` URIs: the HTML we give it is self-contained, so
any other address (a local file, the network) can only come from hostile content, and it
stops the build. WeasyPrint's warnings are captured and returned, not lost in a log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
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


def html_to_pdf(html: str) -> Typeset:
    """Typeset self-contained HTML as a tagged PDF/UA-1 document."""
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
        document = weasyprint.HTML(
            string=html, base_url="about:blank", url_fetcher=OnlyDataFetcher()
        ).render(pdf_variant="pdf/ua-1", pdf_tags=True)
        data = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=True)
    except FatalURLFetchingError as error:
        raise RefusedFetch(str(error)) from None
    finally:
        logger.removeHandler(collector)
    return Typeset(data, len(document.pages), collector.messages)
