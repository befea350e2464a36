"""The GitHub workflows: valid by GitHub's own schema, and every lscb-report command they run
exists with the options and values they give it."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from lscb_report.cli.app import app
from tests.conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONS = sorted((GITHUB / "actions").glob("*/action.yml"))


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(path: Path) -> Iterator[dict[str, Any]]:
    """Every step of a workflow's jobs, or of a composite action."""
    document = load(path)
    if "jobs" in document:
        for job in document["jobs"].values():
            yield from job.get("steps", [])
    else:
        yield from document["runs"].get("steps", [])


def shell_lines(script: str) -> Iterator[str]:
    """The script's lines, with backslash continuations joined."""
    yield from script.replace("\\\n", " ").splitlines()


def invocations(path: Path) -> Iterator[list[str]]:
    """The arguments of every lscb-report command the file runs, up to a pipe or redirect."""
    for step in steps(path):
        for line in shell_lines(step.get("run", "")):
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            words = list(lexer)
            for start in (i for i, word in enumerate(words) if word == "lscb-report"):
                arguments = []
                for word in words[start + 1 :]:
                    if re.fullmatch(r"[|&;<>()]+", word):
                        break
                    arguments.append(word)
                yield arguments


def parse(name: str, arguments: list[str]) -> str | None:
    """Parse the arguments as lscb-report would, without running the command: None when they
    are good, else the usage error it would print."""
    group = typer.main.get_command(app)  # typer ships its own click: used by its attributes
    found = group.commands.get(name)  # type: ignore[attr-defined]
    if found is None:
        return f"lscb-report has no command {name!r}"
    try:
        found.make_context(name, arguments)
    except Exception as error:  # click's UsageError, from typer's own copy of click
        message = getattr(error, "format_message", None)
        return str(message() if message else error)
    return None


def expand(word: str, env: dict[str, str]) -> str:
    """Shell and workflow variables replaced by the workflow's own values, or a stand-in (a
    year for a variable named year, the loops' variable)."""
    env = {"year": "2014-15", **env}
    word = re.sub(r"\$\{\{\s*env\.(\w+)\s*\}\}", lambda m: env.get(m.group(1), "x"), word)
    return re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), "x"), word)


def test_there_are_workflows_for_pull_requests_and_publishing() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pull-request.yml", "publish.yml"} <= names
    triggers = {path.name: load(path)[True] for path in WORKFLOWS}  # YAML 1.1 reads "on" as True
    assert "pull_request" in triggers["pull-request.yml"]
    assert triggers["publish.yml"]["push"] == {"branches": ["main"]}


def test_workflows_and_actions_are_valid_by_githubs_schemas() -> None:
    for schema, files in (("github-workflows", WORKFLOWS), ("github-actions", ACTIONS)):
        command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}"]
        result = subprocess.run(
            [*command, *map(str, files)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_every_lscb_report_command_exists_with_its_options() -> None:
    seen = set()
    for path in [*WORKFLOWS, *ACTIONS]:
        env = {str(k): str(v) for k, v in (load(path).get("env") or {}).items()}
        for arguments in invocations(path):
            assert arguments, f"{path.name}: lscb-report without a command"
            seen.add(arguments[0])
            words = [expand(word, env) for word in arguments[1:]]
            error = parse(arguments[0], words)
            assert error is None, f"{path.name}: lscb-report {' '.join(arguments)}: {error}"
    assert {"check", "build", "site"} <= seen


def test_a_wrong_option_or_value_would_be_caught() -> None:
    assert parse("check", ["2014-15", "--format", "github"]) is None
    assert parse("chek", ["2014-15"]) == "lscb-report has no command 'chek'"
    assert "No such option: --formt" in str(parse("check", ["2014-15", "--formt", "github"]))
    assert "'gh' is not one of" in str(parse("check", ["2014-15", "--format", "gh"]))
    assert "is not a financial year" in str(parse("build", ["x"]))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('lscb-report check "$YEAR" --format github', [["check", "$YEAR", "--format", "github"]]),
        (
            'if ! lscb-report diff 2014-15 --base "$BASE" --format markdown > "$T/d.md"; then',
            [["diff", "2014-15", "--base", "$BASE", "--format", "markdown"]],
        ),
        ("lscb-report build x|tee log && lscb-report check y", [["build", "x"], ["check", "y"]]),
    ],
)
def test_commands_are_read_from_shell_lines(
    tmp_path: Path, line: str, expected: list[list[str]]
) -> None:
    workflow = tmp_path / "w.yml"
    workflow.write_text(yaml.safe_dump({"jobs": {"j": {"steps": [{"run": line}]}}}))
    assert list(invocations(workflow)) == expected


def test_the_setup_installs_the_makefiles_pango_packages() -> None:
    makefile = (ROOT / "Makefile").read_text()
    match = re.search(r"^PANGO_PACKAGES := (.+)$", makefile, re.MULTILINE)
    assert match is not None
    installs = " ".join(
        step["run"]
        for path in ACTIONS
        for step in steps(path)
        if "apt-get install" in step.get("run", "")
    )
    assert set(match.group(1).split()) <= set(installs.replace("\\", " ").split())


def test_local_actions_exist() -> None:
    for path in WORKFLOWS:
        for step in steps(path):
            uses = step.get("uses", "")
            if uses.startswith("./"):
                assert (ROOT / uses / "action.yml").is_file(), f"{path.name}: {uses} is missing"


def codeowners_pattern(pattern: str) -> re.Pattern[str]:
    """A CODEOWNERS pattern (anchored with /, * within one folder, / at the end for a whole
    folder) as a regular expression over paths from the top of the repository."""
    body = re.escape(pattern.strip("/")).replace(r"\*", "[^/]*")
    anchored = pattern.startswith("/")
    folder = pattern.endswith("/")
    return re.compile(("" if anchored else "(.*/)?") + body + ("/.+" if folder else "(/.+)?"))


def test_the_codeowners_example_names_files_that_exist() -> None:
    files = [
        path.relative_to(ROOT).as_posix()
        for top in ("content", "templates", ".github")
        for path in (ROOT / top).rglob("*")
        if path.is_file()
    ]
    # each example is a content folder of its own: examples/NAME/YEAR/... stands for content/...
    files += [
        "content/" + path.relative_to(folder).as_posix()
        for folder in (ROOT / "examples").iterdir()
        for path in folder.rglob("*.yaml")
    ]
    rules = [
        line.split()
        for line in (GITHUB / "CODEOWNERS.example").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rules
    for pattern, *owners in rules:
        assert owners and all(re.fullmatch(r"@[\w-]+/[\w-]+", o) for o in owners), pattern
        if pattern != "*":
            assert any(codeowners_pattern(pattern).fullmatch(f) for f in files), pattern
    sections = [f for f in files if f.startswith("content/2014-15/")]
    specific = [codeowners_pattern(p) for p, *_ in rules if p.startswith("/content/*/")]
    assert [f for f in sections if not any(r.fullmatch(f) for r in specific)] == []


DEVCONTAINER = ROOT / ".devcontainer" / "devcontainer.json"


def test_the_dev_container_is_valid_and_sets_up_as_the_readme_says() -> None:
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "tests" / "devcontainer.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    config = json.loads(DEVCONTAINER.read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(config)]
    assert errors == []
    assert config["postCreateCommand"] == "sudo make system-deps && make report"
    assert 8000 in config["forwardPorts"]
    broken = {**config, "postCreateComand": "make report"}
    assert list(Draft202012Validator(schema).iter_errors(broken))
