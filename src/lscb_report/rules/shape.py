"""The shape of the documents, checked: the cover sheet's rows are each filled and nothing
else is; the chapters are ones the tool makes or the board's own text; each implication's
text goes to a chapter the report has."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.content.positions import problem_at
from lscb_report.content.profiles import CHAPTERS, COVER_FIELDS, SUMMARY_CHAPTERS
from lscb_report.content.shape import chapter_entries, cover_rows
from lscb_report.errors import Problem
from lscb_report.rules.registry import Rule, needs

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

# The tool's fields that are printed only in the cover sheet's row for them.
_ROW_ONLY = ("committee", "classification", "report_of", "key_decision")


@needs("board", "report")
def cover_filled(content: Content) -> Iterable[Problem]:
    """Each row of the board's cover sheet has its value, and the cover holds no other."""
    report, board = content.report, content.board
    fields = [field for _, field in cover_rows(board)]
    own = [field for field in fields if field not in COVER_FIELDS]
    for field in own:
        if field not in report.cover.rows:
            label = dict((f, label) for label, f in cover_rows(board))[field]
            yield report.problem(
                ("cover",),
                f"the cover sheet's row '{label}' ({board.file}) has no value: add "
                f"{field}: its text under cover",
                key=True,
            )
    for field in report.cover.rows:
        if field not in own:
            close = difflib.get_close_matches(field, own, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else _rows_hint(own, board.file)
            yield report.problem(("cover", field), f"unknown key '{field}'; {hint}", key=True)
    for field in _ROW_ONLY:
        if getattr(report.cover, field) is not None and field not in fields:
            yield report.problem(
                ("cover", field),
                f"the cover sheet ({board.file}) has no row for {field}, so it would be printed "
                f"nowhere: add a row with field: {field} to cover_sheet, or remove it here",
                key=True,
            )


def _rows_hint(own: list[str], file: str) -> str:
    if not own:
        return f"the cover sheet in {file} has no rows of the board's own"
    return f"the board's own rows ({file}) are: {', '.join(own)}"


@needs("board", "report")
def chapters_known(content: Content) -> Iterable[Problem]:
    """Each chapter is one the tool makes, an activity's, or the board's own with its text;
    each is listed once; and so for the executive summary's sections."""
    kinds = {activity.kind for activity in content.activities}
    also = " nor an activity's kind"
    yield from _entries_known(content, "chapters", CHAPTERS, set(CHAPTERS) | kinds, also)
    yield from _entries_known(content, "summary_chapters", SUMMARY_CHAPTERS, set(SUMMARY_CHAPTERS))


def _entries_known(
    content: Content, field: str, known: tuple[str, ...], made: set[str], also: str = ""
) -> Iterable[Problem]:
    """A list of chapters (or sections) names each once, and each is made or has its text."""
    report = content.report
    seen: set[str] = set()
    for index, entry in enumerate(getattr(report, field) or []):
        where = (field, index)
        if entry.id in seen:
            yield report.problem((*where, "id"), f"'{entry.id}' is listed twice")
        seen.add(entry.id)
        if entry.id in made and entry.body is not None:
            yield report.problem(
                (*where, "body"),
                f"'{entry.id}' is made by the tool from the content; remove its body, or give "
                "it an id of your own",
            )
        elif entry.id not in made and (entry.body is None or entry.title is None):
            yield report.problem(
                (*where, "id"),
                f"'{entry.id}' is not one the tool makes ({', '.join(known)}){also}; one of "
                "your own needs a title and a body",
            )


@needs("board", "report")
def implications_placed(content: Content) -> Iterable[Problem]:
    """An implication with text for the full report names a chapter the report has."""
    report = content.report
    ids = [entry.id for entry in chapter_entries(content)]
    for index, implication in enumerate(report.implications):
        if implication.body is not None and implication.chapter not in ids:
            yield report.problem(
                ("implications", index, "chapter"),
                f"the full report has no chapter '{implication.chapter}'; use one of: "
                f"{', '.join(ids)}",
            )


# A figure placed where the prose asks for it: {figure:ID} as a paragraph of its own.
FIGURE_HERE = re.compile(r"\{figure:([^}\s]*)\}")
_ALONE = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*\{figure:[^}\s]*\}[ \t]*(?=\n[ \t]*\n|\n?$)")


@needs("metrics")
def figures_placed(content: Content) -> Iterable[Problem]:
    """Each {figure:ID} in prose names a series and stands as a paragraph of its own."""
    ids = [series.id for series in content.metrics.series]
    for _, loaded, path, text in content.section_texts():
        alone = {m.end() for m in _ALONE.finditer(text)}
        for match in FIGURE_HERE.finditer(text):
            if match.group(1) not in ids:
                close = difflib.get_close_matches(match.group(1), ids, n=1, cutoff=0.6)
                hint = f"did you mean {{figure:{close[0]}}}?" if close else _series_hint(ids)
                message = f"there is no series '{match.group(1)}' in metrics.yaml; {hint}"
            elif path and path[-1] == "summary":
                message = "a figure is placed in the full report's text (a body), not in a summary"
            elif match.end() not in alone and match.end() + 1 not in alone:
                message = (
                    f"{match.group(0)} places a figure, so it stands as a paragraph of its own: "
                    "put a blank line before and after it"
                )
            else:
                continue
            yield problem_at(loaded, path, match.start(), message)


def _series_hint(ids: list[str]) -> str:
    return f"the series are: {', '.join(ids)}" if ids else "metrics.yaml has no series yet"


CHECKS = [cover_filled, chapters_known, implications_placed, figures_placed]
RULES: list[Rule] = []
