"""Totals that cannot reveal: a part listed twice is an error; an undeclared total or a
percentage that gives a small count away is a warning at its figure."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import found

METRICS = Path("2020-21") / "metrics.yaml"
SERIES = """  - id: {id}
    title: {title}
    unit: {unit}
{children}    source: Northtown Council
    illustrative: true
    values:
      2020-21: {value}
"""


def add(content: Path, id_: str, value: str, unit: str = "count") -> None:
    children = "    counts_children: true\n" if unit == "count" else ""
    title = id_.replace("-", " ").capitalize()
    path = content / METRICS
    path.write_text(
        path.read_text()
        + SERIES.format(id=id_, title=title, unit=unit, children=children, value=value)
    )


def test_a_part_listed_twice_is_an_error(small: Path, edit) -> None:  # type: ignore[no-untyped-def]
    edit(small / METRICS, "      - referrals-southvale\n", "      - referrals-northtown\n")
    problems = found(small)
    assert (
        "content/2020-21/metrics.yaml:11:9: series[0].total_of[1]: 'referrals-northtown' is "
        "listed twice; list each part once (a part counted twice would let a withheld figure "
        "be worked out)"
    ) in problems


def test_an_undeclared_total_is_a_warning_at_its_figure(small: Path) -> None:
    add(small, "girls", "2")
    add(small, "boys", "23")
    add(small, "children", "25")
    problems = found(small)
    assert (
        "content/2020-21/metrics.yaml:59:16: warning: series[5].values.2020-21: 25 is the sum "
        "of girls and boys for 2020-21, so it gives a count below 5 away; add total_of: "
        "[girls, boys] to children, so that one more figure is withheld"
    ) in problems


def test_a_percentage_that_gives_a_small_count_away_is_a_warning(small: Path) -> None:
    add(small, "children", "25")
    add(small, "share-girls", "12", unit="percent")
    problems = found(small)
    assert (
        "content/2020-21/metrics.yaml:50:16: warning: series[4].values.2020-21: 12% of children "
        "(25) for 2020-21 is about 3, a count below 5; give the percentage only where the "
        "count it stands for may be shown, or leave it out"
    ) in problems


def test_totals_that_give_nothing_away_pass(small: Path) -> None:
    add(small, "girls", "13")
    add(small, "boys", "22")
    add(small, "children", "35")
    add(small, "share-girls", "37", unit="percent")
    assert not [p for p in found(small) if "metrics.yaml" in p]
