"""Financial years, written 2014-15: April to March."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_YEAR = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
FIRST, LAST = 1900, 2998


@dataclass(frozen=True, order=True)
class FinancialYear:
    """An English financial year, 1 April to 31 March."""

    first: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Read '2014-15'; raise ValueError with a message a person can act on."""
        match = _YEAR.fullmatch(text)
        if not match:
            raise ValueError(f"'{text}' is not a financial year; write it like 2014-15")
        first = int(match.group(1))
        if not FIRST <= first <= LAST:
            raise ValueError(
                f"'{text}' is not a financial year this tool can report on; "
                f"use one from {cls(FIRST)} to {cls(LAST)}"
            )
        if int(match.group(2)) != (first + 1) % 100:
            raise ValueError(
                f"'{text}' is not a financial year: the years must follow each other, "
                f"as in {first}-{(first + 1) % 100:02d}"
            )
        return cls(first)

    def __str__(self) -> str:
        return f"{self.first}-{(self.first + 1) % 100:02d}"

    @property
    def label(self) -> str:
        """The year as reports write it in prose: 2014/15."""
        return f"{self.first}/{(self.first + 1) % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.first, 4, 1)

    @property
    def end(self) -> date:
        return date(self.first + 1, 3, 31)

    def contains(self, day: date) -> bool:
        """Whether a date falls within the year."""
        return self.start <= day <= self.end

    def next(self) -> FinancialYear:
        return FinancialYear(self.first + 1)

    def previous(self) -> FinancialYear:
        return FinancialYear(self.first - 1)
