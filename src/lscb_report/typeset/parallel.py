"""Typesetting several documents at once, each in its own process.

Importing WeasyPrint costs about half a second, and each PDF takes from a fraction of a
second to several. So, where the platform can fork, a typesetting process is forked as soon
as a build knows it will need PDFs: it imports WeasyPrint while the build is still reading
the content and writing the HTML, then forks once more per extra document, so that no
process repeats WeasyPrint's start-up, and the PDFs are made side by side. Elsewhere (no
fork, one processor, or a caller with threads of its own) the PDFs are made one after
another in this process.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from lscb_report.typeset.pdf import RefusedFetch, Typeset

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkProcess

Outcome = tuple[str, Any]
Attached = dict[str, dict[str, bytes]]
"""Files to embed in each PDF, by document: each file's bytes by its name."""
A = TypeVar("A")
R = TypeVar("R")


def fork_safe() -> bool:
    """Whether this process may fork: a platform where that is safe, and no other threads."""
    if sys.platform in ("win32", "darwin") or not hasattr(os, "fork"):
        return False  # macOS: system libraries are not safe to use after fork
    return threading.active_count() == 1


def can_fork() -> bool:
    """Whether PDFs can be typeset in forked processes here, side by side."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cpus or 1) > 1 and fork_safe()


def in_child(function: Callable[[A], R], argument: A) -> R:
    """``function(argument)`` in a forked process that ends when done, so that what it loads
    (matplotlib, some 45 MB) never weighs on this one; here where forking is not safe."""
    if not fork_safe():
        return function(argument)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(function, argument, writer))
    process.start()
    writer.close()
    try:
        kind, value = reader.recv()
    except EOFError:
        raise RuntimeError("a worker process stopped without an answer") from None
    finally:
        reader.close()
        process.join()
    if kind != "ok":
        raise RuntimeError(f"a worker process failed:\n{value}")
    return value  # type: ignore[no-any-return]


def _run(function: Callable[[A], R], argument: A, results: Connection) -> None:
    """The forked process of in_child."""
    with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
        try:
            outcome: Outcome = ("ok", function(argument))
        except Exception:
            outcome = ("bug", traceback.format_exc())
        results.send(outcome)


class Typesetter:
    """Turns HTML documents into PDFs: in a forked, pre-warmed process where possible."""

    def __init__(self, fork: bool | None = None) -> None:
        """Start the typesetting process now (when forking), so WeasyPrint loads meanwhile."""
        self._process: ForkProcess | None = None
        self._used = False
        if fork if fork is not None else can_fork():
            import multiprocessing

            context = multiprocessing.get_context("fork")
            job_reader, self._jobs = context.Pipe(duplex=False)
            self._results, result_writer = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_serve, args=(job_reader, result_writer, self._jobs, self._results)
            )
            self._process.start()
            job_reader.close()
            result_writer.close()

    def typeset(
        self, jobs: dict[str, str], created: date, attached: Attached | None = None
    ) -> dict[str, Typeset | RefusedFetch]:
        """Each named HTML document as a PDF, or the engine's refusal to read something;
        ``created`` dates the fonts embedded in them, ``attached`` gives the files to embed in
        each document, by name."""
        if not jobs:
            return {}
        attached = attached or {}
        if self._process is None:
            return {
                name: _unwrap(_attempt(html, created, attached.get(name, {})))
                for name, html in jobs.items()
            }
        self._used = True
        self._jobs.send((jobs, created, attached))
        try:
            outcomes: dict[str, Outcome] = self._results.recv()
        except EOFError:
            raise RuntimeError("the typesetting process stopped without an answer") from None
        return {name: _unwrap(outcomes[name]) for name in jobs}

    def close(self) -> None:
        """Stop the typesetting process, whether or not it was used."""
        if self._process is not None:
            self._jobs.close()
            self._results.close()
            if self._used:  # it has answered, or is finishing: let it end on its own
                self._process.join(timeout=1)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None

    def __enter__(self) -> Typesetter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _typeset(html: str, created: date, files: dict[str, bytes]) -> Typeset:
    from lscb_report.typeset.pdf import html_to_pdf

    return html_to_pdf(html, created, files)


def _serve(jobs: Connection, results: Connection, *inherited: Connection) -> None:
    """The typesetting process: load WeasyPrint, wait for the documents, make them."""
    for connection in inherited:
        connection.close()  # the parent's ends: so that its exit is seen here as EOF
    try:
        import weasyprint  # noqa: F401  (loaded once, before any fork below)

        work, created, attached = jobs.recv()
        results.send(_typeset_all(work, created, attached))
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        pass  # the build stopped or was interrupted; it says so itself


def _typeset_all(work: dict[str, str], created: date, attached: Attached) -> dict[str, Outcome]:
    """Every document's outcome: the longest here, each of the others in a fork of this."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    longest = max(work, key=lambda name: len(work[name]))
    children: list[tuple[str, ForkProcess, Connection]] = []
    try:
        for name, html in work.items():
            if name != longest:
                reader, writer = context.Pipe(duplex=False)
                files = attached.get(name, {})
                child = context.Process(
                    target=_child, args=(html, created, files, writer), daemon=True
                )
                child.start()
                writer.close()
                children.append((name, child, reader))
        outcomes = {longest: _attempt(work[longest], created, attached.get(longest, {}))}
        for name, _, reader in children:
            try:
                outcomes[name] = reader.recv()
            except EOFError:
                outcomes[name] = ("bug", f"the process making {name} stopped without an answer")
        return outcomes
    finally:
        for _, child, _ in children:
            child.join(timeout=1)
            if child.is_alive():
                child.terminate()


def _child(html: str, created: date, files: dict[str, bytes], results: Connection) -> None:
    """A forked process making one PDF."""
    with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
        results.send(_attempt(html, created, files))


def _attempt(html: str, created: date, files: dict[str, bytes]) -> Outcome:
    """What making a PDF came to, in a form that crosses a pipe."""
    try:
        return ("ok", _typeset(html, created, files))
    except RefusedFetch as error:
        return ("refused", str(error))
    except Exception:
        return ("bug", traceback.format_exc())


def _unwrap(outcome: Outcome) -> Typeset | RefusedFetch:
    """The PDF or the engine's refusal; a bug in the typesetting process is raised here."""
    kind, value = outcome
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "refused":
        return RefusedFetch(value)
    raise RuntimeError(f"typesetting failed:\n{value}")
