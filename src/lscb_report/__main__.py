"""Allow ``python -m lscb_report``."""

from lscb_report.cli import main

main()
