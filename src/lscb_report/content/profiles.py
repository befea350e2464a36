"""Statutory profiles: what a regime supplies by default to a board's report.

A profile holds the vocabulary (what a board calls itself), the chapters of the full report
in order, the rows of the committee cover sheet, the order of the standing activities and
the recipients the guidance names. A board picks one in board.yaml (``profile:``) and
departs from it where it chooses. Adding a regime is adding a ``Profile`` to ``PROFILES``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Cover-sheet fields the tool fills itself; any other field is one the board's template
# names and each year's report.yaml fills under cover.
COVER_FIELDS = (
    "date",
    "committee",
    "classification",
    "title",
    "report_of",
    "author",
    "key_decision",
)

# Chapters of the full report the tool knows how to make from the content; a chapter with
# another id is the board's own, with its text in report.yaml.
CHAPTERS = (
    "introduction",
    "governance",
    "priorities",
    "case-reviews",
    "activities",
    "conclusions",
    "next-priorities",
    "budget",
    "glossary",
    "recipients",
)

# Sections of the executive summary the tool knows how to make; another id is the board's own.
SUMMARY_CHAPTERS = (
    "summary",
    "key-matters",
    "recommendations",
    "priorities",
    "other-activity",
    "conclusions",
    "budget",
    "implications",
    "background-papers",
)


@dataclass(frozen=True)
class Profile:
    """One statutory regime's defaults for a board's report."""

    id: str
    title: str
    name: str  # what the board calls itself in the headings the tool writes
    chapters: tuple[tuple[str, str], ...]  # the full report's chapters: (id, title)
    summary_chapters: tuple[tuple[str, str], ...]  # the executive summary's sections: (id, title)
    cover_sheet: tuple[tuple[str, str], ...]  # the cover sheet's rows: (label, field)
    activity_order: tuple[str, ...]  # standing activities' kinds, in the order printed
    recipients: tuple[str, ...]  # whom the guidance says the report goes to


LSCB_WT2015 = Profile(
    id="lscb-wt2015",
    title="Local Safeguarding Children Board, Working Together to Safeguard Children 2015",
    name="Board",
    chapters=(
        ("introduction", "Introduction from the Independent Chair"),
        ("governance", "The {name} and its governance"),
        ("priorities", "Priority {number}: {title}"),
        ("case-reviews", "Learning from case reviews"),
        ("activities", "{title}"),
        ("conclusions", "Conclusions"),
        ("next-priorities", "Priorities for {next_year}"),
        ("budget", "Budget"),
        ("glossary", "Glossary"),
        ("recipients", "Who receives this report"),
    ),
    summary_chapters=(
        ("summary", "Executive Summary"),
        ("key-matters", "Key Matters for the Committee's Consideration"),
        ("recommendations", "Recommendations"),
        ("priorities", "Priorities reviewed in the Annual Report"),
        ("other-activity", "Other key activity of the {short_name}"),
        ("conclusions", "Conclusions of the Annual Report"),
        ("budget", "Budget"),
        ("implications", "{title}"),
        ("background-papers", "Background Papers"),
    ),
    cover_sheet=(
        ("Date", "date"),
        ("Committee", "committee"),
        ("Classification", "classification"),
        ("Title", "title"),
        ("Report of", "report_of"),
        ("Key decision", "key_decision"),
        ("Report Author and Contact Details", "author"),
    ),
    activity_order=(
        "child-death-overview",
        "quality-assurance",
        "lado",
        "complaints",
        "training",
    ),
    recipients=(
        "the Chief Executive of each council",
        "the Leader of each council",
        "the Police and Crime Commissioner",
        "the Chair of the Health and Wellbeing Board",
    ),
)

PROFILES: dict[str, Profile] = {LSCB_WT2015.id: LSCB_WT2015}
DEFAULT_PROFILE = LSCB_WT2015.id


def profile(profile_id: str) -> Profile:
    """The profile with an id (board.yaml's validation allows only known ids)."""
    return PROFILES[profile_id]


def activity_rank(profile_id: str, kind: str) -> int:
    """Where an activity of a kind comes among the activities: its profile's order, then the
    others in the order of their file names."""
    order = profile(profile_id).activity_order
    return order.index(kind) if kind in order else len(order)
