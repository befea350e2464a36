"""The documents a report is made of, named as their templates and output files are, and the
formats each is written in."""

DOCUMENTS = ("executive-summary", "annual-report")
TITLES = {"executive-summary": "Executive summary", "annual-report": "Annual report"}
FORMATS = ("md", "html", "pdf", "docx")
"""Each document's formats: Markdown, HTML, PDF and Word."""
DATA = "csv"
"""The format of the year's figures as open data, one file for all the documents."""
EVERY_FORMAT = (*FORMATS, DATA)
"""What a build writes unless told otherwise."""
LABELS = {"md": "MD", "html": "HTML", "pdf": "PDF", "docx": "Word", "csv": "CSV"}
"""Each format as the publishing page names it."""


def data_name(year: object) -> str:
    """The name of a year's CSV of figures in its output folder, such as 2014-15-figures.csv."""
    return f"{year}-figures.csv"
