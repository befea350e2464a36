"""Prose pitfalls that change the printed text without a word from anyone: paragraphs run
together because a value was not written as a block (``key: |``), and paragraph numbers
typed by hand, which the report then numbers a second time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lscb_report.content.positions import problem_at
from lscb_report.errors import Problem
from lscb_report.rules.registry import needs, rule

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

BLOCK = rule("prose-block", "text of more than one paragraph is written as a block")
NUMBERED = rule("paragraph-number", "paragraphs are not numbered by hand", "warning")

# A number such as 10.1 or 3.3.1 at the start of a paragraph, as the report prints its own.
_TYPED = re.compile(r"(?:^|\n\n)[ \t]*(\d{1,2}(?:\.\d{1,2}){1,3}\.?)[ \t]+(?=[A-Z])")


@needs()
def paragraphs_kept(content: Content) -> Iterable[Problem]:
    """A value whose paragraphs YAML joins (plain or folded, with a blank line) is an error."""
    for _, loaded, path, text in content.section_texts():
        span = loaded.spans.get(path)
        if span is not None and span.style in ("", ">") and "\n" in text.strip():
            yield problem_at(
                loaded,
                path,
                0,
                "this text has more than one paragraph, but it is not written as a block, so "
                "they would be printed as one; write the key with | after it (body: |) and "
                "the text on the lines below, indented",
                BLOCK.id,
            )


@needs()
def no_typed_numbers(content: Content) -> Iterable[Problem]:
    """A paragraph that starts with a number such as 10.1 is a warning at the number."""
    for _, loaded, path, text in content.section_texts():
        for match in _TYPED.finditer(text):
            yield problem_at(
                loaded,
                path,
                match.start(1),
                f"this paragraph starts with the number {match.group(1)}, but the report "
                "numbers its paragraphs itself, so it would be numbered twice; delete the number",
                NUMBERED.id,
            )


CHECKS = [paragraphs_kept, no_typed_numbers]
RULES = [BLOCK, NUMBERED]
