"""What the editions since 2018 assess in the parts of the report they added: the review
register (each recommendation or finding with its decision, action and, where it is not
implemented, the reasons), each member's own account, the independent scrutineer's section,
feedback from children and families, and the areas of little or no progress.

Like ``findings``, each function makes an ``assess`` for one requirement of one edition, and
finds the content by its field, never by a board's chapter titles (the places it gives are
the titles the board's own chapters print).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lscb_report.content.shape import title_of
from lscb_report.errors import Problem
from lscb_report.rules.guidance.base import Finding, Place
from lscb_report.rules.guidance.findings import Assess, blank, unmet
from lscb_report.rules.registry import Rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content


def report_text(title: str, field: str, chapter: str, asks: str, found_by: Rule) -> Assess:
    """A text of report.yaml the regime asks for (feedback, little_progress) is written; the
    place is the chapter that prints it."""

    def assess(content: Content) -> Finding:
        report = content.report
        text = getattr(report, field)
        if text is None or blank(text):
            return unmet(
                title, report, (field,), f"{asks}; write it in report.yaml as {field}", found_by
            )
        return Finding((Place(report.file, title_of(content, chapter)),))

    return assess


def review_register(title: str, asks: str, found_by: Rule) -> Assess:
    """Every recommendation (or finding) of every review records the decision on it and, where
    it is accepted, the action taken or planned; the places are the reviews."""

    def assess(content: Content) -> Finding:
        for review in content.reviews:
            for index, item in enumerate(review.recommendations):
                path = ("recommendations", index)
                if item.decision is None:
                    write = "record the decision on it (decision: accepted or not-accepted)"
                    return unmet(title, review, path, f"{asks}; {write}", found_by)
                if item.decision == "accepted" and (item.action is None or blank(item.action)):
                    write = "it is accepted: write the action taken or planned (action:)"
                    return unmet(title, review, (*path, "decision"), f"{asks}; {write}", found_by)
        chapter = title_of(content, "case-reviews")
        if not content.reviews:  # nothing to record: the chapter says there was no review
            return Finding((Place(content.report.file, chapter),))
        return Finding(tuple(Place(r.file, chapter, r.title) for r in content.reviews))

    return assess


def declined_with_reasons(title: str, asks: str, found_by: Rule) -> Assess:
    """Every recommendation (or finding) decided not-accepted gives the reasons; the places
    are the reviews that have one, or the reviews chapter where none was declined."""

    def assess(content: Content) -> Finding:
        declined = []
        for review in content.reviews:
            for index, item in enumerate(review.recommendations):
                if item.decision != "not-accepted":
                    continue
                if item.reasons is None or blank(item.reasons):
                    path = ("recommendations", index, "decision")
                    write = "it is not accepted: give the reasons (reasons:)"
                    return unmet(title, review, path, f"{asks}; {write}", found_by)
                declined.append(review)
        chapter = title_of(content, "case-reviews")
        if not declined:
            return Finding((Place(content.report.file, chapter),))
        return Finding(tuple(dict.fromkeys(Place(r.file, chapter, r.title) for r in declined)))

    return assess


def each_member(title: str, asks: str, found_by: Rule) -> Assess:
    """Each partner (or member) in board.yaml has its own account of the year."""

    def assess(content: Content) -> Finding:
        accounts = {account.partner: account for account in content.contributions}
        for partner in content.board.partners:
            account = accounts.get(partner.id)
            if account is not None and blank(account.body):
                write = f"write what {partner.name} did"
                return unmet(title, account, ("body",), f"{asks}; {write}", found_by)
            if account is None:
                path = Path(content.report.file).parent / "contributions" / f"{partner.id}.yaml"
                message = (
                    f"{title} asks that the report {asks}; the file is missing: write what "
                    f"{partner.name} did here, with its summary and body"
                )
                return Finding((), tagged(Problem(str(path), 1, 1, message), found_by))
        chapter = title_of(content, "contributions")
        return Finding(tuple(Place(a.file, chapter, a.title) for a in content.contributions))

    return assess


def scrutinised(title: str, asks: str, found_by: Rule) -> Assess:
    """The independent scrutineer's section is written."""

    def assess(content: Content) -> Finding:
        report = content.report
        if report.scrutiny is None or blank(report.scrutiny.body):
            write = "add the scrutineer's own section as scrutiny (scrutineer: name and role, body)"
            return unmet(title, report, ("scrutiny",), f"{asks}; {write}", found_by)
        return Finding((Place(report.file, title_of(content, "scrutiny")),))

    return assess
