"""Names in prose: a child or family member named in a published report can be identified.

A person's name is found as a given name followed by a surname ("Jamie Smith"), a title and a
surname ("Mrs Smith"), a given name followed by an age ("Jamie, aged 13", "Jamie (13)"), or a
name after a relation ("his mother, Hodan,"). The given names are Faker's lists for the
languages most spoken in English local authorities: a maintained, MIT-licensed source of about
8,500 names, read once, with no model to download. Names the board declares may be printed: its
chair, the report's author, the chairs of its groups, its areas and partners, the glossary's
terms, and its ``public_names`` (officers, public figures, places). The messages never repeat
the name found: they end up in CI logs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from lscb_report.content.positions import problem_at, strings
from lscb_report.errors import Problem
from lscb_report.rules.registry import needs, rule

if TYPE_CHECKING:
    from lscb_report.content.reading import Content

NAME = rule("personal-name", "no person's name in prose, besides those the board declares")

# Faker's person providers for English and the languages most spoken in English local
# authorities; a provider's names in another script are left out (prose here is in English).
LOCALES = [
    "en_US",
    "en_GB",
    "en_IE",
    "en_IN",
    "en_PK",
    "en_NZ",
    "en_NG",
    "en_KE",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "sw",
    "pl_PL",
    "ro_RO",
    "pt_PT",
    "pt_BR",
    "es_ES",
    "fr_FR",
    "it_IT",
    "tr_TR",
    "de_DE",
    "nl_NL",
    "lt_LT",
    "hr_HR",
    "sk_SK",
    "cs_CZ",
    "hu_HU",
]
_LISTS = ("first_names", "first_names_male", "first_names_female")
_WORD = r"[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?"
_SURNAME = rf"(?:Mc|Mac|O['\u2019])?{_WORD}"
_FULL = re.compile(rf"(?<![\w'\u2019-])({_WORD})[ \t]+({_SURNAME})(?![\w-])")
_TITLED = re.compile(rf"(?<![\w-])(?:Mr|Mrs|Ms|Miss|Master|Mx)\.?[ \t]+({_SURNAME})(?![\w-])")
_AGED = re.compile(
    rf"(?<![\w'\u2019-])({_WORD})(?:,?[ \t]+\(?aged?[ \t]+\d|[ \t]*\((?:aged?[ \t]+)?\d{{1,2}}\)"
    r"|,[ \t]+\d{1,2},)"
)
_KIN = (
    r"(?:mother|father|brother|sister|son|daughter|stepfather|stepmother|grandmother|grandfather"
    r"|uncle|aunt|cousin|boyfriend|girlfriend)"
)
# "his mother, Hodan, said": a capitalised word set off after a relation is a name, listed
# or not; "his mother Hodan" needs a listed given name.
_RELATED = re.compile(rf"\b{_KIN}(?:,[ \t]+({_WORD}),|[ \t]+({_WORD})\b)")
# A given name before one of these is a place or a body, not a person: Victoria Park, Grace House.
PLACES = frozenset(
    [
        "Academy",
        "Avenue",
        "Board",
        "Bridge",
        "Centre",
        "Church",
        "Close",
        "College",
        "Council",
        "Court",
        "Estate",
        "Foundation",
        "Gardens",
        "Green",
        "Group",
        "Hall",
        "Health",
        "Hill",
        "Home",
        "House",
        "Hospital",
        "Lane",
        "Library",
        "Lodge",
        "Mosque",
        "Nursery",
        "Panel",
        "Park",
        "Partnership",
        "Place",
        "Primary",
        "Project",
        "Road",
        "School",
        "Service",
        "Services",
        "Square",
        "Station",
        "Street",
        "Team",
        "Terrace",
        "Trust",
        "Unit",
        "Walk",
        "Ward",
        "Way",
    ]
)
# Fields that hold an officer's name by design (the author's, the approver's) rather than prose,
# and a review's subject, which has a rule of its own (privacy.py).
NOT_PROSE = frozenset({"name", "approved_by", "report_of", "subject"})
MESSAGE = (
    "a person's name seems to be written here, which could identify a child or family; "
    "write an anonymised label such as 'Child A' instead, or, if this is someone or somewhere "
    "the report may name, add the name to public_names in board.yaml"
)


@cache
def given_names() -> frozenset[str]:
    """Every given name in the chosen Faker locales, written in Latin letters."""
    found: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in _LISTS:
            names = getattr(provider, attribute, ())
            found.update(n for n in names if isinstance(n, str) and re.fullmatch(_WORD, n))
    return frozenset(found)


def declared(content: Content) -> list[str]:
    """The names the report may print: the board's people, places, partners and terms."""
    board = content.board
    names = [board.name, board.short_name, board.chair.name, *board.areas, *board.public_names]
    names += [p.name for p in board.partners]
    names += [g.chair for g in board.groups if g.chair] + [g.name for g in board.groups]
    names += [t.term for t in content.glossary.terms] + [t.meaning for t in content.glossary.terms]
    if content.report is not None:
        names.append(content.report.cover.author.name)
    return [name for name in names if name.strip()]


def declared_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One pattern for every declared name, the longest first."""
    ordered = sorted({name for name in names if name}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, ordered))})(?!\w)")


def masked(text: str, declared: re.Pattern[str]) -> str:
    """The text with each declared name blanked out, keeping every other character's offset."""
    return declared.sub(lambda m: " " * len(m.group()), text)


def names_in(text: str, declared_words: frozenset[str]) -> Iterator[int]:
    """The offset of each person's name in a text whose declared names are blanked out."""
    given = given_names()
    for match in _FULL.finditer(text):
        surname = match.group(2)
        if match.group(1) in given and surname not in declared_words and surname not in PLACES:
            yield match.start()
    for match in _TITLED.finditer(text):
        if match.group(1) not in declared_words:
            yield match.start()
    for match in _AGED.finditer(text):
        if match.group(1) in given:
            yield match.start()
    for match in _RELATED.finditer(text):
        if match.group(1) or match.group(2) in given:
            yield match.start(1) if match.group(1) else match.start(2)


@needs("board", "glossary", "report")
def no_names(content: Content) -> Iterable[Problem]:
    """No prose names a person the board has not declared, each found at its line and column."""
    allowed = declared(content)
    pattern = declared_pattern(allowed)
    words = frozenset(word for name in allowed for word in name.split())
    for model in content.files():
        loaded = model.loaded
        if loaded is None or model is content.board or model is content.glossary:
            continue
        for path, text in strings(loaded.data):
            if path[-1:] and path[-1] in NOT_PROSE:
                continue
            offsets = sorted(set(names_in(masked(text, pattern), words)))
            for offset in offsets:
                yield problem_at(loaded, path, offset, MESSAGE, NAME.id)


CHECKS = [no_names]
RULES = [NAME]
