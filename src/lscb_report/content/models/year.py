"""A year's sections: report.yaml, priorities/, activities/ and reviews/."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field

from lscb_report.content.models.base import (
    FileModel,
    Markdown,
    Model,
    Section,
    SignOffField,
    Slug,
)
from lscb_report.content.models.board import Person
from lscb_report.content.models.regime import Scrutiny

# --- YEAR/report.yaml ---------------------------------------------------------------------


class Cover(Model):
    """The committee cover sheet of the executive summary. Besides the fields below, it holds
    a value for each row of the board's own cover sheet (board.yaml's cover_sheet), such as
    ``divisions: All``."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, str] = Field(init=False)

    date: date
    """The date of the committee meeting, written YYYY-MM-DD, such as 2015-10-08."""
    committee: str | None = Field(default=None, examples=["Children's Scrutiny Committee"])
    """The committee the report goes to."""
    classification: str | None = Field(default=None, examples=["Public"])
    """The report's classification, such as Public, where the cover sheet has a row."""
    title: str
    """The executive summary's title, as on the committee cover sheet."""
    report_of: str | None = None
    """Whose report it is, such as the Independent Chair, where the cover sheet has a row."""
    key_decision: bool | None = None
    """Whether the report is a key decision (true or false), where the council asks."""
    author: Person
    """The report's author and contact."""

    @property
    def rows(self) -> dict[str, str]:
        """The values of the board's own rows, by field name."""
        return dict(self.__pydantic_extra__ or {})


class Implication(Model):
    """One implication of the report for the committee: financial, legal, equalities, risk,
    health and wellbeing ..."""

    title: str = Field(examples=["Financial Implications"])
    """The section's title in the executive summary, such as Financial Implications."""
    summary: Markdown
    """What the executive summary says."""
    body: Markdown | None = None
    """What the annual report says, if anything, in the chapter named by ``chapter``."""
    chapter: Slug = Field(default="conclusions", examples=["budget"])
    """The id of the annual report's chapter that prints the body (conclusions unless given)."""
    heading: str | None = Field(
        default=None, examples=["Links with the Health and Wellbeing Board"]
    )
    """A heading for the body within that chapter; none prints it as the chapter's paragraphs."""


class Chapter(Model):
    """A chapter of the full annual report: one the tool makes, or the board's own text."""

    id: Slug = Field(examples=["budget"])
    """introduction, governance, priorities, case-reviews, activities, conclusions,
    next-priorities, budget, glossary, recipients; an activity's kind (to place that chapter
    here); or an id of the board's own for a chapter of free text."""
    title: str | None = None
    """The chapter's title; the profile's unless given (a chapter of the board's own needs one)."""
    body: Markdown | None = None
    """The text of a chapter of the board's own."""


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

    MOVED: ClassVar[dict[str, str]] = {
        "contributions": "each member's account is now a file of its own, so that each "
        "partner owns its file: move each account to contributions/<partner-id>.yaml in this "
        "year's folder (such as contributions/police.yaml, with its summary and body), and "
        "remove contributions from report.yaml"
    }

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
    case_reviews: Section | None = None
    """What the year's case reviews found and how their learning is shared."""
    other_functions: OtherFunctions | None = None
    """The lead-in to the list of the board's other functions."""
    conclusions: Section
    """The board's conclusions on how well children were safeguarded in the year."""
    next_year_priorities: list[NextPriority] = Field(min_length=1)
    """The priorities for the coming year; next year each becomes a file in priorities/."""
    implications: list[Implication] = []
    """The implications for the committee, each a section of the executive summary in order."""
    recommendations: list[str] = []
    """What the committee is asked to do, such as "The Committee is asked to note the report."."""
    background_papers: list[str] = []
    """The background papers, one per line; none prints no such section."""
    recipients: list[str] = Field(min_length=1)
    """Who the report is submitted to, one per line."""
    chapters: list[Chapter] | None = Field(default=None, min_length=1)
    """The full report's chapters in order, where the board departs from its profile's."""
    summary_chapters: list[Chapter] | None = Field(default=None, min_length=1)
    """The executive summary's sections in order, where the board departs from its profile's:
    summary, key-matters, recommendations, priorities, other-activity, conclusions, budget,
    implications, background-papers, contributions, or a section of the board's own with a
    title and body."""
    little_progress: Markdown | None = None
    """Where there has been little or no evidence of progress on agreed priorities, and why
    (asked of a safeguarding children partnership); none prints no such chapter."""
    feedback: Markdown | None = None
    """How the board sought and used feedback from children and families (or, for adults,
    from the people it safeguards), and what changed because of it."""
    scrutiny: Scrutiny | None = None
    """The independent scrutineer's evaluation of the arrangements (a partnership's report)."""
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

ActivityKind = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        examples=["private-fostering"],
        description="Which function this is, as the board names it: child-death-overview, "
        "quality-assurance, lado, complaints, training, private-fostering, mash ...",
    ),
]


class Activity(FileModel):
    """A standing function of the board: child deaths, quality assurance, LADO, training..."""

    kind: ActivityKind
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


class Recommendation(Model):
    """A review's recommendation and what was done about it."""

    recommendation: str
    """What the review recommended."""
    action: Markdown | None = None
    """The action taken or planned."""
    owner: str | None = None
    """Who owns the action, such as the Quality Assurance Sub-group."""
    status: Literal["not-started", "in-progress", "completed"] = "in-progress"
    """not-started, in-progress or completed."""
    impact: Markdown | None = None
    """The evidence of the action's impact, where there is some."""
    decision: Literal["accepted", "not-accepted"] | None = None
    """What the board or partners decided: accepted (to implement it) or not-accepted."""
    reasons: Markdown | None = None
    """Where the decision is not-accepted, the reasons for it."""


class CaseReview(FileModel):
    """A serious case review or other case review the board commissioned or oversaw."""

    kind: Literal[
        "serious-case-review",
        "historical-case-review",
        "learning-review",
        "rapid-review",
        "child-safeguarding-practice-review",
        "safeguarding-adults-review",
    ]
    """What sort of review it is: serious-case-review (an LSCB's), rapid-review and
    child-safeguarding-practice-review (a partnership's), safeguarding-adults-review (a
    Safeguarding Adults Board's), historical-case-review or learning-review."""
    title: str = Field(examples=["Serious case review: Child A"])
    subject: str = Field(examples=["Child A"], description="An anonymised label, never a name.")
    status: Literal["in-progress", "completed", "published", "embargoed"]
    """Where the review stands: in-progress, completed (not yet published), published or
    embargoed."""
    published_on: date | None = Field(default=None, examples=["2016-02-10"])
    """For a published review, the day it was published."""
    link: str | None = Field(
        default=None, pattern=r"^https://\S+$", examples=["https://example.gov.uk/scr-child-c"]
    )
    """For a published review, the web address of its report."""
    embargoed_until: date | None = Field(
        default=None, description="For an embargoed review, the day its text may be published."
    )
    embargoed_pending: str | None = Field(
        default=None, examples=["the end of criminal proceedings"]
    )
    """For a review embargoed until an event rather than a day: the event."""
    embargo_review_on: date | None = Field(default=None, examples=["2016-09-30"])
    """With embargoed_pending: the day the board will look at the embargo again."""
    started: str | None = Field(
        default=None, examples=["2014-15"], description="The financial year the review started."
    )
    body: Markdown
    """What the annual report says about the review; no detail that could identify the child."""
    learning: list[str] = []
    """Points of learning, one per line."""
    recommendations: list[Recommendation] = []
    """The review's recommendations, each with its action, owner, status and impact."""
    sign_off: SignOffField = None
