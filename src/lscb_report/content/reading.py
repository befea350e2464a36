"""Read a year's content: every file read and validated, every problem kept, into one
``Content`` in report order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar, cast

from lscb_report.content.filenames import accounts_in_order, priorities_in_order
from lscb_report.content.loading import MAX_BYTES, Loaded, Path_, display_path, load_file
from lscb_report.content.models import (
    Activity,
    Board,
    Budget,
    CaseReview,
    FileModel,
    Glossary,
    MemberAccount,
    Metrics,
    Priority,
    Report,
)
from lscb_report.content.profiles import DEFAULT_PROFILE, activity_rank
from lscb_report.content.validation import validate
from lscb_report.errors import UNPRINTABLE, Problem, errors_in
from lscb_report.years import FinancialYear

M = TypeVar("M", bound=FileModel)
Audience = Literal["public", "board"]
SectionModel = Report | Priority | MemberAccount | Activity | CaseReview | Budget


@dataclass
class Content:
    """Everything one year's report is compiled from, validated and in report order."""

    year: FinancialYear
    root: Path
    board: Board
    glossary: Glossary
    report: Report
    priorities: list[Priority]
    activities: list[Activity]
    reviews: list[CaseReview]
    budget: Budget
    metrics: Metrics
    warnings: list[Problem] = field(default_factory=list)
    previous_budget: Budget | None = None
    audience: Audience = "public"
    withheld: int = 0  # reviews left out of this edition (embargoed, in a public build)
    complete: bool = True  # every file was read and validated
    max_file_size: int = MAX_BYTES
    images: dict[str, str] = field(default_factory=dict)  # path in content -> data: URI
    contributions: list[MemberAccount] = field(default_factory=list)  # in board.yaml's order

    def sections(self) -> list[SectionModel]:
        """The files that are sections of the report, each with its sign-off, in report order."""
        found: list[SectionModel | None] = [
            self.report,
            *self.priorities,
            *self.contributions,
            *self.activities,
            *self.reviews,
            self.budget,
        ]
        return [section for section in found if section is not None]

    def section_texts(self) -> Iterator[tuple[SectionModel, Loaded, Path_, str]]:
        """Every text value of every section file as it was read, with its file and path."""
        from lscb_report.content.positions import strings

        for section in self.sections():
            loaded = section.loaded
            if loaded is not None:
                for path, text in strings(loaded.data):
                    yield section, loaded, path, text

    def files(self) -> list[FileModel]:
        """Every file read for the year, in report order."""
        found: list[FileModel | None] = [self.board, self.glossary, *self.sections(), self.metrics]
        return [model for model in found if model is not None]


class _Reader:
    """Reads files into models, keeping every problem instead of stopping at the first."""

    def __init__(self, max_bytes: int = MAX_BYTES, root: Path | None = None) -> None:
        self.problems: list[Problem] = []
        self.max_bytes = max_bytes
        self.root = root

    def read(self, model: type[M], path: Path) -> M | None:
        loaded, problems = load_file(path, max_bytes=self.max_bytes, inside=self.root)
        if loaded is None:
            self.problems += problems
            return None
        if loaded.data is None:
            self.problems.append(
                Problem(
                    loaded.file,
                    1,
                    1,
                    "the file is empty; see content/README.md for what it should hold",
                )
            )
            return None
        result, problems = validate(model, loaded)
        self.problems += problems
        return result

    def required(self, model: type[M], path: Path, what: str = "every year") -> M | None:
        if not os.path.lexists(path):  # a link or pipe there is read, and refused, as such
            self.problems.append(
                Problem(display_path(path), 1, 1, f"the file is missing; {what} needs {path.name}")
            )
            return None
        return self.read(model, path)

    def folder(self, model: type[M], folder: Path) -> list[tuple[Path, M]]:
        results = []
        for path in _yaml_files(folder, self.problems):
            result = self.read(model, path)
            if result is not None:
                results.append((path, result))
        return results


def _yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        if UNPRINTABLE.search(path.name):
            problems.append(Problem(display_path(path), 1, 1, _BAD_NAME))
        elif path.suffix == ".yml":
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    f"content files end in .yaml; rename it to {path.stem}.yaml",
                )
            )
        elif path.suffix == ".yaml":
            paths.append(path)
    return paths


_BAD_NAME = (
    "the file's name holds a line break, control or invisible character (shown as \\n, "
    "\\x.. or \\u....); rename it with letters, digits and hyphens, such as "
    "serious-case-review.yaml"
)

REQUIRED_FILES = frozenset({"board", "glossary", "report", "budget", "metrics"})


@dataclass
class Read:
    """A year's content as far as it could be read, and the problems met reading it."""

    content: Content
    problems: list[Problem]
    readable: frozenset[str]  # which of REQUIRED_FILES were read and validated

    @property
    def whole(self) -> bool:
        """Every file every year needs was read (others may still have had errors)."""
        return self.readable == REQUIRED_FILES


def read_content(root: Path, year: FinancialYear, max_file_size: int = MAX_BYTES) -> Read | None:
    """Read and validate every file of a year, keeping every problem; None when there is no
    folder for the year (the problem is then the only one, from ``missing_year``)."""
    folder = root / str(year)
    if not folder.is_dir():
        return None
    reader = _Reader(max_file_size, root)
    singles = {
        "board": reader.required(Board, root / "board.yaml", "the content folder"),
        "glossary": reader.required(Glossary, root / "glossary.yaml", "the content folder"),
        "report": reader.required(Report, folder / "report.yaml"),
        "budget": reader.required(Budget, folder / "budget.yaml"),
        "metrics": reader.required(Metrics, folder / "metrics.yaml"),
    }
    priorities = priorities_in_order(
        reader.folder(Priority, folder / "priorities"), reader.problems
    )
    activities = sorted(
        (a for _, a in reader.folder(Activity, folder / "activities")),
        key=lambda a: activity_rank(_profile_id(singles["board"]), a.kind),
    )
    reviews = [r for _, r in reader.folder(CaseReview, folder / "reviews")]
    accounts = reader.folder(MemberAccount, folder / "contributions")
    contributions = accounts_in_order(accounts, singles["board"], reader.problems)
    if not priorities and not errors_in(reader.problems):
        reader.problems.append(
            Problem(
                display_path(folder / "priorities"),
                1,
                1,
                "no priorities found; add priorities/01-name.yaml",
            )
        )
    # Checks run on what could be read, so that every problem is reported in one run; a
    # check that needs a file that could not be read is skipped.
    content = Content(
        year,
        root,
        cast(Board, singles["board"]),
        cast(Glossary, singles["glossary"]),
        cast(Report, singles["report"]),
        priorities,
        activities,
        reviews,
        cast(Budget, singles["budget"]),
        cast(Metrics, singles["metrics"]),
        previous_budget=_previous_budget(root, year),
        complete=not errors_in(reader.problems),
        max_file_size=max_file_size,
        contributions=contributions,
    )
    readable = frozenset(name for name, model in singles.items() if model is not None)
    return Read(content, reader.problems, readable)


def not_a_content_folder(root: Path) -> Problem | None:
    """The problem of a content folder without board.yaml, as when the tool is run from the
    wrong folder (inside content/, say); None when the folder has one."""
    if (root / "board.yaml").is_file():
        return None
    hint = " (here that is --content .)" if Path("board.yaml").is_file() else ""
    return Problem(
        display_path(root),
        0,
        0,
        "there is no board.yaml here, so this is not a content folder; run lscb-report in "
        f"the folder that holds content/, or name the folder with board.yaml in it with "
        f"--content{hint}; to start a new board's content, use 'lscb-report init "
        f'{display_path(root)} --board "NAME"\'',
    )


def missing_year(root: Path, year: FinancialYear) -> Problem:
    """The problem of a year with no folder (or of a content folder that is not one)."""
    wrong = not_a_content_folder(root)
    if wrong is not None:
        return wrong
    return Problem(
        display_path(root / str(year)),
        1,
        1,
        f"there is no content for {year}; create it with "
        f"'lscb-report new {year} --from {year.previous()}'",
    )


def _previous_budget(root: Path, year: FinancialYear) -> Budget | None:
    """The previous year's budget, when it is there and reads cleanly (its problems are that
    year's to report)."""
    path = root / str(year.previous()) / "budget.yaml"
    if not path.is_file():
        return None
    return _Reader(root=root).read(Budget, path)


def _profile_id(board: FileModel | None) -> str:
    """The board's profile, or the default where the board could not be read."""
    return board.profile if isinstance(board, Board) else DEFAULT_PROFILE
