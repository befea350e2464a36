"""The documents a report is made of, named as their templates and output files are."""

DOCUMENTS = ("executive-summary", "annual-report")
