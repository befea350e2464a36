"""What the editions since 2015 assess in common: the report names its year, says what was
done and how effective it was, and names its recipients.

Each function makes an ``assess`` for one requirement of one edition, so that every problem
names its own edition and its own rule (which a board can tune). The content is found by
meaning, through the field or kind of section that answers the requirement, never through
a board's chapter titles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from lscb_report.content.loading import display_path
from lscb_report.content.models import FileModel
from lscb_report.content.shape import board_profile, title_of
from lscb_report.errors import Problem
from lscb_report.rules.guidance.base import Finding, Place
from lscb_report.rules.registry import Rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

Assess = Callable[["Content"], Finding]


def listed(items: list[str]) -> str:
    """Items in prose: a, b and c."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]


def blank(text: str) -> bool:
    """Whether a text says nothing."""
    return not text.strip()


def unmet(
    title: str, model: FileModel, path: tuple[str | int, ...], message: str, found_by: Rule
) -> Finding:
    """A requirement not met, at the value of a file that should meet it."""
    return Finding(
        (), tagged(model.problem(path, f"{title} asks that the report {message}"), found_by)
    )


def names_year(title: str, asks: str, found_by: Rule) -> Assess:
    """The report's title names the year it covers."""

    def assess(content: Content) -> Finding:
        report, year = content.report, content.year
        if str(year) in report.title or year.label in report.title:
            return Finding((Place(report.file, None),))
        return unmet(
            title,
            report,
            ("title",),
            f"{asks}; name the year in the title, for example title: Annual Report {year}",
            found_by,
        )

    return assess


def priorities_say(title: str, field: str, asks: str, write: str, found_by: Rule) -> Assess:
    """Every priority has written its ``field`` (its progress, impact, what still needs to
    develop ...); the places are each priority's chapter and the conclusions."""

    def assess(content: Content) -> Finding:
        if not content.priorities:
            folder = display_path(content.root / str(content.year) / "priorities")
            message = (
                f"{title} asks that the report {asks}; the year has no priority: add each as "
                "priorities/NN-name.yaml"
            )
            return Finding(
                (), Problem(f"{folder}/01-priority.yaml", 1, 1, message, rule=found_by.id)
            )
        for priority in content.priorities:
            if blank(getattr(priority, field)):
                return unmet(title, priority, (field,), f"{asks}; write {write}", found_by)
        section = board_profile(content.board).impact_title if field == "impact" else None
        places = [
            Place(p.file, title_of(content, "priorities", p), section) for p in content.priorities
        ]
        return Finding((*places, Place(content.report.file, title_of(content, "conclusions"))))

    return assess


def reviews_said(title: str, asks: str, found_by: Rule) -> Assess:
    """The chapter on the year's reviews is written; the places are it and each review."""

    def assess(content: Content) -> Finding:
        report = content.report
        if report.case_reviews is None or blank(report.case_reviews.body):
            return unmet(
                title,
                report,
                ("case_reviews", "body"),
                f"{asks}; write it in case_reviews.body (or say that there was no review)",
                found_by,
            )
        chapter = title_of(content, "case-reviews")
        places = [
            Place(report.file, chapter),
            *(Place(r.file, chapter, r.title) for r in content.reviews),
        ]
        return Finding(tuple(places))

    return assess


def activity_kind(title: str, kind: str, asks: str, found_by: Rule) -> Assess:
    """The report has a chapter of a kind (training, quality assurance ...)."""

    def assess(content: Content) -> Finding:
        found = [a for a in content.activities if a.kind == kind]
        if found:
            return Finding(tuple(Place(a.file, a.title) for a in found))
        folder = display_path(content.root / str(content.year) / "activities")
        message = (
            f"{title} asks that the report {asks}; the file is missing: add the chapter as "
            f"activities/{kind}.yaml (kind: {kind})"
        )
        return Finding((), Problem(f"{folder}/{kind}.yaml", 1, 1, message, rule=found_by.id))

    return assess


def sent_to(title: str, who: dict[str, re.Pattern[str]], found_by: Rule) -> Assess:
    """The report's recipients include each of those the edition names."""

    def assess(content: Content) -> Finding:
        report = content.report
        missing = [
            w for w, words in who.items() if not any(words.search(r) for r in report.recipients)
        ]
        if not missing:
            return Finding((Place(report.file, title_of(content, "recipients")),))
        return unmet(
            title,
            report,
            ("recipients",),
            f"be sent to {listed(list(who))}; add {listed(missing)} to recipients",
            found_by,
        )

    return assess


def all_of(*assessments: Assess) -> Assess:
    """Met where each assessment is: the first unmet one's problem, or every place."""

    def assess(content: Content) -> Finding:
        places: list[Place] = []
        for each in assessments:
            finding = each(content)
            if not finding.met:
                return finding
            places += finding.places
        return Finding(tuple(dict.fromkeys(places)))

    return assess


def report_says(
    title: str, field: str, chapter: str, asks: str, found_by: Rule, *, assurance: bool = False
) -> Assess:
    """A framing section of report.yaml (conclusions, key matters ...) is written; the place
    is the chapter with the id ``chapter`` as the board titles it, and with ``assurance`` the
    quality assurance chapters the report has."""

    def assess(content: Content) -> Finding:
        report = content.report
        if blank(getattr(report, field).body):
            return unmet(
                title, report, (field, "body"), f"{asks}; write it in {field}.body", found_by
            )
        checked = [a for a in content.activities if assurance and a.kind == "quality-assurance"]
        place = Place(report.file, title_of(content, chapter))
        return Finding((place, *(Place(a.file, a.title) for a in checked)))

    return assess
