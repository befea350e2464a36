"""Rules for the parts of the report today's regimes added: each member's account is a
partner's of the board, given once; the independent scrutineer's section is signed off by the
scrutineer alone; and a final build waits for the scrutineer's approval too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.errors import Problem
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

MEMBERS = rule("member-accounts", "each member's account is a partner's, given once")
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


CHECKS = [member_accounts, scrutineer_signs_off]
RULES = [MEMBERS, SCRUTINEER]
