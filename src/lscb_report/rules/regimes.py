"""Rules for the parts of the report today's regimes added: each member's account is a
partner's of the board, given once; what is written has a chapter to print it; the
independent scrutineer's section is signed off by the scrutineer alone; and a final build
waits for the scrutineer's approval too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.content.shape import chapter_entries, has_text_for
from lscb_report.errors import Problem
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

MEMBERS = rule("member-accounts", "each member's account is a partner's, given once")
PRINTED = rule("regime-chapter", "a regime's section that is written has a chapter to print it")
_FIELDS = {
    "little-progress": "little_progress",
    "feedback": "feedback",
    "contributions": "contributions",
    "scrutiny": "scrutiny",
}
SCRUTINEER = rule("scrutineer-sign-off", "only the independent scrutineer signs off scrutiny")


@needs("board", "report")
def member_accounts(content: Content) -> Iterable[Problem]:
    """Each account under contributions names a partner of the board, and no partner twice."""
    report, board = content.report, content.board
    known = [p.id for p in board.partners]
    seen: set[str] = set()
    for index, account in enumerate(report.contributions):
        path = ("contributions", index, "partner")
        if account.partner not in known:
            message = (
                f"'{account.partner}' is not a partner of the board; the board's partners are: "
                f"{', '.join(known)} ({board.file})"
            )
            yield tagged(report.problem(path, message), MEMBERS)
        elif account.partner in seen:
            message = f"'{account.partner}' has two accounts; put all it did in one"
            yield tagged(report.problem(path, message), MEMBERS)
        seen.add(account.partner)


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


CHECKS = [member_accounts, scrutineer_signs_off, written_is_printed]
RULES = [MEMBERS, SCRUTINEER, PRINTED]
