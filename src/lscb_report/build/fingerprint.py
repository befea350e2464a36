"""The fingerprint of a build: a key made from everything it reads, so that a changed input
always changes the key (see ``cache.py``). Whatever the build reads belongs here."""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import lscb_report

if TYPE_CHECKING:
    from lscb_report.build.config import BuildConfig

HASHED_UP_TO = 64 * 1024 * 1024
VERSION = b"lscb-report cache 1\n"  # change it to set aside every cache entry made before


def _files(root: Path) -> list[Path]:
    """Every plain file under a folder (through links, each folder once), in a stable order,
    compiled bytecode left out; pipes and devices are never read."""
    found, seen = [], set()
    for folder, folders, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen or os.path.basename(folder) == "__pycache__":
            folders[:] = []
            continue
        seen.add(real)
        found += [path for name in names if (path := Path(folder, name)).is_file()]
    return sorted(found)


def _add_files(digest: Any, root: Path, files: list[Path]) -> None:
    """Files, by path relative to root and content, into a running hash. A file too large
    for any build to read counts by its size and modification time, so that hashing stays
    quick whatever the folder holds."""
    for path in files:
        name = path.relative_to(root).as_posix().encode()
        info = path.stat()
        if info.st_size > HASHED_UP_TO:
            mark = b"%d:%d" % (info.st_size, info.st_mtime_ns)
        else:
            with path.open("rb") as handle:
                mark = hashlib.file_digest(handle, "sha256").digest()
        digest.update(b"%d:%s:%d:" % (len(name), name, len(mark)) + mark)


def _add_tree(digest: Any, root: Path) -> None:
    """Every file under a folder into a running hash (a missing folder counts too)."""
    if root.is_dir():
        _add_files(digest, root, _files(root))
    else:
        digest.update(b"\0missing\0" + str(root).encode())


def tool_files() -> list[Path]:
    """The tool's own files: its code and its default templates, CSS and fonts."""
    package = Path(lscb_report.__file__).parent
    checkout_templates = package.parents[1] / "templates"  # the defaults in a source checkout
    extra = _files(checkout_templates) if checkout_templates.is_dir() else []
    return _files(package) + extra


def installed_packages() -> list[str]:
    """The installed distributions, with their versions, as their metadata folders are named."""
    names = []
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir():
            names += sorted(p.name for p in folder.iterdir() if p.suffix in _METADATA)
    return names


@cache
def tool_digest() -> bytes:
    """The tool's own files, the installed packages and their versions, and Python's."""
    digest = hashlib.sha256(VERSION + sys.version.encode())
    _add_files(digest, Path("/"), tool_files())
    digest.update("\n".join(installed_packages()).encode())
    return digest.digest()


_METADATA = (".dist-info", ".egg-info")


def environment() -> bytes:
    """What the environment adds to every key: SOURCE_DATE_EPOCH."""
    return os.environ.get("SOURCE_DATE_EPOCH", "").strip().encode()


def fingerprint(config: BuildConfig) -> str:
    """A key for everything a build of ``config`` reads."""
    # The working folder too: problems name files relative to it.
    where = f"{Path.cwd()}\0{config!r}".encode()
    digest = hashlib.sha256(tool_digest() + environment() + where)
    _add_tree(digest, config.content)
    if config.templates is not None:
        _add_tree(digest, config.templates)
    return digest.hexdigest()
