"""The fingerprint of a build: a key made from everything it reads, so that a changed input
always changes the key (see ``cache.py``). Whatever the build reads belongs here."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import lscb_report
from lscb_report.files import Unreadable, read_plain

if TYPE_CHECKING:
    from lscb_report.build.config import BuildConfig

HASHED_UP_TO = 64 * 1024 * 1024
VERSION = b"lscb-report cache 1\n"  # change it to set aside every cache entry made before


def _files(root: Path) -> list[Path]:
    """Every entry under a folder, in a stable order, compiled bytecode left out. Links are
    listed, never followed (a link to / is one entry, not the whole disk), as the loader
    never follows them either."""
    found = []
    for folder, folders, names in os.walk(root, followlinks=False):
        folders[:] = [f for f in folders if f != "__pycache__"]
        found += [Path(folder, name) for name in names]
        found += [path for f in folders if (path := Path(folder, f)).is_symlink()]
    return sorted(found)


def _mark(path: Path) -> bytes:
    """What stands for one entry in the hash: a plain file's content (or, when too large for
    any build to read, its size and modification time); a link's target, unfollowed; the
    kind of anything else, which is never opened (a pipe could make reading hang)."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            return b"link:" + os.fsencode(os.readlink(path))
        if not stat.S_ISREG(info.st_mode):
            return b"special:%d" % stat.S_IFMT(info.st_mode)
        if info.st_size > HASHED_UP_TO:
            return b"%d:%d" % (info.st_size, info.st_mtime_ns)
        return hashlib.sha256(read_plain(path, HASHED_UP_TO)).digest()
    except (OSError, Unreadable) as error:
        return b"unreadable:" + str(error).encode()


def _add_files(digest: Any, root: Path, files: list[Path]) -> None:
    """Entries, by path relative to root and what stands for each, into a running hash."""
    for path in files:
        name = os.fsencode(path.relative_to(root).as_posix())
        mark = _mark(path)
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
