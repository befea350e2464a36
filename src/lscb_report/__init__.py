"""lscb-report: compile a Local Safeguarding Children Board's annual report from YAML."""

__version__ = "0.1.0"
