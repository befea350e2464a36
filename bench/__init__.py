"""The project's benchmark: ``make bench`` (see run.py). Never run as a timed test."""
