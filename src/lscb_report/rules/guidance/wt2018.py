"""Working Together to Safeguard Children 2018: the safeguarding partners' yearly report.

From 2019-20 the three safeguarding partners (the local authority, the clinical commissioning
group, the chief officer of police) replaced the LSCB. The wording below is as quoted in a
county council's Cabinet record, which used the four "should include" items as the chapters
of its partnership's report; it was not checked against the published guidance, and nor
were its chapter and paragraph. Areas of little or no progress and feedback from children
and families are texts of report.yaml; the record of decisions is each review's register.
"""

from __future__ import annotations

from lscb_report.rules.guidance.base import Edition, Requirement, Source
from lscb_report.rules.guidance.findings import (
    activity_kind,
    all_of,
    names_year,
    priorities_say,
    report_says,
    reviews_said,
)
from lscb_report.rules.guidance.registers import report_text, review_register
from lscb_report.rules.registry import rule

TITLE = "Working Together to Safeguard Children 2018"
SOURCE = Source(
    "the safeguarding partners' yearly report (chapter and paragraph not checked)",
    None,
    verified=False,
    found_in="Buckinghamshire Council's Cabinet record of the partnership's 2022-23 report, "
    "https://buckinghamshire.moderngov.co.uk/mgAi.aspx?ID=21205",
)

PERIOD = rule("wt2018-period", "is published at least once in every 12 months", "warning")
ACTIVITY = rule("wt2018-activity", "sets out what the partners have done", "warning")
EFFECTIVE = rule("wt2018-effectiveness", "sets out how effective the arrangements were", "warning")
IMPACT = rule("wt2018-impact", "gives evidence of impact, including training", "warning")
PROGRESS = rule("wt2018-little-progress", "analyses areas of little or no progress", "warning")
REVIEWS = rule("wt2018-review-actions", "records decisions and actions on reviews", "warning")
FEEDBACK = rule(
    "wt2018-feedback", "says how feedback from children and families was used", "warning"
)

_DONE = "set out what the safeguarding partners have done as a result of the arrangements"

REQUIREMENTS = (
    Requirement(
        PERIOD,
        "Be published at least once in every 12-month period",
        names_year(TITLE, "be published at least once in every 12-month period", PERIOD),
    ),
    Requirement(
        ACTIVITY,
        "Set out what the safeguarding partners have done as a result of the arrangements, "
        "including on child safeguarding practice reviews",
        all_of(
            priorities_say(TITLE, "body", _DONE, "the progress made on this priority", ACTIVITY),
            reviews_said(
                TITLE, f"{_DONE}, including on child safeguarding practice reviews", ACTIVITY
            ),
        ),
    ),
    Requirement(
        EFFECTIVE,
        "Set out how effective the arrangements have been in practice",
        report_says(
            TITLE,
            "conclusions",
            "conclusions",
            "set out how effective the arrangements have been in practice",
            EFFECTIVE,
            assurance=True,
        ),
    ),
    Requirement(
        IMPACT,
        "Include evidence of the impact of the work of the safeguarding partners and relevant "
        "agencies, including training, on outcomes for children and families from early help "
        "to looked-after children and care leavers",
        all_of(
            priorities_say(
                TITLE,
                "impact",
                "include evidence of the impact of the partners' work on outcomes for children "
                "and families",
                "what difference the work on this priority made to children and families",
                IMPACT,
            ),
            activity_kind(TITLE, "training", "include the impact of training", IMPACT),
        ),
    ),
    Requirement(
        PROGRESS,
        "Include an analysis of any areas where there has been little or no evidence of "
        "progress on agreed priorities",
        report_text(
            TITLE,
            "little_progress",
            "little-progress",
            "analyse any areas where there has been little or no evidence of progress on "
            "agreed priorities",
            PROGRESS,
        ),
    ),
    Requirement(
        REVIEWS,
        "Include a record of decisions and actions taken by the partners in the report's period "
        "(or planned to be taken) to implement the recommendations of any local and national "
        "child safeguarding practice reviews, including any resulting improvements",
        all_of(
            reviews_said(TITLE, "record the decisions and actions taken on reviews", REVIEWS),
            review_register(
                TITLE,
                "record the decisions and actions taken (or planned) on the recommendations of "
                "local and national child safeguarding practice reviews",
                REVIEWS,
            ),
        ),
    ),
    Requirement(
        FEEDBACK,
        "Include the ways in which the partners have sought and utilised feedback from children "
        "and families to inform their work and influence service provision",
        report_text(
            TITLE,
            "feedback",
            "feedback",
            "say how the partners sought and used feedback from children and families",
            FEEDBACK,
        ),
    ),
)

EDITION = Edition(
    id="working-together-2018",
    title=TITLE,
    part="the yearly report",
    first_year=2019,
    requirements=REQUIREMENTS,
    source=SOURCE,
    asks_of="the safeguarding partners' yearly report",
    unverified=(
        "where the report is to be sent: no source here named its recipients",
        "what independent scrutiny of the arrangements must add to the report",
    ),
)
