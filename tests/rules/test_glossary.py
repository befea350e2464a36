"""Acronyms: spelt out once at first use in prose, never doubled, marked <abbr> in HTML, and
warned about when the glossary does not hold them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lscb_report.cli.app import app
from lscb_report.content.models import Glossary
from lscb_report.render.markup import markdown_to_body
from lscb_report.rules.glossary import is_acronym, spell_out

runner = CliRunner()
Edit = Callable[[Path, str, str], None]
GLOSSARY = Glossary.model_validate(
    {
        "terms": [
            {"term": "SCR", "meaning": "serious case review"},
            {
                "term": "LADO",
                "meaning": "Local Authority Designated Officer, who manages allegations made "
                "against adults working with children",
            },
            {"term": "Early help", "meaning": "support given as soon as a problem emerges"},
        ]
    }
)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "The SCR started. The SCR ended.",
            "The serious case review (SCR) started. The SCR ended.",
        ),
        ("SCRs are rare.", "Serious case reviews (SCRs) are rare."),
        ("**4.1** SCRs are rare.", "**4.1** Serious case reviews (SCRs) are rare."),
        ("- LADO referrals rose.", "- Local Authority Designated Officer (LADO) referrals rose."),
        (
            "The SCR's report came. The SCR ended.",
            "The SCR's report came. The serious case review (SCR) ended.",
        ),
        (
            "## The SCR\n\n| SCR | one |\n| --- | --- |\n\nThe SCR ended.",
            "## The SCR\n\n| SCR | one |\n| --- | --- |\n\nThe serious case review (SCR) ended.",
        ),
    ],
)
def test_an_acronym_is_spelt_out_at_its_first_use_in_prose(markdown: str, expected: str) -> None:
    assert spell_out(markdown, GLOSSARY) == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "Two Serious Case Reviews (SCRs) were started. An SCR ends.",
        "# Serious case review of Child A\n\nThe SCR ended.",
        "The SCR (serious case review) ended.",
        "The role of the Local Authority Designated Officer (LADO) who manages allegations.",
    ],
)
def test_an_acronym_the_text_already_spells_out_is_not_doubled(markdown: str) -> None:
    assert spell_out(markdown, GLOSSARY) == markdown


def test_what_counts_as_an_acronym() -> None:
    assert [
        w
        for w in ("CSE", "DfE", "SCRs", "NHS", "IV", "Westminster", "iPhone", "A")
        if is_acronym(w)
    ] == ["CSE", "DfE", "SCRs", "NHS"]


def test_only_the_first_use_in_prose_is_marked_abbr_in_html() -> None:
    html = markdown_to_body(
        "## The SCR\n\n| SCR |\n| --- |\n| SCR |\n\n"
        "A serious case review (SCR) and two SCRs, not SCRIPT.\n\n- An SCR.\n",
        terms={"SCR": "serious case review"},
    )
    assert html.count("<abbr") == 1  # not the heading, the table, the plural or the list
    assert '<p>A serious case review (<abbr title="serious case review">SCR</abbr>) and' in html


def test_an_abbr_title_is_escaped() -> None:
    html = markdown_to_body("The XYZ.\n", terms={"XYZ": 'a "quoted" <b>term</b>'})
    assert (
        html
        == '<p>The <abbr title="a &quot;quoted&quot; &lt;b&gt;term&lt;/b&gt;">XYZ</abbr>.</p>\n'
    )


def test_both_documents_spell_out_a_new_acronym(small: Path, edit: Edit) -> None:
    edit(
        small / "glossary.yaml",
        "terms:\n",
        "terms:\n  - term: MASH\n    meaning: Multi-Agency Safeguarding Hub\n",
    )
    edit(
        small / "2020-21" / "report.yaml",
        "The board works well.\n",
        "The MASH works well. The MASH is busy.\n",
    )
    edit(
        small / "2020-21" / "report.yaml",
        "The board works well, and has",
        "The MASH works well, and has",
    )
    result = runner.invoke(app, ["build", "2020-21", "--format", "md", "--format", "html"])
    assert result.exit_code == 0, result.output
    out = small.parent / "build" / "2020-21"
    summary = (out / "executive-summary.md").read_text()
    assert (
        "**5.1** The Multi-Agency Safeguarding Hub (MASH) works well. The MASH is busy." in summary
    )
    report = (out / "annual-report.md").read_text()
    assert "The Multi-Agency Safeguarding Hub (MASH) works well, and has" in report
    assert "| MASH | Multi-Agency Safeguarding Hub |" in report  # the glossary appendix
    html = (out / "annual-report.html").read_text()
    assert '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>' in html


def test_check_warns_about_an_acronym_the_glossary_lacks(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "01-neglect.yaml",
        "Work on neglect progressed.",
        "Work on neglect progressed with the MASH, GPs and Part IV of the Act.\n  The MASH grew.",
    )
    result = runner.invoke(app, ["check", "2020-21"])
    assert result.exit_code == 0, result.output
    # The problems come first, then the Working Together checklist, then the tally.
    lines = result.output.splitlines()
    assert [*lines[:2], lines[-1]] == [
        "content/2020-21/priorities/01-neglect.yaml:9:39: warning: body: 'MASH' looks like an "
        "acronym that content/glossary.yaml does not explain; add it there (term: MASH, "
        "meaning: what it stands for) so that the report can spell it out, or write the words "
        "in full",
        "content/2020-21/priorities/01-neglect.yaml:9:45: warning: body: 'GPs' looks like an "
        "acronym that content/glossary.yaml does not explain; add it there (term: GP, "
        "meaning: what it stands for) so that the report can spell it out, or write the words "
        "in full",
        "2020-21: 2 warnings in 1 file",
    ]
    assert runner.invoke(app, ["check", "2020-21", "--strict"]).exit_code == 1


MACE = Glossary.model_validate(
    {
        "terms": [
            {"term": "MACE", "meaning": "Multi-Agency Child Exploitation meeting"},
            {"term": "LADO", "meaning": "Local Authority Designated Officer"},
        ]
    }
)


@pytest.mark.parametrize(
    "markdown",
    [
        "A Multi-Agency Child Exploitation (MACE) meeting was held. The MACE met again.",
        "A multi agency child exploitation (MACE) meeting was held.",
        "The Multi-agency Child Exploitation Meeting met. The MACE met again.",
        "The multi agency child exploitation meeting met. The MACE met again.",
        "Each case went to panel (the\nMACE) every month.",
        "## The LADO\n\nAllegations (Local Authority Designated Officer (LADO)) rose.",
        "Allegations went to the officer (the LADO) at once.",
    ],
)
def test_an_acronym_is_never_doubled_or_nested(markdown: str) -> None:
    assert spell_out(markdown, MACE) == markdown


def test_an_acronym_outside_brackets_is_still_spelt_out_once() -> None:
    assert spell_out("The MACE met. The MACE met again.", MACE) == (
        "The Multi-Agency Child Exploitation meeting (MACE) met. The MACE met again."
    )


def test_an_aside_in_brackets_waits_for_a_use_outside_them() -> None:
    assert spell_out("Ask the LADO's team (or the LADO) first. The LADO decides.", MACE) == (
        "Ask the LADO's team (or the LADO) first. The Local Authority Designated Officer (LADO) "
        "decides."
    )
