"""The content model: what each YAML file may hold, with the types a person would expect.

Every model forbids unknown keys, so a misspelt key is reported rather than ignored.
Prose fields hold Markdown. Each section has a ``summary`` (printed in the executive
summary) and a ``body`` (printed in the full annual report).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from lscb_report.errors import Problem
from lscb_report.loading import Loaded, Path_

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        examples=["police"],
        description="A short id in lower case, words joined by hyphens.",
    ),
]
Markdown = Annotated[str, Field(description="Prose in Markdown; paragraphs split by a blank line.")]
Money = Annotated[
    Decimal, Field(max_digits=12, decimal_places=2, description="Pounds, e.g. 12500.00")
]
YearKey = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$", examples=["2014-15"])]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FileModel(Model):
    """A model read from one file, which remembers where each of its values stands."""

    _source: Loaded | None = PrivateAttr(default=None)

    @property
    def file(self) -> str:
        return self._source.file if self._source else "<memory>"

    @property
    def loaded(self) -> Loaded | None:
        """The file as it was read, with the place of every value."""
        return self._source

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        """A problem at the value (or key) at path in this model's file."""
        if self._source is None:
            return Problem(self.file, 1, 1, message)
        return self._source.problem(path, message, key=key)


class Section(Model):
    """A part of the report: a short summary and the fuller body."""

    summary: Markdown
    body: Markdown


# --- board.yaml ---------------------------------------------------------------------------

PartnerKind = Literal[
    "local-authority",
    "police",
    "health",
    "probation",
    "education",
    "voluntary",
    "housing",
    "lay-member",
    "other",
]


class Person(Model):
    name: str
    role: str
    phone: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Partner(Model):
    id: Slug
    name: str
    kind: PartnerKind


class Group(Model):
    """A sub-group, panel or partnership group of the board."""

    name: str
    chair: str | None = None
    meets: str | None = None
    purpose: Markdown


class Board(FileModel):
    """content/board.yaml: the board itself, shared by every year."""

    name: str = Field(examples=["Local Safeguarding Children Board"])
    short_name: str = Field(examples=["LSCB"])
    areas: list[str] = Field(min_length=1)
    established: int = Field(ge=1990, le=2100, description="The year the board was set up.")
    chair: Person
    meetings_per_year: int = Field(ge=1, le=52, description="The least number of full meetings.")
    partners: list[Partner] = Field(min_length=1)
    groups: list[Group] = []


# --- glossary.yaml ------------------------------------------------------------------------


class Term(Model):
    term: str = Field(examples=["CSE"])
    meaning: str = Field(examples=["child sexual exploitation"])


class Glossary(FileModel):
    """content/glossary.yaml: acronyms and terms, spelt out at first use."""

    terms: list[Term]


# --- YEAR/report.yaml ---------------------------------------------------------------------


class Cover(Model):
    """The committee cover sheet of the executive summary."""

    date: date
    classification: str = Field(examples=["General Release"])
    title: str
    report_of: str
    cabinet_member_portfolio: str
    wards: str = Field(examples=["All"])
    policy_context: str
    author: Person


class Implications(Model):
    health_and_wellbeing: Section
    financial: Section


class NextPriority(Model):
    title: str
    body: Markdown | None = None


class OtherFunctions(Model):
    """The executive summary's lead-in to the list of the board's other functions."""

    summary: Markdown


class Report(FileModel):
    """content/YEAR/report.yaml: the year's framing sections and the cover sheet."""

    status: Literal["draft", "final"]
    title: str = Field(examples=["Annual Report 2014-15"])
    cover: Cover
    introduction: Section
    key_matters: Section
    case_reviews: Section
    other_functions: OtherFunctions
    conclusions: Section
    next_year_priorities: list[NextPriority] = Field(min_length=1)
    implications: Implications
    recipients: list[str] = Field(min_length=1)


# --- YEAR/priorities/NN-slug.yaml ---------------------------------------------------------


class PracticeArea(Model):
    id: Slug
    title: str
    summary: Markdown
    body: Markdown
    metrics: list[Slug] = []


class Priority(FileModel):
    """One of the year's priorities, reviewed: progress, impact, what is left, next steps."""

    title: str
    partners: list[Slug] = Field(default=[], description="Ids of the partners who led the work.")
    summary: Markdown
    body: Markdown = Field(description="Progress made in the year.")
    impact: Markdown = Field(
        description="The difference made to children, families and the workforce."
    )
    to_develop: Markdown = Field(description="What still needs to develop, and why.")
    next_steps: Markdown
    practice_areas: list[PracticeArea] = []
    metrics: list[Slug] = []


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
    title: str
    summary: Markdown
    body: Markdown
    metrics: list[Slug] = []


# --- YEAR/reviews/slug.yaml ---------------------------------------------------------------


class CaseReview(FileModel):
    """A serious case review or other case review the board commissioned or oversaw."""

    kind: Literal["serious-case-review", "historical-case-review", "learning-review"]
    title: str = Field(examples=["Serious case review: Child A"])
    subject: str = Field(examples=["Child A"], description="An anonymised label, never a name.")
    status: Literal["published", "in-progress", "embargoed"]
    started: str | None = Field(
        default=None, examples=["2014-15"], description="The financial year the review started."
    )
    body: Markdown
    learning: list[str] = []


# --- YEAR/budget.yaml ---------------------------------------------------------------------


class Contribution(Model):
    partner: Slug
    amount: Money


class Spend(Model):
    item: str
    amount: Money


class Income(Model):
    lines: list[Contribution] = Field(min_length=1)
    total: Money


class Expenditure(Model):
    lines: list[Spend] = Field(min_length=1)
    total: Money


class Budget(FileModel):
    """content/YEAR/budget.yaml: contributions by partner and what was spent."""

    illustrative: bool = Field(description="True where the figures are not the published ones.")
    summary: Markdown
    body: Markdown
    brought_forward: Money = Decimal(0)
    income: Income
    expenditure: Expenditure
    carried_forward: Money


# --- YEAR/metrics.yaml --------------------------------------------------------------------


class Series(Model):
    id: Slug
    title: str
    unit: Literal["count", "percent", "pounds"]
    source: str
    illustrative: bool
    chart: Literal["bar", "line"] = "bar"
    values: dict[YearKey, Decimal | None] = Field(min_length=1)


class Metrics(FileModel):
    """content/YEAR/metrics.yaml: named series of figures by year."""

    series: list[Series] = []
