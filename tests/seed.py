"""The seed, split into the sentences and headings the executive summary must reproduce."""

from __future__ import annotations

import html
import re
from pathlib import Path

_NUMBER = re.compile(r"^(- )?(\d+(\.\d+)*\.?(\*\*)?\s*)?")


def seed_sentences(seed: Path) -> list[str]:
    """Every sentence, heading and cover-sheet entry of the seed, numbering removed."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and not re.search(r"[.:!?\"]$", joined[-1]) and line[0].islower():
            joined[-1] += " " + line  # a sentence split by a page break
        else:
            joined.append(line)
    units = []
    for line in joined:
        for part in line.split("\t"):
            part = _NUMBER.sub("", part.strip()).rstrip(":").strip()
            units += [s for s in re.split(r"(?<=[.!?])\s+", part) if s]
    return [part for unit in units for part in _contact_parts(unit)]


_CONTACT = re.compile(r"^(.+?) (0[\d ]+\d) (\S+@\S+)$")


def _contact_parts(unit: str) -> list[str]:
    """A contact run together (name, telephone, e-mail), which the report separates, as its
    parts; any other unit as it is."""
    match = _CONTACT.match(unit)
    return list(match.groups()) if match else [unit]


def markdown_text(markdown: str) -> str:
    """What a reader of the Markdown sees, with markup and links reduced to their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("|", " "))
    return " ".join(text.split())


def html_text(page: str) -> str:
    """The visible text of an HTML page."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"</?(abbr|a|strong|em|code|span)\b[^>]*>", "", page)  # inline: no space
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)).translate(_STRAIGHT)
    return " ".join(text.split())


# The HTML prints curly quotes and apostrophes where the seed, typed plainly, has straight ones.
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def missing(sentences: list[str], text: str) -> list[str]:
    return [s for s in sentences if " ".join(s.split()) not in text]
