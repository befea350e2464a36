"""The only writer of the output folder: files put in place all at once."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lscb_report.content.loading import display_path
from lscb_report.errors import Problem, ReportError
from lscb_report.files import plain_file


def write_report(folder: Path, files: dict[str, bytes]) -> None:
    """Put a build's files into its output folder all at once; a ReportError when the folder
    cannot be written (the last good report is then as it was)."""
    for place in (folder.parent, folder, _retired(folder)):
        if place.is_symlink():
            message = (
                "is a link, which a build never follows (it could publish the folder it "
                "points to); remove the link, and the build will make a plain folder here"
            )
            raise ReportError([Problem(display_path(place), 0, 0, message)])
    try:
        write_atomically(folder, files)
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot write the report ({reason}); the last good report is as it was"
        raise ReportError([Problem(display_path(folder), 0, 0, message)]) from None


@contextlib.contextmanager
def staging(folder: Path) -> Iterator[Path]:
    """A new, empty folder beside ``folder`` to assemble its next contents in, removed
    afterwards unless it has been renamed into place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    staged.chmod(0o755)
    try:
        yield staged
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)


def write_new_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Write a folder that does not exist yet whole: assembled beside it, then renamed."""
    with staging(folder) as staged:
        _put(staged, files)
        staged.rename(folder)


def _put(folder: Path, files: dict[str, bytes]) -> None:
    """Write each file (its name a path inside folder) into folder."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def write_atomically(folder: Path, files: dict[str, bytes]) -> None:
    """Put files into folder all at once, keeping the folder's other files.

    The new folder is assembled beside the old one and swapped in with renames, so a reader
    (or an interrupted build) never sees half a report.
    """
    retired = _retired(folder)
    if _plain_folder(retired) and not os.path.lexists(folder):
        retired.rename(folder)  # an earlier build stopped between its two renames
    with staging(folder) as staged:
        if _plain_folder(folder):
            for old in folder.iterdir():
                if old.name in files:
                    continue
                if _plain_folder(old):
                    shutil.copytree(old, staged / old.name, ignore=_not_plain)
                elif plain_file(old):
                    shutil.copy2(old, staged / old.name, follow_symlinks=False)
        _put(staged, files)
        if retired.is_symlink():
            retired.unlink()
        elif retired.exists():
            shutil.rmtree(retired)
        _swap(staged, folder, retired)


def _retired(folder: Path) -> Path:
    """Where the old folder is put while the new one takes its place."""
    return folder.with_name(f".{folder.name}.old")


def _plain_folder(path: Path) -> bool:
    """Whether path is a folder itself, not a link to one."""
    return path.is_dir() and not path.is_symlink()


def _not_plain(folder: str, names: list[str]) -> set[str]:
    """The names in a folder that are neither plain files nor plain folders: links, pipes
    and devices, which are never copied into a new report (a link could publish its
    target, a pipe could make the copy hang)."""
    return {
        name
        for name in names
        if not (plain_file(Path(folder, name)) or _plain_folder(Path(folder, name)))
    }


def _swap(staging: Path, folder: Path, retired: Path) -> None:
    """Put staging where folder is; if that stops part way (even by an interrupt), put the
    old folder back."""
    try:
        if folder.exists():
            folder.rename(retired)
        staging.rename(folder)
    except BaseException:
        if retired.exists() and not folder.exists():
            retired.rename(folder)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def write_site_index(folder: Path, index: bytes, retired: list[Path]) -> None:
    """Put the site's index.html in place whole, and take away the folders of years no longer
    published; a ReportError when the folder cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staged = folder / ".index.html.new"
        staged.write_bytes(index)
        staged.replace(folder / "index.html")
        for old in retired:
            shutil.rmtree(old)
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot write the site ({reason})"
        raise ReportError([Problem(display_path(folder), 0, 0, message)]) from None
