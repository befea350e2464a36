"""What every content model shares: unknown keys are errors, a file remembers where
each value stands, and the common field types."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from lscb_report.content.loading import Loaded, Path_
from lscb_report.errors import Problem

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
    approved_by: str | None = Field(default=None, examples=["Sam Patel, Independent Chair"])
    approved_on: date | None = Field(default=None, examples=["2015-10-08"])


SignOffField = Annotated[
    SignOff | None,
    Field(description="The section's status and approval; a section without one is a draft."),
]
