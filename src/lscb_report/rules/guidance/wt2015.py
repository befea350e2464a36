"""Working Together to Safeguard Children 2015, chapter 3: what the LSCB's annual report must do.

Each requirement is checked against the content that answers it. A machine cannot judge
whether an assessment is rigorous; it can tell whether the report has the parts in which
the guidance expects it to be made, and point to the file that should hold a missing one.
Chapter and section titles are the ones the default templates print.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lscb_report.content.loading import display_path
from lscb_report.content.models import FileModel
from lscb_report.content.shape import title_of
from lscb_report.errors import Problem
from lscb_report.rules.guidance.base import Edition, Finding, Place, Requirement, Source
from lscb_report.rules.placeholders import PLACEHOLDER
from lscb_report.rules.registry import Rule, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

TITLE = "Working Together to Safeguard Children 2015"
IMPACT = "Impact on children, families and the workforce"
TO_DEVELOP = "What still needs to develop"
NEXT_STEPS = "Next steps"


def _unmet(model: FileModel, path: tuple[str | int, ...], message: str, found_by: Rule) -> Finding:
    problem = tagged(model.problem(path, f"{TITLE} asks that the report {message}"), found_by)
    return Finding((), problem)


def _listed(items: list[str]) -> str:
    """Items in prose: a, b and c."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]


def _blank(text: str) -> bool:
    return not text.strip() or text.lstrip().startswith(PLACEHOLDER)


EFFECTIVENESS = rule(
    "wt2015-effectiveness", "assesses the effectiveness of local services", "warning"
)


def effectiveness(content: Content) -> Finding:
    """The impact of each priority, the quality assurance chapter, and the conclusions."""
    for priority in content.priorities:
        if _blank(priority.impact):
            return _unmet(
                priority,
                ("impact",),
                "assess the effectiveness of local services; say what difference the work on "
                "this priority made to children, families and the workforce",
                EFFECTIVENESS,
            )
    assurance = [a for a in content.activities if a.kind == "quality-assurance"]
    if not assurance:
        missing = display_path(content.root / str(content.year) / "activities")
        problem = Problem(
            f"{missing}/quality-assurance.yaml",
            1,
            1,
            f"{TITLE} asks that the report assess the effectiveness of local services "
            "rigorously and transparently; the file is missing: add the quality assurance "
            "chapter as activities/quality-assurance.yaml (kind: quality-assurance)",
            rule=EFFECTIVENESS.id,
        )
        return Finding((), problem)
    places = [Place(p.file, title_of(content, "priorities", p), IMPACT) for p in content.priorities]
    places += [Place(a.file, title_of(content, "activities", a)) for a in assurance]
    places.append(Place(content.report.file, title_of(content, "conclusions")))
    return Finding(tuple(places))


WEAKNESSES = rule("wt2015-weaknesses", "identifies weaknesses, causes and action", "warning")


def weaknesses(content: Content) -> Finding:
    """What still needs to develop and the next steps of each priority, and the conclusions."""
    places = []
    for priority in content.priorities:
        for field, what in (
            ("to_develop", "what still needs to develop, and why"),
            ("next_steps", "the action being taken"),
        ):
            if _blank(getattr(priority, field)):
                return _unmet(
                    priority,
                    (field,),
                    f"identify areas of weakness, their causes and the action being taken; "
                    f"write {what}",
                    WEAKNESSES,
                )
        chapter = title_of(content, "priorities", priority)
        places += [
            Place(priority.file, chapter, TO_DEVELOP),
            Place(priority.file, chapter, NEXT_STEPS),
        ]
    places.append(Place(content.report.file, title_of(content, "conclusions")))
    return Finding(tuple(places))


LESSONS = rule("wt2015-lessons", "includes lessons from the year's reviews", "warning")


def lessons(content: Content) -> Finding:
    """The chapter on learning from case reviews, and each review in it."""
    section = content.report.case_reviews
    if (section is None and not content.reviews) or (section is not None and _blank(section.body)):
        return _unmet(
            content.report,
            ("case_reviews", "body") if section is not None else (),
            "include the lessons from reviews undertaken in the reporting period; write them "
            "in case_reviews.body (or say that no review was undertaken)",
            LESSONS,
        )
    reviews = title_of(content, "case-reviews")
    places = [Place(content.report.file, reviews)]
    places += [Place(r.file, reviews, r.title) for r in content.reviews]
    return Finding(tuple(places))


CONTRIBUTIONS = rule("wt2015-contributions", "lists the partner agencies' contributions", "warning")


MEMBERS = ("local-authority", "police", "health", "probation")


def contributions(content: Content) -> Finding:
    """The budget lists a contribution (if only 0.00) from each statutory partner: the
    councils, the police, health and probation."""
    budget = content.budget
    listed = {line.partner for line in budget.income.lines}
    missing = [p.name for p in content.board.partners if p.kind in MEMBERS and p.id not in listed]
    if missing:
        return _unmet(
            budget,
            ("income", "lines"),
            f"list the contributions made by partner agencies; {_listed(missing)} "
            f"{'has' if len(missing) == 1 else 'have'} no line: add one for each (0.00 if "
            "nothing was given)",
            CONTRIBUTIONS,
        )
    return Finding((Place(budget.file, title_of(content, "budget"), "Contributions by partner"),))


SPENDING = rule("wt2015-spending", "details what the board spent", "warning")
_HEADS = {
    "child death reviews": re.compile(r"child death|\bcdop\b", re.IGNORECASE),
    "serious case reviews": re.compile(r"case review|\bscrs?\b", re.IGNORECASE),
    "learning events or training": re.compile(r"training|learning", re.IGNORECASE),
}


def spending(content: Content) -> Finding:
    """The budget's expenditure, with lines for child death reviews, serious case reviews and
    learning events or training."""
    budget = content.budget
    items = [line.item for line in budget.expenditure.lines]
    missing = [head for head, words in _HEADS.items() if not any(words.search(i) for i in items)]
    if missing:
        return _unmet(
            budget,
            ("expenditure", "lines"),
            f"detail what the Board spent, including on {_listed(list(_HEADS))}; there is no "
            f"line for {' or '.join(missing)}: add one whose item names it (0.00 if nothing was "
            "spent)",
            SPENDING,
        )
    return Finding((Place(budget.file, title_of(content, "budget"), "Expenditure"),))


RECIPIENTS = rule("wt2015-recipients", "is submitted to the people named", "warning")
_WHO = {
    "the Chief Executive": re.compile(r"chief executive", re.IGNORECASE),
    "the Leader of the Council": re.compile(r"\bleader\b", re.IGNORECASE),
    "the local Police and Crime Commissioner": re.compile(
        r"police and crime commissioner|policing and crime", re.IGNORECASE
    ),
    "the Chair of the Health and Wellbeing Board": re.compile(
        r"health and well-?being board", re.IGNORECASE
    ),
}


def recipients(content: Content) -> Finding:
    """The report's recipients include each of the four the guidance names."""
    report = content.report
    missing = [
        who for who, words in _WHO.items() if not any(words.search(r) for r in report.recipients)
    ]
    if missing:
        return _unmet(
            report,
            ("recipients",),
            f"be submitted to {_listed(list(_WHO))}; add {_listed(missing)} to recipients",
            RECIPIENTS,
        )
    return Finding((Place(report.file, title_of(content, "recipients")),))


FINANCIAL_YEAR = rule("wt2015-financial-year", "covers the preceding financial year", "warning")


def financial_year(content: Content) -> Finding:
    """The report's title names the financial year it covers."""
    report, year = content.report, content.year
    if str(year) not in report.title and year.label not in report.title:
        return _unmet(
            report,
            ("title",),
            f"cover the preceding financial year; name it in the title, for example "
            f"title: Annual Report {year}",
            FINANCIAL_YEAR,
        )
    return Finding((Place(report.file, None),))


EDITION = Edition(
    id="working-together-2015",
    title=TITLE,
    part="chapter 3",
    first_year=2014,
    requirements=(
        Requirement(
            EFFECTIVENESS,
            "Assess the performance and effectiveness of local services, rigorously and "
            "transparently",
            effectiveness,
        ),
        Requirement(
            WEAKNESSES,
            "Identify areas of weakness, their causes and the action being taken to address them",
            weaknesses,
        ),
        Requirement(
            LESSONS, "Include the lessons from reviews undertaken in the reporting period", lessons
        ),
        Requirement(
            CONTRIBUTIONS,
            "List the contributions made to the Board by partner agencies",
            contributions,
        ),
        Requirement(
            SPENDING,
            "Detail what the Board spent, including on child death reviews, serious case reviews "
            "and other specific expenditure such as learning events or training",
            spending,
        ),
        Requirement(
            RECIPIENTS,
            "Be submitted to the Chief Executive, the Leader of the Council, the local Police and "
            "Crime Commissioner and the Chair of the Health and Wellbeing Board",
            recipients,
        ),
        Requirement(FINANCIAL_YEAR, "Cover the preceding financial year", financial_year),
    ),
    # The primary text (chapter 3, the LSCB's annual report) was not found to check against.
    source=Source("chapter 3", None, verified=False),
    recipients=tuple(_WHO),
)
