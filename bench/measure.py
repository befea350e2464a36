"""Running a command and measuring it: wall time, the largest process's peak RSS, and the
peak memory of the whole process tree (proportional set size, sampled from /proc)."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024
Command = Sequence[str]


@dataclass(frozen=True)
class Run:
    """One timed run: wall seconds, CPU seconds of all its processes, and the peak RSS of
    its largest process in bytes."""

    seconds: float
    max_rss: int
    cpu: float = 0.0


@dataclass
class Case:
    """A thing measured: commands run one after another, and what to do before each run."""

    name: str
    commands: list[Command]
    prepare: Callable[[], None] = lambda: None
    runs: list[Run] = field(default_factory=list)
    tree_peak: int | None = None

    @property
    def median(self) -> float:
        """The median wall time of the runs, in seconds."""
        return statistics.median(run.seconds for run in self.runs)

    @property
    def cpu(self) -> float:
        """The median CPU time of the runs (user and system, every process), in seconds."""
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_rss(self) -> int:
        """The highest peak RSS of any one process over all runs, in bytes."""
        return max(run.max_rss for run in self.runs)


class CommandFailed(Exception):
    """A measured command exited with an error."""


def run_commands(commands: list[Command], env: dict[str, str]) -> Run:
    """Run commands one after another; their total time and the largest peak RSS."""
    total, rss, cpu = 0.0, 0, 0.0
    for command in commands:
        run = _run_one(command, env)
        total, rss, cpu = total + run.seconds, max(rss, run.max_rss), cpu + run.cpu
    return Run(total, rss, cpu)


def _run_one(command: Command, env: dict[str, str]) -> Run:
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise CommandFailed(f"{' '.join(command)} exited {process.returncode}:\n{message}")
    # The usage covers the process and every descendant it waited for; ru_maxrss is in KiB
    # on Linux and is the peak of the largest one of them.
    return Run(seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime)


def tree_peak(commands: list[Command], env: dict[str, str], interval: float = 0.01) -> int | None:
    """The highest total PSS of each command's process tree, sampled; None without /proc.

    Run apart from the timed runs, since sampling takes a little of the machine.
    """
    if not Path(f"/proc/{os.getpid()}/smaps_rollup").exists():
        return None
    peak = 0
    for command in commands:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        peak = max(peak, _sample_until_done(process, interval))
    return peak


def _sample_until_done(process: subprocess.Popen[bytes], interval: float) -> int:
    """The highest total PSS of a running process's tree, sampled until it ends."""
    highest = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal highest
        while not done.is_set():
            highest = max(highest, sum(_pss(pid) for pid in _tree(process.pid)))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    return highest


def _tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pending += [int(child) for child in children]
    return found


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (shared pages split between sharers)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0
