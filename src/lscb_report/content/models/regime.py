"""What today's regimes added to a year's report: the independent scrutineer's section (in
report.yaml) and each member's account of its year (a file of its own in contributions/)."""

from __future__ import annotations

from pathlib import Path

from pydantic import PrivateAttr

from lscb_report.content.models.base import FileModel, Markdown, Model, SignOffField
from lscb_report.content.models.board import Person


class Scrutiny(Model):
    """The independent scrutineer's evaluation of the arrangements, in the scrutineer's own
    words: only the scrutineer signs it off."""

    scrutineer: Person
    """The independent scrutineer, who writes and signs off this section."""
    body: Markdown
    """The scrutineer's evaluation of how well the arrangements work, in Markdown."""
    sign_off: SignOffField = None


# --- YEAR/contributions/partner-id.yaml ---------------------------------------------------


class MemberAccount(FileModel):
    """What one partner or member did in the year, in its own words: a file of its own, named
    by the partner's id in board.yaml (contributions/police.yaml), so that each partner owns it."""

    summary: Markdown
    """What the executive summary says the partner did: a sentence or two, in Markdown."""
    body: Markdown
    """What the partner did during the year (for a Safeguarding Adults Board, to implement
    the strategy), in Markdown."""
    sign_off: SignOffField = None
    _name: str = PrivateAttr(default="")

    @property
    def partner(self) -> str:
        """The id of the partner whose account this is: the file's name."""
        return Path(self.file).stem

    @property
    def title(self) -> str:
        """What a reader calls the account: the partner's name (its id until it is known)."""
        return self._name or self.partner
