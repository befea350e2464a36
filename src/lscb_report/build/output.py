"""The only writer of the output folder: files put in place all at once."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lscb_report.content.loading import display_path
from lscb_report.errors import Problem, ReportError


def write_report(folder: Path, files: dict[str, bytes]) -> None:
    """Put a build's files into its output folder all at once; a ReportError when the folder
    cannot be written (the last good report is then as it was)."""
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
    retired = folder.with_name(f".{folder.name}.old")
    if retired.is_dir() and not folder.exists():
        retired.rename(folder)  # an earlier build stopped between its two renames
    with staging(folder) as staged:
        if folder.is_dir():
            for old in folder.iterdir():
                if old.name in files:
                    continue
                if old.is_dir() and not old.is_symlink():
                    shutil.copytree(old, staged / old.name, symlinks=True)
                else:
                    shutil.copy2(old, staged / old.name, follow_symlinks=False)
        _put(staged, files)
        if retired.exists():
            shutil.rmtree(retired)
        _swap(staged, folder, retired)


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
