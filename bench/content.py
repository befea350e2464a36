"""Scaled copies of a year's content, for measuring how the build grows with the report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_NUMBERED = re.compile(r"(\d{2})-(.+\.yaml)")
SECTION_FOLDERS = ("priorities", "activities", "reviews")


def multiply_content(source: Path, year: str, times: int, dest: Path) -> Path:
    """A content folder at ``dest`` whose year has every section file ``times`` over.

    Priorities are renumbered after the originals (01-04, then 05-08 ...), activities and
    case reviews get a ``-2``, ``-3`` ... suffix; the board, glossary, report, budget and
    metrics are copied as they are. Returns ``dest``.
    """
    if times < 1:
        raise ValueError(f"times must be 1 or more, not {times}")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(".*"))
    for folder in SECTION_FOLDERS:
        section = dest / year / folder
        files = sorted(section.glob("*.yaml")) if section.is_dir() else []
        highest = max((_number(path.name) for path in files), default=0)
        for copy in range(2, times + 1):
            for path in files:
                name = _copy_name(path.name, copy, highest)
                path.with_name(name).write_bytes(path.read_bytes())
    return dest


def _number(name: str) -> int:
    """The number a priority's file name starts with, or 0."""
    match = _NUMBERED.fullmatch(name)
    return int(match.group(1)) if match else 0


def _copy_name(name: str, copy: int, highest: int) -> str:
    """The file name of the ``copy``-th copy of a section file."""
    match = _NUMBERED.fullmatch(name)
    if match:
        return f"{(copy - 1) * highest + int(match.group(1)):02d}-{match.group(2)}"
    return f"{name.removesuffix('.yaml')}-{copy}.yaml"
