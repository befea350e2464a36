"""The Care Act 2014, Schedule 2, paragraph 4: the Safeguarding Adults Board's annual report.

The wording is the Act's, read on legislation.gov.uk (the enacted text, and the revised text
of the "Annual report" cross-heading, which reads the same). Paragraph 4(1)(c) is met by
each member's own account (its file in contributions/), and 4(1)(f) and (g) by each review's
register of findings, with the decision on each and the reasons where one is not implemented.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lscb_report.content.shape import title_of
from lscb_report.rules.guidance.base import Edition, Finding, Place, Requirement, Source
from lscb_report.rules.guidance.findings import (
    all_of,
    names_year,
    priorities_say,
    report_says,
    reviews_said,
    sent_to,
    unmet,
)
from lscb_report.rules.guidance.registers import (
    declined_with_reasons,
    each_member,
    review_register,
)
from lscb_report.rules.registry import rule

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

TITLE = "the Care Act 2014"
ADDRESS = "https://www.legislation.gov.uk/ukpga/2014/23/schedule/2/paragraph/4/enacted"


def _source(part: str) -> Source:
    return Source(f"Schedule 2, paragraph {part}", ADDRESS, verified=True)


YEAR = rule("sab-financial-year", "reports on the financial year just ended", "warning")
OBJECTIVE = rule("sab-objective", "says what the board did to achieve its objective", "warning")
STRATEGY = rule("sab-strategy", "says what the board did to implement its strategy", "warning")
MEMBERS = rule("sab-members", "says what each member did to implement the strategy", "warning")
FINDINGS = rule("sab-review-findings", "gives the findings of reviews concluded", "warning")
ONGOING = rule("sab-reviews-ongoing", "gives the reviews ongoing at the year's end", "warning")
IMPLEMENTED = rule(
    "sab-findings-implemented", "says what was done about review findings", "warning"
)
DECLINED = rule("sab-findings-declined", "gives reasons for a finding not implemented", "warning")
RECIPIENTS = rule("sab-recipients", "is sent to those the Act names", "warning")

WHO = {
    "the chief executive of the local authority": re.compile(r"chief executive", re.IGNORECASE),
    "the leader of the local authority": re.compile(r"\bleader\b", re.IGNORECASE),
    "the local policing body": re.compile(
        r"policing body|crime commissioner|policing and crime|\bmayor\b", re.IGNORECASE
    ),
    "the Local Healthwatch organisation": re.compile(r"healthwatch", re.IGNORECASE),
    "the chair of the Health and Wellbeing Board": re.compile(
        r"health and well-?being board", re.IGNORECASE
    ),
}


def concluded_reviews(content: Content) -> Finding:
    """Each review concluded (published) in the year lists its findings under learning."""
    for review in content.reviews:
        if review.status == "published" and not review.learning:
            return unmet(
                TITLE,
                review,
                ("learning",),
                "give the findings of each safeguarding adults review concluded in the year; "
                "list this review's findings under learning",
                FINDINGS,
            )
    published = [r for r in content.reviews if r.status == "published"]
    chapter = title_of(content, "case-reviews")
    return Finding(tuple(Place(r.file, chapter, r.title) for r in published))


REQUIREMENTS = (
    Requirement(
        YEAR,
        "Be published as soon as is feasible after the end of each financial year, on that year",
        names_year(TITLE, "report on the financial year just ended", YEAR),
        _source("4(1)"),
    ),
    Requirement(
        OBJECTIVE,
        "Say what the board has done during the year to achieve its objective",
        report_says(
            TITLE,
            "key_matters",
            "governance",
            "say what the board has done during the year to achieve its objective",
            OBJECTIVE,
        ),
        _source("4(1)(a)"),
    ),
    Requirement(
        STRATEGY,
        "Say what the board has done during the year to implement its strategy",
        priorities_say(
            TITLE,
            "body",
            "say what the board has done during the year to implement its strategy",
            "what was done on this priority of the strategy",
            STRATEGY,
        ),
        _source("4(1)(b)"),
    ),
    Requirement(
        MEMBERS,
        "Say what each member has done during the year to implement the strategy",
        each_member(
            TITLE,
            "say what each member has done during the year to implement the strategy",
            MEMBERS,
        ),
        _source("4(1)(c)"),
    ),
    Requirement(
        FINDINGS,
        "Give the findings of the safeguarding adults reviews the board arranged which "
        "concluded in the year (whether or not they began in it)",
        all_of(
            reviews_said(TITLE, "give the findings of the reviews concluded in the year", FINDINGS),
            concluded_reviews,
        ),
        _source("4(1)(d)"),
    ),
    Requirement(
        ONGOING,
        "Give the safeguarding adults reviews the board arranged which were ongoing at the end "
        "of the year (whether or not they began in it)",
        reviews_said(TITLE, "give the reviews ongoing at the end of the year", ONGOING),
        _source("4(1)(e)"),
    ),
    Requirement(
        IMPLEMENTED,
        "Say what the board has done during the year to implement the findings of its "
        "safeguarding adults reviews",
        review_register(
            TITLE,
            "say what the board has done during the year to implement the findings of reviews",
            IMPLEMENTED,
        ),
        _source("4(1)(f)"),
    ),
    Requirement(
        DECLINED,
        "Where the board decided during the year not to implement a finding of a review, give "
        "the reasons for its decision",
        declined_with_reasons(
            TITLE,
            "give the reasons for each decision not to implement a finding of a review",
            DECLINED,
        ),
        _source("4(1)(g)"),
    ),
    Requirement(
        RECIPIENTS,
        "Be sent to the chief executive and the leader of the local authority which established "
        "the board, the local policing body, the Local Healthwatch organisation and the chair "
        "of the Health and Wellbeing Board",
        sent_to(TITLE, WHO, RECIPIENTS),
        _source("4(2)"),
    ),
)

EDITION = Edition(
    id="care-act-2014",
    title=TITLE,
    part="Schedule 2, paragraph 4",
    first_year=2015,
    requirements=REQUIREMENTS,
    source=_source("4"),
    asks_of="a Safeguarding Adults Board's annual report",
    family="adults",
    recipients=tuple(WHO),
)
