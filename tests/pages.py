"""How a PDF's pages are filled, read from its text with pypdf (as pdftotext would, without
needing poppler installed): each page's lines, how full it is against the fullest page, and
the pages each figure runs over.

    python -m tests.pages build/2014-15/annual-report.pdf ...    prints a report of each
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

_CAPTION = re.compile(r"^Figure (\d+): ")
_CHAPTER = re.compile(r"^(\d+\. |Appendix: |Contents$)")
_FOOTER = re.compile(r"^Page \d+ of \d+$")


@dataclass(frozen=True)
class Page:
    """One page's text lines, the running header and the page number left out."""

    number: int
    lines: list[str]

    def starts_chapter(self) -> bool:
        """Whether the page opens with a chapter's heading."""
        return bool(self.lines) and bool(_CHAPTER.match(self.lines[0]))


def pages(pdf: Path) -> list[Page]:
    """The pages of a PDF, their text in reading order."""
    found = []
    for number, page in enumerate(PdfReader(pdf).pages, 1):
        text = page.extract_text() or ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        footer = next((i for i, line in enumerate(lines) if _FOOTER.match(line)), None)
        if footer is not None:  # the page number and, just before it, the running header
            del lines[max(0, footer - 1) : footer + 1]
        found.append(Page(number, lines))
    return found


def fullness(found: list[Page]) -> dict[int, float]:
    """How full each page is: its lines as a share of the fullest page's."""
    most = max((len(page.lines) for page in found), default=1) or 1
    return {page.number: len(page.lines) / most for page in found}


def figures(found: list[Page]) -> dict[int, list[int]]:
    """The pages each figure runs over, from its caption to its source line."""
    spans: dict[int, list[int]] = {}
    open_figure: int | None = None
    for page in found:
        for line in page.lines:
            caption = _CAPTION.match(line)
            if caption:
                open_figure = int(caption.group(1))
                spans[open_figure] = [page.number]
            elif open_figure is not None and page.number not in spans[open_figure]:
                spans[open_figure].append(page.number)
            if open_figure is not None and line.startswith("Source: "):
                open_figure = None
    return spans


def underfilled(found: list[Page], share: float = 0.25) -> list[int]:
    """Pages less than ``share`` full that neither end the document nor come before a page
    that starts a chapter (a chapter's last page may be short), the cover apart."""
    full = fullness(found)
    short = []
    for index, page in enumerate(found[1:-1], 1):
        if full[page.number] < share and not found[index + 1].starts_chapter():
            short.append(page.number)
    return short


def report(pdf: Path) -> str:
    """Each page's line count and fullness, each figure's pages, and the short pages."""
    found = pages(pdf)
    full = fullness(found)
    out = [f"{pdf}: {len(found)} pages"]
    out += [
        f"  page {p.number:>3}: {len(p.lines):>3} lines, {full[p.number]:4.0%}"
        f"  {p.lines[0][:50] if p.lines else ''}"
        for p in found
    ]
    out += [f"  figure {n}: pages {', '.join(map(str, ps))}" for n, ps in figures(found).items()]
    out.append(f"  under a quarter full (not a chapter's last): {underfilled(found) or 'none'}")
    return "\n".join(out)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(report(Path(name)))
