"""A report diff for people: plain text for a terminal, Markdown for a pull request's summary.

Changed paragraphs are shown word by word, with long unchanged stretches cut to a few words
either side of each change. In Markdown every word from the content is escaped, and changes
are marked with <del> and <ins>, which GitHub renders.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from difflib import SequenceMatcher

from lscb_report.commands.diffing import Change, ReportDiff
from lscb_report.render.templating import md

CONTEXT = 8
WIDTH = 100
TITLES = {"executive-summary": "Executive summary", "annual-report": "Annual report"}

Segment = tuple[str, str]


def word_diff(old: str, new: str, context: int = CONTEXT) -> list[Segment]:
    """Old and new text as segments: ('=', same), ('-', removed), ('+', added)."""
    before, after = old.split(), new.split()
    opcodes = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    segments: list[Segment] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = _trim(before[i1:i2], context, index == 0, index == len(opcodes) - 1)
            segments.append(("=", " ".join(words)))
            continue
        if i2 > i1:
            segments.append(("-", " ".join(before[i1:i2])))
        if j2 > j1:
            segments.append(("+", " ".join(after[j1:j2])))
    return segments


def _trim(words: list[str], context: int, first: bool, last: bool) -> list[str]:
    """An unchanged stretch cut to ``context`` words next to the changes around it."""
    if first and not last and len(words) > context:
        return ["…", *words[-context:]]
    if last and not first and len(words) > context:
        return [*words[:context], "…"]
    if not first and not last and len(words) > 2 * context + 1:
        return [*words[:context], "…", *words[-context:]]
    return words


def tally(changes: list[Change]) -> str:
    """'2 changed, 1 added', in a fixed order."""
    counts = Counter(change.kind for change in changes)
    return ", ".join(f"{counts[k]} {k}" for k in ("changed", "added", "removed") if counts[k])


def heading(change: Change) -> str:
    """What changed and where, as plain text: Changed paragraph 2.1 in "2. Key Matters"."""
    unit = change.unit
    number = f" {unit.number}" if unit.number else ""
    return f"{change.kind.capitalize()} {unit.kind}{number} in “{unit.where}”"


def _compared(diff: ReportDiff, code: str = "") -> str:
    """'compared with main, commit 1a2b3c4', naming the revision unless it is a commit id."""
    base = diff.base
    plain = base.commit.startswith(base.name) or (code and code in base.name)
    named = "" if plain else f"{code}{base.name}{code}, "
    return f"compared with {named}commit {code}{base.short}{code}"


def format_text(diff: ReportDiff) -> str:
    """The diff for a terminal."""
    lines = [f"The {diff.year} report, {_compared(diff)}"]
    if diff.new_year:
        lines.append(f"{diff.year} has no content at {diff.base.name}: all of it is new.")
    for document, changes in diff.documents.items():
        lines += ["", f"{TITLES[document]}: {tally(changes) or 'no change to the text'}"]
        for change in changes:
            lines += [f"  {heading(change)}:", _wrap(_text_segments(change))]
    lines += ["", f"Figures: {len(diff.figures) or 'none'} changed"]
    for figure in diff.figures:
        lines.append(f"  {figure.label}: {figure.before or 'none'} → {figure.after or 'none'}")
    return "\n".join(lines) + "\n"


def _text_segments(change: Change) -> str:
    if change.kind == "added":
        return "{+" + change.unit.text + "+}"
    if change.kind == "removed" or change.old is None:
        return "[-" + change.unit.text + "-]"
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(
        marks[op].format(text) for op, text in word_diff(change.old.text, change.unit.text)
    )


def _wrap(text: str) -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent="    ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def format_markdown(diff: ReportDiff) -> str:
    """The diff for a pull request's job summary."""
    lines = [f"## What this change does to the {diff.year} report", ""]
    lines += [f"C{_compared(diff, '`')[1:]}.", ""]
    if diff.new_year:
        lines += [f"{diff.year} has no content at {md(diff.base.name)}: all of it is new.", ""]
    for document, changes in diff.documents.items():
        lines += [
            f"### {TITLES[document]}",
            "",
            f"{tally(changes) or 'No change to the text'}.",
            "",
        ]
        for change in changes:
            lines += [f"**{md(heading(change))}**", "", f"> {_markdown_segments(change)}", ""]
    lines += ["### Figures", ""]
    if not diff.figures:
        lines += ["No figure changed.", ""]
    else:
        lines += ["| Figure | Before | After |", "| --- | ---: | ---: |"]
        for figure in diff.figures:
            lines.append(f"| {md(figure.label)} | {_cell(figure.before)} | {_cell(figure.after)} |")
        lines.append("")
    return "\n".join(lines)


def _cell(value: str | None) -> str:
    return md(value) if value is not None else "none"


def _markdown_segments(change: Change) -> str:
    if change.kind == "added":
        return f"<ins>{md(change.unit.text)}</ins>"
    if change.kind == "removed" or change.old is None:
        return f"<del>{md(change.unit.text)}</del>"
    marks = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return " ".join(
        marks[op].format(md(text)) for op, text in word_diff(change.old.text, change.unit.text)
    )
