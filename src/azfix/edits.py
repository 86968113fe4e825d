"""Edit records and how to apply them: the explanation azfix returns with every result.

An :class:`Edit` says that the characters ``start:end`` of the input
(``original``) were replaced by ``replacement``, which kind of fix did it and
how sure azfix is. Edits of one result never overlap and are sorted, so
``apply_edits(text, result.edits) == result.text`` always holds.

>>> apply_edits("siyaset", [Edit(0, 7, "siyaset", "siyasət", "diacritic", 0.99)])
'siyasət'
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["Edit", "EditKind", "Result", "Why", "apply_edits", "compose"]


class EditKind(enum.StrEnum):
    """What kind of fix an edit is: a ``str``, so it compares and serialises as its value."""

    # word corrections (azfix.correct)
    DIACRITIC = "diacritic"  # a lost or wrong diacritic (siyaset → siyasət)
    TYPO = "typo"  # a letter dropped, added or swapped
    SPLIT = "split"  # two words glued together, split
    MERGE = "merge"  # a word broken by a space, joined
    REALWORD = "realword"  # a real word in the wrong place, replaced from context
    HYPHEN_SUFFIX = "hyphen-suffix"  # an ending hyphenated onto a word, joined (Bakı-nın → Bakının)
    # characters (azfix.stages.normalize, azfix.stages.mojibake)
    HOMOGLYPH = "homoglyph"  # a look-alike letter of another script
    LEGACY_FONT = "legacy-font"  # a letter of a legacy font encoding (Ģ → Ş)
    INVISIBLE = "invisible"  # an invisible character removed
    LIGATURE = "ligature"  # a typographic ligature spelt out
    COMPOSED = "composed"  # a letter and its combining mark written as one character (NFD → NFC)
    MOJIBAKE = "mojibake"  # UTF-8 decoded with another code page, repaired
    TRANSLITERATE = "transliterate"  # a word of Azerbaijani Cyrillic spelt in the Latin alphabet (azfix.stages.script)
    # layout (azfix.stages.layout)
    NOISE = "noise"  # OCR specks at a line edge removed
    DEHYPHENATE = "dehyphenate"  # a word broken at a line end joined
    UNWRAP = "unwrap"  # a hard-wrapped line joined to the next
    PARAGRAPH = "paragraph"  # a paragraph broken mid-sentence joined
    WHITESPACE = "whitespace"  # blank lines at the edges or in runs


@dataclass(frozen=True, slots=True)
class Why:
    """The terms of the score behind a word correction, in nats (log probabilities).

    prior: log prior of the replacement; cost: minus its error-model cost
    times ``alpha`` (the nats it costs); context: what the neighbours add;
    realword: for a known word replaced by another, the log odds of a
    real-word error and what the neighbours' classes prefer (0 otherwise);
    score: the replacement's total (the sum of the four); keep: the score of
    leaving the word as it was.
    The confidence of the edit is the replacement's share of the posterior
    over every option, keeping included.
    """

    prior: float
    cost: float
    context: float
    realword: float
    score: float
    keep: float


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    original: str
    replacement: str
    kind: EditKind
    confidence: float
    why: Why | None = None  # the score terms of a word's decision; None for rule and stage edits


@dataclass(frozen=True, slots=True)
class Result:
    text: str
    edits: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return bool(self.edits)


def apply_edits(text: str, edits) -> str:
    """Apply sorted, non-overlapping edits whose spans index ``text``."""
    out = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position or text[edit.start:edit.end] != edit.original:
            raise ValueError(f"edit {edit} does not match the text or overlaps another")
        out.append(text[position:edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def compose(original: str, first: list[Edit], second: list[Edit]) -> list[Edit]:
    """Express edits made on ``apply_edits(original, first)`` as edits of ``original``.

    Each character of the intermediate text knows the span of ``original`` it
    came from (itself, or the whole span a first-stage edit replaced). An edit
    of the second stage is widened to whole first-stage edits, absorbs them,
    and takes its original text from ``original``, so every span points into
    the caller's input.
    """
    if not first:
        return sorted(second, key=lambda e: (e.start, e.end))
    first = sorted(first, key=lambda e: (e.start, e.end))
    mid = apply_edits(original, first)
    starts: list[int] = []  # original start of the span each mid character came from
    ends: list[int] = []  # original end of that span
    position = 0
    for edit in first:
        starts.extend(range(position, edit.start))
        ends.extend(range(position + 1, edit.start + 1))
        starts.extend([edit.start] * len(edit.replacement))
        ends.extend([edit.end] * len(edit.replacement))
        position = edit.end
    starts.extend(range(position, len(original)))
    ends.extend(range(position + 1, len(original) + 1))
    starts.append(len(original))
    result, absorbed = [], set()
    for edit in second:
        o_start = starts[edit.start]
        o_end = ends[edit.end - 1] if edit.end > edit.start else o_start
        m_start = edit.start
        while m_start > 0 and starts[m_start - 1] == o_start and ends[m_start - 1] > o_start:
            m_start -= 1
        m_end = edit.end
        while edit.end > edit.start and m_end < len(mid) and ends[m_end] == o_end and starts[m_end] < o_end:
            m_end += 1
        for k, prior in enumerate(first):
            if o_start <= prior.start < o_end or (prior.start == prior.end == o_start):
                absorbed.add(k)
        replacement = mid[m_start:edit.start] + edit.replacement + mid[edit.end:m_end]
        result.append(Edit(o_start, o_end, original[o_start:o_end], replacement, edit.kind, edit.confidence,
                           edit.why))
    result += [e for k, e in enumerate(first) if k not in absorbed]
    return sorted(result, key=lambda e: (e.start, e.end))
