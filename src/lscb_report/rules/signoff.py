"""Sign-off: each section (report.yaml, each priority, activity and review, the budget) says
whether it is a draft, agreed by its owners, or approved, and who approved it when.

A section that is not approved keeps its draft marking in the documents; ``build --final``
refuses while any section is not approved (or the report's status is still draft), listing
each one at its place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from lscb_report.content.models import SignOff
from lscb_report.errors import Problem
from lscb_report.rules.placeholders import unfilled_in
from lscb_report.rules.regimes import scrutiny_not_final
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content, SectionModel

COMPLETE = rule("sign-off", "an approved section says who approved it and when, and only it does")
WRITTEN = rule("sign-off-unfilled", "an approved section holds no placeholder")
DATED = rule("sign-off-date", "a section is approved after the year it reports on has ended")


def approved(section: SectionModel) -> bool:
    """Whether a section has been approved."""
    return section.sign_off is not None and section.sign_off.status == "approved"


def name(section: SectionModel) -> str:
    """What a reader calls a section."""
    from lscb_report.content.models import Budget, MemberAccount, Report

    if isinstance(section, Report):
        return "Introduction, key matters and conclusions"
    if isinstance(section, Budget):
        return "Budget"
    if isinstance(section, MemberAccount):
        return f"What {section.title} did"
    return section.title


def status(section: SectionModel) -> str:
    """The section's sign-off status; a section without a sign-off is a draft."""
    return section.sign_off.status if section.sign_off is not None else "draft"


@needs()
def sign_offs_complete(content: Content) -> Iterable[Problem]:
    """An approval names who gave it and when; a section not approved names neither."""
    for section in content.sections():
        sign_off = section.sign_off
        if sign_off is None:
            continue
        if sign_off.status == "approved":
            missing = [k for k in ("approved_by", "approved_on") if getattr(sign_off, k) is None]
            if missing:
                yield tagged(
                    section.problem(
                        ("sign_off", "status"),
                        f"an approved section says who approved it and when: add "
                        f"{' and '.join(missing)} (for example approved_on: 2015-10-08)",
                    ),
                    COMPLETE,
                )
        else:
            for key in ("approved_by", "approved_on"):
                if getattr(sign_off, key) is not None:
                    yield tagged(
                        section.problem(
                            ("sign_off", key),
                            f"the section is {sign_off.status}, not approved; remove {key}, or "
                            "set status: approved",
                        ),
                        COMPLETE,
                    )


@needs()
def approved_after_the_year(content: Content) -> Iterable[Problem]:
    """A section about a year is approved after that year has ended."""
    for section in content.sections():
        day = section.sign_off.approved_on if section.sign_off else None
        if day is not None and day <= content.year.end:
            yield tagged(
                section.problem(
                    ("sign_off", "approved_on"),
                    f"{day.isoformat()} is before the end of {content.year} "
                    f"({content.year.end.isoformat()}); a section is approved once the year it "
                    "reports on has ended",
                ),
                DATED,
            )


@needs()
def approved_is_written(content: Content) -> Iterable[Problem]:
    """An approved section holds no placeholder: nobody can approve text not yet written."""
    for section in content.sections():
        if approved(section) and section.loaded is not None:
            for left in unfilled_in(section.file, section.loaded.text):
                message = (
                    "the section is approved, but this still says TO FILL IN; write it, or set "
                    "its sign_off back to status: draft"
                )
                yield tagged(replace(left, message=message, severity="error"), WRITTEN)


def not_final(content: Content) -> list[Problem]:
    """What stops a final build: each section not approved, a report still in draft, each
    placeholder left and each figure in prose not yet known."""
    from lscb_report.rules.checks import still_to_fill
    from lscb_report.rules.figures import unknown_in_prose

    left = [*still_to_fill(content), *unknown_in_prose(content)]
    problems = [p.as_error() for p in left]
    if content.report.status != "final":
        problems.append(
            content.report.problem(
                ("status",), "the report is a draft; a final build needs status: final"
            )
        )
    for section in content.sections():
        sign_off: SignOff | None = section.sign_off
        if sign_off is None:
            problems.append(
                section.problem(
                    (),
                    "the section has no sign_off, so it is a draft; a final build needs "
                    "sign_off: with status: approved, approved_by and approved_on",
                )
            )
        elif sign_off.status != "approved":
            problems.append(
                section.problem(
                    ("sign_off", "status"),
                    f"the section is {sign_off.status}; a final build needs every section approved",
                )
            )
    return problems + scrutiny_not_final(content)


CHECKS = [sign_offs_complete, approved_after_the_year, approved_is_written]
RULES = [COMPLETE, DATED, WRITTEN]
