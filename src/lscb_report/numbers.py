"""Numbers as the report and the tool write them: money, figures and file sizes. One of
each, shared by prose, tables, charts, the budget's messages and the console."""

from __future__ import annotations

from decimal import Decimal

UNKNOWN = "not yet known"


def money(amount: Decimal, *, pence: bool = False, negative: str = "minus") -> str:
    """Pounds with thousands separators: £12,500 (pence only where there are some, or always
    with ``pence``: £12,500.00, as a budget's messages quote an amount); an amount below
    nothing with a minus sign (U+2212) before the pound sign or, in the "brackets" style,
    in brackets: (£21,600)."""
    text = f"£{abs(amount):,.2f}"
    text = text if pence else text.removesuffix(".00")
    if amount >= 0:
        return text
    return f"({text})" if negative == "brackets" else f"\u2212{text}"


def figure(value: Decimal | None, unit: str, *, sign: bool = True) -> str:
    """A figure as the report prints it: 1,650, 12.5% or £12,500 (a percentage without its
    sign where a table's heading gives it)."""
    if value is None:
        return UNKNOWN
    if unit == "pounds":
        return money(value)
    if unit == "percent":
        return f"{value:,}{'%' if sign else ''}"
    if unit in UNITS and sign:
        after = (
            UNITS[unit].removesuffix("s")
            if value == 1 and unit in ("days", "weeks")
            else UNITS[unit]
        )
        return f"{value:,}{after}"
    return f"{value:,}"


# Units a figure may have besides count, percent and pounds, with what follows the number.
UNITS = {"days": " days", "weeks": " weeks", "rate-per-10000": " per 10,000", "ratio": ":1"}


def size(count: int) -> str:
    """A file's size as a person reads it: 812 bytes, 97 KB, 1.3 MB."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:,.0f} KB"
    return f"{count / 1048576:,.1f} MB"
