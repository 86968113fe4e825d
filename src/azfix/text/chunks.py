"""Cutting a long text into the pieces cleaned one at a time: at blank lines, in bounded size.

The command line streams a file through these pieces and :meth:`azfix.Cleaner.correct`
cuts a long string the same way, so both give the same output for the same text.

>>> [len(c) for c in chunks_of(lines_of("a\\n\\n" * 3), size=2)]
[3, 3, 3]
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, TextIO

__all__ = ["CHUNK_CHARS", "LINE", "chunks_of", "lines_of", "with_lookahead"]

CHUNK_CHARS = 64 * 1024
# A line ends at \n, \r\n or \r only: U+2028, U+0085 and the like may stand inside one.
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` with their ends, as a file is read (``"".join`` gives ``text`` back)."""
    return LINE.findall(text)


def chunks_of(stream: TextIO | Iterable[str], size: int = CHUNK_CHARS) -> Iterator[str]:
    """Cut a text stream into chunks of about ``size`` characters at blank lines."""
    buffer: list[str] = []
    length = 0
    longest = 16 * size
    for line in stream:
        while len(line) > longest:
            # a line longer than any paragraph (no line break for a megabyte):
            # cut at its last space before the bound, else hard, so memory stays bounded
            cut = line.rfind(" ", 0, longest) + 1 or longest
            buffer.append(line[:cut])
            yield "".join(buffer)
            buffer, length, line = [], 0, line[cut:]
        buffer.append(line)
        length += len(line)
        if length >= size and not line.strip():
            yield "".join(buffer)
            buffer, length = [], 0
        elif length >= longest:
            # no blank line for a long while: cut at a line end rather than grow
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def with_lookahead(chunks: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """(chunk, is last) pairs."""
    iterator = iter(chunks)
    try:
        previous = next(iterator)
    except StopIteration:
        return
    for chunk in iterator:
        yield previous, False
        previous = chunk
    yield previous, True
