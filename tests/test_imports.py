"""What a command loads: `check` and a rebuild with nothing to do stay light, because
importing WeasyPrint alone takes longer than checking a whole year."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CONTENT

TYPESETTING = ("weasyprint", "pydyf", "fontTools", "cffi")
CHARTING = ("matplotlib", "pygal", "plotly", "altair", "bokeh", "seaborn", "vl_convert")
WORD = ("docx", "pypandoc", "lxml")


def modules_after(*arguments: str, cwd: Path, path: Path | None = None) -> set[str]:
    """The modules loaded by an lscb-report command run in a fresh Python (with ``path``
    searched for modules first)."""
    record = cwd / "modules.json"
    script = (
        "import atexit, json, sys\n"
        f"atexit.register(lambda: open({str(record)!r}, 'w').write(json.dumps(list(sys.modules))))\n"
        f"sys.argv = ['lscb-report', *{list(arguments)!r}]\n"
        "from lscb_report.cli.app import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(path)} if path else None
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(record.read_text()))


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_check_loads_no_typesetting_or_charting_library(tmp_path: Path) -> None:
    loaded = top_level(modules_after("check", "2014-15", "--content", str(CONTENT), cwd=tmp_path))
    assert "lscb_report" in loaded
    assert loaded.isdisjoint(TYPESETTING + CHARTING + WORD), loaded & set(WORD)


def test_a_rebuild_with_nothing_to_do_loads_neither_templates_nor_the_content_model(
    tmp_path: Path,
) -> None:
    command = ("build", "2014-15", "--content", str(CONTENT), "--format", "md")
    first = modules_after(*command, cwd=tmp_path)
    assert {"jinja2", "lscb_report.content.reading"} <= first
    again = modules_after(*command, cwd=tmp_path)
    assert "lscb_report.build.pipeline" in again
    assert again.isdisjoint({"jinja2", "markdown_it", "lscb_report.content.reading", "weasyprint"})


def test_charts_are_drawn_apart_and_kept_so_a_rebuild_needs_no_matplotlib(
    sample: Path, edit: Callable[[Path, str, str], None]
) -> None:
    command = ("build", "2014-15", "--format", "html", "--document", "annual-report")
    assert "matplotlib" not in top_level(modules_after(*command, cwd=sample.parent))
    html = sample.parent / "build" / "2014-15" / "annual-report.html"
    charts = re.findall(r'src="(data:image/svg[^"]+)"', html.read_text())
    assert len(charts) >= 3
    body = "Working Together to Safeguard Children 2015 sets out"
    edit(
        sample / "2014-15" / "priorities" / "01-early-help.yaml",
        body,
        "Working Together 2015 sets out",
    )
    broken = sample.parent / "no-matplotlib" / "matplotlib"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('matplotlib is not installed')\n")
    modules_after(*command, cwd=sample.parent, path=broken.parent)
    assert "Working Together 2015 sets out" in html.read_text()
    assert re.findall(r'src="(data:image/svg[^"]+)"', html.read_text()) == charts


def test_the_layers_hold_and_no_package_has_an_import_cycle() -> None:
    """import-linter's contracts (pyproject.toml): stages import only the stages before
    them, checking never reaches the PDF engine or matplotlib, and no cycle anywhere."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[1],
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 3 kept, 0 broken." in done.stdout


def test_the_catalogue_alone_knows_every_rule() -> None:
    """RULES is complete after importing the catalogue, whatever was imported before it."""
    script = (
        "import lscb_report.rules.registry, lscb_report.rules.checks\n"
        "from lscb_report.rules.catalogue import RULES\n"
        "print(len(RULES))\n"
    )
    alone = subprocess.run(
        [sys.executable, "-c", "from lscb_report.rules.catalogue import RULES; print(len(RULES))"],
        capture_output=True,
        text=True,
        check=True,
    )
    after_others = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `[a-z0-9-]+` \| (?:error|warning) \|", readme, re.MULTILINE)
    assert alone.stdout.strip() == after_others.stdout.strip() == str(len(listed))


def test_check_loads_only_the_content_and_rules_stages_and_the_command_line(
    tmp_path: Path,
) -> None:
    loaded = modules_after("check", "2014-15", "--content", str(CONTENT), cwd=tmp_path)
    ours = {name for name in loaded if name.startswith("lscb_report.")}
    stages = {name.split(".")[1] for name in ours}
    assert stages <= {"cli", "content", "rules", "errors", "files", "numbers", "years"}, stages
    assert {"content", "rules"} <= stages
