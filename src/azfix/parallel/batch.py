"""Batch cleaning: many files, big files, all cores, in order, with bounded memory.

A text is cut into chunks at blank lines (a paragraph never straddles two
chunks, so the layout stage sees whole paragraphs), the chunks are cleaned by
a pool of worker processes — one :class:`~azfix.Cleaner` each, sent pickled —
and written back in their original order as they arrive. Memory stays
bounded by the number of chunks in flight, not by the size of the input.

>>> from azfix import Cleaner
>>> list(clean_chunks(["Bu siyaset\\n"], Cleaner(), jobs=1))[0].text
'Bu siyasət\\n'
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from ..edits import Result
from ..cleaner import Cleaner
from ..text.chunks import chunks_of, with_lookahead  # noqa: F401 (chunks_of: part of this module's API)

__all__ = ["Summary", "WorkerError", "chunks_of", "clean_chunks", "find_files", "clean_jsonl"]

IN_FLIGHT_PER_JOB = 4

_worker_cleaner: Cleaner | None = None


class WorkerError(RuntimeError):
    """A worker process failed (its set-up raised, or it died): the run cannot go on."""


@dataclass
class Summary:
    documents: int = 0
    words: int = 0
    edits: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    skipped: int = 0  # JSON lines copied unchanged because they were not records

    def add(self, result: Result, text: str) -> None:
        self.words += len(text.split())
        self.edits.update(e.kind for e in result.edits)

    def line(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.edits.items())) or "none"
        rate = self.words / self.seconds if self.seconds else 0.0
        skipped = (f", {self.skipped} line{'s' * (self.skipped != 1)} not records (copied unchanged)"
                   if self.skipped else "")
        return (f"azfix: {self.documents} documents, {self.words} words, "
                f"{sum(self.edits.values())} edits ({kinds}), {rate:,.0f} words/s{skipped}")


def _clean_piece(cleaner: Cleaner, chunk: str, last: bool | None) -> Result:
    """A piece of a text (``last``: whether it ends the text), or a whole document (``last`` None)."""
    return cleaner.correct(chunk) if last is None else cleaner.correct_chunk(chunk, last)


def _init_worker(cleaner: Cleaner) -> None:
    global _worker_cleaner
    _worker_cleaner = cleaner
    if cleaner.config.correct:
        cleaner.corrector().start_sharing()


def _clean_in_worker(chunk: str, last: bool, learnt: list) -> tuple[Result, list]:
    """Clean a chunk in a worker; take what other workers worked out per
    word type, give back what was worked out here."""
    if not _worker_cleaner.config.correct:
        return _clean_piece(_worker_cleaner, chunk, last), []
    corrector = _worker_cleaner.corrector()
    corrector.learn(learnt)
    result = _clean_piece(_worker_cleaner, chunk, last)
    return result, corrector.share()


def clean_chunks(chunks: Iterable[str], cleaner: Cleaner, jobs: int | None = None,
                 documents: bool = False) -> Iterator[Result]:
    """Clean chunks of one text (or, with ``documents``, whole texts) in order on ``jobs`` processes."""
    jobs = jobs or os.cpu_count() or 1
    pieces = ((chunk, None) for chunk in chunks) if documents else with_lookahead(chunks)
    if jobs == 1:
        for chunk, last in pieces:
            yield _clean_piece(cleaner, chunk, last)
        return
    context = multiprocessing.get_context("forkserver" if os.name != "nt" else "spawn")
    # A process pool of concurrent.futures, not multiprocessing.Pool: a worker
    # that dies, or whose set-up raises, breaks the pool and fails the run at
    # once (multiprocessing.Pool respawns such workers for ever and waits).
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(cleaner,))
    try:
        yield from _bounded_imap(pool, pieces, jobs * IN_FLIGHT_PER_JOB, jobs)
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process failed ({exc})") from exc
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _bounded_imap(pool, pieces: Iterable[tuple[str, bool]], window: int, jobs: int) -> Iterator[Result]:
    """Like ``pool.imap`` but never more than ``window`` chunks read ahead,
    and no more than one chunk queued beyond those the workers are busy with.

    A chunk is sent out as soon as a worker is about to be free, not when the
    oldest result has been handed on: what workers learnt (what they worked
    out per word type: candidate lists, real-word sets, verdicts; taken from
    each chunk as soon as it is done)
    then reaches the other workers at most a chunk or two later, with the
    next ``jobs`` chunks sent, so the same word is rarely worked out twice.
    """
    pending: deque = deque()  # in input order
    fresh: list[list] = []  # [entries, sends left]
    done = threading.Condition()
    unfinished = [0]

    def finished(future) -> None:  # runs in the pool's result thread
        outcome = None if future.cancelled() or future.exception() is not None else future.result()
        with done:
            unfinished[0] -= 1
            if outcome is not None and outcome[1]:
                fresh.append([outcome[1], jobs])
            done.notify()

    for chunk, last in pieces:
        while True:
            while pending and pending[0].done():
                yield _result(pending.popleft())
            with done:
                if unfinished[0] <= jobs and len(pending) < window:
                    learnt = [entry for batch in fresh for entry in batch[0]]
                    for batch in fresh:
                        batch[1] -= 1
                    fresh[:] = [batch for batch in fresh if batch[1] > 0]
                    unfinished[0] += 1
                    break
                done.wait(timeout=0.01)
        future = pool.submit(_clean_in_worker, chunk, last, learnt)
        future.add_done_callback(finished)
        pending.append(future)
    while pending:
        yield _result(pending.popleft())


def _result(future) -> Result:
    """The result of a worker's chunk (an exception raised while cleaning it is raised here)."""
    return future.result()[0]


def find_files(paths: Iterable[str], pattern: str = "*.txt") -> list[Path]:
    """Files named, and files matching ``pattern`` below the directories named."""
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
                raise FileNotFoundError(f"--glob {pattern}: a pattern below the folder, not outside it")
            matches = sorted(p for p in path.rglob(pattern) if p.is_file())
            if not matches:
                raise FileNotFoundError(f"{name}: no files matching {pattern}")
            found += matches
        else:
            found.append(path)
    return found


def clean_jsonl(lines: Iterable[str], field_name: str, cleaner: Cleaner, jobs: int | None = None,
                summary: Summary | None = None,
                on_bad_line: Callable[[int, str], None] | None = None) -> Iterator[str]:
    """Clean one string field of every JSON record; yields output lines.

    Only the field's value changes: the rest of each line comes back byte for
    byte (numbers as written, key order, duplicate keys, escapes), and blank
    lines pass through. A line that is not a JSON record with that string
    field raises ValueError naming it, or, given ``on_bad_line(number,
    problem)``, is told to it and passes through unchanged.
    """
    lines_in_order: deque = deque()  # (line, spans of the field's values) in input order; spans None: as it is

    def texts() -> Iterator[str]:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                lines_in_order.append((line, None))
                continue
            try:
                spans = field_spans(line, field_name)
            except ValueError as exc:
                if on_bad_line is None:
                    raise ValueError(f"line {number}: {exc}") from exc
                on_bad_line(number, str(exc))
                lines_in_order.append((line, None))
                continue
            lines_in_order.append((line, spans))
            yield spans[-1][2]  # (the last of duplicate keys is the record's value, as json.loads reads it)

    results = clean_chunks(texts(), cleaner, jobs, documents=True)
    for result in results:
        while lines_in_order[0][1] is None:
            yield lines_in_order.popleft()[0]
        line, spans = lines_in_order.popleft()
        if summary is not None:
            summary.documents += 1
            summary.add(result, spans[-1][2])
        start, end, value = spans[-1]
        if result.text != value:
            line = line[:start] + json.dumps(result.text, ensure_ascii=False) + line[end:]
        yield line
    while lines_in_order:
        yield lines_in_order.popleft()[0]


def field_spans(line: str, field_name: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of each string value of the top-level key ``field_name`` in a JSON object line."""
    decoder = json.JSONDecoder()
    try:
        record, end = decoder.raw_decode(line, len(line) - len(line.lstrip()))
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from exc
    if line[end:].strip():
        raise ValueError("not JSON (extra data after the record)")
    if not isinstance(record, dict) or not isinstance(record.get(field_name), str):
        raise ValueError(f"no string field {field_name!r}")
    spans = []
    at = line.index("{") + 1
    while True:
        at = _skip_space(line, at)
        if line[at] == "}":
            return spans
        key, at = json.decoder.scanstring(line, at + 1)
        at = _skip_space(line, _skip_space(line, at) + 1)  # past the colon
        value_start = at
        value, at = decoder.raw_decode(line, at)
        if key == field_name and isinstance(value, str):
            spans.append((value_start, at, value))
        at = _skip_space(line, at)
        if line[at] == ",":
            at += 1


def _skip_space(line: str, at: int) -> int:
    while line[at] in " \t\r\n":
        at += 1
    return at
