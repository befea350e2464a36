"""Small-number disclosure control: counts of children below the board's threshold are withheld
everywhere, a total cannot give one away, and the rules that make it possible."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from lscb_report.content.models import Metrics
from lscb_report.render.pages import document_html
from lscb_report.render.templating import render_markdown
from lscb_report.rules.disclosure import suppress
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import found
from tests.golden import normalise

Edit = Callable[[Path, str, str], None]
YEAR = FinancialYear.parse("2020-21")
METRICS = "content/2020-21/metrics.yaml"


def metrics(*series: tuple[str, list[str], dict[str, int | None]]) -> Metrics:
    """Count-of-children series: id, the ids it totals, values by year."""
    return Metrics.model_validate(
        {
            "series": [
                {
                    "id": id,
                    "title": id,
                    "unit": "count",
                    "source": "test",
                    "illustrative": True,
                    "counts_children": True,
                    "total_of": parts,
                    "values": values,
                }
                for id, parts, values in series
            ]
        }
    )


def shown(data: Metrics) -> dict[str, list[str]]:
    return {s.id: [s.text(year) for year in s.values] for s in data.series}


def test_small_counts_are_withheld_and_a_total_cannot_reveal_them() -> None:
    data = metrics(
        ("all", ["north", "south"], {"2018-19": 120, "2019-20": 131, "2020-21": 7}),
        ("north", [], {"2018-19": 110, "2019-20": 127, "2020-21": 7}),
        ("south", [], {"2018-19": 10, "2019-20": 4, "2020-21": 0}),
    )
    data = suppress(data, 5)
    assert shown(data) == {
        "all": ["120", "131", "7"],
        "north": ["110", "withheld", "7"],
        "south": ["10", "fewer than 5", "0"],
    }
    assert data.series[1].values["2019-20"] is None  # nothing downstream can read it


def test_a_withheld_part_with_no_other_part_shown_withholds_the_total() -> None:
    data = metrics(
        ("all", ["north", "south"], {"2018-19": 12}),
        ("north", [], {"2018-19": 3}),
        ("south", [], {"2018-19": None}),
    )
    data = suppress(data, 5)
    # south is not yet known, so it already hides north: nothing more is withheld
    assert shown(data) == {"all": ["12"], "north": ["fewer than 5"], "south": ["not yet known"]}
    data = metrics(
        ("all", ["north", "south"], {"2018-19": 3}),
        ("north", [], {"2018-19": 3}),
        ("south", [], {"2018-19": 0}),
    )
    data = suppress(data, 5)
    # all = north + 0: both are withheld, so neither can be told from the other
    assert shown(data) == {"all": ["fewer than 5"], "north": ["fewer than 5"], "south": ["0"]}


def test_a_nonzero_part_is_withheld_before_a_zero() -> None:
    data = metrics(
        ("all", ["a", "b", "c"], {"2020-21": 30}),
        ("a", [], {"2020-21": 2}),
        ("b", [], {"2020-21": 0}),
        ("c", [], {"2020-21": 28}),
    )
    data = suppress(data, 5)
    assert shown(data) == {
        "all": ["30"],
        "a": ["fewer than 5"],
        "b": ["0"],
        "c": ["withheld"],
    }


def test_series_that_do_not_count_children_are_shown_in_full() -> None:
    data = metrics(("x", [], {"2020-21": 3}))
    data.series[0].counts_children = False
    data = suppress(data, 5)
    assert shown(data) == {"x": ["3"]}


def test_the_withheld_figure_reaches_no_output(small: Path) -> None:
    content = load_content(small, YEAR)
    northtown = content.metrics.series[1]
    assert (northtown.id, northtown.hidden) == (
        "referrals-northtown",
        {"2019-20": "withheld", "2020-21": "withheld"},
    )
    markdown = render_markdown(content, "annual-report", None)
    html = normalise(document_html(content, "annual-report", markdown, None))
    for text in (markdown, html):
        assert "127" not in text and "137" not in text
        assert "| 2019-20 | fewer than 5 |" in markdown
    assert (
        'So that no child can be identified, counts from 1 to 4 are shown as "fewer than 5", and '
        "a figure that would reveal one through a total is withheld."
    ) in markdown


def test_the_threshold_is_the_boards(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", "rules:\n", "rules:\n  hide_counts_below: 11\n")
    markdown = render_markdown(load_content(small, YEAR), "annual-report", None)
    assert "| 2018-19 | fewer than 11 |" in markdown
    assert "up from fewer than 11 in 2018-19" in markdown
    assert 'counts from 1 to 10 are shown as "fewer than 11"' in markdown


def test_a_count_must_say_whether_it_counts_children(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "metrics.yaml",
        "    counts_children: true\n    source: Southvale",
        "    source: Southvale",
    )
    assert found(small) == [
        f"{METRICS}:11:9: series[0].total_of[1]: 'referrals-southvale' does not count the same "
        "thing (its unit or counts_children differ)",
        f"{METRICS}:28:11: series[2].unit: say whether 'referrals-southvale' counts children: add "
        "counts_children: true (small figures are then shown as 'fewer than') or "
        "counts_children: false",
    ]


def test_only_a_count_counts_children(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "metrics.yaml",
        "    unit: count\n    counts_children: true\n    source: Southvale",
        "    unit: percent\n    counts_children: true\n    source: Southvale",
    )
    assert found(small) == [
        f"{METRICS}:11:9: series[0].total_of[1]: 'referrals-southvale' does not count the same "
        "thing (its unit or counts_children differ)",
        f"{METRICS}:29:22: series[2].counts_children: only a count can count children, and "
        "'referrals-southvale' is in percent; remove counts_children",
    ]


def test_a_total_must_add_up(small: Path, edit: Edit) -> None:
    edit(small / "2020-21" / "metrics.yaml", "2019-20: 131", "2019-20: 130")
    assert found(small) == [
        f"{METRICS}:14:16: series[0].values.2019-20: the total 130 for 2019-20 does not equal "
        "the sum of referrals-northtown, referrals-southvale, 131",
    ]


def test_a_total_of_what_is_not_there(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "metrics.yaml",
        "      - referrals-southvale\n",
        "      - referrals-eastvale\n      - referrals\n",
    )
    assert found(small) == [
        f"{METRICS}:11:9: series[0].total_of[1]: there is no series 'referrals-eastvale' in "
        "metrics.yaml",
        f"{METRICS}:12:9: series[0].total_of[2]: a series cannot be a total of itself",
    ]


def test_small_counts_of_children_in_prose(small: Path, edit: Edit) -> None:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        "Return interviews were offered to 12 children; 3 children and two young people "
        "declined, and 0 children were missed.",
    )
    assert found(small) == [
        "content/2020-21/priorities/02-missing.yaml:6:50: body: '3 children' is a count below 5, "
        "which could identify a child; write 'fewer than 5' instead of the number, or put the "
        "figure in metrics.yaml (counts_children: true) and write {its-id}",
        "content/2020-21/priorities/02-missing.yaml:6:65: body: 'two young people' is a count "
        "below 5, which could identify a child; write 'fewer than 5' instead of the number, or "
        "put the figure in metrics.yaml (counts_children: true) and write {its-id}",
    ]


def test_the_figures_are_unchanged_when_nothing_is_small() -> None:
    data = metrics(("x", [], {"2020-21": 5, "2019-20": 1650}))
    data = suppress(data, 5)
    assert shown(data) == {"x": ["5", "1,650"]}
    assert data.series[0].values == {"2020-21": Decimal(5), "2019-20": Decimal(1650)}


def _small(quote: str, column: int, threshold: int = 5) -> str:
    return (
        f"content/2020-21/priorities/02-missing.yaml:6:{column}: body: '{quote}' is a count below "
        f"{threshold}, which could identify a child; write 'fewer than {threshold}' instead of "
        "the number, or put the figure in metrics.yaml (counts_children: true) and write {its-id}"
    )


def _write(small: Path, edit: Edit, sentence: str) -> list[str]:
    edit(
        small / "2020-21" / "priorities" / "02-missing.yaml",
        "Return interviews were offered.",
        sentence,
    )
    return [p for p in found(small) if ": warning: " not in p]


def test_small_counts_in_other_phrasings(small: Path, edit: Edit) -> None:
    sentence = (
        "There were 3 sudden unexpected deaths in infancy; in 2 of them the baby had been "
        "sharing a bed. In 3 of the cases the child was disabled, two were aged 14, and the "
        "panel graded 4 cases as good. Modifiable factors were found in 1 of the reviews; "
        "4 out of 10 children had been seen."
    )
    assert _write(small, edit, sentence) == [
        _small("3 sudden unexpected deaths", 14),
        _small("2 of them", 56),
        _small("3 of the cases", 102),
        _small("two were aged", 141),
        _small("4 cases", 180),
        _small("1 of the reviews", 230),
        _small("4 out of 10 children", 248),
    ]


def test_counts_that_are_not_small_or_not_counts(small: Path, edit: Edit) -> None:
    sentence = (
        "More than one case went to the panel over 2 years; the two serious case reviews "
        "under priority 3 were published, and one of these priorities rose by 3 to 27 children."
    )
    assert _write(small, edit, sentence) == []


def test_child_naming_a_kind_of_review_or_a_list_is_not_a_count_of_children(
    small: Path, edit: Edit
) -> None:
    sentence = (
        "The partnership published one local child safeguarding practice review, the one child "
        "death overview panel met, and one shared list of children is kept; 2 children moved."
    )
    assert _write(small, edit, sentence) == [_small("2 children", 156)]


def test_the_threshold_on_both_sides(small: Path, edit: Edit) -> None:
    assert _write(small, edit, "4 children and 5 children were seen.") == [_small("4 children", 3)]


def test_the_boards_own_threshold_on_both_sides(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", "rules:\n", "rules:\n  hide_counts_below: 11\n")
    assert _write(small, edit, "10 families and 11 families were seen.") == [
        _small("10 families", 3, 11)
    ]


def test_the_department_for_educations_preset(small: Path, edit: Edit) -> None:
    """disclosure: dfe shows counts from 1 to 5, and a figure that would reveal one, as c."""
    edit(small / "board.yaml", "rules:\n", "rules:\n  disclosure: dfe\n")
    neglect = small / "2020-21" / "priorities" / "01-neglect.yaml"
    edit(
        neglect,
        "in the year,\n  {referrals-southvale} of them from Southvale (up from "
        "{referrals-southvale.2018-19} in 2018-19).",
        "in the year.",
    )
    edit(small / "2020-21" / "metrics.yaml", "      2018-19: 10\n", "      2018-19: 5\n")
    edit(small / "2020-21" / "metrics.yaml", "      2018-19: 110\n", "      2018-19: 115\n")
    markdown = render_markdown(load_content(small, YEAR), "annual-report", None)
    assert "| 2018-19 | c |\n| 2019-20 | c |\n| 2020-21 | c |" in markdown  # Southvale
    assert "| 2019-20 | c |\n| 2020-21 | c |" in markdown.split("in Northtown", 1)[1]
    assert (
        "So that no child can be identified, counts from 1 to 5, and any figure that would "
        'reveal one through a total, are shown as "c".'
    ) in markdown
    assert "fewer than" not in markdown and "withheld" not in markdown
    assert _write(small, edit, "5 children and 6 children were seen.") == [
        _small("5 children", 3, 6)
    ]


def test_a_figure_shown_as_the_boards_symbol_in_prose_is_an_error(small: Path, edit: Edit) -> None:
    edit(small / "board.yaml", "rules:\n", "rules:\n  disclosure: dfe\n")
    assert _write(small, edit, "Southvale referred {referrals-southvale} children.")[-1:] == [
        "content/2020-21/priorities/02-missing.yaml:6:22: body: the figure "
        "{referrals-southvale} is withheld, to protect a small count, and the sentence would "
        "print 'c' in its place; rewrite the sentence without that figure"
    ]
