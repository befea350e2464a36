"""A board's own templates: every mistake in one is a message naming the template and its
line, never a traceback; a bug of the tool's own keeps its traceback."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.errors import ReportError
from lscb_report.render.templating import render_template


def build_with(small: Path, name: str, text: str, *formats: str) -> list[str]:
    """The last two lines a build prints, with a board template holding text."""
    folder = small.parent / "board-templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    arguments = ["build", "2020-21", "--templates", str(folder)]
    for fmt in formats:
        arguments += ["--format", fmt]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()[-2:]


def test_a_syntax_error_in_the_index_template_names_its_line(small: Path) -> None:
    text = "# Index\n\n{% for row in %}\n"
    assert build_with(small, "index.md.j2", text, "md") == [
        "board-templates/index.md.j2:3:1: template error: Expected an expression, got 'end of "
        "statement block'",
        "2020-21: 1 error in 1 file; nothing was written",
    ]


def test_an_include_of_a_missing_template_says_which(small: Path) -> None:
    text = "# Index\n{% include 'footer.md.j2' %}\n"
    assert build_with(small, "index.md.j2", text, "md")[0] == (
        "board-templates/index.md.j2:2:1: template error: there is no template 'footer.md.j2' "
        "in the templates folder or the defaults"
    )


def test_a_failure_while_the_page_template_runs_names_its_line(small: Path) -> None:
    text = "<!doctype html>\n<title>{{ page.title }}</title>\n{{ 1 // 0 }}\n"
    assert build_with(small, "page.html.j2", text, "html")[0] == (
        "board-templates/page.html.j2:3:1: template error: integer division or modulo by zero "
        "(ZeroDivisionError)"
    )


def test_a_name_the_document_template_lacks_names_its_line(small: Path) -> None:
    text = "# {{ report.no_such_field }}\n"
    assert build_with(small, "executive-summary.md.j2", text, "md")[0] == (
        "board-templates/executive-summary.md.j2:1:1: template error: 'lscb_report.content."
        "models.year.Report object' has no attribute 'no_such_field'"
    )


def test_a_templates_folder_that_does_not_exist_is_a_usage_error(small: Path) -> None:
    result = CliRunner().invoke(app, ["build", "2020-21", "--templates", "nowhere"])
    assert result.exit_code == 2
    assert "there is no folder nowhere" in " ".join(result.output.split())


def test_an_error_outside_any_template_is_a_bug_and_keeps_its_traceback() -> None:
    class Broken(jinja2.BaseLoader):
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, None]:
            raise RuntimeError("a bug in the loader")

    with pytest.raises(RuntimeError, match="a bug in the loader"):
        render_template(jinja2.Environment(loader=Broken()), "page.html.j2", {})


def test_a_template_error_is_a_report_error_whatever_calls_it(tmp_path: Path) -> None:
    (tmp_path / "page.html.j2").write_text("{{ missing }}\n", encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(tmp_path)), undefined=jinja2.StrictUndefined
    )
    with pytest.raises(ReportError) as raised:
        render_template(env, "page.html.j2", {})
    assert [p.message for p in raised.value.problems] == ["template error: 'missing' is undefined"]
