"""Working Together to Safeguard Children 2023: the safeguarding partners' yearly report.

The 2023 edition (published in December 2023) keeps the three safeguarding partners, names
lead and delegated safeguarding partners, brings education and childcare settings into the
arrangements, and gives the independent scrutineer a part in the report. The wording below
is as quoted on a safeguarding partnership's own page; it was not checked against the
published guidance. The full list of what the report must contain, and where it must be sent,
were not found in any source here: they are listed as unverified, and nothing checks them.
"""

from __future__ import annotations

from lscb_report.rules.guidance.base import Edition, Requirement, Source
from lscb_report.rules.guidance.findings import (
    all_of,
    names_year,
    priorities_say,
    report_says,
    reviews_said,
)
from lscb_report.rules.guidance.registers import scrutinised
from lscb_report.rules.registry import rule

TITLE = "Working Together to Safeguard Children 2023"
SOURCE = Source(
    "chapter 2, the safeguarding partners' reporting (paragraph not checked)",
    None,
    verified=False,
    found_in="the Cambridgeshire and Peterborough safeguarding partnership's page on its "
    "annual reports, https://safeguardingcambspeterborough.org.uk/home/about-the-partnership-"
    "board/annual-reports",
)

PERIOD = rule("wt2023-period", "reports on a 12-month period", "warning")
ACTIVITY = rule("wt2023-activity", "says what the partnership has done", "warning")
EFFECTIVE = rule("wt2023-effectiveness", "says how effective the arrangements were", "warning")
FOCUS = rule("wt2023-focus", "focuses on priorities, learning, impact and improvement", "warning")
SCRUTINY = rule("wt2023-scrutiny", "includes the independent scrutineer's evaluation", "warning")

_DONE = "include what the partnership has done as a result of the arrangements"

REQUIREMENTS = (
    Requirement(
        PERIOD,
        "Report on the activity the safeguarding partners have undertaken in a 12-month period",
        names_year(TITLE, "cover the activity undertaken in a 12-month period", PERIOD),
    ),
    Requirement(
        ACTIVITY,
        "Include what the partnership has done as a result of the arrangements, including on "
        "child safeguarding practice reviews",
        all_of(
            priorities_say(TITLE, "body", _DONE, "the progress made on this priority", ACTIVITY),
            reviews_said(
                TITLE, f"{_DONE}, including on child safeguarding practice reviews", ACTIVITY
            ),
        ),
    ),
    Requirement(
        EFFECTIVE,
        "Include how effective these arrangements have been in practice",
        report_says(
            TITLE,
            "conclusions",
            "conclusions",
            "include how effective these arrangements have been in practice",
            EFFECTIVE,
            assurance=True,
        ),
    ),
    Requirement(
        FOCUS,
        "Focus on multi-agency priorities, learning, impact, evidence, and improvement",
        all_of(
            priorities_say(
                TITLE,
                "impact",
                "focus on impact and evidence",
                "the difference the work on this priority made, and the evidence for it",
                FOCUS,
            ),
            priorities_say(
                TITLE, "next_steps", "focus on improvement", "what will improve next", FOCUS
            ),
            reviews_said(TITLE, "focus on learning", FOCUS),
        ),
    ),
    Requirement(
        SCRUTINY,
        "Include the independent scrutineer's evaluation of the arrangements",
        scrutinised(
            TITLE, "include the independent scrutineer's evaluation of the arrangements", SCRUTINY
        ),
        Source(
            "chapter 2, independent scrutiny (paragraph not checked)",
            None,
            verified=False,
            found_in="the issue that asked for this edition only; no source here confirmed it",
        ),
    ),
)

EDITION = Edition(
    id="working-together-2023",
    title=TITLE,
    part="chapter 2",
    first_year=2024,
    requirements=REQUIREMENTS,
    source=SOURCE,
    asks_of="the safeguarding partners' yearly report",
    unverified=(
        "the full list of what the report must contain",
        "where the report is to be sent (the national Child Safeguarding Practice Review Panel "
        "and Foundations are said to be; no source here confirmed it)",
        "that the report be transparent and easily accessible to families and professionals "
        "(quoted, but not something a check can judge)",
    ),
)
