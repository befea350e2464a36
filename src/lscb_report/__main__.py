"""Allow ``python -m lscb_report``."""

from lscb_report.cli.app import main

main()
