"""The strict loader: text stays text, and every refusal names its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from lscb_report.content.loading import Mark, load_bytes, load_file


def messages(source: bytes) -> list[str]:
    loaded, problems = load_bytes(source, "f.yaml")
    assert loaded is None
    return [str(p) for p in problems]


def test_values_stay_text_until_the_model_types_them() -> None:
    loaded, problems = load_bytes(b"a: no\nb: on\nc: 1.10\nd: 010\ne: 2015-10-08\nf: ~\n", "f")
    assert problems == []
    assert loaded is not None
    assert loaded.data == {
        "a": "no",
        "b": "on",
        "c": "1.10",
        "d": "010",
        "e": "2015-10-08",
        "f": None,
    }


def test_every_key_and_value_keeps_its_place() -> None:
    loaded, _ = load_bytes(b"title: x\nitems:\n  - one\n  - two: 2\n", "f")
    assert loaded is not None
    assert loaded.values[("items", 1, "two")] == Mark(4, 10)
    assert loaded.keys[("items", 1, "two")] == Mark(4, 5)
    assert loaded.mark(("items", 1, "missing")) == Mark(4, 5)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            b"a: 1\nb: 2\na: 3\n",
            "f.yaml:3:1: a: the key 'a' appears twice (first at line 1); keep one",
        ),
        (
            b"a: &x 1\n",
            "f.yaml:1:4: defines an anchor (&x); anchors and aliases are not allowed: remove it",
        ),
        (
            b"a: !!python/object:os.system x\n",
            "f.yaml:1:4: uses the tag !!python/object:os.system; tags are not allowed: remove it",
        ),
        (b"a: !custom x\n", "f.yaml:1:4: uses the tag !custom; tags are not allowed: remove it"),
        (
            b"a:\n\tb: 1\n",
            "f.yaml:2:1: a tab is used for indentation; YAML needs spaces (2 per level)",
        ),
        (
            b"title: caf\xe9\n",
            "f.yaml:1:11: byte 0xE9 is not UTF-8 text; save the file with UTF-8 encoding "
            "(in most editors: Save with Encoding > UTF-8)",
        ),
        (
            b"a: 1\n---\nb: 2\n",
            "f.yaml:2:1: holds more than one YAML document (---); keep one per file",
        ),
        (
            b"a: ok\nb: bell \x07\n",
            "f.yaml:2:9: contains the control character U+0007, which text cannot hold; delete it "
            "(it often comes from pasting out of another program)",
        ),
        (b"? [a, b]\n: 1\n", "f.yaml:1:3: a key must be a plain word, such as title"),
    ],
)
def test_refuses_what_content_must_not_use(source: bytes, expected: str) -> None:
    assert messages(source) == [expected]


def test_an_alias_is_refused_before_it_is_expanded() -> None:
    bomb = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for level in "bcdefghijklmnop":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous}]\n".encode()
    found = messages(bomb)
    assert found[0] == (
        "f.yaml:1:4: defines an anchor (&a); anchors and aliases are not allowed: remove it"
    )
    assert (
        "f.yaml:2:8: uses an alias (*a); anchors and aliases are not allowed: write the value "
        "out in full" in found
    )


def test_nesting_past_the_limit_is_refused() -> None:
    assert messages(b"a: " + b"[" * 40 + b"]" * 40 + b"\n") == [
        "f.yaml:1:36: is nested more than 32 levels deep; flatten it"
    ]


def test_broken_yaml_says_where_and_what_to_look_at() -> None:
    assert messages(b"title: Priority: one\n") == [
        "f.yaml:1:16: this value contains ': '; put the whole value in quotes, or write it as a "
        "block (key: | and the text indented on the lines below)"
    ]
    assert messages(b"a:\n  b: 1\n c: 2\n") == [
        "f.yaml:3:2: the indentation is not even: keys of the same level must line up in the "
        "same column"
    ]


def test_every_problem_in_a_file_at_once() -> None:
    assert len(messages(b"a: &x 1\nb: *x\nc: !t 2\n")) == 3


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    loaded, problems = load_file(path, max_bytes=1000)
    assert loaded is None
    assert [p.message for p in problems] == [
        "the file is 2,004 bytes, over the limit of 1,000; split it into smaller files"
    ]


def test_a_byte_order_mark_is_accepted() -> None:
    loaded, problems = load_bytes(b"\xef\xbb\xbfa: 1\n", "f")
    assert problems == [] and loaded is not None and loaded.data == {"a": "1"}
