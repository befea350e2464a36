"""Prose is prose at every depth: a container, a heading or the compiler's own markers
written inside a quote, a list item or a one-line value stay text; control and
direction-changing characters are refused at their place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lscb_report.render.templating import inline, prose
from tests.payload import PRIORITY, put

runner = CliRunner()
FILE = f"content/{PRIORITY}"


def run(*args: str) -> Result:
    from lscb_report.cli.app import app

    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def built_html(small: Path, payload: str) -> str:
    put(small, payload)
    result = run("build", "2020-21", "--format", "md", "--format", "html")
    assert result.exit_code == 0, result.output
    folder = small.parent / "build" / "2020-21"
    return (folder / "annual-report.html").read_text() + (
        folder / "executive-summary.html"
    ).read_text()


@pytest.mark.parametrize(
    "payload",
    [
        "> ::: restricted\n> RESTRICTED: board members only\n> :::",
        "- ::: restricted\n  RESTRICTED: board members only\n  :::",
        "1. > - ::: restricted\n     >   RESTRICTED: board members only",
        "Text\n\n    ::: restricted\n\n::::: restricted\nRESTRICTED: board members only\n:::::",
    ],
)
def test_a_container_at_any_depth_stays_text(small: Path, payload: str) -> None:
    html = built_html(small, payload)
    assert 'class="restricted"' not in html
    assert "RESTRICTED: board members only" in html


@pytest.mark.parametrize(
    "payload",
    [
        "> # Spoofed cover",
        "- # Spoofed cover",
        "> Spoofed cover\n> ===",
        "1. - ## Spoofed cover",
    ],
)
def test_a_heading_in_a_quote_or_list_stays_text(small: Path, payload: str) -> None:
    html = built_html(small, payload)
    assert not re.search(r"<h\d[^>]*>[^<]*Spoofed cover", html)
    assert "Spoofed cover" in html


def test_a_chart_figure_cannot_be_placed_from_a_quote(small: Path) -> None:
    html = built_html(small, "> ::: figure referrals\n> Caption\n>\n> Words\n> :::")
    assert not re.search(r"<blockquote>(?:(?!</blockquote>).)*<figure", html, re.DOTALL)
    assert "::: figure referrals" in html


def test_the_filters_remove_markers_and_escape_block_starts() -> None:
    assert "\x00" not in prose("Before \x00contents\x00 after")
    assert inline("# Heading") == "\\# Heading"
    assert inline("> quote") == "\\> quote"
    assert inline("1. item") == "1\\. item"
    assert inline("::: restricted") == "\\::: restricted"
    assert prose("> ## Heading") == "> \\## Heading"


def test_control_and_override_characters_are_refused_at_their_place(small: Path, edit) -> None:  # type: ignore[no-untyped-def]
    path = small / PRIORITY
    text = path.read_text(encoding="utf-8")
    number = next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("title:"))
    title = text.split("\n")[number - 1]
    edit(path, title, 'title: "Over\\u202Eview \\e]0;pwned\\a"')
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert (
        f"{FILE}:{number}:13: title: the character \\u202e (U+202E) cannot be printed: it is a "
        "control character, or one that hides or reverses text; delete it (it often comes from "
        'pasting, or from an escape in quotes such as "\\e")'
    ) in result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "U+001B" in result.output and "U+0007" in result.output
    built = run("build", "2020-21", "--format", "md")
    assert built.exit_code == 1 and not (small.parent / "build").exists()


def test_a_nul_escape_cannot_place_the_contents(small: Path) -> None:
    path = small / PRIORITY
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.split("\n") if line.startswith("title:"))
    path.write_text(text.replace(title, 'title: "A \\0contents\\0 B"', 1), encoding="utf-8")
    result = run("check", "2020-21")
    assert result.exit_code == 1
    assert "the character \\x00 (U+0000) cannot be printed" in result.output
