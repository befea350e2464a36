from datetime import date

import pytest

from lscb_report.years import FinancialYear


def test_parses_and_prints_a_financial_year() -> None:
    year = FinancialYear.parse("2014-15")
    assert str(year) == "2014-15"
    assert year.label == "2014/15"
    assert (year.start, year.end) == (date(2014, 4, 1), date(2015, 3, 31))
    assert str(year.next()) == "2015-16" and str(year.previous()) == "2013-14"


def test_the_century_turns() -> None:
    assert str(FinancialYear.parse("1999-00").next()) == "2000-01"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2014", "'2014' is not a financial year; write it like 2014-15"),
        ("2014/15", "'2014/15' is not a financial year; write it like 2014-15"),
        ("../etc", "'../etc' is not a financial year; write it like 2014-15"),
        (
            "2014-16",
            "'2014-16' is not a financial year: the years must follow each other, as in 2014-15",
        ),
    ],
)
def test_refuses_anything_else(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        FinancialYear.parse(text)
    assert str(error.value) == message
