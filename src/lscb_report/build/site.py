"""The public site: every year whose report is final, built with ``--final --strict``, each
in its own folder, and an index page listing them, newest first.

A draft year is never on the site: it is not built, and a folder left from an earlier site
(a year that went back to draft) is taken away. Every year stays published while its report
is final, so adding a year never takes an earlier one offline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lscb_report.build.config import BuildConfig, Output
from lscb_report.build.output import write_site_index
from lscb_report.build.pipeline import Step, build
from lscb_report.content.loading import MAX_BYTES, display_path
from lscb_report.content.reading import Content, not_a_content_folder, read_content
from lscb_report.errors import Problem, ReportError
from lscb_report.years import FinancialYear


@dataclass(frozen=True)
class SiteConfig:
    """Where the content is, and where the site goes."""

    content: Path = Path("content")
    templates: Path | None = Path("templates")
    out: Path = Path("build/site")
    max_file_size: int = MAX_BYTES


@dataclass
class SiteResult:
    """The years published (newest first), the drafts left out, and the files written."""

    published: list[FinancialYear]
    drafts: list[FinancialYear]
    outputs: list[Output] = field(default_factory=list)


def content_years(content: Path) -> list[FinancialYear]:
    """The years with a folder in the content folder, newest first."""
    years = []
    for folder in content.iterdir() if content.is_dir() else []:
        try:
            years.append(FinancialYear.parse(folder.name))
        except ValueError:
            continue
    return sorted((y for y in years if (content / str(y)).is_dir()), reverse=True)


def _status(config: SiteConfig, year: FinancialYear) -> tuple[str, Content | None, list[Problem]]:
    """A year's report status, its content when the board and report could be read, and the
    problems that keep its status unknown."""
    read = read_content(config.content, year, config.max_file_size)
    if read is None or not {"board", "report"} <= read.readable:
        problems = [] if read is None else [p for p in read.problems if p.severity == "error"]
        return "unknown", None, problems
    return read.content.report.status, read.content, []


def build_site(config: SiteConfig, step: Step = lambda _: None) -> SiteResult:
    """Build every final year and the index; raise ReportError with every problem found."""
    years = content_years(config.content)
    wrong = not_a_content_folder(config.content)
    if wrong is not None:
        raise ReportError([wrong])
    if not years:
        message = "there is no year here to publish; a year's content is a folder such as 2014-15"
        raise ReportError([Problem(display_path(config.content), 1, 1, message)])
    result, newest, problems = SiteResult([], []), None, []
    for year in years:
        status, found, unknown = _status(config, year)
        problems += unknown
        newest = newest or found
        (result.published if status == "final" else result.drafts).append(year)
    if problems:
        raise ReportError(problems)
    for year in result.published:
        try:
            result.outputs += _build_year(config, year, step)
        except ReportError as error:
            problems += error.problems
    if problems or newest is None:
        raise ReportError(problems)
    _write_index(config, newest, result)
    return result


def _build_year(config: SiteConfig, year: FinancialYear, step: Step) -> list[Output]:
    """One final year, built as it is published."""
    year_config = BuildConfig(
        year=year,
        content=config.content,
        templates=config.templates,
        out=config.out,
        strict=True,
        final=True,
        max_file_size=config.max_file_size,
    )
    return build(year_config, step=lambda text: step(f"{year}: {text}")).outputs


def _write_index(config: SiteConfig, newest: Content, result: SiteResult) -> None:
    """The index page, and away with the folders of years no longer published."""
    from lscb_report.render.pages import build_date
    from lscb_report.render.site import site_index_html

    published = {str(year) for year in result.published}
    present = sorted(config.out.iterdir()) if config.out.is_dir() else []
    retired = [
        folder
        for folder in present
        if folder.is_dir() and _is_year(folder.name) and folder.name not in published
    ]
    created = build_date(newest).isoformat()
    index = site_index_html(newest.board, result.published, config.templates, created)
    write_site_index(config.out, index, retired)
    result.outputs.append(Output(config.out / "index.html", len(index)))


def _is_year(name: str) -> bool:
    """Whether a folder of the site is a year's report (public or the board's)."""
    try:
        FinancialYear.parse(name.removesuffix("-board"))
    except ValueError:
        return False
    return True
