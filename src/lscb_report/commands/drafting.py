"""What the commands that write content share: a file's text with its schema modeline and
comments, the placeholders a person writes over, and values carried forward for review."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lscb_report.content.profiles import Profile
from lscb_report.content.schemas import MODELINE, schema_file
from lscb_report.content.yamltext import Note, document
from lscb_report.rules.placeholders import PLACEHOLDER, to_fill
from lscb_report.years import FinancialYear

Files = dict[str, tuple[list[str], dict[str, Any]]]


def file_text(
    folder: Path,
    name: str,
    schemas: Path | None,
    comments: list[str],
    data: dict[str, Any],
) -> str:
    """One file's YAML, naming its schema (relative to the file) when there is a schemas folder."""
    head = []
    if schemas is not None:
        target = Path(os.path.relpath(schemas, (folder / name).parent))
        head.append(f"{MODELINE[2:]}{(target / schema_file(name)).as_posix()}")
    return document(data, [*head, *comments])


def section(what: str, year: FinancialYear) -> dict[str, str]:
    """A summary and a body to write."""
    return {"summary": brief(f"{what} in {year.label}"), "body": full(f"{what} in {year.label}")}


def brief(what: str) -> str:
    """Placeholder text for the executive summary."""
    return to_fill(f"{what}, in brief.", "Printed in the executive summary: a paragraph or two.")


def full(what: str) -> str:
    """Placeholder text for the annual report."""
    return to_fill(
        f"{what}, in full.", "Printed in the annual report; a blank line starts a paragraph."
    )


def to_check(value: Any, previous: FinancialYear) -> Note:
    """A value carried forward, marked for review (check lists it) rather than copied silently."""
    return Note(value, f"{PLACEHOLDER}: carried forward from {previous}; check it")


def dump(model: BaseModel) -> dict[str, Any]:
    """A model's fields in their order, leaving out those at their defaults."""
    return model.model_dump(exclude_defaults=True)


def lower_first(title: str) -> str:
    """'The Local Authority...' reads 'the Local Authority...' mid-sentence."""
    return title[0].lower() + title[1:] if title.startswith("The ") else title


def slug(title: str) -> str:
    """A file-name slug from a title: the first five words, lower case, joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", title.lower())[:5]
    return "-".join(words) or "priority"


def owner(model: Any) -> str:
    """'; owned by X' from the first comments of the file the model was read from."""
    try:
        head = Path(model.file).read_text(encoding="utf-8").split("\n", 3)[:3]
    except OSError:
        return ""
    for line in head:
        match = re.search(r"owned by (.+)$", line)
        if line.startswith("#") and match:
            return f"; owned by {match.group(1).strip()}"
    return ""


def regime_sections(
    year: FinancialYear,
    chosen: Profile,
    scrutineer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The parts of report.yaml the profile's chapters ask for beyond an LSCB's, to write:
    little progress, feedback and the independent scrutineer's section (the scrutineer's name
    and role, when known)."""
    listed = dict(chosen.chapters)
    asked: dict[str, Any] = {}
    if "little-progress" in listed:
        asked["little_progress"] = full(
            "any areas where there was little or no evidence of progress on agreed priorities "
            f"in {year.label}, and why"
        )
    if "feedback" in listed:
        whose = "children and families" if chosen.people == "children" else "the people it serves"
        name = chosen.name.lower()
        asked["feedback"] = full(
            f"how the {name} sought and used feedback from {whose}, and what changed"
        )
    if "scrutiny" in listed:
        asked["scrutiny"] = {
            "scrutineer": scrutineer
            or {
                "name": f"{PLACEHOLDER}: the independent scrutineer's name",
                "role": "Independent Scrutineer",
            },
            "body": full("the independent scrutineer's evaluation of the arrangements"),
        }
    return asked


def member_accounts(
    year: FinancialYear, chosen: Profile, members: list[tuple[str, str, str]]
) -> Files:
    """A file for each member's account where the profile's chapters ask for them, by its
    path in the year's folder (contributions/ID.yaml); members: id, who, and a comment."""
    if "contributions" not in dict(chosen.chapters):
        return {}
    return {
        f"contributions/{id}.yaml": (
            [f"What {who} did in {year}{comment}"],
            {
                "summary": brief(f"what {who} did in {year.label}"),
                "body": full(f"what {who} did in {year.label}"),
            },
        )
        for id, who, comment in members
    }
