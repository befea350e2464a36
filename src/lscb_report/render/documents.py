"""The documents a report is made of, named as their templates and output files are, and the
formats each is written in."""

DOCUMENTS = ("executive-summary", "annual-report")
TITLES = {"executive-summary": "Executive summary", "annual-report": "Annual report"}
FORMATS = ("md", "html", "pdf")
