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
# Prose in Markdown; paragraphs split by a blank line. Each field says what its prose is for.
Markdown = Annotated[str, Field(json_schema_extra={"contentMediaType": "text/markdown"})]
Money = Annotated[
    Decimal, Field(max_digits=12, decimal_places=2, description="Pounds, e.g. 12500.00")
]
YearKey = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$", examples=["2014-15"])]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, use_attribute_docstrings=True
    )


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

    def problem(
        self, path: Path_, message: str, *, key: bool = False, word: str | None = None
    ) -> Problem:
        """A problem at the value (or key) at path in this model's file, or at ``word``
        within that value."""
        if self._source is None:
            return Problem(self.file, 1, 1, message)
        return self._source.problem(path, message, key=key, word=word)

    @property
    def raw_data(self) -> object:
        """The data as read from the file, before the model typed it."""
        return self._source.data if self._source else self.model_dump(mode="json")


class Section(Model):
    """A part of the report: a short summary and the fuller body."""

    summary: Markdown
    """What the executive summary says: a paragraph or two, in Markdown."""
    body: Markdown
    """What the full annual report says, in Markdown; a blank line starts a new paragraph."""


class SignOff(Model):
    """Where a section stands: drafted, agreed by its owners, or approved by the board."""

    status: Literal["draft", "agreed", "approved"] = Field(examples=["approved"])
    approved_by: str | None = Field(default=None, examples=["Jean Daintith, Independent Chair"])
    approved_on: date | None = Field(default=None, examples=["2015-10-08"])


SignOffField = Annotated[
    SignOff | None,
    Field(description="The section's status and approval; a section without one is a draft."),
]


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
    """A named person: the chair, or the report's author and contact."""

    name: str
    """Full name, such as Jean Daintith."""
    role: str
    """Job title, such as Policy Manager."""
    phone: str | None = None
    """Telephone number as it should be printed, such as 020 8753 5809."""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """E-mail address, such as name@example.gov.uk."""


class Partner(Model):
    """A partner agency of the board."""

    id: Slug
    """A short id that priorities and the budget use to name this partner, such as police."""
    name: str
    """The agency's name as printed, such as Metropolitan Police Service."""
    kind: PartnerKind
    """What sort of agency it is."""


class Group(Model):
    """A sub-group, panel or partnership group of the board."""

    name: str
    """The group's name, such as Quality Assurance Sub-group."""
    chair: str | None = None
    """Who chairs it."""
    meets: str | None = None
    """How often it meets, such as quarterly."""
    purpose: Markdown
    """What the group does, in a sentence or two."""


class RuleSettings(Model):
    """How the board applies lscb-report's rules: its small-number threshold, the edition of
    the statutory guidance, and the severity of each rule it wants changed."""

    hide_counts_below: int = Field(
        default=5,
        ge=2,
        le=100,
        description="Counts of children from 1 to one less than this are shown as 'fewer than'.",
    )
    guidance: str | None = Field(default=None, examples=["working-together-2015"])
    severity: dict[str, Literal["error", "warning"]] = {}


class Board(FileModel):
    """content/board.yaml: the board itself, shared by every year."""

    name: str = Field(examples=["Local Safeguarding Children Board"])
    """The board's full name."""
    short_name: str = Field(examples=["LSCB"])
    """The short form used in running text."""
    areas: list[str] = Field(min_length=1)
    """The local authority areas the board covers, one per line."""
    established: int = Field(ge=1990, le=2100, description="The year the board was set up.")
    chair: Person
    """The board's independent chair."""
    meetings_per_year: int = Field(ge=1, le=52, description="The least number of full meetings.")
    partners: list[Partner] = Field(min_length=1)
    """The partner agencies; their ids are used across the report."""
    groups: list[Group] = []
    """The board's sub-groups and panels."""
    rules: RuleSettings = RuleSettings()


# --- glossary.yaml ------------------------------------------------------------------------


class Term(Model):
    """An acronym or term and what it means."""

    term: str = Field(examples=["CSE"])
    """The acronym or term, such as CSE."""
    meaning: str = Field(examples=["child sexual exploitation"])
    """What it stands for, such as child sexual exploitation."""


class Glossary(FileModel):
    """content/glossary.yaml: acronyms and terms, spelt out at first use."""

    terms: list[Term]
    """Acronyms and terms, each with its meaning."""


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


# --- YEAR/budget.yaml ---------------------------------------------------------------------


class Contribution(Model):
    """One partner's contribution to the budget."""

    partner: Slug
    """The id of a partner from board.yaml."""
    amount: Money
    """The partner's contribution in pounds, such as 95000.00."""


class Spend(Model):
    """One item of the board's spending."""

    item: str
    """What the money was spent on."""
    amount: Money
    """The amount spent in pounds, such as 45000.00."""


class Income(Model):
    """The partners' contributions and their total."""

    lines: list[Contribution] = Field(min_length=1)
    """Each partner's contribution."""
    total: Money
    """The sum of the lines, in pounds."""


class Expenditure(Model):
    """The board's spending and its total."""

    lines: list[Spend] = Field(min_length=1)
    """Each item of spending."""
    total: Money
    """The sum of the lines, in pounds."""


class Budget(FileModel):
    """content/YEAR/budget.yaml: contributions by partner and what was spent."""

    illustrative: bool = Field(description="True where the figures are not the published ones.")
    summary: Markdown
    """What the executive summary says about the budget."""
    body: Markdown
    """What the annual report's budget chapter says."""
    brought_forward: Money = Decimal(0)
    """The balance brought forward from the year before, in pounds."""
    income: Income
    """Contributions from the partners."""
    expenditure: Expenditure
    """What the board spent."""
    carried_forward: Money
    """Brought forward plus income less expenditure, in pounds."""
    sign_off: SignOffField = None


def pounds(amount: Decimal) -> str:
    """Pounds with thousands separators: £12,500 (pence only where there are some)."""
    return f"£{amount:,.2f}".removesuffix(".00")


# --- YEAR/metrics.yaml --------------------------------------------------------------------


class Series(Model):
    """A named series of figures by financial year."""

    id: Slug
    """A short id that sections use to show these figures."""
    title: str = Field(min_length=1)
    """What is counted, as a table heading; the chart's caption and alt text start with it."""
    unit: Literal["count", "percent", "pounds"]
    """count, percent or pounds."""
    source: str
    """Where the figures come from."""
    illustrative: bool
    """true when the figures are not the board's published data; the report then says so."""
    chart: Literal["bar", "line"] = "bar"
    """bar or line."""
    values: dict[YearKey, Decimal | None] = Field(min_length=1)
    """The figure for each year, such as 2014-15: 25; leave a year empty when not yet known."""
    counts_children: bool | None = Field(
        default=None, description="Whether the figures are counts of children (a count must say)."
    )
    total_of: list[Slug] = Field(
        default=[], description="Ids of the series this one is the total of, year by year."
    )
    _hidden: dict[str, str] = PrivateAttr(default_factory=dict)

    def hide(self, year: str, text: str) -> None:
        """Withhold the figure for a year, to be shown as text (such as 'fewer than 5')."""
        self._hidden[year] = text
        self.values[year] = None

    @property
    def hidden(self) -> dict[str, str]:
        """The years whose figures are withheld, with what is shown instead."""
        return dict(self._hidden)

    def text(self, year: str, sign: bool = True) -> str:
        """The figure for a year as the report prints it (a percentage without its sign
        where a table's heading gives it)."""
        if year in self._hidden:
            return self._hidden[year]
        value = self.values.get(year)
        if value is None:
            return "not yet known"
        if self.unit == "pounds":
            return pounds(value)
        if self.unit == "percent":
            return f"{value:,}{'%' if sign else ''}"
        return f"{value:,}"


class Metrics(FileModel):
    """content/YEAR/metrics.yaml: named series of figures by year."""

    series: list[Series] = []
    """Named series of figures, each by year."""
