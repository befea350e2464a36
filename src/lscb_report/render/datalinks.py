"""Links from the HTML to the figures' CSV: "Download the data (CSV)" at the end of each
figure, and after each other table whose every figure the CSV holds (the budget's, as the
report prints them). A table a writer types into the prose is not in the CSV, and gets none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

LINK_TEXT = "Download the data (CSV)"


@dataclass(frozen=True)
class DataLink:
    """Where the CSV is, and each row it holds as a table prints it: (row label, figure)."""

    href: str
    rows: frozenset[tuple[str, str]]


Pairs = frozenset[tuple[str, str]]


def link_data(tokens: list[Token], link: DataLink) -> None:
    """Put a link token at the end of each figure and after each table of the CSV's figures."""
    places = [
        (index + 1, level)
        for index, level, in_figure, pairs in tables(tokens)
        if not in_figure and pairs and pairs <= link.rows
    ]
    places += [
        (index, token.level + 1)
        for index, token in enumerate(tokens)
        if token.type == "container_figure_close"
    ]
    for index, level in sorted(places, reverse=True):
        marker = Token("data_link", "a", 0, level=level)
        marker.attrs = {"href": link.href}
        tokens.insert(index, marker)


def tables(tokens: Sequence[Token]) -> list[tuple[int, int, bool, Pairs]]:
    """Each table: where it closes, its level, whether it is in a figure, and its figures as
    (row label, figure) pairs, a figure being a right-aligned cell of the table's body."""
    found: list[tuple[int, int, bool, Pairs]] = []
    rows: list[tuple[str, str]] = []
    cells: list[tuple[str, bool]] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type in ("container_figure_open", "container_figure_close"):
            depth += token.nesting
        elif token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            cells = []
        elif token.type in ("th_open", "td_open"):
            cells.append((_plain(tokens[index + 1]), "right" in str(token.attrs.get("style"))))
        elif token.type == "tr_close" and cells and tokens[index - 1].type == "td_close":
            rows += [(cells[0][0], text) for text, right in cells[1:] if right]
        elif token.type == "table_close":
            found.append((index, token.level, depth > 0, frozenset(rows)))
    return found


def render_data_link(
    self: RendererHTML, tokens: Sequence[Token], idx: int, _options: OptionsDict, _env: EnvType
) -> str:
    """The link, as a paragraph of its own."""
    href = escapeHtml(str(tokens[idx].attrs["href"]))
    return f'<p class="data-link"><a href="{href}" download>{LINK_TEXT}</a></p>\n'


_STRAIGHT = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")


def inline_text(inline: Token) -> str:
    """The text of an inline token, without its markup (a total in bold is its words)."""
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))


def _plain(inline: Token) -> str:
    """The text of a cell as written: the quotes the typographer curled made straight again."""
    return inline_text(inline).translate(_STRAIGHT)
