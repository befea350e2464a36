"""The package list, found rather than written out, so that no sub-package can be left out.

Everything else is in pyproject.toml. setuptools' own discovery there searches src/ only, and
the templates live at the top of the repository (where a board edits them), shipped as the
package lscb_report.templates: so the list is made here, from both.
"""

from setuptools import find_packages, setup

# setuptools builds in build/ by default, the report's own output folder: keep it out of sight.
setup(
    packages=[*find_packages("src"), "lscb_report.templates", "lscb_report.templates.fonts"],
    options={"build": {"build_base": "build/.setuptools"}},
)
