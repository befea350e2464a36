"""How the command line shows a build: its steps as they happen, then a table of what it wrote.

On a terminal the steps are a live rich display (a spinner on the step under way, a tick and
the time taken on each step done); anywhere else, such as CI logs, each step is one plain line.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TaskID, TextColumn
from rich.table import Table
from rich.text import Text

from lscb_report.errors import Problem
from lscb_report.numbers import size

if TYPE_CHECKING:
    from lscb_report.build.config import Output


def error_console() -> Console:
    """The console for progress and problems: standard error, so output can be piped."""
    return Console(stderr=True, highlight=False)


def output_console() -> Console:
    """The console for results: standard output."""
    return Console(highlight=False)


class _Seconds(ProgressColumn):
    """A step's time in seconds, to a tenth."""

    def render(self, task: Task) -> Text:
        seconds = (task.finished_time if task.finished else task.elapsed) or 0.0
        return Text(f"{seconds:.1f} s", style="progress.elapsed")


class Steps:
    """A build's step callback that shows each step; use it as a context manager."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.live = console.is_terminal and not console.is_dumb_terminal
        self.progress = Progress(
            SpinnerColumn(finished_text="[green]✓[/]"),
            TextColumn("{task.description}"),
            _Seconds(),
            console=console,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> Steps:
        if self.live:
            self.progress.start()
        return self

    def __call__(self, text: str) -> None:
        """Start the next step, finishing the one before."""
        if not self.live:
            self.console.print(f"  {text}", markup=False)
            return
        self._finish()
        self.task = self.progress.add_task(text, total=1)

    def _finish(self) -> None:
        if self.task is not None:
            self.progress.update(self.task, completed=1)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.live:
            if kind is None:
                self._finish()
            self.progress.stop()


def outputs_table(outputs: Iterable[Output], console: Console) -> None:
    """Print what the build wrote: each file, its size and, for a PDF, its pages."""
    rows = [(str(o.path), size(o.size), "" if o.pages is None else str(o.pages)) for o in outputs]
    if console.is_terminal:
        table = Table(title="Written", title_justify="left")
        table.add_column("file")
        table.add_column("size", justify="right")
        table.add_column("pages", justify="right")
        for row in rows:
            table.add_row(*row)
        console.print(table)
        return
    header = ("file", "size", "pages")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        line = f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}"
        console.print(line.rstrip(), markup=False, highlight=False, soft_wrap=True)


def warnings_summary(warnings: list[Problem], year: str) -> list[str]:
    """The warnings to print after a build: each one, but placeholders as one line in all."""
    unfilled = [w for w in warnings if w.rule == "unfilled"]
    lines = [str(w) for w in warnings if w.rule != "unfilled"]
    if unfilled:
        files = len({w.file for w in unfilled})
        lines.append(
            f"warning: {len(unfilled)} placeholder{'s' if len(unfilled) != 1 else ''} still to "
            f"fill in, in {files} file{'s' if files != 1 else ''}; "
            f"'lscb-report check {year}' lists them"
        )
    return lines
