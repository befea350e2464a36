"""Template, stylesheet and font files, read by the rules content is read by: a board's
``--templates`` folder arrives by pull request like its content, so nothing in it is
followed through a link, read from a pipe or device, or read past the size limit; whatever
it holds, nothing outside it reaches the published HTML."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import jinja2
from jinja2.loaders import split_template_path

from lscb_report.content.loading import MAX_BYTES, display_path
from lscb_report.errors import Problem, ReportError
from lscb_report.files import NOT_A_FILE, Unreadable, read_plain

MAX_FONT_BYTES = 4 * MAX_BYTES


def read_source(folder: Path, name: str, max_bytes: int = MAX_BYTES) -> bytes | None:
    """A file of a templates folder, or None when the folder has no such name; a ReportError
    naming the file when it is a link, a special file, over the limit or unreadable."""
    path = folder.joinpath(*name.split("/"))
    if not os.path.lexists(path):
        return None
    if not path.resolve().is_relative_to(folder.resolve()):
        _refuse(path, "leads outside the templates folder (through a link)")
    try:
        return read_plain(path, max_bytes)
    except Unreadable as error:
        if error.size is not None:
            _refuse(path, f"is {error.size:,} bytes, over the limit of {max_bytes:,}")
        if error.reason == NOT_A_FILE:
            _refuse(path, f"is {error.reason}")
        _refuse(path, f"cannot be read ({error.reason})")


def _refuse(path: Path, reason: str) -> NoReturn:
    message = f"{reason}; templates are read like content: put a plain file here"
    raise ReportError([Problem(display_path(path), 1, 1, message)])


def font_files(folder: Path) -> list[Path]:
    """The entries of a templates folder's ``fonts`` folder, in order (each then read with
    read_source, which refuses a link or a special file)."""
    fonts = folder / "fonts"
    if fonts.is_symlink():
        _refuse(fonts, "is a link to a folder")
    return sorted(fonts.iterdir()) if fonts.is_dir() else []


class PlainLoader(jinja2.BaseLoader):
    """Jinja templates from folders in turn, each read as a plain file (see read_source)."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The first folder's copy of a template, its file name, and that it never changes."""
        pieces = split_template_path(template)
        for folder in self.folders:
            data = read_source(folder, "/".join(pieces))
            if data is not None:
                path = folder.joinpath(*pieces)
                return data.decode("utf-8", errors="replace"), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)
