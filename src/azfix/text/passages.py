"""Cutting text into the passages whose language is judged: paragraphs, then quotations and sentences.

A paragraph runs to a blank line. Inside a paragraph a quotation (``«…»``,
``“…”``, ``„…“``, ``"…"`` on one line) is one passage whatever sentences it
holds, and the text around it is cut into sentences, after ``. ! ? …``
before a space (not after an initial: ``А. Сәһһәт``) and at line ends. A sentence that quotes goes on after the
quotation: the quotation is cut out of it, not the sentence in two.

A passage is a list of ``(start, end)`` ranges of the text (more than one
for a sentence around a quotation). This module only finds places; it never
reads words.

>>> text = 'Деди: «Мы готовы. Спасибо.» Сонра ҝетди.'
>>> [[text[a:b] for a, b in passage] for passage in passages(text)]
[['Мы готовы. Спасибо.'], ['Деди: «', '» Сонра ҝетди.']]
"""

from __future__ import annotations

import regex

__all__ = ["paragraphs", "passages"]

_BLANK_LINE = regex.compile(r"\n[ \t]*\n\s*")
_QUOTE = regex.compile(r'«[^«»\n]*»|“[^“”\n]*”|„[^„“”\n]*[“”]|"[^"\n]*"')
# (a full stop after a letter alone ends an initial, not a sentence: А. Сәһһәт)
_SENTENCE_END = regex.compile(r"(?<!(?:^|[^\p{L}])\p{L}\.{0,3})[.!?…]+(?=\s|$)|\n")

Passage = list[tuple[int, int]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each paragraph (blank lines between them belong to none)."""
    found, start = [], 0
    for blank in _BLANK_LINE.finditer(text):
        if blank.start() > start:
            found.append((start, blank.start()))
        start = blank.end()
    if start < len(text):
        found.append((start, len(text)))
    return found


def passages(text: str, start: int = 0, end: int | None = None) -> list[Passage]:
    """The quotations and sentences of ``text[start:end]``, each a list of ranges, in order of completion."""
    end = len(text) if end is None else end
    found: list[Passage] = []
    sentence: Passage = []
    position = start
    for quote in _QUOTE.finditer(text, start, end):
        _cut_sentences(text, position, quote.start() + 1, sentence, found)
        found.append([(quote.start() + 1, quote.end() - 1)])
        position = quote.end() - 1
    _cut_sentences(text, position, end, sentence, found)
    if sentence:
        found.append(sentence)
    return found


def _cut_sentences(text: str, start: int, end: int, sentence: Passage, found: list[Passage]) -> None:
    """Add ``text[start:end]`` to the open ``sentence``, closing it (into ``found``) at each sentence end."""
    position = start
    for stop in _SENTENCE_END.finditer(text, start, end):
        sentence.append((position, stop.end()))
        found.append(list(sentence))
        sentence.clear()
        position = stop.end()
    if position < end:
        sentence.append((position, end))
