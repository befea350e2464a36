"""The line and column of a character inside a value, whatever the value's YAML style."""

from __future__ import annotations

from lscb_report.content.loading import Loaded, Mark, load_bytes
from lscb_report.content.positions import locate, strings

TEXT = """\
literal: |
  first line
    indented {a}

  after a blank {b}
folded: >
  folded {c}
  continues {d}
plain: a plain value
  running on {e}
quoted: 'single {f}'
escaped: "tab\\there {g}"
list:
  - item: |2
       deeper {h}
"""


def places() -> dict[str, Mark]:
    loaded, problems = load_bytes(TEXT.encode(), "test.yaml")
    assert problems == [] and isinstance(loaded, Loaded)
    found = {}
    for path, text in strings(loaded.data):
        start = 0
        while (start := text.find("{", start)) >= 0:
            found[text[start + 1]] = locate(loaded, path, start)
            start += 1
    return found


def test_each_character_is_found_where_it_is_written() -> None:
    lines = TEXT.splitlines()
    found = places()
    for key in "abcdefh":
        mark = found[key]
        assert lines[mark.line - 1][mark.column - 1 :].startswith(f"{{{key}}}"), key


def test_where_escapes_part_the_value_from_its_source_the_value_is_given() -> None:
    assert places()["g"] == Mark(12, 10)
