"""The benchmark behind ``make bench``: the build against pandoc + WeasyPrint, side by side.

Every case runs as a fresh process, the way a user runs it, in interleaved rounds (one run of
each case per round) so that a busy moment of the machine falls on all of them alike. It
prints medians, ratios and the project's goals. It is never a timed test.

    python -m bench.run [--runs N] [--scale 1,2,4]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from bench.content import multiply_content
from bench.measure import MIB, Case, Command, run_commands, tree_peak

YEAR = "2014-15"
ROOT = Path(__file__).resolve().parents[1]
TOOL = [sys.executable, "-m", "lscb_report"]
DOCUMENTS = ("executive-summary", "annual-report")
EDITED = Path("priorities") / "02-better-outcomes.yaml"


def build(content: Path, out: Path, *extra: str) -> Command:
    """The command that builds the year."""
    return [*TOOL, "build", YEAR, "--content", str(content), "--out", str(out), *extra]


def emptied(folder: Path) -> Callable[[], None]:
    """A step that removes a folder, so the next build starts from nothing."""
    return lambda: shutil.rmtree(folder, ignore_errors=True)


def section_editor(path: Path) -> Callable[[], None]:
    """A step that gives one section's body a new first sentence, different each time."""
    original = path.read_text(encoding="utf-8")
    count = [0]

    def edit() -> None:
        count[0] += 1
        sentence = f"  This sentence was changed by run {count[0]} of the benchmark.\n"
        path.write_text(original.replace("body: |\n", "body: |\n" + sentence, 1), "utf-8")

    return edit


def pandoc_commands(markdown: Path, out: Path) -> list[Command]:
    """What a user would otherwise run: pandoc with WeasyPrint, once per document."""
    import pypandoc

    engine = Path(sys.executable).with_name("weasyprint")
    return [
        [
            pypandoc.get_pandoc_path(),
            str(markdown / f"{document}.md"),
            "--standalone",
            "--metadata",
            f"pagetitle={document}",
            f"--pdf-engine={engine if engine.exists() else 'weasyprint'}",
            "-o",
            str(out / f"{document}.pdf"),
        ]
        for document in DOCUMENTS
    ]


def make_cases(tmp: Path, scales: list[int]) -> dict[str, Case]:
    """Every case, with its content prepared under ``tmp``."""
    content = multiply_content(ROOT / "content", YEAR, 1, tmp / "content")
    edited = multiply_content(ROOT / "content", YEAR, 1, tmp / "edited")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run(build(content, tmp / "markdown", "--format", "md"), check=True, **quiet)
    (tmp / "pandoc").mkdir()
    cases = {
        "full": Case("full build: both documents, all formats", [build(content, tmp / "full")]),
        "pandoc": Case(
            "pandoc + WeasyPrint: the two PDFs from our Markdown",
            pandoc_commands(tmp / "markdown" / YEAR, tmp / "pandoc"),
        ),
        "noop": Case("rebuild, nothing changed", [build(content, tmp / "noop")]),
        "section": Case(
            "rebuild after one section's body changed",
            [build(edited, tmp / "edited-out")],
            section_editor(edited / YEAR / EDITED),
        ),
        "check": Case(f"check {YEAR}", [[*TOOL, "check", YEAR, "--content", str(content)]]),
    }
    cases["full"].prepare = emptied(tmp / "full")
    cases["pandoc"].prepare = lambda: [p.unlink() for p in (tmp / "pandoc").glob("*.pdf")]
    for times in scales:
        if times == 1:
            continue
        scaled = multiply_content(ROOT / "content", YEAR, times, tmp / f"x{times}")
        out = tmp / f"x{times}-out"
        cases[f"x{times}"] = Case(
            f"content x{times}: full build", [build(scaled, out)], emptied(out)
        )
    return cases


def measure(cases: dict[str, Case], runs: int, env: dict[str, str]) -> None:
    """A warm-up round, then ``runs`` interleaved timed rounds, then one memory round."""
    for name, case in cases.items():
        print(f"  warming up: {name}", file=sys.stderr)
        case.prepare()
        run_commands(case.commands, env)
    for round_ in range(1, runs + 1):
        print(f"  round {round_} of {runs}", file=sys.stderr)
        for case in cases.values():
            case.prepare()
            case.runs.append(run_commands(case.commands, env))
    print("  memory", file=sys.stderr)
    for case in cases.values():
        case.prepare()
        case.tree_peak = tree_peak(case.commands, env)


def markdown_size(out: Path) -> int:
    """The bytes of Markdown of both documents in a build folder."""
    return sum((out / YEAR / f"{document}.md").stat().st_size for document in DOCUMENTS)


def machine() -> str:
    """The machine and the versions measured, in one line."""
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    import pypandoc

    load = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, WeasyPrint {version('weasyprint')}, "
        f"pandoc {pypandoc.get_pandoc_version()}; load average at start {load}"
    )


Ratio = tuple[str, float, float | None]


def print_table(cases: dict[str, Case], runs: int, header: str) -> None:
    """The cases: median time, spread, and peak memory."""
    print(f"\nlscb-report benchmark, {YEAR}: median of {runs} runs, interleaved")
    print(f"machine: {header}\n")
    print(f"{'case':52} {'median':>8} {'min-max':>13} {'CPU':>7} {'peak RSS':>9} {'peak all':>9}")
    for case in cases.values():
        low, high = min(r.seconds for r in case.runs), max(r.seconds for r in case.runs)
        tree = f"{case.tree_peak / MIB:.0f} MiB" if case.tree_peak else "n/a"
        print(
            f"{case.name:52} {case.median:7.2f}s {low:6.2f}-{high:5.2f}s {case.cpu:6.2f}s "
            f"{case.peak_rss / MIB:5.0f} MiB {tree:>9}"
        )
    print(
        "\nmedian, min-max: wall time; CPU: user + system time of every process (median); "
        "peak RSS: the largest single process; peak all: the proportional set size of "
        "every process of the case together, sampled every 10 ms\n"
    )


def ratios(cases: dict[str, Case], tmp: Path) -> list[Ratio]:
    """Each ratio with its goal (None where there is none)."""
    full = cases["full"].median
    found: list[Ratio] = [
        ("full build / pandoc + WeasyPrint", full / cases["pandoc"].median, 0.6),
        ("no-op rebuild / full build", cases["noop"].median / full, 0.1),
        ("one section changed / full build", cases["section"].median / full, None),
        ("check / full build", cases["check"].median / full, 0.05),
    ]
    base = markdown_size(tmp / "full")
    for name, case in cases.items():
        if name.startswith("x"):
            grown = markdown_size(tmp / f"{name}-out") / base
            times = int(name[1:])
            found.append((f"content {name}: time / x1", case.median / full, 1.1 * times))
            found.append(
                (f"  Markdown grew x{grown:.2f}: time / that", case.median / full / grown, 1.1)
            )
    return found


def print_goals(found: list[Ratio], cases: dict[str, Case]) -> bool:
    """The ratios against their goals, and peak memory; whether every goal holds."""
    print(f"{'ratio':52} {'value':>8} {'goal':>9}  holds")
    holds = True
    for name, value, goal in found:
        verdict = "" if goal is None else ("yes" if value <= goal else "NO")
        holds &= verdict != "NO"
        limit = "" if goal is None else f"<= {goal:.2f}"
        print(f"{name:52} {value:7.3f}x {limit:>9}  {verdict}")
    for label, names in (("2014-15", ("full", "noop", "section", "check")), ("scaled", ())):
        chosen = [c for n, c in cases.items() if n in names or (not names and n.startswith("x"))]
        if not chosen:
            continue
        peak = max(c.tree_peak or c.peak_rss for c in chosen)
        verdict = "yes" if peak < 200 * MIB else "NO"
        holds &= verdict == "yes"
        name = f"peak memory, {label} builds (all processes)"
        print(f"{name:52} {peak / MIB:5.0f} MiB {'< 200 MiB':>9}  {verdict}")
    return holds


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; exit 0 when every goal holds."""
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each case (5)")
    parser.add_argument("--scale", default="1,2,4", help="content multiples to build (1,2,4)")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scale.split(",") if s]
    header = machine()
    with tempfile.TemporaryDirectory(prefix="lscb-bench-") as name:
        tmp = Path(name)
        # As a user has it: Python keeps compiled bytecode (this machine's shell turns it off).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        os.chdir(tmp)
        cases = make_cases(tmp, scales)
        measure(cases, args.runs, env)
        end = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"
        print_table(cases, args.runs, f"{header}, at the end {end}")
        return 0 if print_goals(ratios(cases, tmp), cases) else 1


if __name__ == "__main__":
    sys.exit(main())
