"""What the character errors of an OCR page are: each error of a text against its gold put in one class.

The text and the gold are compared as the OCR benchmark's CER compares them
(runs of whitespace collapsed, :func:`benchmarks.ocr.collapse`), aligned by
Levenshtein opcodes; adjacent changes are merged into one run (gold segment
``g`` read as ``o``) and a run's cost (its share of the edit distance) goes to
the first class it fits, in this order (a run holding two errors side by
side, ``, vv`` for `` w``, counts whole in the first class it fits):

=====================  =====================================================
lost line              ``g`` of 20 characters or more, ``o`` at most a quarter
                       of it: a line (or more) the OCR never read, or read
                       elsewhere (``--psm 3`` may take blocks out of order)
inserted block         the same the other way: 20 characters or more where
                       the gold has (almost) none: a block read out of order,
                       or text read from dirt
j never output         ``g`` holds a ``j``/``J`` that ``o`` lacks
w read as vv           ``g`` holds ``w``/``W``, ``o`` holds ``vv``/``VV``/``Vv``
never output           ``g`` holds a character the OCR never writes
                       (``’ – % ! ;``…; found on the pages, see
                       :func:`never_output`) and ``o`` lacks it
stop read as : or ,    ``.`` read as ``:``/``,``/``;`` before a capital
space read as mark     a space read as marks between two words (``word.word``)
hyphen or space        only spaces and hyphens on both sides: a word split
                       at a line end, a hyphen left, two words joined
digit speck            digits in ``o`` where ``g`` has none
stray mark token       marks (and spaces) inserted, forming a token of marks
                       only (``” -``)
stray mark glued       marks inserted onto a word (``“ərindən``)
mark lost              marks of the gold not read
mark misread           marks read as other marks
letter error           anything with a letter on either side
other                  the rest
=====================  =====================================================

>>> dict(error_breakdown("Bu gün. : “ərindən vvaxt", "Bu gün. ərindən waxt", frozenset()))
{'stray mark token': 2, 'stray mark glued': 1, 'w read as vv': 2}
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from .ocr import collapse

CLASSES = ("lost line", "inserted block", "j never output", "w read as vv", "never output", "stop read as : or ,",
           "space read as mark", "hyphen or space", "digit speck", "stray mark token", "stray mark glued",
           "mark lost", "mark misread", "letter error", "other")
LOST_LINE = 20  # gold characters in one run for a lost line (a column line holds 30 to 75)
NEVER_OUTPUT_MIN = 3  # times a character is in the gold, never in the OCR, to count as never output
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_MARKS = regex.compile(r"[^\p{L}\p{N}\s]+")


@dataclass(frozen=True, slots=True)
class Run:
    """One run of adjacent changes: ``gold[g1:g2]`` read as ``text[t1:t2]``, costing ``cost`` edits."""

    g1: int
    g2: int
    t1: int
    t2: int
    cost: int


def change_runs(text: str, gold: str) -> list[Run]:
    """The runs of changes turning ``gold`` into ``text`` (both as given, not collapsed)."""
    runs: list[Run] = []
    for op in Levenshtein.opcodes(gold, text):
        if op.tag == "equal":
            continue
        cost = max(op.src_end - op.src_start, op.dest_end - op.dest_start)
        if runs and runs[-1].g2 == op.src_start and runs[-1].t2 == op.dest_start:
            last = runs.pop()
            runs.append(Run(last.g1, op.src_end, last.t1, op.dest_end, last.cost + cost))
        else:
            runs.append(Run(op.src_start, op.src_end, op.dest_start, op.dest_end, cost))
    return runs


def never_output(pairs: list[tuple[str, str]]) -> frozenset[str]:
    """Characters in the gold at least ``NEVER_OUTPUT_MIN`` times and never in the OCR, over (ocr, gold) pairs."""
    in_gold = Counter(c for _, gold in pairs for c in gold if not c.isspace())
    in_ocr = set().union(*(set(ocr) for ocr, _ in pairs)) if pairs else set()
    return frozenset(c for c, n in in_gold.items() if n >= NEVER_OUTPUT_MIN and c not in in_ocr)


def _token_of_marks(text: str, t1: int, t2: int) -> bool:
    """True if the whitespace-delimited token(s) around ``text[t1:t2]`` hold no letter or digit."""
    start = t1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = t2
    while end < len(text) and not text[end].isspace():
        end += 1
    return not _ALNUM.search(text[start:end])


def classify(run: Run, text: str, gold: str, never: frozenset[str]) -> str:
    """The class of one run (see the module docstring)."""
    g, o = gold[run.g1:run.g2], text[run.t1:run.t2]
    if len(g) >= LOST_LINE and len(o) * 4 <= len(g):
        return "lost line"
    if len(o) >= LOST_LINE and len(g) * 4 <= len(o):
        return "inserted block"
    if any(c in g and c not in o for c in "jJ"):
        return "j never output"
    if regex.search("[wW]", g) and regex.search("[vV][vV]", o):
        return "w read as vv"
    if any(c in never and c not in o for c in g):
        return "never output"
    if g.strip() == "." and o.strip() in (":", ",", ";") and regex.match(r"\s*\p{Lu}", gold[run.g2:]):
        return "stop read as : or ,"
    return _classify_rest(run, g, o, text)


def _classify_rest(run: Run, g: str, o: str, text: str) -> str:
    g_alnum, o_alnum = _ALNUM.search(g), _ALNUM.search(o)
    g_marks, o_marks = _MARKS.search(g), _MARKS.search(o)
    if g and not g.strip() and o and not o_alnum and not regex.search(r"\s", o) and o != "-":
        return "space read as mark"
    if not regex.search(r"[^\s-]", g + o):
        return "hyphen or space"
    if regex.search(r"\p{N}", o) and not regex.search(r"\p{N}", g):
        return "digit speck"
    if not g_alnum and not g_marks and o_marks and not o_alnum:
        return "stray mark token" if _token_of_marks(text, run.t1, run.t2) else "stray mark glued"
    if g_marks and not g_alnum and not o_alnum:
        return "mark misread" if o_marks else "mark lost"
    if regex.search(r"\p{L}", g + o):
        return "letter error"
    return "other"


def error_breakdown(text: str, gold: str, never: frozenset[str]) -> Counter:
    """Edit cost by class of ``text`` against ``gold``; the costs sum to their Levenshtein distance."""
    text, gold = collapse(text), collapse(gold)
    counts: Counter = Counter()
    for run in change_runs(text, gold):
        kind = classify(run, text, gold, never)
        if kind.startswith("stray mark") and run.g1 == run.g2:
            counts.update(_stray_pieces(run, text))
        else:
            counts[kind] += run.cost
    return counts


def _stray_pieces(run: Run, text: str) -> Counter:
    """An insertion of marks split at its spaces: each piece a token of its own or glued to a word.

    An inserted space goes with the token it sets apart.
    """
    counts: Counter = Counter()
    inserted = text[run.t1:run.t2]
    for piece in regex.finditer(r"\S+", inserted):
        alone = _token_of_marks(text, run.t1 + piece.start(), run.t1 + piece.end())
        counts["stray mark token" if alone else "stray mark glued"] += len(piece.group())
    counts["stray mark token"] += sum(c.isspace() for c in inserted)
    return +counts


def _label(run: Run, text: str, gold: str, never: frozenset[str]) -> str:
    """The class of a run as :func:`error_breakdown` counts most of it."""
    kind = classify(run, text, gold, never)
    if kind.startswith("stray mark") and run.g1 == run.g2:
        return _stray_pieces(run, text).most_common(1)[0][0]
    return kind


def _gold_to_text(text: str, gold: str) -> list[int]:
    """For each offset of ``gold`` (and its end), the offset of ``text`` aligned with it."""
    where = [0] * (len(gold) + 1)
    for op in Levenshtein.opcodes(gold, text):
        for k in range(op.src_start, op.src_end + 1):
            where[k] = op.dest_start + min(k - op.src_start, op.dest_end - op.dest_start)
    return where


def error_examples(ocr: str, output: str, gold: str, never: frozenset[str],
                   width: int = 12) -> list[tuple[str, str, str, str]]:
    """Every error left in ``output``: ``(class, OCR around it, output around it, gold around it)``."""
    ocr, output, gold = collapse(ocr), collapse(output), collapse(gold)
    in_ocr, in_output = _gold_to_text(ocr, gold), _gold_to_text(output, gold)
    out = []
    for run in change_runs(output, gold):
        g1, g2 = max(run.g1 - width, 0), min(run.g2 + width, len(gold))
        at_end = g2 == len(gold)  # then the window takes in what either text adds after the gold's end
        ocr_end = len(ocr) if at_end else in_ocr[g2]
        t1, t2 = min(in_output[g1], run.t1), len(output) if at_end else max(in_output[g2], run.t2)
        out.append((_label(run, output, gold, never), ocr[in_ocr[g1]:ocr_end], output[t1:t2], gold[g1:g2]))
    return out
