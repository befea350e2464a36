"""The documents take the board's shape and words: its cover sheet, chapters, areas, styles,
reviews and budget, as a reader sees them in the Markdown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lscb_report.render.pages import index_html
from lscb_report.render.templating import render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import found

Edit = Callable[[Path, str, str], None]
YEAR = FinancialYear.parse("2020-21")


def documents(content: Path, audience: str = "public") -> tuple[str, str]:
    """The executive summary and the annual report, as Markdown."""
    loaded = load_content(content, YEAR, audience)  # type: ignore[arg-type]
    return (
        render_markdown(loaded, "executive-summary", None),
        render_markdown(loaded, "annual-report", None),
    )


def test_one_area_reads_as_one(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", "  - Northtown\n  - Southvale\n", "  - Northshire\n")
    _, report = documents(small)
    assert "\n\nNorthshire\n\n" in report
    assert "(SCB) covers Northshire. It has been" in report
    assert " and Northshire" not in report
    index = index_html(load_content(small, YEAR), {}, {}, Path("/nonexistent"), None).decode()
    assert "for Northshire, covering 1 April 2020" in index and " and Northshire" not in index


def test_the_cover_sheet_is_the_councils_template(small: Path, edit: Edit) -> None:
    rows = small / "board.yaml"
    text = rows.read_text()
    start = text.index("cover_sheet:")
    rows.write_text(
        text[:start] + "cover_sheet:\n"
        "  - {label: Meeting, field: date}\n"
        "  - {label: Committee, field: committee}\n"
        "  - {label: Report title, field: title}\n"
        "  - {label: Divisions affected, field: divisions}\n"
        "  - {label: Key decision, field: key_decision}\n"
        "  - {label: Contact, field: author}\n"
        "words:\n  date_style: 8 October 2015\n"
    )
    edit(
        small / "2020-21" / "report.yaml",
        "  cabinet_member_portfolio: Children's Services\n  wards: All\n"
        "  policy_context: Children's Safeguarding\n",
        "  committee: Children's Scrutiny Committee\n  key_decision: no\n  divisions: All\n",
    )
    edit(small / "2020-21" / "report.yaml", "  classification: General Release\n", "")
    edit(
        small / "2020-21" / "report.yaml", "  report_of: Alex Chair \u2013 Independent Chair\n", ""
    )
    summary, _ = documents(small)
    table = summary.split("\n\n")[1].splitlines()
    assert table == [
        "| Cover sheet | Details |",
        "| --- | --- |",
        "| Meeting | 14 September 2021 |",
        "| Committee | Children's Scrutiny Committee |",
        "| Report title | Safeguarding Children Board Annual Report 2020-21 (Executive Summary) |",
        "| Divisions affected | All |",
        "| Key decision | No |",
        "| Contact | Sam Author, 01234 567890, [sam.author@example.gov.uk](mailto:sam.author@example.gov.uk) |",
    ]


def test_chapters_in_the_boards_order_with_its_own(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "report.yaml",
        "recipients:",
        "chapters:\n  - id: introduction\n  - id: training\n  - id: inspection\n"
        "    title: Ofsted's review of the Board\n    body: |\n      Ofsted found the Board good.\n"
        "  - id: activities\n  - id: budget\n    title: Money\nrecipients:",
    )
    edit(small / "2020-21" / "report.yaml", "chapter: governance", "chapter: introduction")
    _, report = documents(small)
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert headings[1:7] == [
        "## 1. Introduction from the Independent Chair",
        "## 2. Training",
        "## 3. Ofsted's review of the Board",
        "## 4. Child Death Overview Panel",
        "## 5. Quality assurance",
        "## 6. Money",
    ]
    assert "Ofsted found the Board good." in report
    assert "### 1.1 Links with the Health and Wellbeing Board" in report


def test_the_boards_words_and_styles(small: Path, edit: Edit) -> None:
    (small / "board.yaml").write_text(
        (small / "board.yaml").read_text()
        + "words:\n  name: Partnership\n  year_style: 2014-15\n  negative_style: brackets\n"
    )
    budget = small / "2020-21" / "budget.yaml"
    edit(budget, "brought_forward: 1000.00", "brought_forward: -15000.00")
    edit(budget, "carried_forward: 6000.00", "carried_forward: -10000.00")
    _, report = documents(small)
    assert "## 2. The Partnership and its governance" in report
    assert "### 2.1 Who the Partnership is" in report
    assert "### 3.1 Progress in 2020-21" in report
    assert "| Brought forward from 2019-20 | (£15,000) |" in report
    assert "| **Carried forward to 2021-22** | **(£10,000)** |" in report


def test_contributions_in_kind_and_through_another_body(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "budget.yaml",
        "    - partner: police\n      amount: 0.00\n",
        "    - partner: police\n      amount: 0.00\n      paid_by: the Police and Crime "
        "Commissioner\n    - partner: southvale\n      in_kind: Rooms for training\n",
    )
    edit(
        small / "2020-21" / "budget.yaml", "    - partner: southvale\n      amount: 40000.00\n", ""
    )
    edit(small / "2020-21" / "budget.yaml", "  total: 90000.00", "  total: 50000.00")
    edit(
        small / "2020-21" / "budget.yaml", "carried_forward: 6000.00", "carried_forward: -34000.00"
    )
    _, report = documents(small)
    assert "| Police | £0; paid by the Police and Crime Commissioner |" in report
    assert "| Southvale Council | in kind: Rooms for training |" in report
    assert "| **Carried forward to 2021/22** | **\u2212£34,000** |" in report


def test_review_statuses_recommendations_and_a_withheld_count(small: Path, edit: Edit) -> None:
    review = small / "2020-21" / "reviews" / "scr-child-a.yaml"
    edit(
        review,
        "status: in-progress\n",
        "status: published\npublished_on: 2021-02-10\nlink: https://example.org/scr-a\n"
        "recommendations:\n  - recommendation: Share information early\n"
        "    action: A protocol was agreed\n    owner: Case Review Group\n    status: completed\n",
    )
    (small / "board.yaml").write_text(
        (small / "board.yaml").read_text() + "withheld_reviews: counted\n"
    )
    _, report = documents(small)
    assert (
        "Status: published on Wednesday 10th February 2021 "
        "([the review's report](https://example.org/scr-a)); started in 2020-21."
    ) in report
    assert (
        "| Share information early | A protocol was agreed | Case Review Group | Completed | "
        "None yet |"
    ) in report
    assert "One further review is withheld from this edition until it can be published." in report
    _, board = documents(small, "board")
    assert "withheld from this edition" not in board


def test_a_percentage_followed_by_per_cent_loses_its_sign(small: Path, edit: Edit) -> None:
    metrics = small / "2020-21" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text()
        + "  - id: seen-in-time\n    title: Children seen in time\n    unit: percent\n"
        "    source: Northtown Council\n    illustrative: true\n    values:\n      2020-21: 71\n"
    )
    edit(
        small / "2020-21" / "report.yaml",
        "The board works well, and",
        "{seen-in-time} per cent were seen in time; {seen-in-time} in all. The board works well, and",
    )
    _, report = documents(small)
    assert "71 per cent were seen in time; 71% in all." in report


def test_a_breakdown_is_a_table_of_the_parts_with_their_total(small: Path, edit: Edit) -> None:
    metrics = small / "2020-21" / "metrics.yaml"
    edit(metrics, "    total_of:\n", "    breakdown: District\n    total_of:\n")
    edit(
        metrics,
        "    title: Referrals to early help in Northtown\n",
        "    title: Referrals to early help in Northtown\n    label: Northtown\n",
    )
    _, report = documents(small)
    assert (
        "| District | Referrals to early help, 2020/21 |\n| --- | ---: |\n| Northtown | withheld |\n"
        "| Referrals to early help in Southvale | fewer than 5 |\n| **Total** | **140** |"
    ) in report  # the parts as the disclosure rules leave them: 137 would give the 3 away


def test_a_figure_stands_where_the_prose_places_it(small: Path, edit: Edit) -> None:
    priority = small / "2020-21" / "priorities" / "01-neglect.yaml"
    edit(
        priority,
        "  Work on neglect progressed.",
        "  {figure:referrals}\n\n  Work on neglect progressed.",
    )
    _, report = documents(small)
    progress = report.index("Progress in 2020/21")
    assert report.index("::: figure referrals\n") - progress < 40  # first thing in the section
    assert report.count("::: figure referrals\n") == 1  # and not again after the section
    assert "{figure:" not in report


def test_a_placed_figure_must_exist_and_stand_alone(small: Path, edit: Edit) -> None:
    priority = small / "2020-21" / "priorities" / "01-neglect.yaml"
    edit(
        priority,
        "  Work on neglect progressed.",
        "  {figure:referals}\n\n  Work on neglect {figure:referrals} progressed.",
    )
    edit(
        priority,
        "  Neglect was the first priority.",
        "  Neglect was the first priority.\n\n  {figure:referrals}",
    )
    assert found(small) == [
        "content/2020-21/priorities/01-neglect.yaml:9:3: summary: a figure is placed in the full "
        "report's text (a body), not in a summary",
        "content/2020-21/priorities/01-neglect.yaml:11:3: body: there is no series 'referals' in "
        "metrics.yaml; did you mean {figure:referrals}?",
        "content/2020-21/priorities/01-neglect.yaml:13:19: body: {figure:referrals} places a "
        "figure, so it stands as a paragraph of its own: put a blank line before and after it",
    ]


def test_figures_in_days_and_rates(small: Path) -> None:
    metrics = small / "2020-21" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text()
        + "  - id: decision-days\n    title: Days from contact to decision\n    unit: days\n"
        "    source: Northtown Council\n    illustrative: true\n    values:\n      2019-20: 3\n"
        "      2020-21: 1\n"
        "  - id: plan-rate\n    title: Children on a plan per 10,000\n    unit: rate-per-10000\n"
        "    source: Northtown Council\n    illustrative: true\n    values:\n      2020-21: 42.5\n"
    )
    activity = small / "2020-21" / "activities" / "training.yaml"
    activity.write_text(activity.read_text() + "metrics:\n  - decision-days\n  - plan-rate\n")
    _, report = documents(small)
    assert "The time fell every year, from 3 days in 2019-20 to 1 day in 2020-21." in report
    assert "| 2020-21 | 42.5 per 10,000 |" in report


def test_the_executive_summarys_sections_in_the_boards_order(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "report.yaml",
        "recipients:",
        "recommendations:\n  - The Committee is asked to note the report.\n"
        "summary_chapters:\n  - id: summary\n    title: Purpose of the report\n"
        "  - id: recommendations\n  - id: ofsted\n    title: Inspection\n    body: |\n"
        "      Ofsted judged the Board good.\n  - id: implications\n"
        "recipients:",
    )
    summary, _ = documents(small)
    headings = [line for line in summary.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Purpose of the report",
        "## 2. Recommendations",
        "## 3. Inspection",
        "## 4. Health and Wellbeing Implications",
        "## 5. Financial Implications",
    ]
    assert "**2.1** The Committee is asked to note the report." in summary
    assert "**3.1** Ofsted judged the Board good." in summary


def test_a_summary_section_the_tool_does_not_make_needs_its_text(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "report.yaml",
        "recipients:",
        "summary_chapters:\n  - id: summary\n  - id: sumary\nrecipients:",
    )
    assert found(small) == [
        "content/2020-21/report.yaml:60:9: summary_chapters[1].id: 'sumary' is not one the tool "
        "makes (summary, key-matters, recommendations, priorities, other-activity, conclusions, "
        "budget, implications, background-papers, contributions); one of your own needs a title and "
        "a body"
    ]


def test_use_of_reserves_in_a_deficit_year(small: Path, edit: Edit) -> None:
    budget = small / "2020-21" / "budget.yaml"
    edit(budget, "  total: 85000.00", "  total: 95000.00")
    edit(
        budget,
        "    - item: Independent chair\n      amount: 30000.00",
        "    - item: Independent chair\n      amount: 40000.00",
    )
    edit(budget, "carried_forward: 6000.00", "reserves_used: 5000.00\ncarried_forward: -4000.00")
    edit(
        small / "2020-21" / "report.yaml",
        "The board works well, and",
        "The board drew {budget.reserves_used} from reserves and carried {budget.carried_forward}; it works well, and",
    )
    _, report = documents(small)
    assert "| Drawn from reserves in 2020/21 | £5,000 |" in report
    assert "The board drew £5,000 from reserves and carried \u2212£4,000;" in report
    edit(budget, "reserves_used: 5000.00", "reserves_used: 4000.00")
    assert found(small) == [
        "content/2020-21/budget.yaml:28:16: reserves_used: £4,000.00 is not expenditure less "
        "income, £5,000.00; make it 5000.00"
    ]
