"""The editor schemas: current, named by every content file, and true to what the tool accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.content.loading import load_bytes
from lscb_report.content.schemas import MODELINE, kind_of, schema_texts
from tests.conftest import CONTENT, ROOT, SMALL

runner = CliRunner()
SCHEMAS = ROOT / "schemas"
CONTENT_FILES = sorted(CONTENT.rglob("*.yaml")) + sorted(SMALL.rglob("*.yaml"))


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as VS Code's YAML extension does (YAML 1.2 core): no dates, no yes/no."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def keys_as_text(data: Any) -> Any:
    """Data with every mapping key as text, as JSON Schema sees keys."""
    if isinstance(data, dict):
        return {str(key): keys_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [keys_as_text(item) for item in data]
    return data


VIEWS = ("as text", "as an editor reads it")


def relative(path: Path) -> str:
    """A content file's path inside its content folder."""
    root = CONTENT if CONTENT in path.parents else SMALL
    return path.relative_to(root).as_posix()


def validator(path: Path) -> Draft7Validator:
    """The validator for a content file, from the schema its first line names."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith(MODELINE), f"{path} does not start with its schema line"
    schema = (path.parent / first[len(MODELINE) :]).resolve()
    assert schema.is_file(), f"{path} names {schema}, which does not exist"
    return Draft7Validator(json.loads(schema.read_text(encoding="utf-8")))


def errors(path: Path, text: str | None = None) -> list[str]:
    """Schema errors in a content file (or in text put in its place), as the tool reads it and
    as an editor reads it."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    loaded, problems = load_bytes(text.encode("utf-8"), path.name)
    assert loaded is not None, problems
    check = validator(path)
    views: list[tuple[str, Any]] = [
        ("as text", loaded.data),
        ("as an editor reads it", keys_as_text(yaml.load(text, Loader=Yaml12Loader))),
    ]
    return [
        f"{view}: {'.'.join(map(str, error.absolute_path))}: {error.message}"
        for view, data in views
        for error in check.iter_errors(data)
    ]


def test_the_committed_schemas_are_current() -> None:
    expected = schema_texts()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert committed == expected, (
        "schemas/ is out of date with the content model: run 'lscb-report schema' and commit it"
    )


def test_the_schema_command_writes_one_schema_per_kind(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path / "schemas")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "activity.schema.json",
        "board.schema.json",
        "budget.schema.json",
        "contribution.schema.json",
        "glossary.schema.json",
        "metrics.schema.json",
        "priority.schema.json",
        "report.schema.json",
        "review.schema.json",
    ]
    assert (tmp_path / "schemas" / "review.schema.json").read_text() == schema_texts()[
        "review.schema.json"
    ]


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_content_file_names_its_schema_and_meets_it(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.endswith(f"/schemas/{kind_of(relative(path).split('/', 1)[-1])}.schema.json")
    assert errors(path) == []


def edited(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    return text.replace(old, new)


Case = tuple[str, str, str]
MISSPELT: list[Case] = [
    ("board.yaml", "short_name:", "shortname:"),
    ("2014-15/report.yaml", "\ntitle: Annual", "\ntitel: Annual"),
    ("2014-15/budget.yaml", "brought_forward:", "brought_foward:"),
    ("2014-15/metrics.yaml", "source: made up for this sample report, not the Board's published data\n"
     "    illustrative: true\n    values:\n      2012-13: 18",
     "sorce: made up for this sample report, not the Board's published data\n"
     "    illustrative: true\n    values:\n      2012-13: 18"),
    ("2014-15/priorities/01-early-help.yaml", "to_develop:", "to_devlop:"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "old", "new"), MISSPELT, ids=[c[0] for c in MISSPELT])
def test_a_misspelt_key_fails_the_schema(name: str, old: str, new: str) -> None:
    path = CONTENT / name
    wrong, right = re.findall(r"(\w+):", new)[0], re.findall(r"(\w+):", old)[0]
    where = "series.0: " if name.endswith("metrics.yaml") else ": "
    unexpected = f"{where}Additional properties are not allowed ('{wrong}' was unexpected)"
    missing = f"{where}'{right}' is a required property"
    found = sorted(errors(path, edited(path, old, new)))
    assert f"as text: {unexpected}" in found
    assert f"as an editor reads it: {unexpected}" in found
    assert set(found) <= {f"{view}: {e}" for view in VIEWS for e in (unexpected, missing)}


ACCEPTED: list[Case] = [
    ("2014-15/budget.yaml", "illustrative: true", "illustrative: yes"),
    ("2014-15/budget.yaml", "brought_forward: 40000.00", "brought_forward: 40000"),
    ("2014-15/budget.yaml", "brought_forward: 40000.00", 'brought_forward: "40000.00"'),
    ("board.yaml", "established: 2012", 'established: "2012"'),
    ("2014-15/report.yaml", "  wards: All", "  wards: 2"),
    ("2014-15/report.yaml", "  wards: All", "  wards: no"),
    ("2014-15/metrics.yaml", "      2014-15: 25", "      2014-15:"),
]


@pytest.mark.parametrize(("name", "old", "new"), ACCEPTED, ids=[c[2] for c in ACCEPTED])
def test_the_schema_accepts_what_the_tool_accepts(name: str, old: str, new: str) -> None:
    assert errors(CONTENT / name, edited(CONTENT / name, old, new)) == []


REFUSED: list[Case] = [
    ("2014-15/budget.yaml", "illustrative: true", "illustrative: maybe"),
    ("2014-15/budget.yaml", "brought_forward: 40000.00", "brought_forward: £40,000"),
    ("board.yaml", "established: 2012", "established: twenty12"),
    ("2014-15/report.yaml", "status: final", "status: finished"),
    ("2014-15/metrics.yaml", "      2014-15: 25", "      2014: 25"),
]


@pytest.mark.parametrize(("name", "old", "new"), REFUSED, ids=[c[2] for c in REFUSED])
def test_the_schema_refuses_what_the_tool_refuses(name: str, old: str, new: str) -> None:
    assert len(errors(CONTENT / name, edited(CONTENT / name, old, new))) == 2


def schema(kind: str) -> dict[str, Any]:
    return dict(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")))


def test_an_editor_shows_what_a_field_is_for() -> None:
    cover = schema("report")["$defs"]["Cover"]["properties"]["date"]
    assert cover["description"].startswith("The date of the committee meeting")
    assert schema("board")["properties"]["short_name"]["examples"] == ["LSCB"]
    assert schema("priority")["properties"]["impact"]["contentMediaType"] == "text/markdown"
