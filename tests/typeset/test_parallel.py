"""Typesetting side by side: the same PDFs as one after another, errors carried back."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from lscb_report.typeset import parallel
from lscb_report.typeset.parallel import Typesetter, can_fork
from lscb_report.typeset.pdf import RefusedFetch, Typeset

pytestmark = pytest.mark.skipif(not can_fork(), reason="this platform typesets one at a time")

DAY = date(2015, 10, 8)
DOCUMENTS = {
    "short": "<html lang='en'><title>Short</title><p>One page.</p></html>",
    "long": "<html lang='en'><title>Long</title>"
    + "".join(f"<h2>Part {n}</h2><p>{'Text. ' * 300}</p>" for n in range(6))
    + "</html>",
}


def test_pdfs_made_side_by_side_are_those_made_one_after_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1444262400")
    with Typesetter(fork=True) as typesetter:
        forked = typesetter.typeset(DOCUMENTS, DAY)
    with Typesetter(fork=False) as typesetter:
        serial = typesetter.typeset(DOCUMENTS, DAY)
    assert isinstance(forked["long"], Typeset)
    assert isinstance(forked["short"], Typeset)
    assert (forked["short"].pages, forked["long"].pages) == (1, 3)
    assert forked == serial


def test_a_refusal_in_a_forked_process_comes_back_as_the_refusal() -> None:
    jobs = {**DOCUMENTS, "hostile": "<p><img src='file:///etc/passwd' alt='x'></p>"}
    with Typesetter(fork=True) as typesetter:
        made = typesetter.typeset(jobs, DAY)
    assert isinstance(made["hostile"], RefusedFetch)
    assert str(made["hostile"]) == (
        "refused to read file:///etc/passwd: a report may only use files inside it"
    )
    assert isinstance(made["short"], Typeset)


def test_a_bug_in_a_forked_process_is_raised_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(html: str, created: date, files: dict[str, bytes]) -> Typeset:
        raise ValueError("a bug in typesetting")

    monkeypatch.setattr(parallel, "_typeset", broken)  # inherited by the forked processes
    with Typesetter(fork=True) as typesetter, pytest.raises(RuntimeError) as raised:
        typesetter.typeset(DOCUMENTS, DAY)
    assert "ValueError: a bug in typesetting" in str(raised.value)


def test_an_unused_typesetter_is_stopped() -> None:
    typesetter = Typesetter(fork=True)
    process = typesetter._process
    assert process is not None and process.is_alive()
    typesetter.close()
    assert not process.is_alive()


def test_no_forking_while_the_caller_runs_threads() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert Typesetter()._process is None
    finally:
        stop.set()
        thread.join()
    assert can_fork()
