"""What a section's file name means: a priority's number and order (01-early-help.yaml), and
the partner whose account a file in contributions/ is (police.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

from lscb_report.content.loading import display_path
from lscb_report.content.models import Board, FileModel, MemberAccount, Priority
from lscb_report.errors import Problem

PRIORITY_NAME = re.compile(r"(\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.yaml")


def priorities_in_order(
    found: list[tuple[Path, Priority]], problems: list[Problem]
) -> list[Priority]:
    """Priorities in the order their file names give (01-, 02- ...), each number once."""
    numbered: dict[str, Path] = {}
    ordered = []
    for path, priority in found:
        match = PRIORITY_NAME.fullmatch(path.name)
        if not match:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    "a priority's file name must be its number and a short name, "
                    "such as 01-early-help.yaml",
                )
            )
            continue
        number = match.group(1)
        if number in numbered:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    f"priority number {number} is used twice (also by "
                    f"{numbered[number].name}); give each priority its own number",
                )
            )
            continue
        numbered[number] = path
        ordered.append(priority)
    return ordered


def accounts_in_order(
    found: list[tuple[Path, MemberAccount]], board: FileModel | None, problems: list[Problem]
) -> list[MemberAccount]:
    """Members' accounts in the order board.yaml lists its partners, each named by a partner's
    id (not checked where board.yaml could not be read: its problems come first)."""
    if not isinstance(board, Board):
        return [account for _, account in found]
    names = {partner.id: partner.name for partner in board.partners}
    for path, account in found:
        if account.partner not in names:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    f"'{account.partner}' is not a partner of the board; name each account's "
                    f"file by a partner's id in {board.file}: "
                    + ", ".join(f"{id}.yaml" for id in names),
                )
            )
        account._name = names.get(account.partner, "")
    order = list(names)
    known = [account for _, account in found if account.partner in names]
    return sorted(known, key=lambda account: order.index(account.partner))
