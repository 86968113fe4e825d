"""Typesetting for the OCR page generator: paragraphs broken into the lines a page shows.

Three layouts, each a single column:

- ``justified``: lines filled to the column width (measured in pixels by the
  page's font) and stretched to both margins, like a newspaper column;
- ``ragged``: filled the same way, left-aligned;
- ``hardwrap``: broken at a number of characters, whatever their width, like
  a plain-text file or a typewritten page.

With ``hyphenate`` a word that does not fit is broken at a syllable, with a
hyphen at the line end (``Respub-`` / ``likasının``); a word that already
holds a hyphen may also break after it (``cənub-`` / ``qərbdə``). Azerbaijani
syllables are split (around the marks that open or close the word) before the consonant that precedes a vowel, or between
two vowels (``Res-pub-li-ka-sı-nın``, ``Gro-up``); a piece is never shorter
than two letters, and words with digits or other marks break only at their
own hyphens.

Every line records how it joins the next (``JOIN_SPACE``, ``JOIN_HYPHEN``: a
hyphen was added and is dropped, ``JOIN_NONE``: the word's own hyphen ends
the line), so the paragraph can be read back exactly:
``unbreak(lines) == paragraph``; this is the gold text of the page.

>>> syllable_breaks("Respublikasının")
[3, 6, 8, 10, 12]
>>> [line.text for line in break_paragraph("Azərbaycan Respublikası", 15, len, hyphenate=True)]
['Azərbaycan Res-', 'publikası']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex

from azfix.text.alphabet import VOWELS, az_lower

JOIN_SPACE, JOIN_HYPHEN, JOIN_NONE = "space", "hyphen", "none"
SHORTEST_PIECE = 2  # letters kept on either side of a syllable break
_LETTERS = regex.compile(r"(\P{L}*)(\p{L}+)\P{L}*")  # marks around the letters of a word


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page: its text as printed and how it joins the next line of its paragraph."""

    text: str
    join: str = JOIN_SPACE
    last_of_paragraph: bool = False


def _is_vowel(char: str) -> bool:
    return az_lower(char) in VOWELS


def _letter_breaks(word: str) -> list[int]:
    """Syllable breaks of a word made of letters only."""
    breaks = []
    vowels = [i for i, c in enumerate(word) if _is_vowel(c)]
    for v in vowels[1:]:
        cut = v - 1 if not _is_vowel(word[v - 1]) else v
        if cut > vowels[0] and SHORTEST_PIECE <= cut <= len(word) - SHORTEST_PIECE:
            breaks.append(cut)
    return sorted(set(breaks))


def syllable_breaks(word: str) -> list[int]:
    """Offsets where ``word`` may be hyphenated at a line end (a hyphen is added there)."""
    letters = _LETTERS.fullmatch(word)
    if not letters or regex.search(r"[\p{N}'’]", word):
        return []
    return [letters.end(1) + cut for cut in _letter_breaks(letters.group(2))]


def break_options(word: str, hyphenate: bool) -> list[tuple[int, str]]:
    """Where a word may end a line: ``(offset, join)``, the word's own hyphens first-class."""
    options = [(m.end(), JOIN_NONE) for m in regex.finditer(r"(?<=\w{2})-(?=\w{2})", word)]
    if hyphenate:
        start = 0
        for part in regex.split(r"(-)", word):
            if part != "-":
                options += [(start + cut, JOIN_HYPHEN) for cut in syllable_breaks(part)]
            start += len(part)
    return sorted(options)


def _printed(piece: str, join: str) -> str:
    return piece + "-" if join == JOIN_HYPHEN else piece


def _split_to_fit(line: list[str], word: str, fits: Callable[[str], bool],
                  hyphenate: bool) -> tuple[str, str, str] | None:
    """The longest head of ``word`` that ends the line: ``(printed head, rest, join)``; None if none fits."""
    for cut, join in reversed(break_options(word, hyphenate)):
        head = _printed(word[:cut], join)
        if fits(" ".join(line + [head])):
            return head, word[cut:], join
    return None


def break_paragraph(paragraph: str, width: float, measure: Callable[[str], float],
                    hyphenate: bool = False, indent: float = 0.0) -> list[Line]:
    """Greedy line filling of one paragraph to ``width`` as measured by ``measure`` (the first line indented)."""
    def fits(text: str) -> bool:
        return measure(text) + (0.0 if lines else indent) <= width

    lines: list[Line] = []
    current: list[str] = []
    words = paragraph.split()
    k = 0
    while k < len(words):
        word = words[k]
        if fits(" ".join(current + [word])) or not current and not break_options(word, hyphenate):
            current.append(word)
            k += 1
            continue
        split = _split_to_fit(current, word, fits, hyphenate)
        if split is None and current:
            lines.append(Line(" ".join(current)))
            current = []
            continue
        if split is None:  # a word wider than the column, with no break that fits: it overflows
            current.append(word)
            k += 1
            continue
        head, rest, join = split
        lines.append(Line(" ".join(current + [head]), join))
        current, words[k] = [], rest
    lines.append(Line(" ".join(current), JOIN_SPACE, last_of_paragraph=True))
    return lines


def hard_wrap(paragraph: str, columns: int) -> list[Line]:
    """Lines of at most ``columns`` characters, broken at spaces only (a longer word stands alone)."""
    return break_paragraph(paragraph, columns, len, hyphenate=False)


def unbreak(lines: list[Line]) -> str:
    """The paragraph the lines were broken from."""
    out = []
    for line in lines:
        text = line.text[:-1] if line.join == JOIN_HYPHEN else line.text
        out.append(text + ("" if line.join != JOIN_SPACE or line.last_of_paragraph else " "))
    return "".join(out)
