"""Markdown to HTML for print: headings never end on a line of one word, and what is tied
stays text."""

from __future__ import annotations

from lscb_report.render.markup import markdown_to_body


def test_a_printed_headings_last_two_words_are_tied() -> None:
    html = markdown_to_body("## 4. Better outcomes for children in care\n", tie_headings=True)
    assert html == (
        '<h2 id="4-better-outcomes-for-children-in-care">4. Better outcomes for children '
        '<span class="tie">in care</span></h2>\n'
    )


def test_headings_on_screen_are_left_to_the_browser_to_balance() -> None:
    assert "tie" not in markdown_to_body("## Better outcomes for children in care\n")


def test_a_tied_heading_keeps_markup_in_it_as_text() -> None:
    html = markdown_to_body("### Who <b>we</b> are\n", tie_headings=True)
    assert html == (
        '<h3 id="who-bweb-are">Who <span class="tie">&lt;b&gt;we&lt;/b&gt; are</span></h3>\n'
    )
