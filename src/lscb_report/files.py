"""Reading a file the way untrusted content must be read: never through a link, never from a
pipe or device (which could make reading hang), never more than a size limit.

Every check is made on the opened descriptor (``O_NOFOLLOW``, ``O_NONBLOCK``, then
``fstat``), so a file swapped for a link or a pipe between a check and the read cannot slip
through. Content, images, templates, fonts and the cache's fingerprint all read this way.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Windows has neither flag: there a link is looked for just before opening instead.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
NOT_A_FILE = "not a file that can be read (it is a folder, link, device or pipe)"


class Unreadable(Exception):
    """A file that may not or cannot be read, with the reason in plain words."""

    def __init__(self, reason: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.size = size  # set when the file is over the limit: its size in bytes


def read_plain(path: Path, max_bytes: int) -> bytes:
    """The bytes of a plain file (not a link, pipe or device), at most ``max_bytes`` of them;
    Unreadable when it is anything else, over the limit, or cannot be opened."""
    try:
        if not _NOFOLLOW and os.path.islink(path):
            raise Unreadable(NOT_A_FILE)
        handle = os.open(path, _FLAGS)
    except OSError as error:
        raise Unreadable(_reason(error)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(NOT_A_FILE)
        if info.st_size > max_bytes:
            raise Unreadable("over the size limit", info.st_size)
        with os.fdopen(handle, "rb", closefd=False) as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise Unreadable(_reason(error)) from None
    finally:
        os.close(handle)
    if len(data) > max_bytes:  # the file grew while it was read
        raise Unreadable("over the size limit", len(data))
    return data


def write_plain(path: Path, data: bytes) -> None:
    """Write data to path as a plain file, never through a link onto its target nor into a
    pipe or device (Unreadable then, with the reason); OSError when it cannot be written."""
    flags = os.O_WRONLY | os.O_CREAT | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        if not _NOFOLLOW and os.path.islink(path):
            raise Unreadable(NOT_A_FILE)
        handle = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno in _LINK_ERRORS:
            raise Unreadable(NOT_A_FILE) from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise Unreadable(NOT_A_FILE)
        os.ftruncate(handle, 0)
        with os.fdopen(handle, "wb", closefd=False) as file:
            file.write(data)
    finally:
        os.close(handle)


def plain_file(path: Path) -> bool:
    """Whether path is itself a plain file: not a link (to anything), pipe or device."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _reason(error: OSError) -> str:
    if error.errno is not None and error.errno in _LINK_ERRORS:
        return NOT_A_FILE
    return error.strerror or str(error)


_LINK_ERRORS = {errno.ELOOP, errno.EMLINK}  # O_NOFOLLOW met a link (EMLINK on FreeBSD)
