"""Statutory profiles: what a regime supplies by default to a board's report.

A profile holds the vocabulary (what a board calls itself, who introduces its report, what
its reviews are called, whom it safeguards), the chapters of each document in order, the rows
of the committee cover sheet, the order of the standing activities, and the edition of the
statutory guidance it is held to (whose recipients and checklist live with the edition, in
rules/guidance, the one source of both). A board picks one in board.yaml (``profile:``) and
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
    "little-progress",
    "feedback",
    "contributions",
    "scrutiny",
)

# Chapters printed only where the year's content has the field that makes them, so that a
# profile may list them without an empty chapter in a report that has nothing to say there.
OPTIONAL_CHAPTERS = ("little-progress", "feedback", "contributions", "scrutiny")

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
    "contributions",
)


# The members a new board starts with (id, who, kind of agency): an LSCB's usual partners;
# the three safeguarding partners of the Children and Social Work Act 2017; the three members
# the Care Act 2014 (Schedule 2, paragraph 1) names for a Safeguarding Adults Board.
_LSCB_MEMBERS = (
    ("council", "the council", "local-authority"),
    ("police", "the police force", "police"),
    ("health", "the health bodies", "health"),
    ("probation", "the probation service", "probation"),
)
_STATUTORY_THREE = (
    ("council", "the local authority", "local-authority"),
    ("icb", "the integrated care board", "health"),
    ("police", "the chief officer of police", "police"),
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
    edition: str  # the id of the guidance edition the profile is held to (rules/guidance)
    introduced_by: str  # who writes the introduction: the Independent Chair ...
    reviews: str  # what the regime calls its reviews, in running text
    people: str  # whom the board safeguards: children, or adults
    document: str = "Annual Report"  # what the regime calls the full report, on its cover
    impact_title: str = "Impact on children, families and the workforce"  # each priority's
    members: tuple[tuple[str, str, str], ...] = _LSCB_MEMBERS  # (id, who, kind) to start with
    starter_activities: tuple[tuple[str, str], ...] = ()  # (kind, title) the regime asks for


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
    edition="working-together-2015",
    introduced_by="the Independent Chair",
    reviews="serious case reviews",
    people="children",
)

_PARTNERSHIP_SUMMARY = (
    ("summary", "Executive Summary"),
    ("key-matters", "Key Matters for the Committee's Consideration"),
    ("recommendations", "Recommendations"),
    ("priorities", "Priorities reviewed in the Yearly Report"),
    ("contributions", "What each partner did"),
    ("other-activity", "Other key activity of the {short_name}"),
    ("conclusions", "How effective the arrangements have been"),
    ("budget", "Budget"),
    ("implications", "{title}"),
    ("background-papers", "Background Papers"),
)
_PARTNERSHIP_COVER = (
    ("Date", "date"),
    ("Committee", "committee"),
    ("Classification", "classification"),
    ("Title", "title"),
    ("Report of", "report_of"),
    ("Report Author and Contact Details", "author"),
)
_CHILDREN_REVIEWS = "rapid reviews and local child safeguarding practice reviews"


def _partnership_chapters(intro: str) -> tuple[tuple[str, str], ...]:
    """A safeguarding children partnership's yearly report: the four things Working Together
    asks it to include, each a chapter, and the independent scrutineer's own."""
    return (
        ("introduction", intro),
        ("governance", "The {name} and its arrangements"),
        ("priorities", "Priority {number}: {title}"),
        ("little-progress", "Where there has been little or no progress"),
        ("case-reviews", "Learning from rapid reviews and practice reviews"),
        ("feedback", "What children and families told us"),
        ("contributions", "What each partner did"),
        ("activities", "{title}"),
        ("scrutiny", "Independent scrutiny"),
        ("conclusions", "How effective the arrangements have been"),
        ("next-priorities", "Priorities for {next_year}"),
        ("budget", "Budget"),
        ("glossary", "Glossary"),
        ("recipients", "Who receives this report"),
    )


PARTNERSHIP_WT2018 = Profile(
    id="partnership-wt2018",
    title="Safeguarding Children Partnership, Working Together to Safeguard Children 2018",
    name="Partnership",
    chapters=_partnership_chapters("Introduction from the safeguarding partners"),
    summary_chapters=_PARTNERSHIP_SUMMARY,
    cover_sheet=_PARTNERSHIP_COVER,
    activity_order=("child-death-overview", "quality-assurance", "training"),
    edition="working-together-2018",
    introduced_by="the safeguarding partners",
    reviews=_CHILDREN_REVIEWS,
    document="Yearly Report",
    people="children",
    members=_STATUTORY_THREE,
    starter_activities=(("training", "Training and its impact"),),
)

PARTNERSHIP_WT2023 = Profile(
    id="partnership-wt2023",
    title="Safeguarding Children Partnership, Working Together to Safeguard Children 2023",
    name="Partnership",
    chapters=_partnership_chapters("Introduction from the lead safeguarding partners"),
    summary_chapters=_PARTNERSHIP_SUMMARY,
    cover_sheet=_PARTNERSHIP_COVER,
    activity_order=("child-death-overview", "quality-assurance", "education", "training"),
    edition="working-together-2023",
    introduced_by="the lead safeguarding partners",
    reviews=_CHILDREN_REVIEWS,
    document="Yearly Report",
    people="children",
    members=(*_STATUTORY_THREE, ("education", "the education and childcare settings", "education")),
    starter_activities=(("training", "Training and its impact"),),
)

SAB_CARE_ACT_2014 = Profile(
    id="sab-care-act-2014",
    title="Safeguarding Adults Board, the Care Act 2014 (Schedule 2, paragraph 4)",
    name="Board",
    chapters=(
        ("introduction", "Introduction from the Independent Chair"),
        ("governance", "The {name} and its governance"),
        ("priorities", "Strategic priority {number}: {title}"),
        ("contributions", "What each member did to implement the strategy"),
        ("case-reviews", "Safeguarding adults reviews"),
        ("feedback", "What people told us"),
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
        ("priorities", "Strategic priorities reviewed in the Annual Report"),
        ("contributions", "What each member did to implement the strategy"),
        ("other-activity", "Other key activity of the {short_name}"),
        ("conclusions", "Conclusions of the Annual Report"),
        ("budget", "Budget"),
        ("implications", "{title}"),
        ("background-papers", "Background Papers"),
    ),
    cover_sheet=_PARTNERSHIP_COVER,
    activity_order=("quality-assurance", "training"),
    edition="care-act-2014",
    introduced_by="the Independent Chair",
    reviews="safeguarding adults reviews",
    people="adults",
    impact_title="Impact on adults at risk, their carers and the workforce",
    members=_STATUTORY_THREE,
)

PROFILES: dict[str, Profile] = {
    chosen.id: chosen
    for chosen in (LSCB_WT2015, PARTNERSHIP_WT2018, PARTNERSHIP_WT2023, SAB_CARE_ACT_2014)
}
DEFAULT_PROFILE = LSCB_WT2015.id


def profile(profile_id: str) -> Profile:
    """The profile with an id (board.yaml's validation allows only known ids)."""
    return PROFILES[profile_id]


def activity_rank(profile_id: str, kind: str) -> int:
    """Where an activity of a kind comes among the activities: its profile's order, then the
    others in the order of their file names."""
    order = profile(profile_id).activity_order
    return order.index(kind) if kind in order else len(order)
