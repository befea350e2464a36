"""The shape of a board's documents as data: the cover sheet's rows, the full report's
chapters in order and their titles, and the board's words, from its profile where the board
does not give its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from lscb_report.content.models import Activity, Board, Chapter, Priority
from lscb_report.content.profiles import (
    CHAPTERS,
    OPTIONAL_CHAPTERS,
    SUMMARY_CHAPTERS,
    Profile,
    profile,
)
from lscb_report.years import FinancialYear

if TYPE_CHECKING:
    from lscb_report.content.reading import Content


@dataclass(frozen=True)
class Placed:
    """A chapter of the full report as it is printed: what makes it, and its title."""

    id: str  # one of CHAPTERS, or "own" for the board's own text
    title: str
    body: str | None = None
    priority: Priority | None = None
    activity: Activity | None = None


def board_profile(board: Board | None) -> Profile:
    """The board's statutory profile (the default where the board could not be read)."""
    return profile(board.profile) if board is not None else profile("lscb-wt2015")


def name(board: Board) -> str:
    """What the board calls itself in the headings the tool writes: Board, Partnership ..."""
    return board.words.name or board_profile(board).name


def year_label(board: Board, year: FinancialYear) -> str:
    """A year as the board writes it: 2014/15 or 2014-15."""
    return year.label if "/" in board.words.year_style else str(year)


def long_date(board: Board, day: date) -> str:
    """A date as the board writes it: Thursday 8th October 2015, or 8 October 2015."""
    if board.words.date_style == "8 October 2015":
        return f"{day.day} {day:%B %Y}"
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day:%A} {day.day}{suffix} {day:%B %Y}"


def and_list(items: list[str]) -> str:
    """Items joined as prose: A; A and B; A, B and C."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def cover_rows(board: Board) -> list[tuple[str, str]]:
    """The cover sheet's rows, (label, field), the board's own or its profile's."""
    if board.cover_sheet is not None:
        return [(row.label, row.field) for row in board.cover_sheet]
    return list(board_profile(board).cover_sheet)


def chapter_entries(content: Content) -> list[Chapter]:
    """The full report's chapters as listed: the year's own list, or the profile's."""
    if content.report.chapters is not None:
        return list(content.report.chapters)
    return [Chapter(id=id) for id, _ in board_profile(content.board).chapters]


def chapters(content: Content) -> list[Placed]:
    """The full report's chapters in order, each priority and activity a chapter of its own."""
    entries = chapter_entries(content)
    kinds = {activity.kind: activity for activity in content.activities}
    named = {entry.id for entry in entries if entry.id in kinds}
    placed: list[Placed] = []
    for entry in entries:
        if entry.id in OPTIONAL_CHAPTERS and not has_text_for(content, entry.id):
            continue
        if entry.id == "priorities":
            placed += [_priority(content, entry, n, p) for n, p in enumerate(content.priorities, 1)]
        elif entry.id == "activities":
            placed += [_activity(entry, a) for a in content.activities if a.kind not in named]
        elif entry.id in kinds:
            placed.append(_activity(entry, kinds[entry.id]))
        elif entry.id in CHAPTERS:
            placed.append(Placed(entry.id, entry.title or _default_title(content, entry.id)))
        else:
            placed.append(Placed("own", entry.title or entry.id, entry.body or ""))
    return placed


def has_text_for(content: Content, id: str) -> bool:
    """Whether the year has what makes one of the optional chapters (little-progress,
    feedback, contributions, scrutiny)."""
    report = content.report
    found = {
        "little-progress": report.little_progress,
        "feedback": report.feedback,
        "contributions": content.contributions,
        "scrutiny": report.scrutiny,
    }
    return bool(found[id])


def _default_title(content: Content, id: str, summary: bool = False) -> str:
    chosen = board_profile(content.board)
    titles = dict(chosen.summary_chapters if summary else chosen.chapters)
    return _fill(titles.get(id, id), content, {})


def summary_entries(content: Content) -> list[Chapter]:
    """The executive summary's sections as listed: the year's own list, or the profile's."""
    if content.report.summary_chapters is not None:
        return list(content.report.summary_chapters)
    return [Chapter(id=id) for id, _ in board_profile(content.board).summary_chapters]


def summary_chapters(content: Content) -> list[Placed]:
    """The executive summary's sections in order, with their titles (each implication is a
    section titled by itself, and the board's own sections are its text)."""
    placed = []
    for entry in summary_entries(content):
        if entry.id == "implications":  # each a section, titled by itself
            placed.append(Placed(entry.id, "{title}"))
        elif entry.id in SUMMARY_CHAPTERS:
            title = entry.title or _default_title(content, entry.id, summary=True)
            placed.append(Placed(entry.id, title))
        else:
            placed.append(Placed("own", entry.title or entry.id, entry.body or ""))
    return placed


def _fill(title: str, content: Content, values: dict[str, str]) -> str:
    """A title with {name}, {next_year}, {number} and {title} filled in (never formatted as a
    template: content's own braces stay as they are)."""
    values = {
        "name": name(content.board),
        "short_name": content.board.short_name,
        "next_year": year_label(content.board, content.year.next()),
        **values,
    }
    for key, value in values.items():
        title = title.replace("{" + key + "}", value)
    return title


def _priority(content: Content, entry: Chapter, number: int, priority: Priority) -> Placed:
    template = entry.title or dict(board_profile(content.board).chapters)["priorities"]
    title = _fill(template, content, {"number": str(number), "title": priority.title})
    return Placed("priorities", title, priority=priority)


def _activity(entry: Chapter, activity: Activity) -> Placed:
    title = activity.title if entry.id == "activities" or not entry.title else entry.title
    return Placed("activities", title, activity=activity)


def title_of(content: Content, id: str, item: object = None) -> str:
    """The printed title of a chapter the tool makes (of one priority or activity, given it),
    as the board's chapters name it; the id where the report has no such chapter."""
    for placed in chapters(content):
        if placed.id == id and item in (None, placed.priority, placed.activity):
            return placed.title
    return id
