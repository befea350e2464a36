"""The files shared by every year: content/board.yaml and content/glossary.yaml."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from lscb_report.content.models.base import (
    FileModel,
    Markdown,
    Model,
    Slug,
)

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
        description="Counts of children from 1 to one less than this are withheld (5 unless "
        "set, 6 under disclosure: dfe).",
    )
    disclosure: Literal["fewer-than", "dfe"] = "fewer-than"
    """How small counts are shown: 'fewer than 5', or dfe, the Department for Education's
    practice: counts from 1 to 5, and any figure that would reveal one, shown as c."""
    withheld_as: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ]{0,19}$")
    """What a withheld figure is shown as, such as c; 'fewer than 5' unless set (c under dfe)."""
    guidance: str | None = Field(default=None, examples=["working-together-2015"])
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
