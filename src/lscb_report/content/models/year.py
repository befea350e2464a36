"""A year's sections: report.yaml, priorities/, activities/ and reviews/."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from lscb_report.content.models.base import (
    FileModel,
    Markdown,
    Model,
    Section,
    SignOffField,
    Slug,
)
from lscb_report.content.models.board import Person

# --- YEAR/report.yaml ---------------------------------------------------------------------


class Cover(Model):
    """The committee cover sheet of the executive summary."""

    date: date
    """The date of the committee meeting, written YYYY-MM-DD, such as 2015-10-08."""
    classification: str = Field(examples=["General Release"])
    """The report's classification, such as General Release."""
    title: str
    """The executive summary's title, as on the committee cover sheet."""
    report_of: str
    """Whose report it is, such as the Independent Chair."""
    cabinet_member_portfolio: str
    """The cabinet member's portfolio, such as Children's Services."""
    wards: str = Field(examples=["All"])
    """The wards involved, such as All."""
    policy_context: str
    """The policy context, such as Children's Safeguarding."""
    author: Person
    """The report's author and contact."""


class Implications(Model):
    """The implications sections of the executive summary."""

    health_and_wellbeing: Section
    """Health and wellbeing implications, and the links with the Health and Wellbeing Board."""
    financial: Section
    """Financial implications; the budget chapter gives the figures."""


class NextPriority(Model):
    """One of the board's priorities for the coming year."""

    title: str
    """The priority's title, such as Children who go missing."""
    body: Markdown | None = None
    """What the board will do about it, in a sentence or two."""


class OtherFunctions(Model):
    """The executive summary's lead-in to the list of the board's other functions."""

    summary: Markdown
    """A sentence introducing the list of the board's other functions, in Markdown."""


class Report(FileModel):
    """content/YEAR/report.yaml: the year's framing sections and the cover sheet."""

    status: Literal["draft", "final"]
    """draft until the board approves the report, then final; a draft is marked as one."""
    title: str = Field(examples=["Annual Report 2014-15"])
    """The annual report's title."""
    cover: Cover
    """The committee cover sheet of the executive summary."""
    introduction: Section
    """What the report is and what it covers."""
    key_matters: Section
    """The key matters for the committee's consideration, including the board's structure."""
    case_reviews: Section
    """What the year's case reviews found and how their learning is shared."""
    other_functions: OtherFunctions
    """The lead-in to the list of the board's other functions."""
    conclusions: Section
    """The board's conclusions on how well children were safeguarded in the year."""
    next_year_priorities: list[NextPriority] = Field(min_length=1)
    """The priorities for the coming year; next year each becomes a file in priorities/."""
    implications: Implications
    """Implications for health and wellbeing, and financial implications."""
    recipients: list[str] = Field(min_length=1)
    """Who the report is submitted to, one per line."""
    sign_off: SignOffField = None


# --- YEAR/priorities/NN-slug.yaml ---------------------------------------------------------


class PracticeArea(Model):
    """An area of practice reviewed under a priority."""

    id: Slug
    """A short id for the practice area."""
    title: str
    """The practice area's heading."""
    summary: Markdown
    """What the executive summary says about it."""
    body: Markdown
    """What the annual report says about it."""
    metrics: list[Slug] = []
    """Ids of figures from metrics.yaml to show with it."""


class Priority(FileModel):
    """One of the year's priorities, reviewed: progress, impact, what is left, next steps."""

    title: str
    """The priority's title, such as Early help and prevention of harm."""
    partners: list[Slug] = Field(default=[], description="Ids of the partners who led the work.")
    summary: Markdown
    """What the executive summary says about the priority."""
    body: Markdown = Field(description="Progress made in the year.")
    impact: Markdown = Field(
        description="The difference made to children, families and the workforce."
    )
    to_develop: Markdown = Field(description="What still needs to develop, and why.")
    next_steps: Markdown
    """What the board will do next."""
    practice_areas: list[PracticeArea] = []
    """Areas of practice reviewed under this priority, each with its own heading."""
    metrics: list[Slug] = []
    """Ids of figures from metrics.yaml to show with this priority."""
    sign_off: SignOffField = None


# --- YEAR/activities/slug.yaml ------------------------------------------------------------

ActivityKind = Literal[
    "child-death-overview",
    "quality-assurance",
    "lado",
    "complaints",
    "training",
    "other",
]


class Activity(FileModel):
    """A standing function of the board: child deaths, quality assurance, LADO, training..."""

    kind: ActivityKind
    """Which standing function this is."""
    title: str
    """The chapter's title."""
    summary: Markdown
    """One sentence for the executive summary's list of the board's other functions."""
    body: Markdown
    """What the annual report says about it."""
    metrics: list[Slug] = []
    """Ids of figures from metrics.yaml to show in this chapter."""
    sign_off: SignOffField = None


# --- YEAR/reviews/slug.yaml ---------------------------------------------------------------


class CaseReview(FileModel):
    """A serious case review or other case review the board commissioned or oversaw."""

    kind: Literal["serious-case-review", "historical-case-review", "learning-review"]
    """What sort of review it is."""
    title: str = Field(examples=["Serious case review: Child A"])
    subject: str = Field(examples=["Child A"], description="An anonymised label, never a name.")
    status: Literal["published", "in-progress", "embargoed"]
    """Where the review stands: published, in-progress or embargoed."""
    embargoed_until: date | None = Field(
        default=None, description="For an embargoed review, the day its text may be published."
    )
    started: str | None = Field(
        default=None, examples=["2014-15"], description="The financial year the review started."
    )
    body: Markdown
    """What the annual report says about the review; no detail that could identify the child."""
    learning: list[str] = []
    """Points of learning, one per line."""
    sign_off: SignOffField = None
