"""Acronyms: spelt out at their first use in each document, explained in HTML with
``<abbr title>``, and the ones the glossary lacks found for ``check`` to warn about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from lscb_report.content.models import FileModel, Glossary
from lscb_report.content.positions import strings
from lscb_report.errors import Problem
from lscb_report.rules.placeholders import PLACEHOLDER

# A word of letters with at least two capitals and no more small letters than capitals, so
# CSE, DfE and SCRs count and Westminster, McDonald and iPhone do not.
_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?![\w-])")
_ROMAN = re.compile(r"[IVX]+")
_PLURAL = ("s",)
_POSSESSIVE = ("'s", "\u2019s")
_parser = MarkdownIt("commonmark").enable("table")


def is_acronym(word: str) -> bool:
    """Whether a word reads as an acronym: CSE, DfE, SCRs, but not a Roman numeral."""
    capitals = sum(1 for c in word if c.isupper())
    return (
        bool(_WORD.fullmatch(word))
        and capitals >= len(word) - capitals
        and not _ROMAN.fullmatch(word)
    )


def acronyms(glossary: Glossary) -> dict[str, str]:
    """The glossary's acronyms with their meanings."""
    return {t.term: " ".join(t.meaning.split()) for t in glossary.terms if is_acronym(t.term)}


def expansion(meaning: str) -> str:
    """The words an acronym stands for: the meaning up to its first comma."""
    return meaning.split(",", 1)[0].strip()


def known(word: str, terms: Mapping[str, str]) -> str | None:
    """The glossary term a word is (CSE), or is the plural of (SCRs), if any."""
    if word in terms:
        return word
    if word.endswith(_PLURAL) and word[:-1] in terms:
        return word[:-1]
    return None


@dataclass(frozen=True)
class Use:
    """Where an acronym stands in a Markdown text."""

    line: int
    start: int
    end: int
    word: str


def spell_out(markdown: str, glossary: Glossary) -> str:
    """The Markdown with each acronym spelt out at its first use in prose ("child sexual
    exploitation (CSE)"), unless the words it stands for already come before it."""
    terms = acronyms(glossary)
    if not terms:
        return markdown
    lines = markdown.split("\n")
    firsts: dict[str, Use] = {}
    for use in _prose_uses(lines, terms):
        term = known(use.word, terms)
        if (
            term is not None
            and term not in firsts
            and lines[use.line][use.end :][:2] not in _POSSESSIVE
            and (_introduced(lines, use) or not _in_brackets(lines, use))
        ):
            firsts[term] = use  # an aside in brackets waits for a use outside them
    for term, use in sorted(firsts.items(), key=lambda item: (-item[1].line, -item[1].start)):
        words = expansion(terms[term])
        if _introduced(lines, use) or _already_spelt_out(lines, use, words):
            continue
        if use.word != term and not words.endswith("s"):
            words += "s"
        before = lines[use.line][: use.start]
        if _starts_sentence(before):
            words = words[0].upper() + words[1:]
        lines[use.line] = f"{before}{words} ({use.word}){lines[use.line][use.end :]}"
    return "\n".join(lines)


def _prose_uses(lines: list[str], terms: Mapping[str, str]) -> Iterator[Use]:
    """Acronyms in paragraphs and list items, in reading order (not headings or tables)."""
    tokens = _parser.parse("\n".join(lines))
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.map is None or index == 0:
            continue
        if tokens[index - 1].type != "paragraph_open":
            continue
        for number in range(*token.map):
            for match in _WORD.finditer(lines[number]):
                if known(match.group(), terms):
                    yield Use(number, match.start(), match.end(), match.group())


def _plain(text: str) -> str:
    """Text compared for its words alone, without markup, case or hyphens."""
    text = re.sub(r"[\\*_`\[\]]", "", text).replace("\u2019", "'")
    return " ".join(re.sub(r"[-\u2010-\u2014]", " ", text).lower().split())


def _in_brackets(lines: list[str], use: Use) -> bool:
    """Whether a use stands inside brackets in its paragraph, such as a writer's own
    "(MACE)": spelling it out there would nest one bracket in another."""
    start = use.line
    while start > 0 and lines[start - 1].strip():
        start -= 1
    before = "\n".join([*lines[start : use.line], lines[use.line][: use.start]])
    return before.count("(") > before.count(")")


def _introduced(lines: list[str], use: Use) -> bool:
    """Whether the acronym stands alone in brackets, as a writer introduces one: "(MACE)"."""
    line = lines[use.line]
    return line[: use.start].endswith("(") and line[use.end :].startswith(")")


def _already_spelt_out(lines: list[str], use: Use, words: str) -> bool:
    """Whether the words come before the acronym's first use, or in brackets just after."""
    before = "\n".join([*lines[: use.line], lines[use.line][: use.start]])
    after = lines[use.line][use.end :].lstrip()
    return _plain(words) in _plain(before) or _plain(after).startswith(f"({_plain(words)}")


def _starts_sentence(before: str) -> bool:
    text = re.sub(r"^\s*([-+*]|\d+[.)])\s+", "", before)  # a list marker
    text = re.sub(r"\*\*[\d.]+\*\*\s*", "", text).strip(" *_")  # a paragraph number
    return not text or text.endswith((".", "!", "?", ":"))


def unknown(text: str, terms: Iterable[str]) -> list[str]:
    """The acronyms in a text that are not glossary terms, each once, in order of use."""
    glossary = dict.fromkeys(terms, "")
    found: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if is_acronym(word) and known(word, glossary) is None and word not in found:
            found.append(word)
    return found


def abbr_plugin(md: MarkdownIt) -> None:
    """Mark the first use in prose of each glossary acronym, where ``spell_out`` spells it
    out, as ``<abbr title="meaning">``; the terms come in the parser's env as
    ``{"terms": {"CSE": "child sexual exploitation"}}``. Marking every use would underline
    dozens a page."""
    md.core.ruler.push("abbr", _mark_abbreviations)
    md.add_render_rule("abbr_open", _render_abbr_open)
    md.add_render_rule("abbr_close", lambda *_: "</abbr>")


def _mark_abbreviations(state: StateCore) -> None:
    terms: Mapping[str, str] = state.env.get("terms") or {}
    if not terms:
        return
    seen: set[str] = set()
    for index, token in enumerate(state.tokens):
        if token.type != "inline" or not token.children or index == 0:
            continue
        if state.tokens[index - 1].type != "paragraph_open":
            continue  # a heading or table cell: spell_out spells out in prose only
        children: list[Token] = []
        for child in token.children:
            children += _split(child, terms, seen) if child.type == "text" else [child]
        token.children = children


def _split(token: Token, terms: Mapping[str, str], seen: set[str]) -> list[Token]:
    """A text token cut into text and the abbreviations not ``seen`` before (then seen)."""
    out: list[Token] = []
    text, last = token.content, 0
    for match in _WORD.finditer(text):
        term = known(match.group(), terms)
        if term is None or term in seen:
            continue
        seen.add(term)
        if match.start() > last:
            out.append(_text(text[last : match.start()], token.level))
        opening = Token("abbr_open", "abbr", 1, level=token.level)
        opening.attrSet("title", terms[term])
        out += [opening, _text(match.group(), token.level + 1)]
        out.append(Token("abbr_close", "abbr", -1, level=token.level))
        last = match.end()
    if not out:
        return [token]
    if last < len(text):
        out.append(_text(text[last:], token.level))
    return out


def _text(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)


def _render_abbr_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, _options: OptionsDict, _env: EnvType
) -> str:
    return f'<abbr title="{escapeHtml(str(tokens[idx].attrGet("title")))}">'


def unexplained(glossary: Glossary, models: Iterable[FileModel]) -> Iterator[Problem]:
    """A warning at the first use, in each file, of an acronym the glossary does not hold."""
    terms = [term.term for term in glossary.terms]
    for model in models:
        seen: set[str] = set()
        for path, text in strings(model.raw_data):
            for word in unknown(text.replace(PLACEHOLDER, ""), terms):
                if word in seen:
                    continue
                seen.add(word)
                term = word[:-1] if word.endswith("s") and is_acronym(word[:-1]) else word
                message = (
                    f"'{word}' looks like an acronym that {glossary.file} does not explain; "
                    f"add it there (term: {term}, meaning: what it stands for) so that the "
                    "report can spell it out, or write the words in full"
                )
                yield model.problem(path, message, word=word).as_warning()
