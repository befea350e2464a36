"""Rules for the parts of the report today's regimes added: what is written has a chapter
to print it; the independent scrutineer's section is signed off by the scrutineer alone; and
a final build waits for the scrutineer's approval too. (That each member's account is named
by a partner of the board is checked as its file is read.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.content.shape import chapter_entries, has_text_for
from lscb_report.errors import Problem
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

PRINTED = rule("regime-chapter", "a regime's section that is written has a chapter to print it")
_FIELDS = {
    "little-progress": "little_progress",
    "feedback": "feedback",
    "scrutiny": "scrutiny",
}
SCRUTINEER = rule("scrutineer-sign-off", "only the independent scrutineer signs off scrutiny")


@needs("report")
def scrutineer_signs_off(content: Content) -> Iterable[Problem]:
    """The scrutiny section, once approved, is approved by the scrutineer it names."""
    scrutiny = content.report.scrutiny
    if scrutiny is None or scrutiny.sign_off is None or scrutiny.sign_off.status != "approved":
        return
    by, scrutineer = scrutiny.sign_off.approved_by or "nobody", scrutiny.scrutineer.name
    if scrutineer.casefold() not in by.casefold():
        message = (
            f"the independent scrutineer's section is signed off only by the scrutineer, "
            f"{scrutineer}, not by {by}: write approved_by: {scrutineer}, "
            f"{scrutiny.scrutineer.role}"
        )
        yield tagged(
            content.report.problem(("scrutiny", "sign_off", "approved_by"), message), SCRUTINEER
        )


@needs("board", "report")
def written_is_printed(content: Content) -> Iterable[Problem]:
    """Little progress, feedback, members' accounts and scrutiny, where written, have a
    chapter among the year's chapters, so that nothing written goes unprinted."""
    listed = {entry.id for entry in chapter_entries(content)}
    for id, field in _FIELDS.items():
        if has_text_for(content, id) and id not in listed:
            message = (
                f"{field} is written, but the report's chapters have none to print it: add "
                f"- id: {id} to chapters, or remove {field}"
            )
            yield tagged(content.report.problem((field,), message, key=True), PRINTED)
    if content.contributions and "contributions" not in listed:
        message = (
            "the members' accounts (contributions/) are written, but the report's chapters "
            "have none to print them: add - id: contributions to chapters in report.yaml, or "
            "remove the folder contributions"
        )
        yield tagged(content.contributions[0].problem((), message), PRINTED)


def scrutiny_not_final(content: Content) -> list[Problem]:
    """What stops a final build in the scrutiny section: the scrutineer has not approved it."""
    scrutiny = content.report.scrutiny
    if scrutiny is None or (scrutiny.sign_off and scrutiny.sign_off.status == "approved"):
        return []
    message = (
        "the independent scrutineer has not approved this section; a final build needs its "
        "sign_off: with status: approved, approved_by (the scrutineer) and approved_on"
    )
    return [content.report.problem(("scrutiny",), message)]


CHECKS = [scrutineer_signs_off, written_is_printed]
RULES = [SCRUTINEER, PRINTED]
