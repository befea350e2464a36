"""Golden copies of the Markdown, HTML and the figures' CSV: `make golden` rewrites them after a deliberate
change, and the diff shows reviewers what the change did to the documents."""

from __future__ import annotations

import re
from pathlib import Path

from lscb_report.render.documents import data_name
from lscb_report.render.opendata import figures_csv
from lscb_report.render.pages import document_html, index_html
from lscb_report.render.templating import DOCUMENTS, render_markdown
from lscb_report.rules.prepare import load_content
from lscb_report.years import FinancialYear
from tests.conftest import CONTENT, SMALL

GOLDEN = Path(__file__).parent / "golden"
CASES = {"small": (SMALL, "2020-21"), "2014-15": (CONTENT, "2014-15")}
_FONT_DATA = re.compile(r"base64,[A-Za-z0-9+/=]{200,}")


def normalise(html: str) -> str:
    """The page with the inline font data shortened: the fonts never change with content."""
    return _FONT_DATA.sub("base64,(font data)", html)


def outputs(case: str) -> dict[str, str]:
    """The Markdown and HTML files a case builds, by name."""
    root, year = CASES[case]
    content = load_content(root, FinancialYear.parse(year))
    files: dict[str, str] = {}
    data = data_name(content.year)
    markdowns = {document: render_markdown(content, document, None) for document in DOCUMENTS}
    for document, markdown in markdowns.items():
        files[f"{document}.md"] = markdown
        page = document_html(content, document, markdown, None, data=data)
        files[f"{document}.html"] = normalise(page)
    files[data] = figures_csv(content, markdowns).decode("utf-8")
    encoded = {name: text.encode() for name, text in files.items()}
    files["index.html"] = normalise(
        index_html(content, encoded, {}, Path("/nonexistent"), None).decode()
    )
    return files


def regenerate() -> None:
    for case in CASES:
        folder = GOLDEN / case
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in outputs(case).items():
            (folder / name).write_text(text, encoding="utf-8", newline="")
            print(f"wrote {folder / name}")


if __name__ == "__main__":
    regenerate()
