"""Personal data lint: a published report must not hold what could identify a child or family.

NHS-number-like numbers, UK postcodes, dates of birth, and e-mail addresses and phone numbers
outside the contact fields (a person's ``email`` and ``phone``) are errors at their line and
column; so is a case review whose subject is not an anonymised label such as "Child A". The
messages never repeat what was found: they end up in CI logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lscb_report.content.positions import problem_at, strings
from lscb_report.errors import Problem
from lscb_report.rules.printed import views
from lscb_report.rules.registry import Rule, needs, rule, tagged

if TYPE_CHECKING:
    from lscb_report.content.loading import Loaded
    from lscb_report.content.reading import Content

NHS_NUMBER = rule("personal-nhs-number", "no NHS-number-like numbers")
POSTCODE = rule("personal-postcode", "no UK postcodes")
BIRTH_DATE = rule("personal-date-of-birth", "no dates of birth")
EMAIL = rule("personal-email", "no e-mail addresses outside the contact fields")
PHONE = rule("personal-phone", "no phone numbers outside the contact fields")
SUBJECT = rule("review-subject", "a case review's subject is an anonymised label")

CONTACT_FIELDS = frozenset({"email", "phone"})
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)


@dataclass(frozen=True)
class Pattern:
    """What one kind of personal data looks like, and what to say when it is found."""

    rule: Rule
    regex: re.Pattern[str]
    message: str
    digits: tuple[int, int] = (0, 99)
    near: re.Pattern[str] | None = None  # a cheap test a text must pass before the regex

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in a text."""
        if self.near is not None and not self.near.search(text):
            return iter(())
        return self.regex.finditer(text)

    def accepts(self, found: str) -> bool:
        """Whether a match has a plausible number of digits for its kind."""
        low, high = self.digits
        return low <= sum(ch.isdigit() for ch in found) <= high


_CONTACTS = "the contact fields of the board's chair and the report's author"
_PUBLIC = "a service's public {} may be printed once it is listed in public_contacts in board.yaml"
# Order matters: a span found by an earlier pattern is not reported again by a later one.
PATTERNS = [
    Pattern(
        EMAIL,
        re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
        f"an e-mail address is written here; e-mail addresses belong only in {_CONTACTS} (email:); "
        + _PUBLIC.format("address"),
        near=re.compile("@"),
    ),
    Pattern(
        BIRTH_DATE,
        re.compile(
            rf"\b(?:born|birth(?:days?|dates?)?|dob|d\.o\.b\.?)\b[^.\n]{{0,30}}?{_DATE}"
            rf"|{_DATE}\s*\((?:dob|d\.o\.b\.?|born)\)",
            re.IGNORECASE,
        ),
        "a date of birth is written here, which can identify a child; remove it (give an age "
        "group, such as 'under 5', if age matters)",
        near=re.compile(r"born|birth|dob|d\.o\.b", re.IGNORECASE),
    ),
    Pattern(
        PHONE,
        re.compile(
            r"(?<![\w£.])(?:\+44\s?(?:\(0\)\s?)?|0)\d{2,4}(?:[\s-]?\d{3,4}){1,2}(?![\w.]\d)"
        ),
        f"a phone number is written here; phone numbers belong only in {_CONTACTS} (phone:); "
        + _PUBLIC.format("line"),
        (10, 13),
    ),
    Pattern(
        NHS_NUMBER,
        re.compile(r"(?<![\w£.,])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w,]|\.\d)"),
        "a number like an NHS number (10 digits) is written here, which identifies a person; "
        "remove it",
        (10, 10),
        near=re.compile(r"\d\d\d[ -]?\d\d\d"),
    ),
    Pattern(
        POSTCODE,
        re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"),
        "a postcode is written here, which can show where a child or family lives; remove it, "
        "or name the area instead",
        near=re.compile(r"[A-Z]\d"),
    ),
]
_LABEL = re.compile(
    r"(?:Child|Children|Baby|Young Person|Young People|Family|Sibling Group|Siblings|Adult|"
    r"Mother|Father|Parent|Subject|Case)\s+[A-Z]{1,2}\d{0,2}(?:(?:,\s*|\s+and\s+)[A-Z]{1,2}\d{0,2})*"
)


@needs()
def no_personal_data(content: Content) -> Iterable[Problem]:
    """Every text value of every file is free of personal data, contact fields aside."""
    public = public_contacts(content)
    for model in content.files():
        loaded = model.loaded
        if loaded is not None:
            yield from personal_data(loaded, public)


def public_contacts(content: Content) -> frozenset[str]:
    """The services' phone lines and e-mail addresses board.yaml declares public, as written
    in prose with any spacing."""
    board = content.board
    return frozenset(_bare(c) for c in board.public_contacts) if board is not None else frozenset()


def _bare(contact: str) -> str:
    return re.sub(r"[\s-]", "", contact).lower()


def personal_data(loaded: Loaded, public: frozenset[str] = frozenset()) -> Iterator[Problem]:
    """The personal data found in one file's text, each at its line and column; a public
    contact line is not personal data."""
    for path, text in strings(loaded.data):
        if path and path[-1] in CONTACT_FIELDS:
            continue
        taken: list[tuple[int, int]] = []
        for view in views(text):  # as written, and as printed (printed.py)
            for pattern in PATTERNS:
                for match in pattern.finditer(view.text):
                    start, end = view.span(match)
                    overlaps = any(a < end and start < b for a, b in taken)
                    if overlaps or not pattern.accepts(match.group(0)):
                        continue
                    if pattern.rule in (EMAIL, PHONE) and _bare(match.group(0)) in public:
                        continue
                    taken.append((start, end))
                    yield problem_at(loaded, path, start, pattern.message, pattern.rule.id)


@needs()
def anonymised_subjects(content: Content) -> Iterable[Problem]:
    """Each case review names its subject by an anonymised label, never a name."""
    for review in content.reviews:
        if not _LABEL.fullmatch(review.subject):
            yield tagged(
                review.problem(
                    ("subject",),
                    "the subject must be an anonymised label such as 'Child A' (or 'Baby B', "
                    "'Young Person C', 'Family D'), never a name or initials that could identify "
                    "the child; write the label and use it in the title and text",
                ),
                SUBJECT,
            )


CHECKS = [no_personal_data, anonymised_subjects]
RULES = [NHS_NUMBER, POSTCODE, BIRTH_DATE, EMAIL, PHONE, SUBJECT]
