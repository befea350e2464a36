"""The content model: what each YAML file may hold, with the types a person would expect.

Every model forbids unknown keys, so a misspelt key is reported rather than ignored.
Prose fields hold Markdown. Each section has a ``summary`` (printed in the executive
summary) and a ``body`` (printed in the full annual report).
"""

from lscb_report.content.models.base import (
    FileModel,
    Markdown,
    Model,
    Money,
    Section,
    SignOff,
    SignOffField,
    Slug,
    YearKey,
)
from lscb_report.content.models.board import (
    Board,
    CoverRow,
    Glossary,
    Group,
    Partner,
    PartnerKind,
    Person,
    RuleSettings,
    Term,
    Words,
)
from lscb_report.content.models.figures import (
    Budget,
    Contribution,
    Expenditure,
    Income,
    Metrics,
    Series,
    Spend,
)
from lscb_report.content.models.regime import MemberAccount, Scrutiny
from lscb_report.content.models.year import (
    Activity,
    ActivityKind,
    CaseReview,
    Chapter,
    Cover,
    Implication,
    NextPriority,
    OtherFunctions,
    PracticeArea,
    Priority,
    Recommendation,
    Report,
)

__all__ = [
    "Activity",
    "ActivityKind",
    "Board",
    "Budget",
    "CaseReview",
    "Chapter",
    "Contribution",
    "Cover",
    "CoverRow",
    "Expenditure",
    "FileModel",
    "Glossary",
    "Group",
    "Implication",
    "Income",
    "Markdown",
    "MemberAccount",
    "Metrics",
    "Model",
    "Money",
    "NextPriority",
    "OtherFunctions",
    "Partner",
    "PartnerKind",
    "Person",
    "PracticeArea",
    "Priority",
    "Recommendation",
    "Report",
    "RuleSettings",
    "Scrutiny",
    "Section",
    "Series",
    "SignOff",
    "SignOffField",
    "Slug",
    "Spend",
    "Term",
    "Words",
    "YearKey",
]
