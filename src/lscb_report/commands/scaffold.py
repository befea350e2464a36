"""Start a year's content from the year before: ``lscb-report new 2015-16 --from 2014-15``.

What persists is carried forward (the cover sheet's standing details, the recipients, the
standing activities, reviews not yet published, each metric series with an empty figure for the
new year, the budget's lines and balance); last year's priorities for this year become this
year's priority files; every piece of narrative becomes a placeholder that ``check`` lists.
The new year is a draft that builds at once. An existing year is never touched.
"""

from __future__ import annotations

import os
import re
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lscb_report.build.output import write_new_folder
from lscb_report.content.loading import display_path
from lscb_report.content.models import Activity, CaseReview, NextPriority
from lscb_report.content.reading import Content
from lscb_report.content.schemas import MODELINE, schema_file
from lscb_report.content.yamltext import Note, document
from lscb_report.errors import Problem, ReportError
from lscb_report.rules.placeholders import PLACEHOLDER, to_fill
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear

ZERO = Decimal("0.00")
Files = dict[str, tuple[list[str], dict[str, Any]]]


def new_year(root: Path, year: FinancialYear, previous: FinancialYear) -> list[Path]:
    """Write root/YEAR carried forward from root/PREVIOUS; return the files written.

    Raises ReportError when the year exists already or the previous year has errors.
    """
    if year != previous.next():
        raise ValueError(f"{year} does not follow {previous}")
    folder = root / str(year)
    if os.path.lexists(folder):  # a dangling link, a pipe or a file are there too
        raise ReportError(
            [
                Problem(
                    display_path(folder),
                    1,
                    1,
                    f"{year} already exists; 'new' never overwrites a year. To start it "
                    "again, move or delete that folder first",
                )
            ]
        )
    content = load_content(root, previous)
    schemas = _schemas_folder(root / str(previous))
    texts = {
        name: _text(folder, year, name, schemas, *parts)
        for name, parts in plan(content, year).items()
    }
    write_new_folder(folder, {name: text.encode() for name, text in texts.items()})
    return [folder / name for name in texts]


def plan(content: Content, year: FinancialYear) -> Files:
    """Every file of the new year: its path in the year folder, header comments and data."""
    files: Files = {"report.yaml": _report(content, year)}
    for number, priority in enumerate(content.report.next_year_priorities, 1):
        name = f"priorities/{number:02d}-{_slug(priority.title)}.yaml"
        files[name] = _priority(year, number, priority)
    for activity in content.activities:
        files[f"activities/{Path(activity.file).name}"] = _activity(year, activity)
    for review in content.reviews:
        if review.status != "published":
            files[f"reviews/{Path(review.file).name}"] = _review(year, review)
    files["budget.yaml"] = _budget(content, year)
    files["metrics.yaml"] = _metrics(content, year)
    return files


def _text(
    folder: Path,
    year: FinancialYear,
    name: str,
    schemas: Path | None,
    comments: list[str],
    data: dict[str, Any],
) -> str:
    """One file's YAML, naming its schema when the previous year's files name theirs."""
    head = []
    if schemas is not None:
        target = Path(os.path.relpath(schemas, (folder / name).parent))
        head.append(f"{MODELINE[2:]}{(target / schema_file(name)).as_posix()}")
    made = f"Made by 'lscb-report new'; 'lscb-report check {year}' lists what is still to write."
    return document(data, [*head, *comments, made])


def _schemas_folder(previous: Path) -> Path | None:
    """The schemas folder the previous year's report.yaml points at, if it names one."""
    try:
        first = (previous / "report.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    except OSError:
        return None
    if not first.startswith(MODELINE):
        return None
    schema = first[len(MODELINE) :].split()[0]
    return Path(os.path.normpath(previous / schema)).parent


def _owner(model: Any) -> str:
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


def _replace_year(text: str, year: FinancialYear) -> str:
    before = year.previous()
    return text.replace(str(before), str(year)).replace(before.label, year.label)


def _section(what: str, year: FinancialYear) -> dict[str, str]:
    return {"summary": _brief(f"{what} in {year.label}"), "body": _full(f"{what} in {year.label}")}


def _brief(what: str) -> str:
    return to_fill(f"{what}, in brief.", "Printed in the executive summary: a paragraph or two.")


def _full(what: str) -> str:
    return to_fill(
        f"{what}, in full.", "Printed in the annual report; a blank line starts a paragraph."
    )


def _report(content: Content, year: FinancialYear) -> tuple[list[str], dict[str, Any]]:
    report, cover = content.report, content.report.cover
    owner = _owner(report)
    data: dict[str, Any] = {
        "status": Note("draft", "draft until the board approves the report; then final"),
        "title": _replace_year(report.title, year),
        "cover": {
            "date": Note(_year_later(cover.date), f"{PLACEHOLDER}: the date of the committee"),
            "classification": cover.classification,
            "title": _replace_year(cover.title, year),
            "report_of": cover.report_of,
            "cabinet_member_portfolio": cover.cabinet_member_portfolio,
            "wards": cover.wards,
            "policy_context": cover.policy_context,
            "author": _dump(cover.author),
        },
        "introduction": _section("what this report covers", year),
        "key_matters": _section("the key matters for the committee", year),
        "case_reviews": _section("the case reviews and their learning", year),
        "other_functions": {
            "summary": to_fill(
                "a sentence leading in to the list of the board's other functions.",
                "Printed in the executive summary, before each activity's summary.",
            )
        },
        "conclusions": _section("the board's conclusions", year),
        "next_year_priorities": [
            {
                "title": f"{PLACEHOLDER}: a priority for {year.next().label}.",
                "body": _brief(f"what the board will do about it in {year.next().label}"),
            }
        ],
        "implications": {
            "health_and_wellbeing": _section("the links with the Health and Wellbeing Board", year),
            "financial": _section("the financial implications", year),
        },
        "recipients": list(report.recipients),
    }
    return [f"The {year} report's cover sheet and framing sections{owner}"], data


def _priority(
    year: FinancialYear, number: int, priority: NextPriority
) -> tuple[list[str], dict[str, Any]]:
    said = f"The {year.previous()} report's priorities for {year.label} included this one"
    comments = [f"Priority {number} of {year}, reviewed.", f"{said}:"]
    if priority.body:
        comments += [f"  {line}" for line in textwrap.wrap(" ".join(priority.body.split()), 86)]
    data: dict[str, Any] = {
        "title": priority.title,
        "partners": Note([], "ids of the partners who led the work (board.yaml), e.g. [police]"),
        "summary": _brief(f"progress on this priority in {year.label}"),
        "body": _full(f"the progress made in {year.label}"),
        "impact": _full("the difference made to children, families and the workforce"),
        "to_develop": _full("what still needs to develop, and why"),
        "next_steps": _full(f"what the board will do in {year.next().label}"),
        "metrics": Note([], "ids of figures from metrics.yaml to show here, e.g. [fgm-referrals]"),
    }
    return comments, data


def _activity(year: FinancialYear, activity: Activity) -> tuple[list[str], dict[str, Any]]:
    data: dict[str, Any] = {"kind": activity.kind, "title": activity.title}
    data |= _section(_lower_first(activity.title), year)
    if activity.metrics:
        data["metrics"] = list(activity.metrics)
    return [f"{activity.title} in {year}{_owner(activity)}"], data


def _review(year: FinancialYear, review: CaseReview) -> tuple[list[str], dict[str, Any]]:
    data = _dump(review)
    data.pop("sign_off", None)  # last year's approval is not this year's
    data["body"] = to_fill(
        f"where the review stands at the end of {year.label}, and what it has found.",
        "Printed in the annual report. Give no detail that could identify the child or family.",
    )
    status = "status: update it (published, in-progress or embargoed)"
    return [f"{review.title}, carried forward from {year.previous()}{_owner(review)}", status], data


def _budget(content: Content, year: FinancialYear) -> tuple[list[str], dict[str, Any]]:
    budget = content.budget
    spent = f"{PLACEHOLDER}: spent in {year.label}"
    data: dict[str, Any] = {"illustrative": budget.illustrative}
    data |= _section("the board's budget", year)
    data |= {
        "brought_forward": Note(budget.carried_forward, f"carried forward from {year.previous()}"),
        "income": {
            "lines": [
                {
                    "partner": line.partner,
                    "amount": Note(ZERO, f"{PLACEHOLDER}: the contribution for {year.label}"),
                }
                for line in budget.income.lines
            ],
            "total": Note(ZERO, f"{PLACEHOLDER}: the sum of the contributions"),
        },
        "expenditure": {
            "lines": [
                {"item": line.item, "amount": Note(ZERO, spent)}
                for line in budget.expenditure.lines
            ],
            "total": Note(ZERO, f"{PLACEHOLDER}: the sum of the spending"),
        },
        "carried_forward": Note(
            budget.carried_forward,
            f"{PLACEHOLDER}: brought forward plus income less expenditure",
        ),
    }
    return [f"The board's budget for {year}{_owner(budget)}"], data


def _metrics(content: Content, year: FinancialYear) -> tuple[list[str], dict[str, Any]]:
    series = []
    for index, one in enumerate(content.metrics.series):
        data = _dump(one)
        data["values"] = {**_as_written(content, index), str(year): Note(None, _figure_note(year))}
        series.append(data)
    return [f"Figures by year for the {year} report{_owner(content.metrics)}"], {"series": series}


def _as_written(content: Content, index: int) -> dict[str, Decimal | None]:
    """A series' figures as its file gives them, before any is withheld from display."""
    source = content.metrics._source
    if source is None:
        return dict(content.metrics.series[index].values)
    values = source.data["series"][index]["values"]
    return {str(key): None if value is None else Decimal(value) for key, value in values.items()}


def _figure_note(year: FinancialYear) -> str:
    return f"{PLACEHOLDER}: the figure for {year}, or leave it empty if not yet known"


def _dump(model: BaseModel) -> dict[str, Any]:
    """A model's fields in their order, leaving out those at their defaults."""
    return model.model_dump(exclude_defaults=True)


def _year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _lower_first(title: str) -> str:
    """'The Local Authority...' reads 'the Local Authority...' mid-sentence."""
    return title[0].lower() + title[1:] if title.startswith("The ") else title


def _slug(title: str) -> str:
    """A file-name slug from a title: the first five words, lower case, joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", title.lower())[:5]
    return "-".join(words) or "priority"
