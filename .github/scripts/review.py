"""The review of a pull request, as Markdown for its comment: the check's result for each
year the change touches first, then what the change does to each year's text, where the
built reports are, and the statutory checklist folded away.

    python .github/scripts/review.py --base SHA [--run URL] [--artifacts URL]
                                     [--built "YEAR ..."] YEAR ...
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from typing import Any

MARKER = "<!-- lscb-report review -->"
# GitHub refuses a comment longer than 65,536 characters.
LIMIT = 60_000


def lscb_report(*args: str) -> subprocess.CompletedProcess[str]:
    """Run lscb-report and keep what it printed."""
    return subprocess.run(["lscb-report", *args], capture_output=True, text=True, check=False)


def problem_line(problem: dict[str, Any]) -> str:
    """A problem as check prints it: file:line:column: message."""
    place = f"{problem['file']}:{problem['line']}:{problem['column']}"
    if not problem["line"]:
        place = problem["file"]
    prefix = "" if problem["severity"] == "error" else "warning: "
    return f"{place}: {prefix}{problem['message']}"


def fenced(lines: list[str]) -> list[str]:
    """Lines shown as they are, in a fence longer than any run of tildes in them."""
    runs = [len(run) for line in lines for run in re.findall("~+", line)]
    fence = "~" * max([4, *runs], default=4) + "~"
    return [fence + "text", *lines, fence]


def check_part(year: str, data: dict[str, Any] | None, output: str) -> list[str]:
    """The check's result for a year: a line, then its errors, with the warnings folded."""
    if data is None:
        return [f":x: **{year}**: the check could not run:", "", *fenced(output.splitlines()), ""]
    problems = data["problems"]
    errors = [problem_line(p) for p in problems if p["severity"] == "error"]
    warnings = [problem_line(p) for p in problems if p["severity"] != "error"]
    mark = ":x:" if errors else ":white_check_mark:"
    counts = f"{len(errors)} error{'s' * (len(errors) != 1)}, {len(warnings)} warning" + (
        "s" * (len(warnings) != 1)
    )
    lines = [f"{mark} **{year}**: {counts}", ""]
    if errors:
        lines += [*fenced(errors), ""]
    if warnings:
        lines += [f"<details><summary>{len(warnings)} warnings</summary>", ""]
        lines += [*fenced(warnings), "", "</details>", ""]
    return lines


def checklist_part(year: str, data: dict[str, Any] | None) -> list[str]:
    """The statutory checklist of a year, folded."""
    checklist = (data or {}).get("checklist")
    if not checklist:
        return []
    items = checklist["requirements"]
    met = sum(item["met"] for item in items)
    lines = [
        f"<details><summary>{year}: {checklist['guidance']}, {checklist['part']}: {met} of "
        f"{len(items)} requirements met</summary>",
        "",
    ]
    for item in items:
        lines.append(f"- [{'x' if item['met'] else ' '}] {item['requirement']}")
        if item["should"]:
            lines.append(f"  should be met in `{item['should']}`")
    return [*lines, "", "</details>"]


def diff_part(year: str, base: str) -> list[str]:
    """What the change does to a year's text and figures."""
    done = lscb_report("diff", year, "--base", base, "--format", "markdown")
    if done.returncode != 0:
        heading = f"## What this change does to the {year} report"
        return [
            heading,
            "",
            "The rendered diff could not be made:",
            "",
            *fenced(done.stderr.splitlines()),
        ]
    return done.stdout.splitlines()


def review(years: list[str], base: str, links: dict[str, str], built: list[str]) -> str:
    """The whole comment."""
    if not years:
        return "\n".join([MARKER, "# The report", "", "This change touches no report year."])
    checked = {}
    lines = [MARKER, "# The report", "", "## Check", ""]
    for year in years:
        done = lscb_report("check", year, "--format", "json")
        try:
            checked[year] = json.loads(done.stdout)
        except json.JSONDecodeError:
            checked[year] = None
        lines += check_part(year, checked[year], done.stdout + done.stderr)
    if built and links.get("artifacts"):
        attached = f"[attached to this run]({links['artifacts']})"
        lines += ["", f"The HTML and PDFs of {', '.join(built)} are {attached}."]
    for year in years:
        lines += ["", *diff_part(year, base)]
    lines += ["", "## Statutory checklist", ""]
    for year in years:
        lines += [*checklist_part(year, checked[year]), ""]
    return shorten("\n".join(lines), links.get("run", ""))


def shorten(text: str, run: str) -> str:
    """The comment, cut to what GitHub accepts, saying where the rest is."""
    if len(text) <= LIMIT:
        return text
    cut = text[:LIMIT].rsplit("\n", 1)[0]
    opened = re.findall(r"^(~{5,})text$", cut, re.MULTILINE)
    closed = re.findall(r"^(~{5,})$", cut, re.MULTILINE)
    if len(opened) > len(closed):
        cut += "\n" + opened[-1]
    return cut + (
        "\n\n**This review is cut short here, at GitHub's limit for a comment.** "
        "The whole review is in the job summary of "
        + (f"[this run]({run})." if run else "this run.")
    )


def main() -> None:
    """Print the review."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("years", nargs="*", help="the years the change touches")
    parser.add_argument("--base", required=True, help="the commit the change is compared with")
    parser.add_argument("--run", default="", help="the address of the workflow run")
    parser.add_argument("--artifacts", default="", help="the address of the built reports")
    parser.add_argument("--built", default="", help="the years that were built, with spaces")
    args = parser.parse_args()
    links = {"run": args.run, "artifacts": args.artifacts}
    print(review(args.years, args.base, links, args.built.split()))


if __name__ == "__main__":
    main()
