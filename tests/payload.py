"""Hostile text put where an author writes prose, and what the outputs may then hold."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from lscb_report.rules.safety import safe_link
from lscb_report.rules.scanning import scan
from tests.conftest import SMALL

PRIORITY = Path("2020-21") / "priorities" / "01-neglect.yaml"


def line_of(path: Path, text: str) -> int:
    """The number of the first line of a file that starts with text."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


SUMMARY_LINE = line_of(SMALL / PRIORITY, "summary: |") + 1  # the first line of its text


def block(text: str, indent: int = 2) -> str:
    """Text as the lines of a YAML block scalar."""
    return "".join((" " * indent + line if line else "") + "\n" for line in text.split("\n"))


def put(content: Path, text: str) -> tuple[int, int]:
    """Put text as the first priority's summary and body; return the first line of each."""
    path = content / PRIORITY
    lines = path.read_text(encoding="utf-8").split("\n")
    firsts = []
    for key in ("summary: |", "body: |"):
        start = lines.index(key) + 1
        end = next(n for n in range(start, len(lines)) if not lines[n].startswith("  "))
        lines[start:end] = block(text).rstrip("\n").split("\n")
        firsts.append(start + 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return firsts[0], firsts[1]


def live_markdown(markdown: str) -> list[str]:
    """What is live in Markdown that content may not make: raw HTML, unsafe links."""
    return [
        f"{found.kind} {found.target!r}"
        for found in scan(markdown)
        if found.kind == "html" or not safe_link(found.target)
    ]


# What the tool's own page template and Markdown renderer may produce, and nothing else.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "a", "nav", "div", "h1", "h2",
    "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote",
    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img", "figure", "figcaption",
    "abbr",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.styles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        self.styles += tag == "style"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name == "href" and value and not safe_link(value):  # "" is this page
                self.problems.append(f"<{tag} href={value!r}>")
            if name == "src" and not value.startswith("data:image/"):
                self.problems.append(f"<{tag} src={value!r}>")
            if tag == "meta" and name == "http-equiv":
                self.problems.append(f"<meta http-equiv={value!r}>")


def live_html(html: str) -> list[str]:
    """Elements and attributes in an HTML page that content may not make."""
    parser = _Tags()
    parser.feed(html)
    if parser.styles != 1:
        parser.problems.append(f"{parser.styles} <style> elements")
    return parser.problems
