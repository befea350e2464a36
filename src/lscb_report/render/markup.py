"""Markdown to HTML with markdown-it-py: raw HTML off, tables, heading anchors, and links
limited to safe schemes. The page around the body comes from an autoescaping template, with
the stylesheet and fonts inline so the file stands alone."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin

from lscb_report.render.datalinks import DataLink, inline_text, link_data, render_data_link
from lscb_report.render.headings import slug
from lscb_report.render.template_files import MAX_FONT_BYTES, PlainLoader, font_files, read_source
from lscb_report.render.templating import render_template, template_folders
from lscb_report.rules.glossary import abbr_plugin
from lscb_report.rules.safety import safe_link

CONTAINERS = ("cover", "contents", "note", "draft", "restricted", "figure", "status")
FONT_TYPES = {".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf"}

ImageResolver = Callable[[str], str | None]


@cache
def parser() -> MarkdownIt:
    """The Markdown parser, built once."""
    options = {"html": False, "typographer": True, "quotes": "\u201c\u201d\u2018\u2019"}
    # The typographer's smart quotes only: curly quotes and apostrophes in text, never in
    # code or a link's address; its other replacements (-- to a dash, (c) to ©) stay off.
    md = MarkdownIt("commonmark", options).enable(["table", "smartquotes"])
    md.validateLink = safe_link  # type: ignore[method-assign]
    anchors_plugin(md, min_level=1, max_level=4, slug_func=_anchor)
    for name in CONTAINERS:
        container_plugin(md, name, render=_container)
    abbr_plugin(md)
    md.add_render_rule("chart", _render_chart)
    md.add_render_rule("data_link", render_data_link)
    return md


def _anchor(title: str) -> str:
    return slug(title)


def _container(
    self: RendererHTML, tokens: Sequence[Token], idx: int, _options: OptionsDict, _env: EnvType
) -> str:
    token = tokens[idx]
    if token.nesting == 1:
        name = token.info.strip().split(" ", 1)[0]
        role = ' role="note"' if name in ("note", "draft", "restricted") else ""
        tag = {"contents": "nav", "figure": "figure"}.get(name, "div")
        label = ' aria-label="Contents"' if name == "contents" else ""
        return f'<{tag} class="{name}"{role}{label}>\n'
    opening = next(
        t
        for t in reversed(tokens[:idx])
        if t.type.endswith("_open") and t.type.startswith("container_") and t.level == token.level
    )
    name = opening.info.strip().split(" ", 1)[0]
    return {"contents": "</nav>\n", "figure": "</figure>\n"}.get(name, "</div>\n")


def markdown_to_body(
    markdown: str,
    images: ImageResolver | None = None,
    *,
    charts: Mapping[str, str] | None = None,
    terms: Mapping[str, str] | None = None,
    tie_headings: bool = False,
    data_link: DataLink | None = None,
) -> str:
    """The HTML of a Markdown document's body; ``charts`` gives the image of each chart
    figure by its id, ``terms`` the meaning of each acronym to mark with ``<abbr>``,
    ``data_link`` where the figures' CSV is, linked beside each table of its figures. An
    image is shown only when ``images`` gives it a ``data:`` URI (the content check approved
    it), and is its description otherwise. ``tie_headings`` keeps each heading's last two
    words on one line, for print, where the PDF engine cannot balance a heading's lines."""
    md = parser()
    tokens = md.parse(markdown, {"terms": terms or {}})
    _place_charts(tokens, charts or {})
    if tie_headings:
        _tie_last_words(tokens)
    if data_link:
        link_data(tokens, data_link)
    for token in tokens:
        for child in token.children or []:
            if child.type == "image":
                src = str(child.attrs.get("src", ""))
                resolved = images(src) if images else None
                if resolved is None or not resolved.startswith("data:image/"):
                    child.type, child.tag, child.attrs = "text", "", {}
                    child.content = child.content or "image"
                    child.children = None
                else:
                    child.attrs["src"] = resolved
    for token in tokens:
        if token.type == "th_open":
            token.attrSet("scope", "col")
    html: str = md.renderer.render(tokens, md.options, {})
    return html


def _place_charts(tokens: list[Token], charts: Mapping[str, str]) -> None:
    """In each ``::: figure ID`` whose chart is drawn, the first paragraph becomes the
    caption and the second, the chart in words, becomes the chart with those words as its
    alternative text."""
    for index, token in enumerate(tokens):
        if token.type != "container_figure_open":
            continue
        words = token.info.split()
        if len(words) < 2 or words[1] not in charts:
            continue
        paragraphs = [
            i
            for i in range(index + 1, len(tokens))
            if tokens[i].type == "paragraph_open" and tokens[i].level == token.level + 1
        ][:2]
        if len(paragraphs) < 2:
            continue
        caption, text = paragraphs
        tokens[caption].tag = tokens[caption + 2].tag = "figcaption"
        chart = Token("chart", "img", 0, level=token.level + 1)
        chart.attrs = {
            "class": "chart",
            "src": charts[words[1]],
            "alt": inline_text(tokens[text + 1]),
        }
        tokens[text : text + 3] = [chart]


def _tie_last_words(tokens: list[Token]) -> None:
    """The last two words of each heading in a ``<span class="tie">``, which does not wrap,
    so that no heading ends on a line of one word. (A no-break space would do the same, but
    would also stand in the PDF's bookmarks and copied text.)"""
    for index, token in enumerate(tokens[1:], 1):
        if tokens[index - 1].type != "heading_open" or not token.children:
            continue
        last = token.children[-1]
        words = last.content.split(" ")
        if last.type != "text" or len(words) < 2 or not all(words[-2:]):
            continue
        head, tail = " ".join(words[:-2]), " ".join(words[-2:])
        opening = Token("html_inline", "", 0, content='<span class="tie">')
        closing = Token("html_inline", "", 0, content="</span>")
        tied = Token("text", "", 0, content=tail)
        before = [Token("text", "", 0, content=head + " ")] if head else []
        token.children[-1:] = [*before, opening, tied, closing]


def _render_chart(
    self: RendererHTML, tokens: Sequence[Token], idx: int, _options: OptionsDict, _env: EnvType
) -> str:
    attrs = tokens[idx].attrs
    return (
        f'<img class="chart" src="{escapeHtml(str(attrs["src"]))}" '
        f'alt="{escapeHtml(str(attrs["alt"]))}">\n'
    )


@dataclass(frozen=True)
class Page:
    """What the page template needs besides the body."""

    title: str
    document: str
    description: str
    lang: str = "en-GB"
    draft: bool = False
    restricted: bool = False


def html_page(
    body: str,
    page: Page,
    templates: Path | None,
    extra: dict[str, Any],
    *,
    screen: bool = True,
    fonts: bool = True,
) -> str:
    """The whole self-contained HTML file; ``screen=False`` leaves out the screen-only rules
    for the PDF engine, which does not read media queries, and ``fonts=False`` the inline
    fonts, for a page light enough to be only links (it falls back to the system's)."""
    env = jinja2.Environment(
        loader=PlainLoader(template_folders(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
    )
    sheets = ["style.css", "screen.css"] if screen else ["style.css"]
    if page.draft:
        sheets.append("draft.css")
    if page.restricted:
        sheets.append("restricted.css")
    css = (fonts_css(templates) if fonts else "") + "".join(
        _template_text(templates, name) for name in sheets
    )
    context = {"body": Markup(body), "page": page, "css": Markup(css), **extra}
    return render_template(env, "page.html.j2", context)


def _template_text(templates: Path | None, name: str) -> str:
    """A file from the first templates folder that has it, or nothing."""
    for folder in template_folders(templates):
        data = read_source(folder, name)
        if data is not None:
            return data.decode("utf-8", errors="replace")
    return ""


_FONT_NAME = re.compile(r"-(\d00)-(normal|italic)$")


def fonts_css(templates: Path | None) -> str:
    """@font-face rules for every font in the first fonts folder found, inline."""
    for folder in template_folders(templates):
        fonts = [p for p in font_files(folder) if p.suffix in FONT_TYPES]
        if fonts:
            return "".join(_font_face(path) for path in fonts)
    return ""


def _font_face(path: Path) -> str:
    match = _FONT_NAME.search(path.stem)
    weight, style = match.groups() if match else ("400", "normal")
    font = read_source(path.parent.parent, f"fonts/{path.name}", MAX_FONT_BYTES) or b""
    data = base64.b64encode(font).decode("ascii")
    return (
        f'@font-face {{ font-family: "Report Sans"; font-weight: {weight}; font-style: {style}; '
        f'src: url("data:{FONT_TYPES[path.suffix]};base64,{data}"); }}\n'
    )
