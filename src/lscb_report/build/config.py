"""What a build is asked to do, and what it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lscb_report.content.loading import MAX_BYTES
from lscb_report.errors import Problem
from lscb_report.render.documents import DOCUMENTS, EVERY_FORMAT
from lscb_report.years import FinancialYear

if TYPE_CHECKING:
    from lscb_report.content.reading import Audience


@dataclass(frozen=True)
class BuildConfig:
    """What to build, from where, into where."""

    year: FinancialYear
    content: Path = Path("content")
    templates: Path | None = Path("templates")
    out: Path = Path("build")
    formats: tuple[str, ...] = EVERY_FORMAT
    documents: tuple[str, ...] = DOCUMENTS
    strict: bool = False
    max_file_size: int = MAX_BYTES
    audience: Audience = "public"
    final: bool = False

    @property
    def folder(self) -> Path:
        """Where the report goes: OUT/YEAR, or OUT/YEAR-board for the board's restricted
        edition, so that it is never published by mistake in place of the public one."""
        suffix = "-board" if self.audience == "board" else ""
        return self.out / f"{self.year}{suffix}"


@dataclass(frozen=True)
class Output:
    """One file the build wrote."""

    path: Path
    size: int
    pages: int | None = None


@dataclass
class BuildResult:
    """The files a build wrote, and its warnings."""

    outputs: list[Output]
    warnings: list[Problem] = field(default_factory=list)
