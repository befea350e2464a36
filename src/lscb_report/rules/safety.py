"""Content safety: what a text from YAML may put into a report.

Content comes from many hands, so every text of every file is read as Markdown and checked:
links go to web pages, e-mail addresses or headings in the report (never ``javascript:``,
``data:``, ``file:`` ...); images are files inside the content folder, with a description;
raw HTML is printed as text, and the author is told so; no single text is so long that
building it would take minutes. Each problem is reported where it stands in the file, inside
a block of prose as well as on one line.

The renderers are the second line: ``safe_markdown`` turns whatever is still live in the
Markdown output (raw HTML, an unsafe link) into text, and markup.py renders the HTML with
raw HTML off, the same link rule, and only the images approved here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote

from lscb_report.content.loading import Loaded, Mark, Path_, dotted
from lscb_report.content.positions import strings
from lscb_report.errors import Problem
from lscb_report.rules.images import image_data
from lscb_report.rules.registry import needs, rule, tagged
from lscb_report.rules.scanning import Found, normalise, scan

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

MAX_TEXT = 100_000
MAX_IMAGES_TOTAL = 20_000_000  # bytes of images, as data: URIs, in one report
LINK_SCHEMES = ("http:", "https:", "mailto:")
LINK_HINT = "link to a web page (https://...), an e-mail address (mailto:...) or a heading (#...)"
_RELATIVE = re.compile(r"[\w-]+(\.[\w-]+)*(/[\w-]+(\.[\w-]+)*)*", re.ASCII)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_ROUNDS = 50
MAX_HTML_WARNINGS = 10  # in one text; the rest are kept as text all the same
_WORD = re.compile(r"\S{1,30}")
Image = tuple[str | None, str | None]  # a data: URI, or why the image cannot be used


def safe_link(url: str) -> bool:
    """Whether a link may appear in output: http, https, mailto, in-document anchors, and
    paths inside the output's folder (the index links the documents so)."""
    lowered = url.strip().lower()
    return lowered.startswith((*LINK_SCHEMES, "#")) or bool(_RELATIVE.fullmatch(lowered))


def link_problem(href: str) -> str | None:
    """Why a link in content is refused, if it is: only web, e-mail and heading links."""
    if href.strip().lower().startswith((*LINK_SCHEMES, "#")):
        return None
    shown = _shown(href)
    scheme = _SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", unquote(href)).lower())
    if scheme:
        used = scheme.group(1)
        return f"the link '{shown}' uses {used}:, which a report may not use; {LINK_HINT}"
    return f"the link '{shown}' is not a web address; {LINK_HINT}"


def _shown(text: str, limit: int = 60) -> str:
    """Text fit for a message: decoded, control characters made visible, cut short."""
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in unquote(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


RAW_HTML = rule("raw-html", "raw HTML in prose is printed as text, never used", "warning")


@needs()
def content_safety(content: Content) -> Iterator[Problem]:
    """Every unsafe link, unusable image, raw HTML and overlong text in the content; keeps
    (``approved_images`` gives the renderer exactly the images this approves.)
    Links, images and length are always errors: they protect readers, so a board cannot
    make them warnings; raw HTML, which stays text, is a rule a board can tune."""
    images: dict[str, Image] = {}  # each image is read once
    budget = [MAX_IMAGES_TOTAL]  # what is left of it, in bytes of data: URI
    for model in content.files():
        loaded = model.loaded
        if loaded is None:
            continue
        place = _Place(loaded)
        for path, text in strings(loaded.data):
            yield from _text_problems(content, images, place, path, text)
            yield from _over_budget(images, place, path, text, budget)


def approved_images(content: Content) -> dict[str, str]:
    """Each image the content shows that the check approves: its path in the content folder
    and its data: URI, which the renderer inlines."""
    images: dict[str, Image] = {}
    for model in content.files():
        if model.loaded is not None:
            for _, text in strings(model.loaded.data):
                if len(text) <= MAX_TEXT:
                    for found in scan(text.strip()):
                        if found.kind == "image" and found.target not in images:
                            _finding_problem(content, images, found)
    return {src: uri for src, (uri, _) in images.items() if uri is not None}


def _text_problems(
    content: Content, images: dict[str, Image], place: _Place, path: Path_, text: str
) -> Iterable[Problem]:
    """The problems in one text value."""
    if len(text) > MAX_TEXT:
        yield place.problem(
            path,
            text,
            0,
            f"this text is {len(text):,} characters long, over the limit of {MAX_TEXT:,} for "
            "one value; split it into shorter sections",
        )
        return
    lead = len(text) - len(text.lstrip())  # the model strips the text; offsets are in it
    html = 0
    for found in scan(text.strip()):
        offset = None if found.offset is None else found.offset + lead
        html += found.kind == "html"
        if found.kind == "html" and html > MAX_HTML_WARNINGS:
            continue
        message = _finding_problem(content, images, found)
        if html == MAX_HTML_WARNINGS and found.kind == "html":
            message = f"{message} (and every other piece of HTML after it in this text)"
        if message is not None:
            problem = place.problem(path, text, offset, message)
            yield tagged(problem.as_warning(), RAW_HTML) if found.kind == "html" else problem


def _over_budget(
    images: dict[str, Image], place: _Place, path: Path_, text: str, budget: list[int]
) -> Iterable[Problem]:
    """The image at which the images shown, each time they are shown, pass the budget of
    one report (a 1 MB image shown a thousand times would be a gigabyte of HTML); once."""
    if len(text) > MAX_TEXT or budget[0] < 0:
        return
    lead = len(text) - len(text.lstrip())
    for found in scan(text.strip()):
        uri = images.get(found.target, (None, None))[0] if found.kind == "image" else None
        if uri is None:
            continue
        budget[0] -= len(uri)
        if budget[0] < 0:
            offset = None if found.offset is None else found.offset + lead
            yield place.problem(
                path,
                text,
                offset,
                f"the images shown up to here, each time it is shown, add up to more than "
                f"{MAX_IMAGES_TOTAL:,} bytes, the most one report may hold; show each image "
                "once, or make them smaller",
            )
            return


def _finding_problem(content: Content, images: dict[str, Image], found: Found) -> str | None:
    """What is wrong with a link, image or raw HTML found in a text, if anything."""
    if found.kind == "link":
        return link_problem(found.target)
    if found.kind == "html":
        return _html_message(found.target)
    if found.target not in images:
        images[found.target] = image_data(content.root, found.target, content.max_file_size)
    problem = images[found.target][1]
    if problem:
        return f"the image '{_shown(found.target)}' {problem}"
    if not found.alt.strip():
        return (
            f"the image '{_shown(found.target)}' has no description; write what it shows "
            f"between the brackets, ![Chart of referrals by year]({_shown(found.target)}), "
            "for readers who cannot see it"
        )
    return None


def _html_message(html: str) -> str:
    snippet = _shown(html.split("\n", 1)[0], 40)
    if html.startswith("<!--"):
        return (
            f"the HTML comment {snippet} would be printed in the report as it is; delete it, "
            "or keep the note in a YAML comment (a line starting with #)"
        )
    return (
        f"raw HTML ({snippet}) is printed as text, not used as markup; write Markdown "
        "instead, such as **bold** or [a link](https://example.org)"
    )


class _Place:
    """Turns an offset in a text value into the line and column of the file it came from."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.lines = loaded.text.splitlines()
        self.rows: tuple[str, list[int]] = ("", [0])  # a text and where its lines start
        self.found: dict[tuple[Mark, str], list[Mark]] = {}  # a word's places in a value

    def problem(self, path: Path_, text: str, offset: int | None, message: str) -> Problem:
        """A problem at a character of a text value (at the value, if it cannot be found)."""
        mark = self.loaded.mark(path) if offset is None else self.mark(path, text, offset)
        where = dotted(path)
        return Problem(self.loaded.file, mark.line, mark.column, f"{where}: {message}")

    def mark(self, path: Path_, text: str, offset: int) -> Mark:
        """The place of character ``offset`` of the text at ``path``."""
        span = self.loaded.spans.get(path)
        if span is None:
            return self.loaded.mark(path)
        if span.style == "|":
            if self.rows[0] is not text:
                self.rows = (text, [0, *(m.end() for m in re.finditer("\n", text))])
            starts = self.rows[1]
            row = bisect_right(starts, offset) - 1
            column = offset - starts[row]
            part = text[starts[row] : starts[row + 1] - 1 if row + 1 < len(starts) else None]
            number = span.start.line + row  # the text starts on the line after the '|'
            line = self.lines[number] if number < len(self.lines) else ""
            if part and line.endswith(part):
                return Mark(number + 1, len(line) - len(part) + column + 1)
        return self._search(span.start, span.end, text, offset)

    def _search(self, start: Mark, end: Mark, text: str, offset: int) -> Mark:
        """Find the word at ``offset`` in the value's source, counting earlier ones the same
        (for folded, quoted and plain values, whose lines do not match the text's)."""
        word = _WORD.match(text, offset)
        if word is None:
            return start
        needle = word.group()
        key = (start, needle)
        if key not in self.found:
            self.found[key] = list(self._occurrences(start, end, needle))
        places, wanted = self.found[key], text.count(needle, 0, offset)
        return places[wanted] if wanted < len(places) else start

    def _occurrences(self, start: Mark, end: Mark, needle: str) -> Iterator[Mark]:
        """Each place of ``needle`` in the source between start and end."""
        for number in range(start.line - 1, min(end.line, len(self.lines))):
            line = self.lines[number]
            low = start.column - 1 if number == start.line - 1 else 0
            high = end.column - 1 if number == end.line - 1 else len(line)
            at = line.find(needle, low, high)
            while at >= 0:
                yield Mark(number + 1, at + 1)
                at = line.find(needle, at + len(needle), high)


def safe_markdown(markdown: str) -> str:
    """The Markdown with anything still live that content may not make turned into text: raw
    HTML, links the renderer would refuse, images from outside. Normally nothing changes,
    because the content check refused these already; this is the second line."""
    text = normalise(markdown)
    for _ in range(_ROUNDS):
        live = [found for found in scan(text) if _live(found)]
        if not live:
            return text
        text = _neutralise(text, live)
    return "\n".join(_ESCAPABLE.sub(r"\1\\\2", line) for line in text.split("\n"))


def _live(found: Found) -> bool:
    return found.kind == "html" or not safe_link(found.target)


_ESCAPABLE = re.compile(r"(?<!\\)((?:\\\\)*)([<\[])")


def _neutralise(text: str, live: list[Found]) -> str:
    """A backslash before each finding's opening character, so that Markdown reads it as
    text; before every '<' and '[' of the lines of an HTML block, or of a line where a
    finding's place is not known. (Unwrapping one tag can uncover another inside it, so
    the caller scans again until nothing is live.)"""
    spots = sorted(
        {f.offset + (f.kind == "image") for f in live if f.offset is not None and not f.lines}
    )
    pieces, last = [], 0
    for spot in spots:
        pieces += [text[last:spot], "\\"]
        last = spot
    lines = "".join([*pieces, text[last:]]).split("\n")
    rows = {row for found in live if found.lines for row in range(*found.lines)}
    rows |= {found.line for found in live if found.offset is None}
    for row in rows:
        lines[row] = _ESCAPABLE.sub(r"\1\\\2", lines[row])
    return "\n".join(lines)


CHECKS = [content_safety]
RULES = [RAW_HTML]
