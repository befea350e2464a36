"""Embargo and audience: who a build is for, and what they may read.

A case review is published, in progress, or embargoed until a date. The public build (the
default) drops every embargoed review from the content before anything is compiled, so its
text cannot reach any output: Markdown, HTML, PDF text, metadata, bookmarks or alt text. The
board's build keeps it and marks every page "RESTRICTED: board members only".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from lscb_report.errors import Problem
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.models import CaseReview
    from lscb_report.content.reading import Content

Audience = Literal["public", "board"]
AUDIENCES: tuple[Audience, ...] = ("public", "board")
RESTRICTED = "RESTRICTED: board members only"

EMBARGO_DATE = rule(
    "embargo-date",
    "an embargoed review says until when (a day, or an event and a day to look again), "
    "and only it does",
)
EMBARGO_ENDED = rule(
    "embargo-ended", "an embargo has not ended before the committee date", "warning"
)


@needs()
def embargo_dates(content: Content) -> Iterable[Problem]:
    """An embargoed review gives the day its embargo ends; no other review gives one."""
    for review in content.reviews:
        if review.status == "embargoed":
            yield from _embargo_named(review)
            continue
        for key in ("embargoed_until", "embargoed_pending", "embargo_review_on"):
            if getattr(review, key) is not None:
                yield tagged(
                    review.problem(
                        (key,),
                        f"the review is {review.status.replace('-', ' ')}, not embargoed; remove "
                        f"{key}, or set status: embargoed",
                    ),
                    EMBARGO_DATE,
                )


def _embargo_named(review: CaseReview) -> Iterable[Problem]:
    """An embargoed review says until when: a day, or an event and a day to look again."""
    pending, again = review.embargoed_pending, review.embargo_review_on
    if review.embargoed_until is None and pending is None:
        message = (
            "an embargoed review needs the day its embargo ends: add embargoed_until: "
            "YYYY-MM-DD, or the event it waits for (embargoed_pending: the end of criminal "
            "proceedings) and embargo_review_on: YYYY-MM-DD (its text is left out of public "
            "builds until it is published)"
        )
        yield tagged(review.problem(("status",), message), EMBARGO_DATE)
    elif review.embargoed_until is not None and pending is not None:
        message = "give either embargoed_until or embargoed_pending, not both"
        yield tagged(review.problem(("embargoed_pending",), message), EMBARGO_DATE)
    elif pending is not None and again is None:
        message = (
            "an embargo until an event needs a day to look at it again: add "
            "embargo_review_on: YYYY-MM-DD"
        )
        yield tagged(review.problem(("embargoed_pending",), message), EMBARGO_DATE)


@needs("report")
def embargo_ended(content: Content) -> Iterable[Problem]:
    """An embargo that ends before the committee meets has probably been lifted."""
    meets = content.report.cover.date
    for review in content.reviews:
        until = review.embargoed_until
        if review.status == "embargoed" and until is not None and until <= meets:
            yield tagged(
                review.problem(
                    ("embargoed_until",),
                    f"the embargo ends on {until.isoformat()}, before the committee date "
                    f"{meets.isoformat()}; if the review has been published, set status: "
                    "published (until then its text stays out of public builds)",
                ),
                EMBARGO_ENDED,
            )


def for_audience(content: Content, audience: Audience) -> Content:
    """The content an audience may read: the public's has no embargoed review in it."""
    if audience == "board":
        return replace(content, audience=audience)
    reviews = [r for r in content.reviews if r.status != "embargoed"]
    withheld = len(content.reviews) - len(reviews)
    return replace(content, reviews=reviews, audience=audience, withheld=withheld)


def restricted_banner() -> str:
    """The Markdown that opens every document of a board build."""
    return f"::: restricted\n**{RESTRICTED}.** This edition includes embargoed text.\n:::\n\n"


CHECKS = [embargo_dates, embargo_ended]
RULES = [EMBARGO_DATE, EMBARGO_ENDED]
