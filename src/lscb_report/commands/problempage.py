"""What the preview shows of problems: a page of every error, each with the line of the file it
is on, then every warning; on a page that built, the warnings in the preview's bar; and every
placeholder left marked so that it stands out. Everything from the content is escaped."""

from __future__ import annotations

import html
import re
from pathlib import Path

from lscb_report.errors import Problem, errors_in, tally
from lscb_report.files import Unreadable, read_plain
from lscb_report.rules.placeholders import PLACEHOLDER

MAX_SOURCE = 1_000_000  # a file larger than the loader reads is not shown
_MARK = '<mark style="background:#ffdd00;color:#000;font-weight:bold">{}</mark>'
_TEXT = re.compile(r">([^<]*)")


def source_line(problem: Problem) -> str:
    """The problem's line of its file with a caret under its column, as <pre>, or nothing
    when the file or line cannot be read."""
    if problem.line < 1:
        return ""
    try:  # read as content is: never through a link, never a pipe or device
        data = read_plain(Path(problem.file), MAX_SOURCE)
    except Unreadable:
        return ""
    lines = data.decode("utf-8", errors="replace").splitlines()
    if problem.line > len(lines):
        return ""
    number = f"{problem.line} | "
    caret = " " * (len(number) + max(problem.column - 1, 0)) + "^"
    text = lines[problem.line - 1].expandtabs(1)
    return f"<pre>{html.escape(number + text)}\n{caret}</pre>"


def _item(problem: Problem, with_source: bool) -> str:
    where = html.escape(problem.where)
    source = source_line(problem) if with_source else ""
    return f"<li><code>{where}</code>: {html.escape(problem.message)}{source}</li>"


def problems_page(problems: list[Problem]) -> str:
    """The page shown while the report cannot be built: each error with its source line,
    then each warning."""
    errors = errors_in(problems)
    warnings = [p for p in problems if p.severity != "error"]
    body = (
        f"<h1>The report cannot be built: {html.escape(tally(errors))}</h1>"
        "<p>Each problem names the file, line and column, shows the line, and says what would "
        "be right. Fix them and save: this page updates itself.</p>"
        f"<ol>{''.join(_item(p, True) for p in sorted(errors))}</ol>"
    )
    if warnings:
        body += (
            f"<h2>Warnings: {len(warnings)}</h2><p>These do not stop a draft; a final build "
            f"needs them gone.</p><ol>{''.join(_item(p, False) for p in sorted(warnings))}</ol>"
        )
    return document("Problems in the content", body)


def warnings_note(problems: list[Problem]) -> str:
    """The preview bar's list of every warning, folded until opened."""
    warnings = sorted(p for p in problems if p.severity != "error")
    if not warnings:
        return ""
    items = "".join(_item(p, False) for p in warnings)
    return (
        f'<details style="display:inline"><summary>{len(warnings)} '
        f"warning{'' if len(warnings) == 1 else 's'}</summary>"
        f'<ol style="max-height:40vh;overflow:auto;margin:.3em 0">{items}</ol></details> '
    )


def mark_placeholders(page: str) -> str:
    """The page with every TO FILL IN in its body's text marked, so that none is missed."""
    opened = re.search(r"<body[^>]*>", page)
    start = opened.end() if opened else 0
    body = _TEXT.sub(
        lambda m: ">" + m.group(1).replace(PLACEHOLDER, _MARK.format(PLACEHOLDER)), page[start:]
    )
    return page[:start] + body


def document(title: str, body: str) -> str:
    """A page of the preview's own."""
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}'
        '</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        '<body style="font:16px/1.5 sans-serif;margin:0"><main style="padding:1em 2em">'
        f"{body}</main></body></html>"
    )
