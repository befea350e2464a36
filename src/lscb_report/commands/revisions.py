"""Folders as they were at a git revision, copied out of git into a folder of our own.

Only ``git rev-parse``, ``git cat-file`` and ``git archive`` are run: the working tree, the
index and the checked-out branch are never touched, so uncommitted edits are safe.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


class BadRevision(Exception):
    """The revision to compare with cannot be used: a usage error, not a content problem."""


@dataclass(frozen=True)
class Revision:
    """A commit in the repository that holds a folder."""

    name: str
    commit: str
    top: Path

    @property
    def short(self) -> str:
        """The commit's first seven hex digits, as git prints it."""
        return self.commit[:7]


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise BadRevision("git is not installed, so there is no revision to compare with") from None


def resolve(name: str, folder: Path) -> Revision:
    """The commit ``name`` means in the repository holding ``folder``, or BadRevision; a
    branch that is not a local one is looked for as origin's, as in a fresh clone."""
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise BadRevision(f"{folder} is not in a git repository, so there is nothing to compare")
    if not name.strip() or name.startswith("-"):
        raise BadRevision(f"'{name}' is not a revision; give a branch, tag or commit, such as main")
    found = _commit(name, folder)
    if found.returncode != 0 and "/" not in name:
        remote = _commit(f"origin/{name}", folder)  # a fresh clone has only origin's branches
        if remote.returncode == 0:
            name, found = f"origin/{name}", remote
    if found.returncode != 0:
        raise BadRevision(
            f"'{name}' is not a commit in this repository; give a branch, tag or commit, "
            "such as main, HEAD~1 or a commit id (a shallow clone may need 'git fetch')"
        )
    return Revision(name, found.stdout.decode().strip(), Path(top.stdout.decode().strip()))


def _commit(name: str, folder: Path) -> subprocess.CompletedProcess[bytes]:
    """git's answer to which commit ``name`` means."""
    return _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"], folder
    )


def inside(folder: Path, revision: Revision) -> PurePosixPath | None:
    """Where ``folder`` stands inside the revision's repository, or None when outside it."""
    try:
        relative = folder.resolve().relative_to(revision.top.resolve())
    except ValueError:
        return None
    return PurePosixPath(relative.as_posix())


def export(revision: Revision, path: PurePosixPath, dest: Path) -> Path | None:
    """Copy the folder ``path`` (relative to the top of the repository) as it was at the
    revision into ``dest``; return where it landed, or None when it did not exist then."""
    spec = "" if str(path) == "." else str(path)
    exists = _git(["cat-file", "-e", f"{revision.commit}:{spec}"], revision.top)
    if exists.returncode != 0:
        return None
    archive = _git(["archive", "--format=tar", revision.commit, "--", spec or "."], revision.top)
    if archive.returncode != 0:
        message = archive.stderr.decode(errors="replace").strip()
        raise BadRevision(
            f"git could not read {spec or 'the repository'} at {revision.name}: {message}"
        )
    _unpack(archive.stdout, dest)
    return dest / spec if spec else dest


def _unpack(data: bytes, dest: Path) -> None:
    """Write the regular files of a tar archive under ``dest``; links and devices are skipped,
    and no name may climb out of ``dest``."""
    root = dest.resolve()
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            target = (root / member.name).resolve()
            if not member.isfile() or not target.is_relative_to(root):
                continue
            source = archive.extractfile(member)
            if source is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read())
