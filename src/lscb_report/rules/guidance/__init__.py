"""The statutory guidance an annual report must meet, kept edition by edition.

Each edition is a module (``wt2015``, ``wt2018``, ``wt2023``, ``care_act``) listing its
requirements, each with its source; ``EDITIONS`` holds them all. A year is held to the
edition the board names for it in ``board.yaml`` (``rules.guidance``: one edition for every
year, or a history of the first year each applied from), and otherwise to its profile's
edition; where that does not apply yet (a partnership's years as an LSCB), to the latest
children's edition in force by its reporting year: an LSCB's to 2018-19, the safeguarding
partners' after. An unmet requirement is a problem under its rule (a warning unless the
board says otherwise, so ``--strict`` fails on it); ``check`` prints the checklist with
each requirement's source, and the full report's appendix maps each to its sections.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from lscb_report.content.profiles import profile
from lscb_report.errors import Problem
from lscb_report.rules.guidance import care_act, wt2015, wt2018, wt2023
from lscb_report.rules.guidance.base import Checklist, Edition, Finding, Item, Requirement
from lscb_report.rules.placeholders import unfilled_in
from lscb_report.rules.registry import needs
from lscb_report.years import FinancialYear

if TYPE_CHECKING:
    from lscb_report.content.models import Board
    from lscb_report.content.reading import Content

EDITIONS: dict[str, Edition] = {
    edition.id: edition
    for edition in (wt2015.EDITION, wt2018.EDITION, wt2023.EDITION, care_act.EDITION)
}


def edition_for(content: Content) -> Edition:
    """The edition the year is held to: the one the board names for it, or else its
    profile's, or else (before the profile's applies) the children's edition in force."""
    named = named_edition(content.board, content.year)
    if named is not None:
        return named
    own = profile_edition(content.board)
    return own if own.first_year <= content.year.first else in_force(content.year)


def profile_edition(board: Board) -> Edition:
    """The edition the board's statutory profile is held to."""
    return EDITIONS[profile(board.profile).edition]


def statutory_recipients(profile_id: str) -> tuple[str, ...]:
    """Whom the edition a profile is held to says the report goes to (none where no source
    here names them)."""
    return EDITIONS[profile(profile_id).edition].recipients


def in_force(year: FinancialYear) -> Edition:
    """The latest children's edition in force for a reporting year (the earliest before any)."""
    children = [e for e in EDITIONS.values() if e.family == "children"]
    started = [e for e in children if e.first_year <= year.first]
    if not started:
        return min(children, key=lambda e: e.first_year)
    return max(started, key=lambda e: e.first_year)


def named_edition(board: Board, year: FinancialYear) -> Edition | None:
    """The edition board.yaml names for a year: its one edition, or the history's entry with
    the latest first year not after the year; None where it names none (or none known)."""
    entry = _named_entry(board, year)
    return None if entry is None else entry[1]


def _named_entry(board: Board, year: FinancialYear) -> tuple[str | None, Edition] | None:
    """The history's key (None for one edition named for every year) and the edition that
    board.yaml names for a year, if any."""
    chosen = board.rules.guidance
    if isinstance(chosen, str):
        return (None, EDITIONS[chosen]) if chosen in EDITIONS else None
    history = sorted(entry for entry in _history(chosen or {}) if entry[0] <= year)
    if not history:
        return None
    _, key, edition = history[-1]
    return key, EDITIONS[edition]


def _history(chosen: dict[str, str]) -> list[tuple[FinancialYear, str, str]]:
    """The entries of a regime history that name a year and an edition correctly: each first
    year, its key as written, and the edition."""
    return [
        (FinancialYear.parse(key), key, edition)
        for key, edition in chosen.items()
        if _not_a_year(key) is None and edition in EDITIONS
    ]


def checklist(content: Content) -> Checklist:
    """Every requirement of the year's edition, assessed."""
    edition = edition_for(content)
    texts = {m.file: m.loaded.text for m in content.files() if m.loaded is not None}
    items = (
        Item(req, written(edition, req, req.assess(content), texts)) for req in edition.requirements
    )
    return Checklist(edition, tuple(items))


def written(
    edition: Edition, requirement: Requirement, finding: Finding, texts: dict[str, str]
) -> Finding:
    """The finding, not met while a file that meets it still holds a placeholder: text that
    says TO FILL IN meets nothing. ``texts`` are the files' texts as they were read."""
    if not finding.met:
        return finding
    files = dict.fromkeys(place.file for place in finding.places)
    left = [problem for file in files for problem in unfilled_in(file, texts.get(file, ""))]
    if not left:
        return finding
    first, count = left[0], len(left)
    message = (
        f"{edition.title} asks that the report {requirement.text[0].lower()}"
        f"{requirement.text[1:]}; it is not met while the file that should meet it still says TO "
        f"FILL IN ({count} placeholder{'' if count == 1 else 's'} left): write them, starting here"
    )
    problem = Problem(first.file, first.line, first.column, message, rule=requirement.rule.id)
    return Finding((), problem)


@needs("board", "report", "budget")
def guidance_met(content: Content) -> Iterable[Problem]:
    """Each requirement of the guidance is met, or a problem says where it should be."""
    problems = list(setting_problems(content.board, content.year))
    if problems:
        yield from problems
        return
    for item in checklist(content).items:
        if item.finding.problem is not None:
            yield item.finding.problem


def setting_problems(board: Board, year: FinancialYear) -> Iterable[Problem]:
    """Problems with the edition or history board.yaml names: an edition that does not
    exist, a year that is not one, or an edition named for a year before it applied."""
    chosen = board.rules.guidance
    entries: dict[str | None, str] = {None: chosen} if isinstance(chosen, str) else {}
    entries.update(chosen if isinstance(chosen, dict) else {})
    known = ", ".join(EDITIONS)
    for first, name in entries.items():
        path: tuple[str, ...] = ("rules", "guidance") + ((first,) if first else ())
        if first is not None and _not_a_year(first):
            yield board.problem(
                path,
                f"{_not_a_year(first)}: each key is the first year an "
                "edition applied to, such as 2019-20",
                key=True,
            )
        elif name not in EDITIONS:
            yield board.problem(
                path, f"there is no edition '{name}' of the guidance; the editions are: {known}"
            )
    entry = _named_entry(board, year)
    if entry is not None and entry[1].first_year > year.first:
        key, edition = entry
        start = FinancialYear(edition.first_year)
        yield board.problem(
            ("rules", "guidance") + ((key,) if key else ()),
            f"{edition.title} applies to reports from {start} on, so {year} cannot be held to "
            f"it: name the edition in force in {year}",
        )


def _not_a_year(text: str) -> str | None:
    """Why a text is not a financial year, or None where it is one."""
    try:
        FinancialYear.parse(text)
    except ValueError as error:
        return str(error)
    return None


def checklist_lines(checklist: Checklist) -> list[str]:
    """The checklist as ``check`` prints it: each requirement, met or not, its source, and
    its files; then what the edition is said to ask that no source here confirmed."""
    edition = checklist.edition
    lines = [
        f"{_capital(edition.title)}, {edition.part}: {checklist.met} of "
        f"{len(checklist.items)} requirements met",
        f"  source: {edition.source.cited()}",
    ]
    for item in checklist.items:
        finding = item.finding
        lines.append(f"  [{'met' if finding.met else 'not met'}] {item.requirement.text}")
        own = item.requirement.source
        if own is not None:
            same = replace(own, part=edition.source.part) == edition.source
            lines.append(f"      source: {own.part if same else own.cited()}")
        if finding.problem is not None:
            where = finding.problem
            lines.append(f"      should be met in {where.file}:{where.line}:{where.column}")
        for file in dict.fromkeys(place.file for place in finding.places):
            lines.append(f"      {file}")
    for what in edition.unverified:
        lines.append(f"  [not checked] {what}")
    return lines


def _capital(text: str) -> str:
    """A title to start a line: 'the Care Act 2014' as 'The Care Act 2014'."""
    return text[:1].upper() + text[1:]


def checklist_data(checklist: Checklist) -> dict[str, object]:
    """The checklist as plain data, for ``check --format json``."""
    edition = checklist.edition
    return {
        "guidance": edition.title,
        "edition": edition.id,
        "part": edition.part,
        "requirements": [
            {
                "id": item.requirement.id,
                "requirement": item.requirement.text,
                "source": asdict(edition.source_of(item.requirement)),
                "met": item.finding.met,
                "files": list(dict.fromkeys(p.file for p in item.finding.places)),
                "should": None
                if item.finding.problem is None
                else f"{item.finding.problem.file}:{item.finding.problem.line}",
            }
            for item in checklist.items
        ],
        "not_checked": list(edition.unverified),
    }


CHECKS = [guidance_met]
RULES = [req.rule for edition in EDITIONS.values() for req in edition.requirements]
