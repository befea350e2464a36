"""Start a year's content from the year before: ``lscb-report new 2015-16 --from 2014-15``.

What persists is carried forward (the cover sheet's standing details, the recipients, the
standing activities, reviews not yet published, each metric series with an empty figure for the
new year, the budget's lines and balance); last year's priorities for this year become this
year's priority files; every piece of narrative becomes a placeholder that ``check`` lists.
The new year is a draft that builds at once. An existing year is never touched.
"""

from __future__ import annotations

import os
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from lscb_report.build.output import write_new_folder
from lscb_report.commands.drafting import (
    Files,
    brief,
    dump,
    file_text,
    full,
    lower_first,
    member_accounts,
    owner,
    regime_sections,
    section,
    slug,
    to_check,
)
from lscb_report.commands.forward import budget_forward, metrics_forward
from lscb_report.content.loading import display_path
from lscb_report.content.models import (
    Activity,
    CaseReview,
    Chapter,
    Implication,
    NextPriority,
    Priority,
)
from lscb_report.content.reading import Content
from lscb_report.content.schemas import MODELINE
from lscb_report.content.shape import board_profile
from lscb_report.content.yamltext import Note
from lscb_report.errors import Problem, ReportError
from lscb_report.rules.placeholders import PLACEHOLDER, to_fill
from lscb_report.rules.prepare import checked_content
from lscb_report.years import FinancialYear


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
    content = checked_content(root, previous)  # the board's edition: embargoed reviews too
    schemas = _schemas_folder(root / str(previous))
    made = f"Made by 'lscb-report new'; 'lscb-report check {year}' lists what is still to write."
    texts = {
        name: file_text(folder, name, schemas, [*comments, made], data)
        for name, (comments, data) in plan(content, year).items()
    }
    write_new_folder(folder, {name: text.encode() for name, text in texts.items()})
    return [folder / name for name in texts]


def plan(content: Content, year: FinancialYear) -> Files:
    """Every file of the new year: its path in the year folder, header comments and data."""
    files: Files = {"report.yaml": _report(content, year)}
    continuing = {" ".join(p.title.lower().split()): p for p in content.priorities}
    for number, priority in enumerate(content.report.next_year_priorities, 1):
        name = f"priorities/{number:02d}-{slug(priority.title)}.yaml"
        before = continuing.get(" ".join(priority.title.lower().split()))
        files[name] = _priority(year, number, priority, before)
    files |= _accounts(content, year)
    for activity in content.activities:
        files[f"activities/{Path(activity.file).name}"] = _activity(year, activity)
    for review in content.reviews:
        if review.status != "published":
            files[f"reviews/{Path(review.file).name}"] = _review(year, review)
    files["budget.yaml"] = budget_forward(content, year)
    files["metrics.yaml"] = metrics_forward(content, year)
    return files


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


def _replace_year(text: str, year: FinancialYear) -> str:
    before = year.previous()
    return text.replace(str(before), str(year)).replace(before.label, year.label)


def _report(content: Content, year: FinancialYear) -> tuple[list[str], dict[str, Any]]:
    report = content.report
    owned = owner(report)
    data: dict[str, Any] = {
        "status": Note("draft", "draft until the board approves the report; then final"),
        "title": _replace_year(report.title, year),
        "cover": _cover(content, year),
        "introduction": section("what this report covers", year),
        "key_matters": section("the key matters for the committee", year),
    }
    if report.recommendations:
        data["recommendations"] = [to_check(r, year.previous()) for r in report.recommendations]
    if report.case_reviews is not None:
        data["case_reviews"] = section("the case reviews and their learning", year)
    if report.other_functions is not None:
        data["other_functions"] = {
            "summary": to_fill(
                "a sentence leading in to the list of the board's other functions.",
                "Printed in the executive summary, before each activity's summary.",
            )
        }
    data |= {
        "conclusions": section("the board's conclusions", year),
        "next_year_priorities": [
            {
                "title": f"{PLACEHOLDER}: a priority for {year.next().label}.",
                "body": brief(f"what the board will do about it in {year.next().label}"),
            }
        ],
        "implications": [_implication(i, year) for i in report.implications],
        "recipients": [to_check(r, year.previous()) for r in report.recipients],
    }
    if report.background_papers:
        data["background_papers"] = [to_check(b, year.previous()) for b in report.background_papers]
    data |= _regime(content, year)
    for key in ("chapters", "summary_chapters"):
        if getattr(report, key) is not None:
            data[key] = [_chapter(chapter, year) for chapter in getattr(report, key)]
    return [f"The {year} report's cover sheet and framing sections{owned}"], data


def _regime(content: Content, year: FinancialYear) -> dict[str, Any]:
    """What the board's profile asks for beyond an LSCB's report, to write again; the
    scrutineer carried forward for review."""
    before = content.report.scrutiny
    scrutineer = None
    if before is not None:
        who = dump(before.scrutineer)
        scrutineer = {key: to_check(value, year.previous()) for key, value in who.items()}
    return regime_sections(year, board_profile(content.board), scrutineer)


def _accounts(content: Content, year: FinancialYear) -> Files:
    """Each member's account to write again, owned by whoever owned last year's."""
    before = {account.partner: account for account in content.contributions}
    members = [
        (p.id, p.name, owner(before[p.id]) if p.id in before else "")
        for p in content.board.partners
    ]
    return member_accounts(year, board_profile(content.board), members)


def _cover(content: Content, year: FinancialYear) -> dict[str, Any]:
    """Last year's cover sheet for this year: its standing details marked for review."""
    cover = content.report.cover
    data: dict[str, Any] = {
        "date": Note(_year_later(cover.date), f"{PLACEHOLDER}: the date of the committee"),
    }
    for key in ("committee", "classification", "title", "report_of", "key_decision"):
        value = getattr(cover, key)
        if key == "title":
            data["title"] = _replace_year(value, year)
        elif value is not None:
            data[key] = value if key == "classification" else to_check(value, year.previous())
    data |= {key: to_check(value, year.previous()) for key, value in cover.rows.items()}
    author = dump(cover.author)
    data["author"] = {key: to_check(value, year.previous()) for key, value in author.items()}
    return data


def _chapter(chapter: Chapter, year: FinancialYear) -> dict[str, Any]:
    """A chapter kept in its place; the text of one of the board's own to write again."""
    data = dump(chapter)
    if chapter.body is not None:
        data["body"] = full(f"{lower_first(chapter.title or chapter.id)} in {year.label}")
    return data


def _implication(implication: Implication, year: FinancialYear) -> dict[str, Any]:
    """An implication's place kept, its text to write again."""
    data: dict[str, Any] = {"title": implication.title}
    data["summary"] = brief(f"{lower_first(implication.title)} in {year.label}")
    if implication.body is not None:
        data["body"] = full(f"{lower_first(implication.title)} in {year.label}")
    data["chapter"] = implication.chapter
    if implication.heading is not None:
        data["heading"] = implication.heading
    return data


def _priority(
    year: FinancialYear, number: int, priority: NextPriority, before: Priority | None
) -> tuple[list[str], dict[str, Any]]:
    said = f"The {year.previous()} report's priorities for {year.label} included this one"
    comments = [f"Priority {number} of {year}, reviewed.", f"{said}:"]
    if priority.body:
        comments += [f"  {line}" for line in textwrap.wrap(" ".join(priority.body.split()), 86)]
    data: dict[str, Any] = {
        "title": priority.title,
        "partners": Note(
            list(before.partners) if before else [],
            "ids of the partners who led the work (board.yaml), e.g. [police]"
            + ("; carried forward: check them" if before else ""),
        ),
        "summary": brief(f"progress on this priority in {year.label}"),
        "body": full(f"the progress made in {year.label}"),
        "impact": full("the difference made to children, families and the workforce"),
        "to_develop": full("what still needs to develop, and why"),
        "next_steps": full(f"what the board will do in {year.next().label}"),
        "metrics": Note(
            list(before.metrics) if before else [],
            "ids of figures from metrics.yaml to show here, e.g. [fgm-referrals]",
        ),
    }
    return comments, data


def _activity(year: FinancialYear, activity: Activity) -> tuple[list[str], dict[str, Any]]:
    data: dict[str, Any] = {"kind": activity.kind, "title": activity.title}
    data |= section(lower_first(activity.title), year)
    if activity.metrics:
        data["metrics"] = list(activity.metrics)
    return [f"{activity.title} in {year}{owner(activity)}"], data


def _review(year: FinancialYear, review: CaseReview) -> tuple[list[str], dict[str, Any]]:
    data = dump(review)
    data.pop("sign_off", None)  # last year's approval is not this year's
    data["body"] = to_fill(
        f"where the review stands at the end of {year.label}, and what it has found.",
        "Printed in the annual report. Give no detail that could identify the child or family.",
    )
    status = "status: update it (in-progress, completed, published or embargoed)"
    return [f"{review.title}, carried forward from {year.previous()}{owner(review)}", status], data


def _year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
