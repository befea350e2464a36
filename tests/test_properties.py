"""Property-based tests: whatever bytes, YAML or prose come in, the loader and the commands
answer with problems or outputs, never a traceback, and nothing live reaches the outputs.

Example counts are bounded so the suite stays fast; hypothesis keeps any failure it finds
in .hypothesis/ and tries it first next time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from lscb_report.cli.app import app
from lscb_report.content.loading import load_bytes
from lscb_report.render.markup import markdown_to_body
from lscb_report.rules.safety import safe_markdown
from lscb_report.rules.scanning import scan
from tests.payload import PRIORITY, live_html, live_markdown, put

runner = CliRunner()
QUICK = settings(max_examples=200, deadline=None)
SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FILES = [
    "board.yaml",
    "glossary.yaml",
    "2020-21/report.yaml",
    "2020-21/budget.yaml",
    "2020-21/metrics.yaml",
    "2020-21/priorities/01-neglect.yaml",
    "2020-21/activities/training.yaml",
    "2020-21/reviews/scr-child-a.yaml",
]

# Characters that mean something to YAML or Markdown, and a few that trouble decoders.
SIGNIFICANT = ":-[]{}&*!|>'\"#%@`,?~ \n\t\\<>()/=;.0123456789aAzZ_+é€\u2028\x85\ufeff"
yaml_text = st.text(alphabet=st.sampled_from(SIGNIFICANT) | st.characters(), max_size=300)
markdown_text = st.text(
    alphabet=st.sampled_from(list("<>[]()!`*_#:;/\\&=\"' \n-|.aeijpstv")) | st.characters(),
    max_size=200,
) | st.lists(
    st.sampled_from(
        [
            "<script>", "</script>", "<a href=", "javascript:", "[x](", ")", "![", "](", "<",
            ">", "\n\n", "\n", "    ", "> ", "- ", "| a |\n| - |\n", "`", "&#106;", "<!--",
            "-->", "[r]: ", "[r]", "::: note", "\"", "'", "data:", "file:///etc/passwd",
            "https://example.org", "# ", "<div>", "<?", "?>", "<![CDATA[", "]]>", " ",
        ]
    ),
    max_size=30,
).map("".join)  # fmt: skip
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def invoke(*args: str) -> Result:
    """Run a command; it must exit 0 or 1 with no exception escaping."""
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    return result


@contextmanager
def replaced(path: Path, data: bytes) -> Iterator[None]:
    """The file holds data for the duration, and its own bytes again after."""
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        yield
    finally:
        path.write_bytes(original)


@QUICK
@given(st.binary(max_size=400))
def test_any_bytes_load_or_give_problems(raw: bytes) -> None:
    loaded, problems = load_bytes(raw, "f.yaml")
    assert (loaded is None) == bool(problems)
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in problems)


@QUICK
@given(yaml_text)
def test_any_yaml_text_loads_or_gives_problems(text: str) -> None:
    loaded, problems = load_bytes(text.encode("utf-8", "surrogatepass"), "f.yaml")
    assert (loaded is None) == bool(problems)


@SLOW
@given(name=st.sampled_from(FILES), raw=st.binary(max_size=300))
def test_check_answers_any_bytes_in_any_file(small: Path, name: str, raw: bytes) -> None:
    with replaced(small / name, raw):
        invoke("check", "2020-21")


@SLOW
@given(name=st.sampled_from(FILES), data=documents)
def test_check_answers_any_yaml_document_in_any_file(small: Path, name: str, data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    with replaced(small / name, text.encode("utf-8", "surrogatepass")):
        invoke("check", "2020-21", "--format", "json")


@SLOW
@given(name=st.sampled_from(FILES), line=st.integers(0, 40), value=yaml_text)
def test_check_answers_any_value_in_a_real_file(
    small: Path, name: str, line: int, value: str
) -> None:
    path = small / name
    lines = path.read_text(encoding="utf-8").split("\n")
    number = line % len(lines)
    key = lines[number].split(":", 1)[0] if ":" in lines[number] else lines[number]
    lines[number] = f"{key}: {value}"
    with replaced(path, "\n".join(lines).encode("utf-8", "surrogatepass")):
        invoke("check", "2020-21")


@SLOW
@given(prose=markdown_text)
def test_any_prose_builds_with_nothing_live(small: Path, prose: str) -> None:
    path = small / PRIORITY
    with replaced(path, path.read_bytes()):
        put(small, prose.replace("\ud800", ""))
        result = invoke("build", "2020-21", "--format", "md", "--format", "html")
        out = small.parent / "build" / "2020-21"
        if result.exit_code == 0:
            assert live_markdown((out / "annual-report.md").read_text()) == []
            assert live_html((out / "annual-report.html").read_text()) == []


@QUICK
@given(markdown_text)
def test_safe_markdown_leaves_nothing_live(text: str) -> None:
    assert live_markdown(safe_markdown(text)) == []


@QUICK
@given(markdown_text)
def test_the_html_renderer_makes_nothing_live(text: str) -> None:
    page = f"<html><head><style></style></head><body>{markdown_to_body(text)}</body></html>"
    assert live_html(page) == []


@QUICK
@given(markdown_text)
def test_every_place_found_is_where_the_finding_starts(text: str) -> None:
    normal = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    for found in scan(text):
        if found.offset is not None:
            assert normal[found.offset] in {"link": "[<", "image": "!", "html": "<"}[found.kind]
