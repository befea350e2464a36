"""What a change does to the report: both documents compiled at a git revision and from the
working folder, compared paragraph by paragraph, with the figures whose values changed.

Documents are compared as text a reader sees, not as Markdown: each heading, paragraph, list
item and table row becomes a ``Unit`` of plain text, and paragraph numbers are set aside, so a
paragraph added early in a section does not make every later one look changed.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from markdown_it.token import Token

from lscb_report.commands.revisions import Revision, export, inside, resolve
from lscb_report.content.reading import Content
from lscb_report.errors import ReportError
from lscb_report.numbers import money
from lscb_report.render.markup import parser
from lscb_report.render.templating import DOCUMENTS, render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear

SIMILAR = 0.5
Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Unit:
    """A heading, paragraph, list item or table row, as plain text, and where it stands."""

    kind: str
    text: str
    where: str
    number: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What two units must share to be the same: a heading's number may change."""
        return (self.kind, _unnumbered(self.text) if self.kind == "heading" else self.text)


@dataclass(frozen=True)
class Change:
    """A unit added, removed or changed; ``old`` is the unit before a change."""

    kind: Kind
    unit: Unit
    old: Unit | None = None


@dataclass(frozen=True)
class FigureChange:
    """A figure whose value changed; None where it did not exist."""

    label: str
    before: str | None
    after: str | None


@dataclass
class ReportDiff:
    """Everything the change does to one year's report."""

    year: FinancialYear
    base: Revision
    documents: dict[str, list[Change]] = field(default_factory=dict)
    figures: list[FigureChange] = field(default_factory=list)
    new_year: bool = False


def diff_report(
    year: FinancialYear, base: str, content: Path, templates: Path | None
) -> ReportDiff:
    """Compare the report at git revision ``base`` with the report in the working folder."""
    revision = resolve(base, content if content.is_dir() else Path.cwd())
    now = load_content(content, year, "public")  # the diff goes in public pull requests
    with tempfile.TemporaryDirectory(prefix="lscb-report-diff-") as temp:
        then, then_templates = _at_revision(revision, year, content, templates, Path(temp))
        result = ReportDiff(year, revision, new_year=then is None)
        for document in DOCUMENTS:
            before = units(render_markdown(then, document, then_templates)) if then else []
            result.documents[document] = compare(
                before, units(render_markdown(now, document, templates))
            )
    result.figures = compare_figures(figures(then) if then else {}, figures(now))
    return result


def _at_revision(
    revision: Revision, year: FinancialYear, content: Path, templates: Path | None, temp: Path
) -> tuple[Content | None, Path | None]:
    """The content (None when the year did not exist yet) and templates at the revision."""
    where = inside(content, revision)
    root = export(revision, where, temp / "tree") if where else None
    then_templates = templates
    held = inside(templates, revision) if templates is not None else None
    if held is not None:
        then_templates = export(revision, held, temp / "tree")
    if root is None or not (root / str(year)).is_dir():
        return None, then_templates
    try:
        return load_content(root, year, "public"), then_templates
    except ReportError as error:
        raise _relabel(error, temp / "tree", revision) from None


def _relabel(error: ReportError, tree: Path, revision: Revision) -> ReportError:
    """The same problems, with files named as git names them at the revision: main:content/..."""
    problems = []
    for problem in error.problems:
        try:
            name = Path(problem.file).resolve().relative_to(tree.resolve()).as_posix()
            problem = dataclasses.replace(problem, file=f"{revision.name}:{name}")
        except ValueError:
            pass
        problems.append(problem)
    return ReportError(problems)


def units(markdown: str) -> list[Unit]:
    """The document's headings, paragraphs, list items and table rows, in order, each with
    the heading it stands under (a heading with the one above it in rank)."""
    found: list[Unit] = []
    headings: list[tuple[int, str]] = []
    cells, items, hidden = list[str](), 0, 0
    tokens = parser().parse(markdown)
    for index, token in enumerate(tokens):
        opening = tokens[index - 1] if index else token
        where = headings[-1][1] if headings else "the start"
        if token.type == "container_contents_open":
            hidden += 1
        elif token.type == "container_contents_close":
            hidden -= 1
        elif token.type in ("list_item_open", "list_item_close"):
            items += 1 if token.nesting == 1 else -1
        elif token.type == "tr_open":
            cells = []
        elif hidden or token.type not in ("inline", "tr_close", "fence", "code_block"):
            continue
        elif token.type == "tr_close":
            found.append(Unit("table row", " | ".join(cells), where))
        elif token.type in ("fence", "code_block"):
            found.append(Unit("code", token.content.strip(), where))
        elif opening.type in ("th_open", "td_open"):
            cells.append(plain(token.children or []))
        elif opening.type == "heading_open":
            found.append(_heading(int(opening.tag[1]), plain(token.children or []), headings))
        else:
            number, text = _paragraph_number(token.children or [])
            found.append(Unit("list item" if items else "paragraph", text, where, number))
    return found


def _heading(level: int, text: str, headings: list[tuple[int, str]]) -> Unit:
    """A heading, under the nearest heading of higher rank; ``headings`` is kept as the
    trail of headings down to this one."""
    while headings and headings[-1][0] >= level:
        headings.pop()
    unit = Unit("heading", text, headings[-1][1] if headings else "the start")
    headings.append((level, text))
    return unit


def plain(children: Sequence[Token]) -> str:
    """The text a reader sees in an inline token, with the address of each outside link."""
    parts: list[str] = []
    links: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "link_open":
            links.append(str(child.attrs.get("href", "")))
        elif child.type == "link_close" and links:
            href = links.pop()
            if not href.startswith("#") and href.removeprefix("mailto:") not in "".join(parts):
                parts.append(f" <{href}>")
    return " ".join("".join(parts).split())


def _paragraph_number(children: Sequence[Token]) -> tuple[str | None, str]:
    """An executive-summary paragraph's number (the bold 2.1 it opens with) and its text."""
    children = [c for c in children if c.type != "text" or c.content]
    kinds = [child.type for child in children[:3]]
    if kinds == ["strong_open", "text", "strong_close"] and _is_number(children[1].content):
        return children[1].content, plain(children[3:])
    return None, plain(children)


def _is_number(text: str) -> bool:
    return all(part.isdigit() for part in text.split(".")) and "." in text


def _unnumbered(heading: str) -> str:
    """A heading without its section number: '3.2 Better outcomes' -> 'Better outcomes'."""
    first, _, rest = heading.partition(" ")
    return rest if rest and all(p.isdigit() for p in first.rstrip(".").split(".")) else heading


def compare(old: list[Unit], new: list[Unit]) -> list[Change]:
    """What became of the old units in the new, in document order."""
    matcher = SequenceMatcher(None, [u.key for u in old], [u.key for u in new], autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes += _pair(old[i1:i2], new[j1:j2])
    return changes


def _pair(old: list[Unit], new: list[Unit]) -> Iterator[Change]:
    """Old units matched in order with similar new ones (changed); the rest removed or added."""
    start = 0
    for unit in old:
        match = next(
            (k for k in range(start, len(new)) if similar(unit, new[k])),
            None,
        )
        if match is None:
            yield Change("removed", unit)
            continue
        yield from (Change("added", added) for added in new[start:match])
        yield Change("changed", new[match], unit)
        start = match + 1
    yield from (Change("added", added) for added in new[start:])


def similar(old: Unit, new: Unit) -> bool:
    """Whether two units are one edited unit rather than one removed and another added."""
    if old.kind != new.kind:
        return False
    matcher = SequenceMatcher(None, old.text.split(), new.text.split(), autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


def figures(content: Content) -> dict[str, str]:
    """Every budget line and metric value, labelled as a reader would name it."""
    partners = {p.id: p.name for p in content.board.partners}
    budget = content.budget
    found = {"Budget: brought forward": money(budget.brought_forward)}
    for line in budget.income.lines:
        found[f"Budget income: {partners.get(line.partner, line.partner)}"] = money(line.pounds)
    found["Budget income: total"] = money(budget.income.total)
    for spend in budget.expenditure.lines:
        found[f"Budget spending: {spend.item}"] = money(spend.amount)
    found["Budget spending: total"] = money(budget.expenditure.total)
    found["Budget: carried forward"] = money(budget.carried_forward)
    for series in content.metrics.series:
        for key, value in series.values.items():
            found[f"{series.title}, {key}"] = _value(value, series.unit)
    return found


def _value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "no figure"
    if unit == "pounds":
        return money(value)
    number = f"{value:,f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:,f}"
    return f"{number}%" if unit == "percent" else number


def compare_figures(before: dict[str, str], after: dict[str, str]) -> list[FigureChange]:
    """Figures whose values differ, in the new order, then those that are gone."""
    labels = [*after, *(label for label in before if label not in after)]
    return [
        FigureChange(label, before.get(label), after.get(label))
        for label in labels
        if before.get(label) != after.get(label)
    ]
