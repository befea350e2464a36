"""Characters no report may print: control characters (a YAML escape such as ``"\\e"`` or
``"\\0"`` can write them) and the characters that reorder or hide text, such as the
right-to-left override, which make a sentence read differently from what reviewers saw in
the pull request. Each one is an error at its place; a terminal never sees it raw either,
since messages show it as an escape."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lscb_report.content.positions import problem_at, strings
from lscb_report.errors import printable
from lscb_report.rules.registry import needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.reading import Content
    from lscb_report.errors import Problem

HIDDEN = rule("hidden-character", "no control, invisible or direction-changing characters")
# The unprintable characters but the line break and the tab, which YAML prose may hold.
HIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
MAX_PER_TEXT = 10


@needs()
def hidden_characters(content: Content) -> Iterator[Problem]:
    """Each control, invisible or direction-changing character in any text of any file (the
    first few of a text, then one more saying how many there are)."""
    for model in content.files():
        loaded = model.loaded
        if loaded is None:
            continue
        for path, text in strings(loaded.data):
            for count, match in enumerate(HIDDEN_CHARACTERS.finditer(text), 1):
                if count > MAX_PER_TEXT:
                    break
                message = (
                    f"the character {printable(match.group())} (U+{ord(match.group()):04X}) "
                    "cannot be printed: it is a control character, or one that hides or "
                    "reverses text; delete it (it often comes from pasting, or from an escape "
                    'in quotes such as "\\e")'
                )
                yield tagged(problem_at(loaded, path, match.start(), message), HIDDEN)


CHECKS = [hidden_characters]
RULES = [HIDDEN]
