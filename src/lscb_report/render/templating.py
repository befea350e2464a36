"""Jinja templates to Markdown: the documents' text, compiled from the content.

Templates come from the board's own templates folder first, file by file, then from the
defaults shipped with the tool. Undefined names are errors, and every value from YAML is
either escaped for Markdown (``md``) or passed through ``prose``, which keeps it inside the
part of the document it belongs to.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lscb_report.content import shape
from lscb_report.content.loading import display_path
from lscb_report.content.reading import Content
from lscb_report.errors import Problem, ReportError
from lscb_report.numbers import figure, money
from lscb_report.render.appendix import APPENDIX_MARK, appendix
from lscb_report.render.charts import describe
from lscb_report.render.documents import DOCUMENTS as DOCUMENTS
from lscb_report.render.headings import contents
from lscb_report.render.template_files import PlainLoader
from lscb_report.rules import signoff
from lscb_report.rules.characters import HIDDEN_CHARACTERS
from lscb_report.rules.glossary import spell_out
from lscb_report.rules.guidance import checklist, edition_for
from lscb_report.rules.safety import safe_markdown


def _default_templates() -> Path:
    """The shipped templates: inside the installed package, or at the top of a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parents[1] / "templates"


DEFAULT_TEMPLATES = _default_templates()
CONTENTS_MARK = "\x00contents\x00"

_parser = MarkdownIt("commonmark").enable("table")
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~&#])")
_LINE_START = re.compile(r"^([-+=]|\d+[.)])(?=\s|$)")
_CONTAINER_FENCE = re.compile(r"(?<!\\)(:{3,})")  # a container's fence, at any depth
_BLOCK_START = re.compile(r"^(#{1,6}|>|[-+*]|:{3,})(?=\s|$)|^(\d{1,9})([.)])(?=\s|$)")
_NESTED_MARK = re.compile(r"^([\s>*+\-\d.)]*?)([#=-])")


def template_folders(templates: Path | None) -> list[Path]:
    """Where templates are looked up, the board's own first."""
    folders = [templates] if templates is not None and templates.is_dir() else []
    return [*folders, DEFAULT_TEMPLATES]


def environment(templates: Path | None) -> jinja2.Environment:
    """The Jinja environment for Markdown documents."""
    env = jinja2.Environment(
        loader=PlainLoader(template_folders(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(md=md, prose=prose, inline=inline, and_list=shape.and_list)
    env.filters.update(with_figures=with_figures)
    env.filters.update(figure=figure, describe=describe)
    env.filters.update(section_name=signoff.name)
    env.tests.update(approved=signoff.approved)
    return env


def _defused(text: str) -> str:
    """Text without the characters no report prints (the compiler's own markers among them)
    and with every container fence escaped, wherever it stands (in a quote, in a list)."""
    return _CONTAINER_FENCE.sub(r"\\\1", HIDDEN_CHARACTERS.sub("", text))


def md(value: object) -> str:
    """Text from YAML, escaped so that it stays text in Markdown."""
    text = " ".join(_defused(str(value)).split())
    text = _ESCAPE.sub(r"\\\1", text)
    return _LINE_START.sub(r"\\\1", text)


def prose(text: str, top: int = 3) -> str:
    """Markdown prose from YAML, its headings nested under the section it sits in (see
    ``_nested_levels``) and each paragraph on one line, so it cannot change the structure
    around it."""
    text = _defused(text.strip())
    lines = text.splitlines()
    tokens = _parser.parse(text)
    edits: list[tuple[int, int, str]] = []
    levels = _nested_levels(tokens, top)
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        start, end = token.map
        if token.level != 0:
            if token.type == "heading_open":  # in a quote or list: kept as text
                row = start if token.markup.startswith("#") else end - 1
                lines[row] = _NESTED_MARK.sub(r"\1\\\2", lines[row], count=1)
            continue
        if token.type == "heading_open":
            level = levels[index]
            edits.append((start, end, "#" * level + " " + tokens[index + 1].content))
        elif token.type == "paragraph_open":
            edits.append((start, end, " ".join(line.strip() for line in lines[start:end])))
    for start, end, replacement in reversed(edits):
        lines[start:end] = [replacement]
    return "\n".join(lines)


def _nested_levels(tokens: list[Token], top: int) -> dict[int, int]:
    """The level of each heading of prose placed under a heading of level ``top - 1``: the
    highest level the writer used becomes ``top``, the next ``top + 1`` and so on, and no
    heading goes more than one level below the one before it, so no level is skipped."""
    written = [(i, int(t.tag[1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    ranks = {level: rank for rank, level in enumerate(sorted({lvl for _, lvl in written}))}
    levels: dict[int, int] = {}
    previous = top - 1
    for index, level in written:
        previous = min(6, top + ranks[level], previous + 1)
        levels[index] = previous
    return levels


_FIGURE_HERE = re.compile(r"^\{figure:([a-z0-9]+(?:-[a-z0-9]+)*)\}$", re.MULTILINE)


def with_figures(text: str, metric: Any, placed: set[str]) -> str:
    """Prose with each {figure:ID} paragraph replaced by that figure, noting it as placed so
    that it is not shown again after the section."""

    def figure(match: re.Match[str]) -> str:
        placed.add(match.group(1))
        return str(metric(match.group(1))).strip()

    return _FIGURE_HERE.sub(figure, text)


def inline(text: str) -> str:
    """Prose squeezed onto one line, for a list item or table cell, that cannot start a
    heading, quote, list or container of its own there."""
    line = " ".join(_defused(text).split())
    return _BLOCK_START.sub(lambda m: f"{m[2]}\\{m[3]}" if m[2] else f"\\{m[1]}", line)


def board_words(env: jinja2.Environment, content: Content) -> None:
    """Bind the filters that write dates, years and amounts to the board's styles."""
    board = content.board
    env.filters.update(
        longdate=lambda day: shape.long_date(board, day),
        yearlabel=lambda year: shape.year_label(board, year),
        money=lambda amount: money(amount, negative=board.words.negative_style),
    )


class Numbering:
    """Numbers paragraphs within sections (1.1, 1.2 ...), as a committee report does."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __call__(self, text: str, section: object) -> str:
        key = str(section)
        out = []
        lines = prose(text, top=3).split("\n")
        tokens = _parser.parse("\n".join(lines))
        starts = {t.map[0] for t in tokens if t.type == "paragraph_open" and t.level == 0 and t.map}
        for number, line in enumerate(lines):
            if number in starts:
                self.counts[key] = self.counts.get(key, 0) + 1
                line = f"**{key}.{self.counts[key]}** {line}"
            out.append(line)
        return "\n".join(out)


def render_markdown(
    content: Content, document: str, templates: Path | None, extra: dict[str, Any] | None = None
) -> str:
    """The Markdown of one document."""
    env = environment(templates)
    board_words(env, content)
    context: dict[str, Any] = {
        "content": content,
        "board": content.board,
        "report": content.report,
        "year": content.year,
        "para": Numbering(),
        "contents": lambda: CONTENTS_MARK,
        "guidance": edition_for(content),
        "guidance_appendix": lambda: APPENDIX_MARK,
        "chapters": shape.chapters(content),
        "summary_chapters": shape.summary_chapters(content),
        "cover_rows": shape.cover_rows(content.board),
        "name": shape.name(content.board),
        "profile": shape.board_profile(content.board),
        "shown": set(),  # the figures placed in prose, by id
        **(extra or {}),
    }
    text = render_template(env, f"{document}.md.j2", context)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    text = spell_out(text, content.glossary)
    if CONTENTS_MARK in text:
        text = text.replace(CONTENTS_MARK, contents(text, CONTENTS_MARK))
    if APPENDIX_MARK in text:
        text = text.replace(APPENDIX_MARK, appendix(checklist(content), text))
    return safe_markdown(text)


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """A template rendered. An error of the template's own (its syntax, a name or include it
    lacks, a failure while it runs) is a ReportError naming the template file and line; an
    error raised outside any template is the tool's bug and keeps its traceback."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        problem = _template_problem(error.filename, error.lineno, error.message)
    except jinja2.TemplateNotFound as error:
        file, line = _failing_frame(error)
        message = f"there is no template '{error.name}' in the templates folder or the defaults"
        problem = _template_problem(file or name, line, message)
    except jinja2.UndefinedError as error:
        file, line = _failing_frame(error)
        problem = _template_problem(file or name, line, str(error))
    except Exception as error:
        file, line = _failing_frame(error)
        if file is None:
            raise
        problem = _template_problem(file, line, f"{error} ({type(error).__name__})")
    raise ReportError([problem])


def _template_problem(file: str | None, line: int | None, message: str | None) -> Problem:
    where = display_path(Path(file)) if file else "templates"
    return Problem(where, line or 1, 1, f"template error: {message}")


def _failing_frame(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line where rendering failed, from the traceback: the innermost
    frame of a template, or None where no template was running."""
    tb = error.__traceback__
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
