"""The files shared by every year: content/board.yaml and content/glossary.yaml."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from lscb_report.content.models.base import (
    FileModel,
    Markdown,
    Model,
    Slug,
)
from lscb_report.content.profiles import DEFAULT_PROFILE

# The ids of content.profiles.PROFILES (a test keeps the two the same).
ProfileId = Literal["lscb-wt2015", "partnership-wt2018", "partnership-wt2023", "sab-care-act-2014"]
FieldKey = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        examples=["divisions"],
        description="A field name in lower case, words joined by underscores.",
    ),
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
    """Full name, such as Sam Patel."""
    role: str
    """Job title, such as Policy Manager."""
    phone: str | None = None
    """Telephone number as it should be printed, such as 01632 960 123."""
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
        description="Counts of children from 1 to one less than this are withheld (5 unless "
        "set, 6 under disclosure: dfe).",
    )
    guidance: str | dict[str, str] | None = Field(
        default=None,
        examples=["working-together-2015", {"2014-15": "working-together-2015"}],
        description="The edition of the statutory guidance the report meets, for every year "
        "(working-together-2015, working-together-2018, working-together-2023 or "
        "care-act-2014), or the board's history: each first year and the edition it applied "
        "from, such as 2019-20: working-together-2018. Unset, a year is held to its profile's "
        "edition, or to the children's edition in force for it where that is later.",
    )
    disclosure: Literal["fewer-than", "dfe"] = "fewer-than"
    """How small counts are shown: 'fewer than 5', or dfe, the Department for Education's
    practice: counts from 1 to 5, and any figure that would reveal one, shown as c."""
    withheld_as: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ]{0,19}$")
    """What a withheld figure is shown as, such as c; 'fewer than 5' unless set (c under dfe)."""
    severity: dict[str, Literal["error", "warning"]] = {}

    @model_validator(mode="before")
    @classmethod
    def _preset(cls, data: Any) -> Any:
        """The dfe preset's threshold and symbol, where the board has not set its own."""
        if isinstance(data, dict) and data.get("disclosure") == "dfe":
            data = {"hide_counts_below": 6, "withheld_as": "c", **data}
        return data

    @property
    def small_as(self) -> str:
        """What a small count is shown as."""
        return self.withheld_as or f"fewer than {self.hide_counts_below}"

    @property
    def secondary_as(self) -> str:
        """What a figure withheld so that a total cannot give a small one away is shown as."""
        return self.withheld_as or "withheld"

    def disclosure_note(self, secondary: bool) -> str:
        """The sentence under a figure that withholds small counts."""
        counts = f"counts from 1 to {self.hide_counts_below - 1}"
        if self.withheld_as:
            return (
                f"So that no child can be identified, {counts}, and any figure that would "
                f'reveal one through a total, are shown as "{self.withheld_as}".'
            )
        also = ", and a figure that would reveal one through a total is withheld"
        return f'So that no child can be identified, {counts} are shown as "{self.small_as}"' + (
            f"{also}." if secondary else "."
        )


class CoverRow(Model):
    """One labelled row of the council's committee cover sheet."""

    label: str = Field(min_length=1, examples=["Divisions affected"])
    """The row's label, as the council's template prints it."""
    field: FieldKey
    """What fills it: date, committee, classification, title, report_of, key_decision or
    author (the tool fills these from report.yaml's cover), or a name of the board's own,
    such as divisions, that each year's report.yaml fills under cover."""


class Words(Model):
    """How the board writes: its name for itself, years, dates and negative amounts."""

    name: str | None = Field(default=None, examples=["Partnership"])
    """What the board calls itself in the headings the tool writes, such as Board,
    Partnership or LSCB; the profile's word unless given."""
    year_style: str = Field(default="2014/15", pattern=r"^\d{4}[/-]\d{2}$", examples=["2014-15"])
    """How years are written in the text the tool writes, shown by any year: 2014/15 (the
    default) or 2014-15."""
    date_style: Literal["Thursday 8th October 2015", "8 October 2015"] = "Thursday 8th October 2015"
    """How dates are written: Thursday 8th October 2015, or 8 October 2015 (GOV.UK style)."""
    negative_style: Literal["minus", "brackets"] = "minus"
    """How an amount below nothing is written: minus (a minus sign, \u2212£21,600) or
    brackets ((£21,600))."""


class Board(FileModel):
    """content/board.yaml: the board itself, shared by every year."""

    name: str = Field(examples=["Local Safeguarding Children Board"])
    """The board's full name."""
    short_name: str = Field(examples=["LSCB"])
    """The short form used in running text."""
    areas: list[str] = Field(min_length=1)
    """The local authority areas the board covers, one per line."""
    established: int = Field(
        ge=1990, le=2100, examples=[2012], description="The year the board was set up."
    )
    chair: Person
    """The board's independent chair."""
    meetings_per_year: int = Field(
        ge=1, le=52, examples=[4], description="The least number of full meetings."
    )
    partners: list[Partner] = Field(min_length=1)
    """The partner agencies; their ids are used across the report."""
    groups: list[Group] = []
    """The board's sub-groups and panels."""
    rules: RuleSettings = RuleSettings()
    profile: ProfileId = Field(default="lscb-wt2015", examples=[DEFAULT_PROFILE])
    """The statutory profile whose defaults (words, chapters, cover sheet, guidance) the board
    uses: lscb-wt2015, partnership-wt2018, partnership-wt2023 or sab-care-act-2014."""
    words: Words = Words()
    """How the board writes: its name for itself, years, dates and negative amounts."""
    cover_sheet: list[CoverRow] | None = Field(default=None, min_length=1)
    """The council's committee cover sheet, row by row; the profile's rows unless given."""
    withheld_reviews: Literal["unmentioned", "counted"] = "unmentioned"
    """Whether the public edition says how many reviews it withholds (counted), without
    naming them, or says nothing of them (unmentioned)."""
    public_names: list[str] = []
    """People and places the report may name besides the chair, authors and areas: officers,
    public figures, streets or estates, such as Hammersmith Broadway."""
    public_contacts: list[str] = []
    """Services' public phone lines and e-mail addresses the report may print, such as the
    LADO's line 020 7641 7668; any other phone number or e-mail address in prose is an error."""


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
