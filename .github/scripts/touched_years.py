"""The report years a change touches, newest first on one line, for the pull-request workflow.

A change inside content/YEAR/ touches that year. A change to what every year is built from
(the board-wide content files, the templates, the tool's source and packaging, the workflows
and their set-up) touches every year. Other changes (the README, the tests) touch none.

    python .github/scripts/touched_years.py BASE [--content content]
"""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path, PurePosixPath

YEAR = re.compile(r"\d{4}-\d{2}")
SHARED = ("templates/", "src/", "pyproject.toml", "setup.py", ".github/")


def years_in(content: Path) -> list[str]:
    """The years with a folder in the content folder, newest first."""
    if not content.is_dir():
        return []
    names = [p.name for p in content.iterdir() if p.is_dir() and YEAR.fullmatch(p.name)]
    return sorted(names, reverse=True)


def touched(changed: list[str], years: list[str], content: str = "content") -> list[str]:
    """The years (of ``years``) that the changed paths touch."""
    found = set()
    for path in changed:
        parts = PurePosixPath(path).parts
        inside = PurePosixPath(path).is_relative_to(content)
        rest = parts[len(PurePosixPath(content).parts) :] if inside else ()
        if len(rest) > 1 and YEAR.fullmatch(rest[0]):
            found.add(rest[0])
        elif inside or path.startswith(SHARED):
            return years
    return [year for year in years if year in found]


def changed_files(base: str) -> list[str]:
    """The paths that differ between the base commit and the checked-out one."""
    done = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", "-z", base, "HEAD", "--"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [name for name in done.stdout.split("\0") if name]


def main() -> None:
    """Print the touched years, separated by spaces."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the commit the change is compared with")
    parser.add_argument("--content", default="content", help="the content folder")
    args = parser.parse_args()
    content = PurePosixPath(Path(args.content).as_posix()).as_posix().rstrip("/")
    print(" ".join(touched(changed_files(args.base), years_in(Path(args.content)), content)))


if __name__ == "__main__":
    main()
