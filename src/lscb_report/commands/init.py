"""Start a new board's content from nothing: ``lscb-report init DIR --board NAME``.

Writes the board file, the glossary, the first year's files with every piece of writing a
placeholder, a short guide for writers and the JSON Schemas the files name on their first
lines (kept in the folder, so the editor finds them wherever the folder lives). The folder
checks and builds at once as a draft; ``check`` lists each placeholder left.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from lscb_report.build.output import write_new_folder
from lscb_report.commands.drafting import (
    Files,
    brief,
    file_text,
    full,
    member_accounts,
    regime_sections,
    section,
)
from lscb_report.content.loading import display_path
from lscb_report.content.profiles import Profile, profile
from lscb_report.content.schemas import schema_texts
from lscb_report.content.yamltext import Note
from lscb_report.errors import Problem, ReportError
from lscb_report.rules.guidance import statutory_recipients
from lscb_report.rules.placeholders import PLACEHOLDER
from lscb_report.years import FinancialYear

ZERO = Decimal("0.00")


def init_board(folder: Path, board: str, year: FinancialYear, profile_id: str) -> list[Path]:
    """Write a new content folder for a board; return the files written.

    Raises ReportError when the folder exists and is not empty."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        message = (
            "the folder exists and is not empty; 'init' starts a board's content only in a new "
            "or empty folder (to start another year, use 'lscb-report new')"
        )
        raise ReportError([Problem(display_path(folder), 1, 1, message)])
    chosen = profile(profile_id)
    texts = {
        name: file_text(folder, name, folder / "schemas", comments, data)
        for name, (comments, data) in plan(board, year, chosen).items()
    }
    texts["README.md"] = guide(board, year, chosen)
    texts |= {f"schemas/{name}": text for name, text in schema_texts().items()}
    if folder.is_dir():
        folder.rmdir()  # empty: replaced whole by the new folder
    write_new_folder(folder, {name: text.encode() for name, text in texts.items()})
    return [folder / name for name in texts]


def plan(board: str, year: FinancialYear, chosen: Profile) -> Files:
    """Every YAML file of the new folder: its path, header comments and data."""
    y = str(year)
    files: Files = {
        "board.yaml": _board(board, year, chosen),
        "glossary.yaml": _glossary(board),
        f"{y}/report.yaml": _report(board, year, chosen),
        f"{y}/priorities/01-first-priority.yaml": _priority(year, chosen),
    }
    members = [(id, who, "; written by that partner") for id, who, _ in chosen.members]
    for name, text in member_accounts(year, chosen, members).items():
        files[f"{y}/{name}"] = text
    for kind, title in chosen.starter_activities:
        files[f"{y}/activities/{kind}.yaml"] = _activity(kind, title, year, chosen)
    files[f"{y}/budget.yaml"] = _budget(year, chosen)
    files[f"{y}/metrics.yaml"] = (["Figures by year; see README.md for a series"], {"series": []})
    return files


def _fill(what: str) -> str:
    return f"{PLACEHOLDER}: {what}"


def short_name(board: str) -> str:
    """The board's initials, such as LSCB for Local Safeguarding Children Board."""
    letters = "".join(word[0] for word in re.findall(r"[A-Za-z]+", board) if word[0].isupper())
    return letters if len(letters) >= 2 else board


def _board(board: str, year: FinancialYear, chosen: Profile) -> tuple[list[str], dict[str, Any]]:
    data: dict[str, Any] = {
        "name": board,
        "short_name": Note(short_name(board), _fill("the short form used in running text")),
        "profile": Note(chosen.id, chosen.title),
        "areas": [_fill("the area the board covers; one line for each")],
        "established": Note(year.first, _fill("the year the board was set up")),
        "chair": {"name": _fill("the chair's name"), "role": _fill("the chair's role")},
        "meetings_per_year": Note(4, _fill("the least number of full meetings a year")),
        "partners": [
            {"id": id, "name": _fill(f"the name of {what}"), "kind": kind}
            for id, what, kind in chosen.members
        ],
        "cover_sheet": [
            {"label": Note(label, _fill("your council's label for this row")), "field": field}
            for label, field in chosen.cover_sheet
        ],
    }
    return ["The board, shared by every year; see README.md"], data


def _glossary(board: str) -> tuple[list[str], dict[str, Any]]:
    terms = [{"term": short_name(board), "meaning": board}] if short_name(board) != board else []
    data = {"terms": terms or [{"term": "MASH", "meaning": "Multi-Agency Safeguarding Hub"}]}
    return ["Acronyms and terms, spelt out at first use"], data


def _report(board: str, year: FinancialYear, chosen: Profile) -> tuple[list[str], dict[str, Any]]:
    cover: dict[str, Any] = {
        "date": Note(date(year.first + 1, 9, 30), _fill("the date of the committee")),
        "classification": Note("Public", _fill("the report's classification")),
        "title": f"{board} {chosen.document} {year} (Executive Summary)",
        "report_of": _fill(f"whose report it is, such as {chosen.introduced_by}"),
        "author": {"name": _fill("the author's name"), "role": _fill("the author's role")},
    }
    data: dict[str, Any] = {
        "status": Note("draft", "draft until the board approves the report; then final"),
        "title": f"{chosen.document} {year}",
        "cover": cover,
        "introduction": section(f"what this report covers, from {chosen.introduced_by}", year),
        "key_matters": section("the key matters for the committee", year),
        "case_reviews": section(f"the {chosen.reviews} of the year and their learning", year),
        "conclusions": section(_conclusions(chosen), year),
        "next_year_priorities": [{"title": _fill(f"a priority for {year.next().label}")}],
        "implications": [
            {
                "title": "Financial Implications",
                "summary": brief("the financial implications"),
                "chapter": "budget",
            }
        ],
        "recipients": list(statutory_recipients(chosen.id))
        or [_fill(f"whom the {chosen.name.lower()} sends the report to; one line for each")],
    }
    asked = regime_sections(year, chosen)
    return ["The year's cover sheet and framing sections; see README.md"], data | asked


def _conclusions(chosen: Profile) -> str:
    """What the conclusions are to say under a profile."""
    if "conclusions" in dict(chosen.chapters) and chosen.id != "lscb-wt2015":
        return f"how effective the arrangements to safeguard {chosen.people} have been"
    return "the board's conclusions"


def _priority(year: FinancialYear, chosen: Profile) -> tuple[list[str], dict[str, Any]]:
    whom = "children, families" if chosen.people == "children" else "adults at risk, carers"
    data: dict[str, Any] = {
        "title": _fill("the priority's title"),
        "summary": brief(f"progress on this priority in {year.label}"),
        "body": full(f"the progress made in {year.label}"),
        "impact": full(f"the difference made to {whom} and the workforce"),
        "to_develop": full("what still needs to develop, and why"),
        "next_steps": full(f"what the board will do in {year.next().label}"),
    }
    return ["Priority 1; add 02-name.yaml and so on for the others"], data


def _activity(
    kind: str, title: str, year: FinancialYear, chosen: Profile
) -> tuple[list[str], dict[str, Any]]:
    data: dict[str, Any] = {
        "kind": kind,
        "title": title,
        "summary": brief(f"{title.lower()} in {year.label}"),
        "body": full(
            f"{title.lower()} in {year.label}, and the difference it made to {chosen.people}"
        ),
    }
    return [f"A chapter {chosen.edition} asks for"], data


def _budget(year: FinancialYear, chosen: Profile) -> tuple[list[str], dict[str, Any]]:
    amount = Note(ZERO, _fill(f"the contribution for {year.label}"))
    data: dict[str, Any] = {
        "illustrative": False,
        "body": full(f"the board's budget in {year.label}"),
        "brought_forward": Note(ZERO, _fill("the balance brought forward")),
        "income": {
            "lines": [{"partner": id, "amount": amount} for id, _, _ in chosen.members],
            "total": Note(ZERO, _fill("the sum of the contributions")),
        },
        "expenditure": {
            "lines": [{"item": _fill("what was spent"), "amount": Note(ZERO, _fill("the amount"))}],
            "total": Note(ZERO, _fill("the sum of the spending")),
        },
        "carried_forward": Note(ZERO, _fill("brought forward plus income less expenditure")),
    }
    return [f"The board's budget for {year}"], data


def guide(board: str, year: FinancialYear, chosen: Profile) -> str:
    """A short guide for the people who write the report."""
    lines = [
        f"# {board}: the annual report's content",
        "",
        f"This folder holds the {board}'s annual report, one file per section. Write over every",
        "TO FILL IN; `lscb-report check` lists each one left, at its line and column.",
        "",
        f"    lscb-report check {year} --content .     # every problem, at once",
        f"    lscb-report serve {year} --content .     # a preview that rebuilds on save",
        f"    lscb-report build {year} --content .     # the documents, into build/{year}/",
        f"    lscb-report new {year.next()} --from {year} --content .",
        "",
        "- `board.yaml`: the board, its partners, its council's cover sheet and its words.",
        "- `glossary.yaml`: acronyms and terms, spelt out at first use.",
        f"- `{year}/report.yaml`: the cover sheet's values and the framing sections.",
        f"- `{year}/priorities/NN-name.yaml`: one file per priority, in number order.",
        f"- `{year}/activities/name.yaml` and `{year}/reviews/name.yaml`: add them as needed.",
        *_accounts_line(year, chosen),
        f"- `{year}/budget.yaml` and `{year}/metrics.yaml`: the money and the figures.",
        "",
        "Each file names its schema on its first line (in `schemas/`, in this folder), so an",
        "editor with a YAML extension checks the keys as you type. The writers' guide of",
        "lscb-report (content/README.md in its repository) describes every field, with examples.",
    ]
    return "\n".join(lines) + "\n"


def _accounts_line(year: FinancialYear, chosen: Profile) -> list[str]:
    """The guide's line on the members' accounts, where the profile asks for them."""
    if "contributions" not in dict(chosen.chapters):
        return []
    return [
        f"- `{year}/contributions/ID.yaml`: what each partner did, one file each, named by its",
        "  id in board.yaml, written and signed off by that partner.",
    ]
